import request from 'supertest';
import { ApiTokensService } from '../../src/modules/access/api-tokens.service';
import { TOOLS } from '../../src/modules/agent-tools/agent-tools.catalog';
import { Company } from '../../src/modules/tenants/company.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { callObject, retellEnv, signedPost, tenantDocument } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

const FALLBACK = {
  success: false,
  message: 'Ich habe gerade ein technisches Problem. Bitte versuchen Sie es gleich noch einmal.',
};

/** Makes every new database connection fail at once, as a stopped or unreachable Postgres does. */
function breakDatabase(t: TestApp): () => void {
  const driver = t.dataSource.driver as unknown as { obtainMasterConnection: () => Promise<unknown> };
  const original = driver.obtainMasterConnection;
  driver.obtainMasterConnection = () =>
    Promise.reject(new Error('connect ECONNREFUSED (database stopped by the test)'));
  return () => {
    driver.obtainMasterConnection = original;
  };
}

const timed = async (send: () => Promise<request.Response>) => {
  const started = Date.now();
  const res = await send();
  return { res, ms: Date.now() - started };
};

describe('Retell routes with the database down', () => {
  let t: TestApp;
  let functionToken: string;
  let repair: () => void;

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('a', '+493012345678')] });
    const company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'a' });
    functionToken = (
      await t.app.get(ApiTokensService).create({ kind: 'function', name: 'agent', companyId: company.id })
    ).token;
    repair = breakDatabase(t);
  });
  afterAll(async () => {
    repair();
    await t.close();
  });

  it.each(Object.keys(TOOLS))('%s answers the spoken fallback (200) at once, signed or with a token', async (name) => {
    const body = { name, call: callObject({ call_id: `down_${name}` }), args: {} };
    const signed = await timed(() => signedPost(t, `/api/retell/${name}`, body));
    const token = await timed(() =>
      request(t.server).post(`/api/retell/${name}`).set('authorization', `Bearer ${functionToken}`).send(body),
    );
    for (const { res, ms } of [signed, token]) {
      expect([res.status, res.body]).toEqual([200, FALLBACK]);
      expect(ms).toBeLessThan(2000);
    }
  });

  it('lets the inbound call through without variables', async () => {
    const { res, ms } = await timed(() =>
      signedPost(t, '/api/webhooks/retell/inbound', {
        event: 'call_inbound',
        call_inbound: { from_number: '+4915112345678', to_number: '+493012345678' },
      }),
    );
    expect([res.status, res.body]).toEqual([200, { call_inbound: {} }]);
    expect(ms).toBeLessThan(2000);
    const chat = await signedPost(t, '/api/webhooks/retell/inbound', {
      event: 'chat_inbound',
      chat_inbound: { to_number: '+493012345678' },
    });
    expect([chat.status, chat.body]).toEqual([200, { chat_inbound: {} }]);
  });

  it('answers 503 for an event it could not store, so Retell retries it, and acknowledges the rest', async () => {
    const { res, ms } = await timed(() =>
      signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: callObject({ call_id: 'down_event' }) }),
    );
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(ms).toBeLessThan(2000);
    await signedPost(t, '/api/webhooks/retell', {
      event: 'transcript_updated',
      call: callObject({ call_id: 'down_event' }),
    }).expect(204);
  });

  it('still refuses a request without credentials; a token it cannot check hears only the fallback', async () => {
    await request(t.server).post('/api/retell/list-services').send({}).expect(401);
    await request(t.server)
      .post('/api/retell/list-services')
      .set('authorization', 'Bearer vbg_fn_unknown')
      .send({})
      .expect(200, FALLBACK);
  });
});
