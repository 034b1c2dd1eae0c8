import request from 'supertest';
import { openApiDoc } from '../support/openapi';
import { listRoutes } from '../support/routes';
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

  it('sends no ETag: every answer is computed for its request, so none is hashed for a validator', async () => {
    const res = await request(t.server).get('/health/live').expect(200);
    expect(res.headers.etag).toBeUndefined();
    await request(t.server).get('/health/live').set('if-none-match', 'W/"x"').expect(200);
  });

  it('answers unknown routes with the error shape and no stack', async () => {
    const res = await request(t.server).get('/nope').expect(404);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId', 'statusCode']);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('documents every route in OpenAPI, with the signature and both bearer schemes', async () => {
    const doc = await request(t.server).get('/docs/openapi.json').expect(200);
    const documented = new Set(
      Object.entries(doc.body.paths as Record<string, object>).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const served = listRoutes(t)
      .filter((route) => !route.path.startsWith('/docs'))
      .map((route) => `${route.method} ${route.path}`);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    expect(doc.body.components.securitySchemes).toMatchObject({
      admin: { type: 'http', scheme: 'bearer' },
      'function-token': { type: 'http', scheme: 'bearer' },
      'retell-signature': { type: 'apiKey', in: 'header', name: 'x-retell-signature' },
    });
    const check = doc.body.paths['/api/retell/check-availability'].post;
    expect(check.requestBody.content['application/json'].schema.oneOf[0].properties.args.required).toEqual(['service']);
  });

  it('documents a typed response for every admin route (no entity returned as it is stored)', async () => {
    const doc = await openApiDoc(t);
    const admin = Object.entries(doc.paths).filter(([path]) =>
      /^\/api\/(admin|webhooks\/retell\/diagnostic)/.test(path),
    );
    const untyped = admin.flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => {
          const [status, answer] = Object.entries(operation.responses).find(([code]) => code.startsWith('2'))!;
          if (status === '204') return Boolean(answer.content);
          const schema = answer.content?.['application/json']?.schema;
          return !(schema?.$ref ?? schema?.items?.$ref);
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(admin.length).toBeGreaterThan(10);
    expect(untyped).toEqual([]);
    expect(Object.keys(doc.components.schemas.CompanyResponse.properties!)).not.toContain('calcomApiKey');
    expect(Object.keys(doc.components.schemas.TokenResponse.properties!)).not.toContain('tokenHash');
  });

  it('exposes Prometheus metrics: requests, tools, caches, webhooks, breakers, queue and event-loop lag', async () => {
    await request(t.server).get('/api/admin/companies').set('authorization', `Bearer ${t.adminToken}`).expect(200);
    const metrics = await request(t.server).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('route="/api/admin/companies"');
    const counted = ['agent_tool_duration_seconds', 'cache_requests_total', 'retell_webhook_events_total'];
    for (const name of [...counted, 'retell_call_event_batch_size']) expect(metrics.text).toContain(`# TYPE ${name}`);
    for (const name of ['calcom_breaker_open', 'call_events_waiting', 'nodejs_eventloop_lag_seconds'])
      expect(metrics.text).toContain(`# TYPE ${name} gauge`);
  });

  it('sets security headers', async () => {
    const res = await request(t.server).get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
