import request from 'supertest';
import type { CalcomFake } from '../../../src/calcom-fake/calcom-fake';
import { ApiTokensService } from '../../../src/modules/access/api-tokens.service';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import { bookingTenant, calcomEnv, dayFromNow, startCalcomFake } from '../../support/calcom';
import { callObject, retellEnv, signedPost } from '../../support/retell';
import { createBackend, createTestApp, TestApp, TestBackend, functionTokenFor } from '../../support/test-app';
import { describeWithServices } from '../../support/services.testing';
import { waitFor } from '../../support/process';

const WINDOW_SECONDS = 8;
const numberOf = (slug: string) =>
  `+4930555${String([...slug].reduce((sum, c) => sum + c.charCodeAt(0), 0)).padStart(5, '0')}`;

describe('Security: rate limits', () => {
  let fake: CalcomFake;
  let t: TestApp;
  const env = () => ({ ...retellEnv, ...calcomEnv(fake), RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) });
  const book = (app: TestApp, slug: string, time = '10:00') =>
    signedPost(app, '/api/retell/book-appointment', {
      name: 'book_appointment',
      call: callObject({ call_id: `book_${slug}`, to_number: numberOf(slug) }),
      args: { service: 'Haarschnitt', date: dayFromNow(2), time, name: 'Anna' },
    });
  const statuses = async (count: number, send: () => request.Test) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) seen.push((await send()).status);
    return seen;
  };
  const importTenants = (app: TestApp, slugs: string[]) =>
    app.app
      .get(TenantsImportService)
      .importDocument({ companies: slugs.map((slug) => bookingTenant(slug, numberOf(slug))) });

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({ env: env() });
    await importTenants(t, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it(
    'answers the 31st book-appointment with 429, retry_after and Retry-After; other companies ' +
      'go on; after the window it answers again',
    async () => {
      expect(await statuses(30, () => book(t, 'a'))).toEqual(Array(30).fill(200));
      const limited = await book(t, 'a');
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ error: 'Too many requests', retry_after: expect.any(Number) });
      expect(limited.body.retry_after).toBeGreaterThanOrEqual(1);
      expect(limited.body.retry_after).toBeLessThanOrEqual(WINDOW_SECONDS);
      expect(limited.headers['retry-after']).toBe(String(limited.body.retry_after));
      const other = await book(t, 'b', '10:30');
      expect(other.status).toBe(200);
      expect(other.body.success).toBe(true);
      expect(fake.requestsTo('POST', /^\/v2\/bookings$/)).toHaveLength(2);
      // The window ends when retry_after said: the first request after it is answered again.
      const deadline = limited.body.retry_after * 1000 + 2_000;
      await waitFor(async () => (await book(t, 'a')).status === 200, deadline, 'the rate-limit window to end');
    },
  );

  it('limits /api/retell/* to 100 requests per company across all functions', async () => {
    const fn = (name: string) =>
      signedPost(t, `/api/retell/${name}`, {
        name,
        call: callObject({ call_id: 'many', to_number: numberOf('c') }),
        args: {},
      });
    const first = await statuses(50, () => fn('list-services'));
    const second = await statuses(50, () => fn('get-branches'));
    expect([...first, ...second]).toEqual(Array(100).fill(200));
    expect((await fn('query-customer-appointments')).status).toBe(429);
  });

  it('limits busy webhook streams to 200 per company, and never starves lifecycle events or the inbound webhook', async () => {
    const update = (i: number) =>
      signedPost(t, '/api/webhooks/retell', {
        event: 'transcript_updated',
        call: callObject({ call_id: `hook_${i}`, to_number: numberOf('d') }),
      });
    let i = 0;
    expect(await statuses(200, () => update(i++))).toEqual(Array(200).fill(204));
    expect((await update(i++)).status).toBe(429);
    expect(await statuses(100, () => update(i++))).toEqual(Array(100).fill(429));
    const transfer = await signedPost(t, '/api/webhooks/retell', {
      event: 'transfer_started',
      call: callObject({ call_id: 'hook_x', to_number: numberOf('d') }),
    });
    expect(transfer.status).toBe(429);
    for (const event of ['call_started', 'call_ended', 'call_analyzed']) {
      const res = await signedPost(t, '/api/webhooks/retell', {
        event,
        call: callObject({ call_id: 'hook_0', to_number: numberOf('d') }),
      });
      expect([event, res.status]).toEqual([event, 204]);
    }
    const inbound = await signedPost(t, '/api/webhooks/retell/inbound', {
      event: 'call_inbound',
      call_inbound: { from_number: '+4915112345678', to_number: numberOf('d') },
    });
    expect(inbound.status).toBe(200);
    expect(inbound.body.call_inbound.dynamic_variables.company_name).toBe('Salon d');
  });

  it('counts a company’s webhook stream against that company, not against Retell’s address shared by every tenant', async () => {
    const update = (slug: string) =>
      signedPost(t, '/api/webhooks/retell', {
        event: 'transcript_updated',
        call: callObject({ call_id: 'stream', to_number: numberOf(slug) }),
      });
    expect(await statuses(200, () => update('e'))).toEqual(Array(200).fill(204));
    expect((await update('e')).status).toBe(429);
    expect((await update('b')).status).toBe(204);
  });

  it('limits each admin token to 60 requests and the diagnostic endpoint to 10', async () => {
    const tokens = t.app.get(ApiTokensService);
    const [one, two, three] = await Promise.all(
      [1, 2, 3].map(async (n) => (await tokens.create({ kind: 'admin', name: `ops ${n}` })).token),
    );
    const admin = (token: string) =>
      request(t.server).get('/api/admin/companies').set('authorization', `Bearer ${token}`);
    expect(await statuses(60, () => admin(one))).toEqual(Array(60).fill(200));
    expect((await admin(one)).status).toBe(429);
    expect((await admin(two)).status).toBe(200);
    const diagnostic = () =>
      request(t.server).get('/api/webhooks/retell/diagnostic').set('authorization', `Bearer ${three}`);
    expect(await statuses(10, diagnostic)).toEqual(Array(10).fill(200));
    expect((await diagnostic()).status).toBe(429);
  });

  it('limits /mcp to 100 requests per company, and counts its bookings against the booking limit', async () => {
    const [f, g] = [await functionTokenFor(t, 'f', 'mcp'), await functionTokenFor(t, 'g', 'mcp')];
    let id = 0;
    const rpc = (token: string, method: string, params: object = {}) =>
      request(t.server)
        .post('/mcp?call_id=mcp_limits')
        .set('authorization', `Bearer ${token}`)
        .set('accept', 'application/json, text/event-stream')
        .send({ jsonrpc: '2.0', id: ++id, method, params });
    expect(await statuses(100, () => rpc(f, 'tools/list'))).toEqual(Array(100).fill(200));
    const limited = await rpc(f, 'tools/list');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'Too many requests', retry_after: expect.any(Number) });
    expect((await rpc(g, 'tools/list')).status).toBe(200);
    const args = { service: 'Haarschnitt', date: dayFromNow(3), time: '09:00', name: 'Anna', phone: '+4915112345678' };
    const bookG = () => rpc(g, 'tools/call', { name: 'book_appointment', arguments: args });
    expect(await statuses(30, bookG)).toEqual(Array(30).fill(200));
    expect((await bookG()).status).toBe(429);
    expect((await rpc(g, 'tools/call', { name: 'list_services', arguments: {} })).status).toBe(200);
  });

  it('counts by client address when nothing else identifies the caller, whatever X-Forwarded-For says', async () => {
    const anonymous = (i: number) =>
      signedPost(t, '/api/retell/list-services', { call_id: `anon_${i}` }).set(
        'x-forwarded-for',
        `203.0.113.${i % 250}`,
      );
    let i = 0;
    expect(await statuses(100, () => anonymous(i++))).toEqual(Array(100).fill(200));
    expect((await anonymous(i)).status).toBe(429);
  });
});

