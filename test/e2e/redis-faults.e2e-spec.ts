import { spawn } from 'node:child_process';
import request from 'supertest';
import { Call } from '../../src/modules/calls/call.entity';
import { Company } from '../../src/modules/tenants/company.entity';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { freePort, hasRedisServer, MAIN, TestRedis, waitFor, waitReady } from '../support/process';
import { callObject, retellEnv, signedPost, tenantDocument } from '../support/retell';
import { createBackend, createTestApp, TestApp, TestBackend } from '../support/test-app';

const suite = hasRedisServer() ? describe : describe.skip;
if (!hasRedisServer())
  process.stdout.write('redis-faults: skipped, redis-server is not installed (apt-get install redis-server)\n');

suite('Redis dying under load, and coming back', () => {
  let redis: TestRedis;
  let backend: TestBackend;
  let t: TestApp;
  const within = async (ms: number, send: () => Promise<request.Response>) => {
    const started = Date.now();
    const res = await send();
    expect(Date.now() - started).toBeLessThan(ms);
    return res;
  };

  beforeAll(async () => {
    redis = new TestRedis(await freePort());
    await redis.start();
    backend = await createBackend();
    t = await createTestApp({ env: { ...retellEnv, REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'faults:' }, backend });
    await t.app.get(TenantsImportService).importDocument({ companies: [tenantDocument('a', '+493012345678')] });
  });
  afterAll(async () => {
    await redis.start().then(
      () => undefined,
      (error: unknown) => error, // already running
    );
    await t.close();
    await redis.kill();
    await backend.dispose();
  });

  it('keeps answering every kind of Retell request within 2 s, links the caller, and reports and recovers readiness', async () => {
    await request(t.server).get('/health/ready').expect(200);
    await redis.kill();
    await signedPost(t, '/api/webhooks/retell', {
      event: 'call_started',
      call: callObject({ call_id: 'while_down' }),
    }).expect(204);
    const company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'a' });
    await t.dataSource
      .getRepository(Customer)
      .save({ companyId: company.id, name: 'Anna', phoneE164: '+4915112345678' });
    const ended = { ...callObject({ call_id: 'while_down' }), call_status: 'ended', duration_ms: 60_000 };
    await within(2000, () => signedPost(t, '/api/webhooks/retell', { event: 'call_ended', call: ended })).then((res) =>
      expect(res.status).toBe(204),
    );
    const fn = await within(2000, () =>
      signedPost(t, '/api/retell/list-services', {
        name: 'list_services',
        call: callObject({ call_id: 'while_down' }),
        args: {},
      }),
    );
    expect(fn.body.success).toBe(true);
    const inbound = await within(2000, () =>
      signedPost(t, '/api/webhooks/retell/inbound', {
        event: 'call_inbound',
        call_inbound: { from_number: '+4915112345678', to_number: '+493012345678' },
      }),
    );
    expect(inbound.body.call_inbound.dynamic_variables).toMatchObject({ customer_known: 'true' });
    const ready = await request(t.server).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.redis.status).toBe('down');

    // The caller became a customer during the call: linked in the transaction that stored call_ended.
    expect(await t.dataSource.getRepository(Call).findOneByOrFail({ retellCallId: 'while_down' })).toMatchObject({
      customerId: expect.any(String),
    });

    await redis.start();
    await waitFor(
      async () => (await request(t.server).get('/health/ready')).status === 200,
      15_000,
      'readiness to recover',
    );
  });

  it('shuts down within 10 s on SIGTERM while Redis is dead', async () => {
    await redis.start().then(
      () => undefined,
      (error: unknown) => error, // already running
    );
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      ...backend.env,
      // Its own embedded database (the in-process app holds the test's data folder); ignored with DATABASE_URL.
      DATA_DIR: 'memory://',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'faults-process:',
      MIGRATIONS_RUN: 'true',
      DEMO_SEED: 'false',
    };
    const child = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
    await waitReady(port, child);
    await redis.kill();
    const started = Date.now();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    const took = Date.now() - started;
    process.stdout.write(`redis-faults: stopped in ${took} ms with Redis dead\n`);
    expect(took).toBeLessThan(10_000);
  }, 60_000);
});
