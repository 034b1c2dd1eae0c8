import { DateTime } from 'luxon';
import { TenantResolverService } from '../../src/modules/tenants/tenant-resolver.service';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { retellEnv, signedPost, tenantDocument } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

describe('Retell inbound call webhook', () => {
  let t: TestApp;
  const inbound = (call: object) =>
    signedPost(t, '/api/webhooks/retell/inbound', {
      event: 'call_inbound',
      event_timestamp: Date.now(),
      call_inbound: call,
    });

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('a', '+493012345678')] });
  });
  afterAll(() => t.close());

  it('recognises a known caller for the called company, as string variables', async () => {
    const companyId = (await t.dataSource.query(`SELECT id FROM companies WHERE slug = 'a'`))[0].id;
    await t.dataSource.getRepository(Customer).save({ companyId, name: 'Anna Schmidt', phoneE164: '+4915112345678' });
    const before = DateTime.now().setZone('Europe/Berlin').setLocale('de');
    const res = await inbound({
      from_number: '+4915112345678',
      to_number: '+493012345678',
      agent_id: 'agent_a',
    }).expect(200);
    const after = DateTime.now().setZone('Europe/Berlin').setLocale('de');
    const { current_date, current_weekday, current_time, ...variables } = res.body.call_inbound.dynamic_variables;
    expect(variables).toEqual({
      company_name: 'Salon a',
      branch_name: 'Mitte',
      customer_name: 'Anna Schmidt',
      customer_known: 'true',
      current_timezone: 'Europe/Berlin',
    });
    expect([before, after].map((at) => [at.toISODate(), at.toFormat('cccc'), at.toFormat('HH:mm')])).toContainEqual([
      current_date,
      current_weekday,
      current_time,
    ]);
  });

  it('greets an unknown caller without a name', async () => {
    const res = await inbound({ from_number: '+4917000000000', to_number: '+493012345678' }).expect(200);
    expect(res.body.call_inbound.dynamic_variables).toMatchObject({
      customer_name: '',
      customer_known: 'false',
      company_name: 'Salon a',
    });
  });

  it('answers no variables for a number of no company and for a malformed body', async () => {
    expect((await inbound({ from_number: '+4917000000000', to_number: '+4940111111' }).expect(200)).body).toEqual({
      call_inbound: {},
    });
    expect((await signedPost(t, '/api/webhooks/retell/inbound', { call_inbound: 'nope' }).expect(200)).body).toEqual({
      call_inbound: {},
    });
  });

  it('fails open when the database is in trouble', async () => {
    const spy = jest.spyOn(t.app.get(TenantResolverService), 'resolve').mockRejectedValue(new Error('db down'));
    const res = await inbound({ from_number: '+4915112345678', to_number: '+493012345678' }).expect(200);
    expect(res.body).toEqual({ call_inbound: {} });
    spy.mockRestore();
  });
});