describeWithServices('Security: rate limits shared through Redis', () => {
  let fake: CalcomFake;
  let backend: TestBackend;
  const apps: TestApp[] = [];
  const book = (app: TestApp, i: number) =>
    signedPost(app, '/api/retell/book-appointment', {
      name: 'book_appointment',
      call: callObject({ call_id: `shared_${i}`, to_number: numberOf('shared') }),
      args: { service: 'Haarschnitt', date: dayFromNow(2), time: '11:00', name: 'Anna' },
    });

  beforeAll(async () => {
    fake = await startCalcomFake();
    backend = await createBackend();
    for (let n = 0; n < 2; n += 1)
      apps.push(
        await createTestApp({ backend, env: { ...retellEnv, ...calcomEnv(fake), RATE_LIMIT_WINDOW_SECONDS: '30' } }),
      );
    await apps[0].app
      .get(TenantsImportService)
      .importDocument({ companies: [bookingTenant('shared', numberOf('shared'))] });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await backend?.dispose();
    await fake?.stop();
  });

  it('lets two instances together allow exactly 30 bookings', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => book(apps[i % 2], i)));
    const counts = answers.reduce<Record<number, number>>(
      (all, res) => ({ ...all, [res.status]: (all[res.status] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ 200: 30, 429: 10 });
  });
});

describe('Security: rate limits without Redis', () => {
  let t: TestApp;
  let fake: CalcomFake;

  beforeAll(async () => {
    fake = await startCalcomFake();
    // A Redis that never answers: nothing listens on port 1.
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), REDIS_URL: 'redis://127.0.0.1:1' } });
    await t.app.get(TenantsImportService).importDocument({ companies: [bookingTenant('solo', numberOf('solo'))] });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('keeps answering and limiting in process, while readiness reports Redis down', async () => {
    const book = () =>
      signedPost(t, '/api/retell/book-appointment', {
        name: 'book_appointment',
        call: callObject({ call_id: 'solo', to_number: numberOf('solo') }),
        args: { service: 'Haarschnitt', date: dayFromNow(2), time: '12:00', name: 'Anna' },
      });
    const seen: number[] = [];
    for (let i = 0; i < 31; i += 1) seen.push((await book()).status);
    expect(seen).toEqual([...Array(30).fill(200), 429]);
    const ready = await request(t.server).get('/health/ready').expect(503);
    expect(ready.body.details.redis.status).toBe('down');
  });
});
