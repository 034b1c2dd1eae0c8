import request from 'supertest';
import { createTestApp, TestApp, usesRealServices } from '../support/test-app';

describe('Operations endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness without touching dependencies', async () => {
    const res = await request(t.server).get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports the database and Redis in readiness', async () => {
    const res = await request(t.server).get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.redis).toEqual(
      usesRealServices && process.env.TEST_REDIS_URL ? { status: 'up' } : { status: 'up', mode: 'in-process' },
    );
  });

  it('answers 503 naming the database when it is down', async () => {
    const query = jest.spyOn(t.dataSource, 'query').mockRejectedValue(new Error('connection refused'));
    try {
      const res = await request(t.server).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'NOT_READY', message: 'Not ready: database' });
      expect(res.body.error.database.status).toBe('down');
      expect(res.body.details.redis.status).toBe('up');
    } finally {
      query.mockRestore();
    }
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await request(t.server).get('/api/admin/companies').set('x-request-id', 'abc-123').expect(401);
    expect(kept.headers['x-request-id']).toBe('abc-123');
    expect(kept.body.requestId).toBe('abc-123');
    const replaced = await request(t.server)
      .get('/api/admin/companies')
      .set('x-request-id', 'x'.repeat(100))
      .expect(401);
    expect(replaced.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the error shape and no stack', async () => {
    const res = await request(t.server).get('/nope').expect(404);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId', 'statusCode']);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('serves the OpenAPI document of the admin API and Prometheus metrics', async () => {
    const doc = await request(t.server).get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/admin/companies', '/api/admin/companies/{companyId}/services']),
    );
    expect(doc.body.components.securitySchemes.admin).toMatchObject({ type: 'http', scheme: 'bearer' });
    const metrics = await request(t.server).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('route="/api/admin/companies"');
  });

  it('sets security headers', async () => {
    const res = await request(t.server).get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
