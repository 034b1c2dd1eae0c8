import request from 'supertest';
import { CacheService } from '../../src/cache/cache.service';
import { RetellWebhookDto } from '../../src/modules/retell/retell-webhook.dto';
import { RetellWebhooksService } from '../../src/modules/retell/retell-webhooks.service';
import { createBackend, createTestApp, TestApp, TestBackend } from '../support/test-app';
import { describeWithServices } from '../support/services.testing';

/** Several stateless instances behind a load balancer share one Postgres and one Redis. Needs the real services. */
describeWithServices('two instances on one Postgres and Redis', () => {
  let backend: TestBackend;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    backend = await createBackend();
    a = await createTestApp({ backend });
    b = await createTestApp({ backend });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await backend?.dispose();
  });

  it('are both ready and report Redis', async () => {
    for (const t of [a, b]) {
      const res = await request(t.server).get('/health/ready').expect(200);
      expect(res.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
      expect(res.body.details.redis.mode).toBeUndefined();
    }
  });

  it('see each other’s writes and tokens', async () => {
    const created = (
      await request(a.server)
        .post('/api/admin/companies')
        .set('authorization', `Bearer ${a.adminToken}`)
        .send({ slug: 'shared', name: 'Shared' })
        .expect(201)
    ).body;
    const read = (
      await request(b.server)
        .get(`/api/admin/companies/${created.id}`)
        .set('authorization', `Bearer ${a.adminToken}`)
        .expect(200)
    ).body;
    expect(read.slug).toBe('shared');
  });

  it('share one cache', async () => {
    await a.app.get(CacheService).set('probe:shared', { value: 42 }, 10_000);
    expect(await b.app.get(CacheService).get('probe:shared')).toEqual({ value: 42 });
    await b.app.get(CacheService).del('probe:shared');
    expect(await a.app.get(CacheService).get('probe:shared')).toBeUndefined();
  });

  it('store overlapping batches of the same calls from both instances, each event once, without deadlock', async () => {
    const body = (event: string, i: number) => ({
      event,
      call: {
        call_id: `shared_${i}`,
        agent_id: 'agent_x',
        call_status: event === 'call_started' ? 'ongoing' : 'ended',
      },
    });
    const all = ['call_started', 'call_ended', 'call_analyzed'].flatMap((event) =>
      Array.from({ length: 30 }, (_, i) => body(event, i)),
    );
    // Each instance gets every event (Retell retrying on another instance), in opposite orders, as one burst each.
    const record = (t: TestApp, bodies: object[]) =>
      Promise.all(bodies.map((item) => t.app.get(RetellWebhooksService).record(item as RetellWebhookDto)));
    const [fromA, fromB] = await Promise.all([record(a, all), record(b, [...all].reverse())]);
    expect([...fromA, ...fromB].filter((outcome) => outcome === 'stored')).toHaveLength(90);
    const [{ events }] = await a.dataSource.query(
      `SELECT count(*)::int AS events FROM call_events e JOIN calls c ON c.id = e.call_id
       WHERE c.retell_call_id LIKE 'shared_%'`,
    );
    expect(events).toBe(90);
    const calls = await a.dataSource.query(
      `SELECT status, last_event_rank FROM calls WHERE retell_call_id LIKE 'shared_%'`,
    );
    expect(calls).toHaveLength(30);
    expect(calls.every((call: { status: string; last_event_rank: number }) => call.status === 'ended')).toBe(true);
    expect(calls.every((call: { last_event_rank: number }) => Number(call.last_event_rank) === 3)).toBe(true);
  });
});
