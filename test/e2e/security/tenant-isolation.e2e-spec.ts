import request from 'supertest';
import type { CalcomFake } from '../../../src/calcom-fake/calcom-fake';
import { Appointment } from '../../../src/modules/appointments/appointment.entity';
import { Call } from '../../../src/modules/calls/call.entity';
import { ApiTokensService } from '../../../src/modules/access/api-tokens.service';
import { Company } from '../../../src/modules/tenants/company.entity';
import { Customer } from '../../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import { CalcomFake as Fake } from '../../../src/calcom-fake/calcom-fake';
import { bookingTenant, calcomEnv, dayFromNow, generousLimits, TEST_EVENT_TYPES } from '../../support/calcom';
import { callObject, retellEnv, signedPost } from '../../support/retell';
import { createTestApp, TestApp } from '../../support/test-app';

const A_NUMBER = '+493011100000';
const B_NUMBER = '+493022200000';
const CALLER = '+4915112345678';
const FUNCTIONS = [
  'list-services',
  'get-branches',
  'check-availability',
  'get-alternatives',
  'collect-customer-info',
  'collect-appointment-data',
  'book-appointment',
  'cancel-appointment',
  'reschedule-appointment',
  'query-customer-appointments',
];

describe('Security: tenant isolation', () => {
  let t: TestApp;
  let fake: CalcomFake;
  let a: Company;
  let b: Company;
  let tokenA: string;
  let bAppointment: Appointment;
  let cases = 0;
  const day = dayFromNow(2);
  const args = (name: string, appointmentId?: string): object =>
    ({
      'check-availability': { service: 'Haarschnitt', date: day, time: '10:00' },
      'get-alternatives': { service: 'Haarschnitt', date: day, time: '10:00' },
      'collect-customer-info': { name: 'Mallory' },
      'collect-appointment-data': { service: 'Haarschnitt', date: day, time: '11:00', name: 'Mallory', confirm: true },
      'book-appointment': { service: 'Haarschnitt', date: day, time: '12:00', name: 'Mallory' },
      'cancel-appointment': { appointment_id: appointmentId },
      'reschedule-appointment': { appointment_id: appointmentId, new_date: dayFromNow(3), new_time: '10:00' },
    })[name] ?? {};
  const bState = async () => ({
    calls: await t.dataSource.getRepository(Call).countBy({ companyId: b.id }),
    customers: (await t.dataSource.getRepository(Customer).findBy({ companyId: b.id })).map((c) => c.name),
    appointment: await t.dataSource.getRepository(Appointment).findOneByOrFail({ id: bAppointment.id }),
    booking: fake.bookings.get(bAppointment.calcomBookingUid!)?.status,
  });

  beforeAll(async () => {
    // Each company has its own Cal.com key: whatever A does must never reach Cal.com with B's key.
    fake = new Fake({ eventTypes: TEST_EVENT_TYPES, apiKeys: ['cal_fixture_key_a', 'cal_fixture_key_b'] });
    await fake.start();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits } });
    await t.app.get(TenantsImportService).importDocument({
      companies: [
        { ...bookingTenant('a', A_NUMBER), calcomApiKey: 'cal_fixture_key_a' },
        { ...bookingTenant('b', B_NUMBER), calcomApiKey: 'cal_fixture_key_b' },
      ],
    });
    a = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'a' });
    b = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'b' });
    tokenA = (await t.app.get(ApiTokensService).create({ kind: 'function', name: 'agent a', companyId: a.id })).token;
    // The same person is a customer of B, with an appointment there.
    const booked = await signedPost(t, '/api/retell/book-appointment', {
      name: 'book_appointment',
      call: callObject({ call_id: 'b_call', to_number: B_NUMBER }),
      args: { service: 'Haarschnitt', date: day, time: '15:00', name: 'Anna' },
    }).expect(200);
    bAppointment = await t.dataSource
      .getRepository(Appointment)
      .findOneByOrFail({ id: booked.body.data.appointment_id });
    fake.requests.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
    process.stdout.write(`tenant-isolation: ${cases} requests\n`);
  });

  it.each(FUNCTIONS)(
    "refuses A's function token on a call to B's number: %s is a 403 and touches nothing of B",
    async (name) => {
      const before = await bState();
      cases += 1;
      await request(t.server)
        .post(`/api/retell/${name}`)
        .set('authorization', `Bearer ${tokenA}`)
        .send({
          name,
          call: callObject({ call_id: `steal_${name}`, to_number: B_NUMBER }),
          args: args(name, bAppointment.id),
        })
        .expect(403);
      expect(await bState()).toEqual(before);
      expect(await t.dataSource.getRepository(Call).countBy({ retellCallId: `steal_${name}` })).toBe(0);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it.each(FUNCTIONS)(
    "keeps B's appointments out of reach from A's number, even with B's appointment id: %s",
    async (name) => {
      const before = await bState();
      cases += 2;
      const viaSignature = await signedPost(t, `/api/retell/${name}`, {
        name,
        call: callObject({ call_id: `cross_${name}`, to_number: A_NUMBER }),
        args: args(name, bAppointment.id),
      }).expect(200);
      const viaToken = await request(t.server)
        .post(`/api/retell/${name}`)
        .set('authorization', `Bearer ${tokenA}`)
        .send({ call_id: `cross_token_${name}`, ...args(name, bAppointment.id) })
        .expect(200);
      for (const res of [viaSignature, viaToken]) expect(JSON.stringify(res.body)).not.toContain(bAppointment.id);
      expect(await bState()).toEqual(before);
      for (const sent of fake.requests) expect(sent.headers.authorization).toBe('Bearer cal_fixture_key_a');
      expect(fake.requests.filter((r) => r.path.includes(bAppointment.calcomBookingUid!))).toHaveLength(0);
    },
  );

  it("lists none of B's appointments to the same caller phoning A", async () => {
    cases += 1;
    const res = await signedPost(t, '/api/retell/query-customer-appointments', {
      name: 'query',
      call: callObject({ call_id: 'list_a', to_number: A_NUMBER, from_number: CALLER }),
      args: {},
    }).expect(200);
    expect(res.body.data.appointments.map((x: { appointment_id: string }) => x.appointment_id)).not.toContain(
      bAppointment.id,
    );
  });
});
