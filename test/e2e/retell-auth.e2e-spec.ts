import request from 'supertest';
import { sign } from 'retell-sdk/lib/webhook_auth';
import { computeRetellDigest } from '../../src/modules/access/retell-signature';
import { callObject, RETELL_KEY, retellEnv, signedPost } from '../support/retell';
import { listRoutes } from '../support/routes';
import { createTestApp, TestApp } from '../support/test-app';

/** Every route of the application, read from the Express router, so a new route is covered without editing this file. */
describe('Retell authentication', () => {
  let t: TestApp;
  const body = { event: 'call_started', call: callObject() };

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
  });
  afterAll(() => t.close());

  it('answers 401 on every Retell route without credentials, with a wrong signature and a wrong token', async () => {
    const retellRoutes = listRoutes(t).filter(
      (route) => /^\/api\/(retell|webhooks\/retell)/.test(route.path) && !route.path.endsWith('/diagnostic'),
    );
    expect(retellRoutes.length).toBeGreaterThanOrEqual(12);
    for (const route of retellRoutes) {
      const call = () => request(t.server)[route.method.toLowerCase() as 'post'](route.path).send({ args: {} });
      const none = await call().expect(401);
      expect(none.body).toMatchObject({ statusCode: 401, message: 'Invalid or missing credentials' });
      await call()
        .set('x-retell-signature', `v=${Date.now()},d=${'0'.repeat(64)}`)
        .expect(401);
      await call().set('authorization', 'Bearer vbg_fn_unknown').expect(401);
      await call().set('authorization', `Bearer ${t.adminToken}`).expect(401);
    }
  });

  it('accepts a valid signature, made with any configured key', async () => {
    await signedPost(t, '/api/webhooks/retell', body).expect(204);
    await signedPost(t, '/api/webhooks/retell', body, { key: 'key_old_rotated_out' }).expect(204);
  });

  it('accepts a signature made by retell-sdk', async () => {
    const raw = JSON.stringify(body);
    await request(t.server)
      .post('/api/webhooks/retell')
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(raw, RETELL_KEY))
      .send(raw)
      .expect(204);
  });

  it('refuses a tampered body, a wrong key and stale or future timestamps', async () => {
    const raw = JSON.stringify(body);
    const now = Date.now();
    const header = `v=${now},d=${computeRetellDigest(raw, RETELL_KEY, now)}`;
    const post = (sent: string, signature: string) =>
      request(t.server)
        .post('/api/webhooks/retell')
        .set('content-type', 'application/json')
        .set('x-retell-signature', signature)
        .send(sent);
    await post(raw.replace('call_started', 'call_ended'), header).expect(401);
    await post(raw, header).expect(204);
    await signedPost(t, '/api/webhooks/retell', body, { key: 'key_unknown' }).expect(401);
    await signedPost(t, '/api/webhooks/retell', body, { now: now - 300_000 - 5_000 }).expect(401);
    await signedPost(t, '/api/webhooks/retell', body, { now: now + 300_000 + 5_000 }).expect(401);
  });

  it.each([
    ['empty', ''],
    ['missing d', `v=${Date.now()}`],
    ['reversed', `d=${'a'.repeat(64)},v=${Date.now()}`],
    ['62 hex', `v=${Date.now()},d=${'a'.repeat(62)}`],
    ['non-hex', `v=${Date.now()},d=${'z'.repeat(64)}`],
    ['garbage around', `xx v=${Date.now()},d=${'a'.repeat(64)} yy`],
    ['huge', `v=${'9'.repeat(5000)},d=${'a'.repeat(64)}`],
  ])('answers 401, never 500, for a malformed signature (%s)', async (_label, header) => {
    const res = await request(t.server)
      .post('/api/retell/list-services')
      .set('x-retell-signature', header)
      .send({ args: {} });
    expect(res.status).toBe(401);
  });

  it('ignores X-Forwarded-For for authentication', async () => {
    await request(t.server).post('/api/webhooks/retell').set('x-forwarded-for', '100.20.5.228').send(body).expect(401);
  });
});
