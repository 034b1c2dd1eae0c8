import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { Call } from '../../src/modules/calls/call.entity';
import { ApiTokensService } from '../../src/modules/access/api-tokens.service';
import { CallContextService } from '../../src/modules/agent-tools/call-context.service';
import { Company } from '../../src/modules/tenants/company.entity';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { Service } from '../../src/modules/tenants/service.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { callObject, retellEnv, signedPost, tenantDocument } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

describe('Retell function endpoints', () => {
  let t: TestApp;
  let a: Company;
  let b: Company;
  const fn = (name: string, args: object, call: object = callObject()) =>
    signedPost(t, `/api/retell/${name}`, { name, call, args });

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
  });
  beforeEach(async () => {
    await t.app.get(TenantsImportService).importDocument({
      companies: [tenantDocument('a', '+493012345678'), tenantDocument('b', '+442071838750', 'en')],
    });
    a = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'a' });
    b = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'b' });
  });
  afterEach(() => t.reset());
  afterAll(() => t.close());

  it('lists the services of the called company, in its language', async () => {
    const res = await fn('list-services', {}).expect(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Wir bieten an: Färben (90 Minuten) und Haarschnitt (30 Minuten). Was darf es sein?',
      data: {
        services: [
          { name: 'Färben', duration_minutes: 90, branch: null },
          { name: 'Haarschnitt', duration_minutes: 30, branch: 'Mitte' },
        ],
      },
    });
    const english = await fn(
      'list-services',
      { branch: 'mitte' },
      callObject({ call_id: 'c2', to_number: '+442071838750' }),
    ).expect(200);
    expect(english.body.message).toBe(
      'We offer: Färben (90 minutes) and Haarschnitt (30 minutes). What would you like?',
    );
  });

  it('accepts the args-only payload with the call id as an argument', async () => {
    await fn('list-services', {}).expect(200);
    const res = await signedPost(t, '/api/retell/list-services', { call_id: 'call_1', branch: 'Mitte' }).expect(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data.services).toHaveLength(2);
  });

  it('tells the agent when the number belongs to no company', async () => {
    const res = await fn(
      'list-services',
      {},
      callObject({ call_id: 'z', to_number: '+4930999999', agent_id: 'nobody' }),
    ).expect(200);
    expect(res.body).toEqual({ success: false, message: 'Diese Nummer ist bei uns noch nicht eingerichtet.' });
  });

  it('describes branches with address and opening hours', async () => {
    const res = await fn('get-branches', {}).expect(200);
    expect(res.body.message).toBe('Unser Standort: Mitte, Torstraße 1, Berlin. Kann ich sonst noch helfen?');
    expect(res.body.data.branches[0].opening_hours).toEqual(['Montag 09:00–18:00', 'Samstag 10:00–14:00']);
  });

  it('saves the caller as a customer once, linked to the call', async () => {
    const first = await fn('collect-customer-info', { name: 'Anna Schmidt', email: 'anna@example.org' }).expect(200);
    expect(first.body).toMatchObject({
      success: true,
      message: 'Danke, Anna Schmidt. Ich habe Ihre Daten notiert. Wie kann ich Ihnen helfen?',
    });
    await fn('collect-customer-info', { name: 'Anna Schmidt-Meyer' }).expect(200);
    const customers = await t.dataSource.getRepository(Customer).find();
    expect(customers).toEqual([
      expect.objectContaining({
        companyId: a.id,
        name: 'Anna Schmidt-Meyer',
        phoneE164: '+4915112345678',
        email: 'anna@example.org',
      }),
    ]);
    expect((await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: 'call_1' })).customerId).toBe(
      customers[0].id,
    );
  });

  it('answers a speakable 200 naming what is missing or invalid', async () => {
    // One thing at a time: the missing name first; an address said but malformed is then asked to be spelt.
    const res = await fn('collect-customer-info', { email: 'not-an-email' }).expect(200);
    expect(res.body).toMatchObject({
      success: false,
      message: 'Mir fehlt noch Ihr Name. Können Sie mir das sagen?',
      data: { missing: ['name'] },
    });
    const spelt = await fn('collect-customer-info', { name: 'Anna', email: 'anna at beispiel' }).expect(200);
    expect(spelt.body).toMatchObject({
      success: false,
      message: 'Die E-Mail-Adresse habe ich nicht richtig verstanden. Können Sie sie bitte buchstabieren?',
      data: { missing: ['email'], invalid: ['email'] },
    });
    const empty = await fn('collect-customer-info', { name: 'Anna', email: '' }).expect(200);
    expect(empty.body.message).toBe('Mir fehlt noch eine gültige E-Mail-Adresse. Können Sie mir das sagen?');
    const book = await fn('book-appointment', { name: 'Anna' }).expect(200);
    expect(book.body.message).toContain('die gewünschte Leistung');
    const garbage = await signedPost(t, '/api/retell/check-availability', [1, 2, 3]).expect(200);
    expect(garbage.body.success).toBe(false);
  });

  it("reads the caller's upcoming appointments from our own records", async () => {
    const none = await fn('query-customer-appointments', {}).expect(200);
    expect(none.body.message).toBe(
      'Ich finde keine anstehenden Termine für Sie. Möchten Sie einen neuen Termin vereinbaren?',
    );
    const customer = await t.dataSource
      .getRepository(Customer)
      .save({ companyId: a.id, name: 'Anna', phoneE164: '+4915112345678' });
    const service = await t.dataSource.getRepository(Service).findOneByOrFail({ companyId: a.id, name: 'Haarschnitt' });
    const id = () => randomUUID();
    const base = {
      companyId: a.id,
      customerId: customer.id,
      serviceId: service.id,
      calcomEventTypeId: 1001,
      singleHost: true,
    };
    // Each row its own appointment: its stable id is its own.
    const own = () => {
      const rowId = id();
      return { id: rowId, originId: rowId };
    };
    await t.dataSource.getRepository(Appointment).save([
      {
        ...base,
        ...own(),
        startAt: new Date('2099-12-01T13:00:00Z'),
        endAt: new Date('2099-12-01T13:30:00Z'),
        status: 'accepted',
        idempotencyKey: 'k1',
      },
      {
        ...base,
        ...own(),
        startAt: new Date('2099-12-02T13:00:00Z'),
        endAt: new Date('2099-12-02T13:30:00Z'),
        status: 'cancelled',
        idempotencyKey: 'k2',
      },
      {
        ...base,
        ...own(),
        startAt: new Date('2000-01-01T13:00:00Z'),
        endAt: new Date('2000-01-01T13:30:00Z'),
        status: 'accepted',
        idempotencyKey: 'k3',
      },
    ]);
    const res = await fn('query-customer-appointments', {}, callObject({ call_id: 'call_2' })).expect(200);
    expect(res.body.message).toBe(
      'Sie haben einen Termin: Haarschnitt am Dienstag, 1. Dezember um 14 Uhr. Möchten Sie daran etwas ändern?',
    );
    expect(res.body.data.appointments).toHaveLength(1);
  });

  it('drops injected fields: company_id, costs and transcript change nothing', async () => {
    await fn(
      'collect-customer-info',
      { name: 'Eve', company_id: b.id, cost_total: 0, transcript: 'forged', id: 'x' },
      callObject({ company_id: b.id, transcript: 'forged' }),
    ).expect(200);
    const call = await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: 'call_1' });
    expect(call).toMatchObject({ companyId: a.id, transcript: null, costCents: null });
    expect(await t.dataSource.getRepository(Customer).findOneByOrFail({ name: 'Eve' })).toMatchObject({
      companyId: a.id,
    });
  });

  it("keeps a function token to its own company: another company's call is a 403 and reads nothing", async () => {
    const tokenA = (await t.app.get(ApiTokensService).create({ kind: 'function', name: 'agent a', companyId: a.id }))
      .token;
    const withToken = (name: string, body: object) =>
      request(t.server).post(`/api/retell/${name}`).set('authorization', `Bearer ${tokenA}`).send(body);
    const own = await withToken('list-services', { call: callObject({ call_id: 'own' }), args: {} }).expect(200);
    expect(own.body.message).toContain('Haarschnitt');
    const foreign = await withToken('list-services', {
      call: callObject({ call_id: 'foreign', to_number: '+442071838750' }),
      args: {},
    }).expect(403);
    expect(JSON.stringify(foreign.body)).not.toContain('Färben');
    await withToken('collect-customer-info', {
      call: callObject({ call_id: 'foreign', to_number: '+442071838750' }),
      args: { name: 'Mallory' },
    }).expect(403);
    expect(await t.dataSource.getRepository(Customer).countBy({ companyId: b.id })).toBe(0);
    expect(await t.dataSource.getRepository(Call).countBy({ retellCallId: 'foreign' })).toBe(0);
    const argsOnly = await withToken('list-services', {}).expect(200);
    expect(argsOnly.body.message).toContain('Wir bieten an');
  });

  it('resolves the call context in one database round trip', async () => {
    const counted: string[] = [];
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      if (typeof args[0] === 'string') counted.push(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    try {
      const context = await t.app
        .get(CallContextService)
        .resolve(callObject({ call_id: 'count' }), { kind: 'signature', companyId: a.id });
      expect(context).toMatchObject({
        company: { id: a.id, locale: 'de' },
        branch: { name: 'Mitte' },
        callerNumber: '+4915112345678',
      });
      expect(context.callId).toEqual(expect.any(String));
    } finally {
      spy.mockRestore();
    }
    expect(counted).toHaveLength(1);
  });
});
