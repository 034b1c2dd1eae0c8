import request from 'supertest';
import { Call } from '../../src/modules/calls/call.entity';
import { TOOLS } from '../../src/modules/agent-tools/agent-tools.catalog';
import { Company } from '../../src/modules/tenants/company.entity';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { signRetellBody } from '../../src/modules/access/retell-signature';
import { RETELL_KEY, retellEnv, tenantDocument } from '../support/retell';
import { sdkSignedPost } from '../support/retell-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const NOT_SET_UP = 'Diese Nummer ist bei uns noch nicht eingerichtet.';
const TROUBLE = 'Ich habe gerade ein technisches Problem. Bitte versuchen Sie es gleich noch einmal.';

/** How a SIP trunk, a withheld caller or a web call really arrive in Retell's call object. */
const NUMBER_FORMS: Array<[string, Record<string, unknown>, boolean]> = [
  ['E.164', { from_number: '+4915112345678', to_number: '+493012345678' }, true],
  ['no plus sign', { from_number: '4915112345678', to_number: '493012345678' }, true],
  [
    'SIP URIs',
    { from_number: 'sip:+4915112345678@pbx.example.de;user=phone', to_number: 'sip:+493012345678@trunk.example.com' },
    true,
  ],
  ['00 prefix and spaces', { from_number: '0049 151 12345678', to_number: '0049 30 12345678' }, true],
  ['withheld caller', { from_number: 'anonymous', to_number: '+493012345678' }, false],
  ['no caller number', { to_number: '+493012345678' }, false],
  ['web call', { call_type: 'web_call', agent_id: 'agent_a' }, false],
];

