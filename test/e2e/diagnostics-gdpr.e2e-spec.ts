import request from 'supertest';
import { openApiDoc, responseSchema, schemaMismatches } from '../support/openapi';
import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { Call } from '../../src/modules/calls/call.entity';
import { ApiTokensService } from '../../src/modules/access/api-tokens.service';
import { CallRetentionService } from '../../src/modules/calls/call-retention.service';
import { Company } from '../../src/modules/tenants/company.entity';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { BOOKING_NUMBER, bookingTenant, calcomEnv, callFunction, dayFromNow, startCalcomFake } from '../support/calcom';
import { callObject, retellEnv, signedPost } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

const CALLER = '+4915112345678';
const OTHER_NUMBER = '+493066666666';
const TRANSCRIPT = 'Agent: Guten Tag! User: Hier ist Anna Schmidt, ich hätte gern einen Termin.';

describe('Diagnostics, admin reads and GDPR erasure', () => {
  let t: TestApp;
  let fake: CalcomFake;
  const admin = (method: 'get' | 'delete', path: string) =>
    request(t.server)[method](path).set('authorization', `Bearer ${t.adminToken}`);
  const endCall = (callId: string, to = BOOKING_NUMBER, from = CALLER) =>
    signedPost(t, '/api/webhooks/retell', {
      event: 'call_ended',
      call: callObject({
        call_id: callId,
        from_number: from,
        to_number: to,
        call_status: 'ended',
        start_timestamp: Date.now() - 60_000,
        end_timestamp: Date.now(),
        duration_ms: 60_000,
        transcript: TRANSCRIPT,
        disconnection_reason: 'user_hangup',
        call_cost: { combined_cost: 12.5, product_costs: [] },
      }),
    }).expect(204);

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), TRANSCRIPT_RETENTION_DAYS: '30' } });
  });
  beforeEach(async () => {
    await t.app
      .get(TenantsImportService)
      .importDocument({ companies: [bookingTenant('salon'), bookingTenant('other', OTHER_NUMBER)] });
  });
  afterEach(async () => {
    fake.reset();
    await t.reset();
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('reports recent calls with company, customer, numbers, duration and cost, and the state of every component', async () => {
    await callFunction(t, 'collect-customer-info', { name: 'Anna Schmidt' }, { call_id: 'diag_1' }).expect(200);
    await endCall('diag_1');
    const res = await admin('get', '/api/webhooks/retell/diagnostic').expect(200);
    const doc = await openApiDoc(t);
    const report = responseSchema(doc, 'get', '/api/webhooks/retell/diagnostic', 200);
    expect(schemaMismatches(doc, report, res.body)).toEqual([]);
    expect(res.body.components).toEqual({
      database: { status: 'up', responseTimeMs: expect.any(Number) },
      redis: expect.objectContaining({ status: 'up' }),
      calcom: { breakers: expect.any(Array) },
      queue: { depth: expect.any(Number) },
    });
    expect(res.body.calls).toEqual([
      expect.objectContaining({
        retellCallId: 'diag_1',
        company: { id: expect.any(String), name: 'Salon salon' },
        customer: { id: expect.any(String), name: 'Anna Schmidt', phone: CALLER },
        fromNumber: CALLER,
        toNumber: BOOKING_NUMBER,
        status: 'ended',
        durationMs: 60_000,
        costCents: 12.5,
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('Guten Tag');
  });

  it('lists calls and shows one with transcript, events and appointments', async () => {
    await callFunction(
      t,
      'book-appointment',
      { service: 'Haarschnitt', date: dayFromNow(2), time: '10:00', name: 'Anna' },
      { call_id: 'detail' },
    ).expect(200);
    await endCall('detail');
    const [listed] = (await admin('get', '/api/admin/calls').expect(200)).body;
    expect(listed.transcript).toBeUndefined();
    const detail = (await admin('get', `/api/admin/calls/${listed.id}`).expect(200)).body;
    const doc = await openApiDoc(t);
    expect(schemaMismatches(doc, responseSchema(doc, 'get', '/api/admin/calls/{id}', 200), detail)).toEqual([]);
    expect(detail).toMatchObject({
      retellCallId: 'detail',
      transcript: TRANSCRIPT,
      events: [{ event: 'call_ended' }],
      appointments: [{ status: 'accepted' }],
    });
    await admin('get', '/api/admin/calls/6f1c2b9e-8f53-4c61-9d36-6e3f0a3f1a10').expect(404);
    await admin('get', '/api/admin/calls/not-a-uuid').expect(400);
  });

  it('finds customers by phone and shows their calls and appointments', async () => {
    await callFunction(
      t,
      'book-appointment',
      { service: 'Haarschnitt', date: dayFromNow(2), time: '11:00', name: 'Anna' },
      { call_id: 'cust' },
    ).expect(200);
    const [customer] = (await admin('get', `/api/admin/customers?phone=${encodeURIComponent(CALLER)}`).expect(200))
      .body;
    expect(customer).toMatchObject({ name: 'Anna', phoneE164: CALLER });
    const detail = (await admin('get', `/api/admin/customers/${customer.id}`).expect(200)).body;
    const doc = await openApiDoc(t);
    expect(schemaMismatches(doc, responseSchema(doc, 'get', '/api/admin/customers/{id}', 200), detail)).toEqual([]);
    expect(detail.calls).toHaveLength(1);
    expect(detail.appointments).toHaveLength(1);
    await admin('get', '/api/admin/customers?phone=12345').expect(400);
  });

  it('erases a caller everywhere without touching Cal.com unless asked, and is safe to repeat', async () => {
    await callFunction(
      t,
      'book-appointment',
      { service: 'Haarschnitt', date: dayFromNow(2), time: '12:00', name: 'Anna Schmidt', email: 'anna@example.org' },
      { call_id: 'gdpr_1' },
    ).expect(200);
    await endCall('gdpr_1');
    await callFunction(
      t,
      'collect-customer-info',
      { name: 'Anna S.' },
      { call_id: 'gdpr_2', to_number: OTHER_NUMBER },
    ).expect(200);
    await endCall('gdpr_2', OTHER_NUMBER);
    await callFunction(
      t,
      'collect-customer-info',
      { name: 'Bert' },
      { call_id: 'keep', from_number: '+4917600000000' },
    ).expect(200);
    await endCall('keep', BOOKING_NUMBER, '+4917600000000');

    const res = await admin('delete', `/api/admin/customers/by-phone/${encodeURIComponent(CALLER)}`).expect(200);
    expect(res.body).toEqual({ customers: 2, calls: 2, appointments: 1, cancelledBookings: 0, failedCancellations: 0 });
    expect(await t.dataSource.getRepository(Customer).find()).toEqual([expect.objectContaining({ name: 'Bert' })]);
    const calls = await t.dataSource.getRepository(Call).find({ order: { retellCallId: 'ASC' } });
    for (const call of calls.filter((c) => c.retellCallId.startsWith('gdpr'))) {
      expect(call).toMatchObject({
        transcript: null,
        analysis: null,
        fromNumber: null,
        customerId: null,
        costCents: 12.5,
      });
    }
    expect(calls.find((c) => c.retellCallId === 'keep')).toMatchObject({
      transcript: TRANSCRIPT,
      fromNumber: '+4917600000000',
    });
    const [appointment] = await t.dataSource.getRepository(Appointment).find();
    expect(appointment).toMatchObject({
      status: 'accepted',
      attendeeName: null,
      attendeeEmail: null,
      attendeePhone: null,
      customerId: null,
    });
    expect([...fake.bookings.values()][0].status).toBe('accepted');
    expect(fake.requestsTo('POST', /\/cancel$/)).toHaveLength(0);

    const again = await admin('delete', `/api/admin/customers/by-phone/${encodeURIComponent(CALLER)}`).expect(200);
    expect(again.body).toEqual({
      customers: 0,
      calls: 0,
      appointments: 0,
      cancelledBookings: 0,
      failedCancellations: 0,
    });
  });

  it('cancels the caller’s upcoming Cal.com bookings when asked, and only in the company named', async () => {
    await callFunction(
      t,
      'book-appointment',
      { service: 'Haarschnitt', date: dayFromNow(2), time: '13:00', name: 'Anna' },
      { call_id: 'c1' },
    ).expect(200);
    await callFunction(t, 'collect-customer-info', { name: 'Anna' }, { call_id: 'c2', to_number: OTHER_NUMBER }).expect(
      200,
    );
    const salon = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'salon' });
    const res = await admin(
      'delete',
      `/api/admin/customers/by-phone/${encodeURIComponent(CALLER)}?cancelBookings=true&companyId=${salon.id}`,
    ).expect(200);
    expect(res.body).toMatchObject({ customers: 1, cancelledBookings: 1 });
    expect([...fake.bookings.values()][0].status).toBe('cancelled');
    expect(await t.dataSource.getRepository(Customer).count()).toBe(1);
    await admin('delete', '/api/admin/customers/by-phone/hello').expect(400);
    await admin('delete', `/api/admin/customers/by-phone/${encodeURIComponent(CALLER)}?cancelBookings=maybe`).expect(
      400,
    );
  });

  it('keeps PII admin-only: a function token gets 401 on the diagnostic, calls and customers routes', async () => {
    const company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'salon' });
    const token = (await t.app.get(ApiTokensService).create({ kind: 'function', name: 'agent', companyId: company.id }))
      .token;
    for (const path of ['/api/webhooks/retell/diagnostic', '/api/admin/calls', '/api/admin/customers']) {
      await request(t.server).get(path).set('authorization', `Bearer ${token}`).expect(401);
    }
  });

  it('removes transcripts older than the retention period and keeps newer ones', async () => {
    await endCall('old');
    await endCall('new');
    const calls = t.dataSource.getRepository(Call);
    await calls.update(
      { retellCallId: 'old' },
      { endedAt: new Date(Date.now() - 31 * 86_400_000), analysis: { call_summary: 'old' } },
    );
    expect(await t.app.get(CallRetentionService).purgeTranscripts()).toBe(1);
    expect(await calls.findOneByOrFail({ retellCallId: 'old' })).toMatchObject({
      transcript: null,
      analysis: null,
      costCents: 12.5,
    });
    expect(await calls.findOneByOrFail({ retellCallId: 'new' })).toMatchObject({ transcript: TRANSCRIPT });
    expect(await t.app.get(CallRetentionService).purgeTranscripts()).toBe(0);
  });
});
