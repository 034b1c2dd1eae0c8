import request from 'supertest';
import { CalcomFake } from '../../../src/calcom-fake/calcom-fake';
import { ToolKey, TOOLS } from '../../../src/modules/agent-tools/agent-tools.catalog';
import { signRetellBody } from '../../../src/modules/access/retell-signature';
import { Appointment } from '../../../src/modules/appointments/appointment.entity';
import { CallEvent } from '../../../src/modules/calls/call-event.entity';
import { Call } from '../../../src/modules/calls/call.entity';
import { Company } from '../../../src/modules/tenants/company.entity';
import { Customer } from '../../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import { bookingTenant, calcomEnv, dayFromNow, generousLimits, TEST_EVENT_TYPES } from '../../support/calcom';
import { callObject } from '../../support/retell';
import { createTestApp, TestApp } from '../../support/test-app';

const A_NUMBER = '+493011100000';
const B_NUMBER = '+493022200000';
const CALLER = '+4915112345678';
const KEY_A = 'key_cross_company_a_0001';
const KEY_B = 'key_cross_company_b_0001';
const KEY_DEPLOYMENT = 'key_cross_company_deployment';
const FUNCTIONS = Object.keys(TOOLS) as ToolKey[];
const EVENTS = [
  'call_started',
  'call_ended',
  'call_analyzed',
  'transcript_updated',
  'transfer_started',
  'transfer_bridged',
  'transfer_cancelled',
  'transfer_ended',
];
const CHAT_EVENTS = ['chat_started', 'chat_ended', 'chat_analyzed'];

/** How a function call names its call: Retell's call object, or (args only) the URL or headers. */
type Mode = 'call object' | 'args only, query' | 'args only, headers' | "B's call id" | "B's agent";
const MODES: Mode[] = ['call object', 'args only, query', 'args only, headers', "B's call id", "B's agent"];

/**
 * The two ways a deployment serves two businesses: each with its own Retell workspace keys, or both on the
 * deployment's one key. With their own keys, a request signed with A's key never acts for B, whatever it names.
 */