describe('Retell: every payload mode and number format', () => {
  let t: TestApp;
  let company: Company;
  let serial = 0;
  const callOf = (numbers: Record<string, unknown>) => ({
    call_id: `call_${serial++}`,
    agent_id: 'agent_a',
    call_type: 'phone_call',
    direction: 'inbound',
    ...numbers,
  });

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
    await t.app.get(TenantsImportService).importDocument({
      companies: [tenantDocument('a', '+493012345678'), tenantDocument('b', '+442071838750', 'en')],
    });
    company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'a' });
    await t.dataSource
      .getRepository(Customer)
      .save({ companyId: company.id, name: 'Anna', phoneE164: '+4915112345678' });
  });
  afterAll(() => t.close());

  describe.each(NUMBER_FORMS)('%s', (_, numbers, callerKnown) => {
    it('stores every lifecycle event with the right company and keeps the numbers as sent', async () => {
      const call = callOf(numbers);
      for (const event of ['call_started', 'call_ended', 'call_analyzed']) {
        expect(
          (await sdkSignedPost(t, '/api/webhooks/retell', { event, call: { ...call, call_status: 'ended' } })).status,
        ).toBe(204);
      }
      const row = await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: call.call_id });
      expect(row).toMatchObject({
        companyId: company.id,
        fromNumber: numbers.from_number ?? null,
        toNumber: numbers.to_number ?? null,
      });
    });

    it('recognises the company (and a known caller) in the inbound webhook', async () => {
      const res = await sdkSignedPost(t, '/api/webhooks/retell/inbound', {
        event: 'call_inbound',
        call_inbound: { agent_id: 'agent_a', ...numbers },
      });
      expect(res.status).toBe(200);
      expect(res.body.call_inbound.dynamic_variables).toMatchObject({
        company_name: 'Salon a',
        customer_known: String(callerKnown),
      });
    });

    it('answers every function for the company, never "not set up" or a technical problem', async () => {
      const call = callOf(numbers);
      for (const name of Object.keys(TOOLS)) {
        const res = await sdkSignedPost(t, `/api/retell/${name}`, { name, call, args: {} });
        expect([name, res.status]).toEqual([name, 200]);
        expect([name, res.body.message]).not.toEqual([name, NOT_SET_UP]);
        expect([name, res.body.message]).not.toEqual([name, TROUBLE]);
      }
      const services = await sdkSignedPost(t, '/api/retell/list-services', { name: 'list_services', call, args: {} });
      expect(services.body.message).toBe(
        'Wir bieten an: Färben (90 Minuten) und Haarschnitt (30 Minuten). Was darf es sein?',
      );
    });
  });

  describe('args only ("Payload: args only")', () => {
    const context = 'direction=inbound&user_number=%2B4915112345678&agent_number=%2B493012345678';
    const argsOnly = (path: string, body: object, query = '', headers: Record<string, string> = {}) => {
      const raw = JSON.stringify(body);
      return request(t.server)
        .post(`${path}${query}`)
        .set({
          'content-type': 'application/json',
          'x-retell-signature': signRetellBody(raw, RETELL_KEY, Date.now()),
          ...headers,
        })
        .send(raw);
    };

    it('takes the call context from the URL that Retell fills with its dynamic variables', async () => {
      const res = await argsOnly(
        '/api/retell/list-services',
        { branch: 'Mitte' },
        `?call_id=call_args_only&${context}`,
      ).expect(200);
      expect(res.body.success).toBe(true);
      expect(await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: 'call_args_only' })).toMatchObject({
        companyId: company.id,
      });
    });

    it('takes it from headers too, numbers without plus included', async () => {
      const headers = {
        'x-retell-call-id': 'call_headers',
        'x-retell-user-number': '4915112345678',
        'x-retell-agent-number': '493012345678',
      };
      const res = await argsOnly('/api/retell/query-customer-appointments', {}, '', headers).expect(200);
      expect(res.body.message).toBe(
        'Ich finde keine anstehenden Termine für Sie. Möchten Sie einen neuen Termin vereinbaren?',
      );
      expect(await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: 'call_headers' })).toMatchObject({
        companyId: company.id,
      });
    });

    it('refuses a call id from the URL that belongs to another company', async () => {
      await argsOnly('/api/retell/list-services', {}, `?call_id=call_of_a&${context}`).expect(200);
      const other = 'direction=inbound&user_number=%2B447700900123&agent_number=%2B442071838750';
      await argsOnly('/api/retell/list-services', {}, `?call_id=call_of_a&${other}`).expect(403);
    });

    it('does not use an unsigned call id when nothing names the company', async () => {
      await argsOnly('/api/retell/list-services', {}, `?call_id=call_of_a&${context}`).expect(200);
      const res = await argsOnly('/api/retell/query-customer-appointments', {}, '?call_id=call_of_a').expect(200);
      expect(res.body.message).toBe(NOT_SET_UP);
    });

    it('still verifies the signature over the body', async () => {
      await request(t.server)
        .post(`/api/retell/list-services?call_id=x&${context}`)
        .set({ 'content-type': 'application/json', 'x-retell-signature': signRetellBody('{}', RETELL_KEY, Date.now()) })
        .send('{"branch":"Mitte"}')
        .expect(401);
    });
  });

  it('answers chat_inbound under chat_inbound and acknowledges chat events', async () => {
    const inbound = await sdkSignedPost(t, '/api/webhooks/retell/inbound', {
      event: 'chat_inbound',
      chat_inbound: {
        agent_id: 'agent_a',
        chat_id: 'chat_1',
        from_number: '+4915112345678',
        to_number: '+493012345678',
      },
    });
    expect(inbound.status).toBe(200);
    expect(Object.keys(inbound.body)).toEqual(['chat_inbound']);
    expect(inbound.body.chat_inbound.dynamic_variables).toMatchObject({
      company_name: 'Salon a',
      customer_name: 'Anna',
    });
    for (const event of ['chat_started', 'chat_ended', 'chat_analyzed']) {
      const res = await sdkSignedPost(t, '/api/webhooks/retell', {
        event,
        chat: { chat_id: 'chat_1', agent_id: 'agent_a', chat_status: 'ended' },
      });
      expect([event, res.status]).toEqual([event, 204]);
    }
  });

  it('acknowledges transcript updates and transfer events without storing them', async () => {
    const call = callOf({ from_number: '+4915112345678', to_number: '+493012345678' });
    for (const event of [
      'transcript_updated',
      'transfer_started',
      'transfer_bridged',
      'transfer_cancelled',
      'transfer_ended',
      'some_future_event',
    ]) {
      expect([event, (await sdkSignedPost(t, '/api/webhooks/retell', { event, call })).status]).toEqual([event, 204]);
    }
    expect(await t.dataSource.getRepository(Call).findOneBy({ retellCallId: call.call_id })).toBeNull();
  });
});
