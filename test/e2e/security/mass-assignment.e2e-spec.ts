import request from 'supertest';
import type { CalcomFake } from '../../../src/calcom-fake/calcom-fake';
import { Appointment } from '../../../src/modules/appointments/appointment.entity';
import { Call } from '../../../src/modules/calls/call.entity';
import { ApiToken } from '../../../src/modules/access/api-token.entity';
import { Branch } from '../../../src/modules/tenants/branch.entity';
import { Company } from '../../../src/modules/tenants/company.entity';
import { Customer } from '../../../src/modules/tenants/customer.entity';
import { PhoneNumber } from '../../../src/modules/tenants/phone-number.entity';
import { Service } from '../../../src/modules/tenants/service.entity';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import {
  BOOKING_NUMBER,
  bookingTenant,
  calcomEnv,
  dayFromNow,
  generousLimits,
  startCalcomFake,
} from '../../support/calcom';
import { callObject, retellEnv, signedPost } from '../../support/retell';
import { createTestApp, TestApp } from '../../support/test-app';

const B_NUMBER = '+493077777777';
const FORGED_ID = '6f1c2b9e-8f53-4c61-9d36-6e3f0a3f1a10';

/** Every protected field, as a caller or a client might spell it. */
const forged = (companyB: string) => ({
  company_id: companyB,
  companyId: companyB,
  cost_cents: 1,
  costCents: 1,
  cost_total: 1,
  cost_breakdown: { totalCents: 1 },
  costBreakdown: { totalCents: 1 },
  transcript: 'forged transcript',
  analysis: { forged: true },
  kind: 'admin',
  id: FORGED_ID,
  last_event_rank: 9,
  tokenHash: 'f'.repeat(64),
});

const VALID_ARGS: Record<string, object> = {
  'list-services': {},
  'get-branches': {},
  'check-availability': { service: 'Haarschnitt', date: dayFromNow(2), time: '10:00' },
  'get-alternatives': { service: 'Haarschnitt', date: dayFromNow(2), time: '10:00' },
  'collect-customer-info': { name: 'Anna' },
  'collect-appointment-data': {
    service: 'Haarschnitt',
    date: dayFromNow(2),
    time: '11:00',
    name: 'Anna',
    confirm: false,
  },
  'book-appointment': { service: 'Haarschnitt', date: dayFromNow(2), time: '12:00', name: 'Anna' },
  'cancel-appointment': { date: dayFromNow(2) },
  'reschedule-appointment': { date: dayFromNow(2), new_date: dayFromNow(3), new_time: '10:00' },
  'query-customer-appointments': {},
};

