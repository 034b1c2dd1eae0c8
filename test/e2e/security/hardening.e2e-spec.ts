import request from 'supertest';
import { retellEnv } from '../../support/retell';
import { createTestApp, TestApp } from '../../support/test-app';

describe('Security: hardening of the HTTP surface', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: retellEnv });
  });
  afterAll(() => t.close());

  it('answers 413 to a body over 1 MB outside Retell’s routes and 400 to malformed JSON, with the error shape and no stack', async () => {
    const body = JSON.stringify({ slug: 'big', name: 'x'.repeat(1_100_000) });
    const huge = await request(t.server)
      .post('/api/admin/companies')
      .set('authorization', `Bearer ${t.adminToken}`)
      .set('content-type', 'application/json')
      .send(body)
      .expect(413);
    expect(huge.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    const malformed = await request(t.server)
      .post('/api/retell/list-services')
      .set('content-type', 'application/json')
      .send('{"call": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
    for (const res of [huge, malformed]) expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('refuses bodies nested deeper than 32 levels, and drops prototype keys before anything reads them', async () => {
    const deep = await request(t.server)
      .post('/api/admin/companies')
      .set('authorization', `Bearer ${t.adminToken}`)
      .set('content-type', 'application/json')
      .send(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`)
      .expect(400);
    expect(deep.body.message).toBe('Body is nested deeper than 32 levels');
    const polluting = await request(t.server)
      .post('/api/admin/companies')
      .set('authorization', `Bearer ${t.adminToken}`)
      .set('content-type', 'application/json')
      .send('{"slug":"safe","name":"Safe","__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}')
      .expect(201);
    expect(polluting.body).toMatchObject({ slug: 'safe' });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const nul = await request(t.server)
      .post('/api/admin/companies')
      .set('authorization', `Bearer ${t.adminToken}`)
      .set('content-type', 'application/json')
      .send('{"slug":"a\\u0000b","name":"x"}')
      .expect(400);
    expect(nul.body.message).toBe('Body contains a NUL character');
  });

  it('sends helmet’s headers and no X-Powered-By', async () => {
    const res = await request(t.server).get('/health/live').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  // Last: passport keeps one admin strategy per process, so a second app takes it over from the first.
  it('keeps CORS off unless origins are configured, and then allows only those', async () => {
    const withCors = await createTestApp({ env: { ...retellEnv, CORS_ORIGINS: 'https://admin.example.org' } });
    const off = await request(t.server)
      .options('/api/admin/companies')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'GET');
    expect(off.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await request(withCors.server)
      .options('/api/admin/companies')
      .set('origin', 'https://admin.example.org')
      .set('access-control-request-method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.org');
    const other = await request(withCors.server)
      .options('/api/admin/companies')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await withCors.close();
  });
});