describe.each([
  ['each company on its own Retell key', true],
  ['both companies on the deployment key', false],
])('Security: cross-company requests, %s', (_label, ownKeys) => {
  let t: TestApp;
  let fake: CalcomFake;
  let b: Company;
  let bCall: Call;
  let bAppointment: Appointment;
  const keyA = ownKeys ? KEY_A : KEY_DEPLOYMENT;
  const keyB = ownKeys ? KEY_B : KEY_DEPLOYMENT;
  const day = dayFromNow(2);
  const args = (name: ToolKey): object =>
    ({
      'check-availability': { service: 'Haarschnitt', date: day, time: '10:00' },
      'get-alternatives': { service: 'Haarschnitt', date: day, time: '10:00' },
      'collect-customer-info': { name: 'Mallory' },
      'collect-appointment-data': { service: 'Haarschnitt', date: day, time: '11:00', name: 'Mallory', confirm: true },
      'book-appointment': { service: 'Haarschnitt', date: day, time: '12:00', name: 'Mallory' },
      'cancel-appointment': { appointment_id: bAppointment.id },
      'reschedule-appointment': { appointment_id: bAppointment.id, new_date: dayFromNow(3), new_time: '10:00' },
    })[name as string] ?? {};
  const sign = (raw: string, key: string) => signRetellBody(raw, key, Date.now());
  const post = (path: string, body: object, key: string, headers: Record<string, string> = {}) => {
    const raw = JSON.stringify(body);
    return request(t.server)
      .post(path)
      .set({ 'content-type': 'application/json', 'x-retell-signature': sign(raw, key), ...headers })
      .send(raw);
  };
  const bNumbers = (callId: string) =>
    `call_id=${callId}&direction=inbound&user_number=${encodeURIComponent(CALLER)}` +
    `&agent_number=${encodeURIComponent(B_NUMBER)}`;
  /** One function call naming B (its number, agent or call) in each mode, signed with `key`. */
  const functionCall = (name: ToolKey, mode: Mode, key: string, callId: string) => {
    const path = `/api/retell/${name}`;
    if (mode === 'args only, query') return post(`${path}?${bNumbers(callId)}`, args(name), key);
    if (mode === 'args only, headers')
      return post(path, args(name), key, {
        'x-retell-call-id': callId,
        'x-retell-user-number': CALLER,
        'x-retell-agent-number': B_NUMBER,
      });
    const call =
      mode === "B's call id"
        ? { call_id: bCall.retellCallId }
        : mode === "B's agent"
          ? { call_id: callId, agent_id: 'agent_b', call_type: 'web_call' }
          : callObject({ call_id: callId, to_number: B_NUMBER });
    return post(path, { name, call, args: args(name) }, key);
  };
  const bState = async () => ({
    calls: await t.dataSource.getRepository(Call).find({ where: { companyId: b.id }, order: { id: 'ASC' } }),
    events: await t.dataSource.getRepository(CallEvent).count(),
    customers: await t.dataSource.getRepository(Customer).find({ where: { companyId: b.id }, order: { id: 'ASC' } }),
    appointments: await t.dataSource.getRepository(Appointment).find({ where: { companyId: b.id } }),
    booking: fake.bookings.get(bAppointment.calcomBookingUid!)?.status,
  });
  let cases = 0;

  beforeAll(async () => {
    fake = new CalcomFake({ eventTypes: TEST_EVENT_TYPES, apiKeys: ['cal_fixture_key_a', 'cal_fixture_key_b'] });
    await fake.start();
    t = await createTestApp({
      env: { RETELL_API_KEYS: KEY_DEPLOYMENT, ...calcomEnv(fake), ...generousLimits },
    });
    const own = (key: string) => (ownKeys ? { retellApiKeys: [key] } : {});
    await t.app.get(TenantsImportService).importDocument({
      companies: [
        { ...bookingTenant('a', A_NUMBER), calcomApiKey: 'cal_fixture_key_a', ...own(KEY_A) },
        {
          ...bookingTenant('b', B_NUMBER),
          calcomApiKey: 'cal_fixture_key_b',
          retellAgentIds: ['agent_b'],
          ...own(KEY_B),
        },
      ],
    });
    b = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'b' });
    const call = callObject({ call_id: 'b_call', to_number: B_NUMBER, from_number: CALLER });
    await post('/api/webhooks/retell', { event: 'call_started', call }, keyB).expect(204);
    const booked = await post(
      '/api/retell/book-appointment',
      { name: 'book_appointment', call, args: { service: 'Haarschnitt', date: day, time: '15:00', name: 'Anna' } },
      keyB,
    ).expect(200);
    expect(booked.body.success).toBe(true);
    bAppointment = await t.dataSource.getRepository(Appointment).findOneByOrFail({ companyId: b.id });
    bCall = await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: 'b_call' });
    fake.requests.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
    process.stdout.write(`cross-company (${ownKeys ? 'own keys' : 'deployment key'}): ${cases} requests\n`);
  });

  describe.each(MODES)('every function, %s', (mode) => {
    it.each(FUNCTIONS)(
      ownKeys ? "refuses A's key naming B with 403 and touches nothing of B: %s" : 'serves B on the one key: %s',
      async (name) => {
        const before = await bState();
        cases += 1;
        const callId = `x_${name}_${mode.replace(/\W/g, '')}`;
        const res = await functionCall(name, mode, keyA, callId);
        if (!ownKeys) return void expect([res.status, res.body.success === undefined]).toEqual([200, false]);
        expect(res.status).toBe(403);
        expect(res.body).toEqual({
          statusCode: 403,
          code: 'FORBIDDEN',
          message: expect.any(String),
          requestId: expect.any(String),
        });
        expect(await bState()).toEqual(before);
        expect(await t.dataSource.getRepository(Call).countBy({ retellCallId: callId })).toBe(0);
        expect(fake.requests).toHaveLength(0);
      },
    );
  });

  it.each(EVENTS)('a %s naming B is stored for B only with a key that signs for B', async (event) => {
    cases += 2;
    const call = callObject({ call_id: `ev_${event}`, to_number: B_NUMBER, call_status: 'ended' });
    const before = await bState();
    const forged = await post('/api/webhooks/retell', { event, call: { ...call, transcript: 'forged' } }, keyA);
    if (ownKeys) {
      expect(forged.status).toBe(403);
      expect(await bState()).toEqual(before);
    } else expect(forged.status).toBe(204);
    await post('/api/webhooks/retell', { event, call }, keyB).expect(204);
  });

  it("refuses a lifecycle event of B's call sent with A's numbers, whatever the key", async () => {
    cases += 1;
    const before = await bState();
    const call = callObject({ call_id: bCall.retellCallId, to_number: A_NUMBER, transcript: 'overwritten' });
    await post('/api/webhooks/retell', { event: 'call_analyzed', call }, keyA).expect(403);
    expect(await bState()).toEqual(before);
  });

  it.each(CHAT_EVENTS)('a %s naming B’s agent needs a key that signs for B', async (event) => {
    cases += 1;
    const chat = { chat_id: `chat_${event}`, agent_id: 'agent_b', chat_status: 'ended' };
    expect((await post('/api/webhooks/retell', { event, chat }, keyA)).status).toBe(ownKeys ? 403 : 204);
  });

  it.each([
    ['call_inbound', { from_number: CALLER, to_number: B_NUMBER }],
    ['chat_inbound', { agent_id: 'agent_b', from_number: CALLER }],
  ])("answers an %s naming B to A's key with 403, never with B's caller", async (event, inbound) => {
    cases += 2;
    const res = await post('/api/webhooks/retell/inbound', { event, [event]: inbound }, keyA);
    const mine = await post('/api/webhooks/retell/inbound', { event, [event]: inbound }, keyB).expect(200);
    expect(mine.body[event].dynamic_variables).toMatchObject({ company_name: 'Salon b' });
    if (ownKeys) {
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Salon b');
    } else expect(res.body).toEqual(mine.body);
  });

  it("never serves a company that has keys of its own with the deployment's key", async () => {
    cases += 1;
    const res = await functionCall('query-customer-appointments', 'call object', KEY_DEPLOYMENT, 'deployment');
    expect(res.status).toBe(ownKeys ? 403 : 200);
  });

  it('refuses a key no company and no deployment holds with 401', async () => {
    cases += 1;
    await functionCall('list-services', 'call object', 'key_nobody_holds_this', 'nobody').expect(401);
  });
});
