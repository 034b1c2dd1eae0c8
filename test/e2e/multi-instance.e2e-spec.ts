import request from 'supertest';
import { CacheService } from '../../src/cache/cache.service';
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
});