describe('Security: mass assignment', () => {
  let t: TestApp;
  let fake: CalcomFake;
  let a: Company;
  let b: Company;
  let cases = 0;
  const snapshot = async () => ({
    companies: await t.dataSource.getRepository(Company).find({
      select: {
        id: true,
        slug: true,
        name: true,
        timezone: true,
        locale: true,
        calcomApiKey: true,
        retellAgentIds: true,
      },
      order: { slug: 'ASC' },
    }),
    // Without lastUsedAt, which every authenticated request moves on.
    tokens: (await t.dataSource.getRepository(ApiToken).find({ order: { createdAt: 'ASC' } })).map(
      ({ lastUsedAt: _used, ...token }) => token,
    ),
    branches: await t.dataSource.getRepository(Branch).find({ order: { name: 'ASC' } }),
    phoneNumbers: await t.dataSource.getRepository(PhoneNumber).find({ order: { e164: 'ASC' } }),
    services: await t.dataSource.getRepository(Service).find({ order: { name: 'ASC', companyId: 'ASC' } }),
  });
  const ofB = async () => ({
    calls: await t.dataSource.getRepository(Call).countBy({ companyId: b.id }),
    customers: await t.dataSource.getRepository(Customer).countBy({ companyId: b.id }),
    appointments: await t.dataSource.getRepository(Appointment).countBy({ companyId: b.id }),
  });

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits } });
    await t.app
      .get(TenantsImportService)
      .importDocument({ companies: [bookingTenant('a'), bookingTenant('b', B_NUMBER)] });
    a = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'a' });
    b = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'b' });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
    process.stdout.write(`mass-assignment: ${cases} requests\n`);
  });

  it.each(Object.keys(VALID_ARGS))('ignores protected fields sent to %s in args, call and body', async (name) => {
    const before = await snapshot();
    const injected = forged(b.id);
    const body = {
      ...injected,
      name,
      call: callObject({ ...injected, call_id: `ma_${name}`, to_number: BOOKING_NUMBER }),
      args: { ...VALID_ARGS[name], ...injected },
    };
    cases += 1;
    const res = await signedPost(t, `/api/retell/${name}`, body).expect(200);
    expect(res.body.message).not.toMatch(/forged/);
    const call = await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: `ma_${name}` });
    expect(call).toMatchObject({
      companyId: a.id,
      transcript: null,
      analysis: null,
      costCents: null,
      costBreakdown: null,
      lastEventRank: 0,
    });
    expect(call.id).not.toBe(FORGED_ID);
    expect(await snapshot()).toEqual(before);
    expect(await ofB()).toEqual({ calls: 0, customers: 0, appointments: 0 });
  });

  it('ignores protected fields in webhook bodies: the company comes from the number, cost only from call_cost', async () => {
    const injected = forged(b.id);
    const { transcript: _legitimateInCall, ...callInjected } = injected;
    cases += 2;
    await signedPost(t, '/api/webhooks/retell', {
      ...injected,
      event: 'call_started',
      call: callObject({ ...callInjected, call_id: 'ma_hook', to_number: BOOKING_NUMBER }),
    }).expect(204);
    await signedPost(t, '/api/webhooks/retell/inbound', {
      ...injected,
      event: 'call_inbound',
      call_inbound: { ...injected, from_number: '+4915112345678', to_number: BOOKING_NUMBER, agent_id: 'x' },
    }).expect(200);
    const call = await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: 'ma_hook' });
    expect(call).toMatchObject({
      companyId: a.id,
      costCents: null,
      costBreakdown: null,
      analysis: null,
      transcript: null,
    });
    expect(call.id).not.toBe(FORGED_ID);
    expect(await ofB()).toEqual({ calls: 0, customers: 0, appointments: 0 });
  });

  it('refuses protected fields on every admin endpoint with a body, and changes nothing', async () => {
    const before = await snapshot();
    const injected = forged(b.id);
    const branch = before.branches.find((x) => x.companyId === a.id)!;
    const phone = before.phoneNumbers.find((x) => x.companyId === a.id)!;
    const service = before.services.find((x) => x.companyId === a.id)!;
    const attempts: Array<[string, string, object]> = [
      ['post', '/api/admin/companies', { slug: 'new', name: 'New', ...injected }],
      ['patch', `/api/admin/companies/${a.id}`, { name: 'Renamed', ...injected }],
      ['post', `/api/admin/companies/${a.id}/branches`, { name: 'Neu', ...injected }],
      ['patch', `/api/admin/companies/${a.id}/branches/${branch.id}`, { name: 'Neu', ...injected }],
      ['post', `/api/admin/companies/${a.id}/phone-numbers`, { e164: '+493011111111', ...injected }],
      ['patch', `/api/admin/companies/${a.id}/phone-numbers/${phone.id}`, { label: 'x', ...injected }],
      [
        'post',
        `/api/admin/companies/${a.id}/services`,
        { name: 'Neu', calcomEventTypeId: 5, durationMinutes: 30, ...injected },
      ],
      ['patch', `/api/admin/companies/${a.id}/services/${service.id}`, { name: 'Neu', ...injected }],
      ['post', '/api/admin/tokens', { name: 'sneaky', ...injected }],
    ];
    for (const [method, path, body] of attempts) {
      cases += 1;
      const res = await request(t.server)
        [method as 'post'](path)
        .set('authorization', `Bearer ${t.adminToken}`)
        .send(body);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.message).toMatch(/should not exist/);
    }
    expect(await snapshot()).toEqual(before);
  });
});
