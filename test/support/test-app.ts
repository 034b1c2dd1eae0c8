import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Cache } from 'cache-manager';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { APP_OPTIONS, configureApp } from '../../src/app.setup';
import { ApiTokensService } from '../../src/modules/access/api-tokens.service';
import { TenantChangesService } from '../../src/modules/tenants/tenant-changes.service';
import { FunctionCallLog } from '../../src/modules/calls/function-call-log.service';
import { Company } from '../../src/modules/tenants/company.entity';

export interface TestBackend {
  /** Environment for the app: embedded in-memory PGlite, or a fresh Postgres database and Redis key prefix. */
  env: Record<string, string>;
  /** Drops what `createBackend` made. */
  dispose(): Promise<void>;
}

/** A function token for the company with this slug (as an operator creates one through the admin API). */
export async function functionTokenFor(t: TestApp, slug: string, name = 'agent'): Promise<string> {
  const company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug });
  return (await t.app.get(ApiTokensService).create({ kind: 'function', name, companyId: company.id })).token;
}

export const usesRealServices = Boolean(process.env.TEST_DATABASE_URL);

/**
 * One isolated storage per test file: a database of its own on Postgres (dropped afterwards), or an embedded one in a
 * data folder of its own (seeded from the build's template, as a first start is; removed afterwards).
 */
export async function createBackend(): Promise<TestBackend> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {};
  const disposers: Array<() => Promise<void>> = [];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'vbg-test-'));
    env.DATA_DIR = dataDir;
    disposers.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  }
  if (adminUrl) {
    const database = `vbg_test_${suffix}`;
    await withPg(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
    env.MIGRATIONS_RUN = 'true';
    // A shared database needs the operator's key; every instance of this backend shares it.
    env.ENCRYPTION_KEY = randomBytes(32).toString('base64');
    disposers.push(
      async () =>
        void (await withPg(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))),
    );
  }
  const redisUrl = process.env.TEST_REDIS_URL;
  if (redisUrl) {
    const prefix = `vbgtest:${suffix}:`;
    env.REDIS_URL = redisUrl;
    env.REDIS_KEY_PREFIX = prefix;
    disposers.push(() => deleteRedisKeys(redisUrl, prefix));
  }
  return { env, dispose: async () => void (await Promise.all(disposers.map((dispose) => dispose()))) };
}

export interface TestApp {
  app: NestExpressApplication;
  server: ReturnType<NestExpressApplication['getHttpServer']>;
  dataSource: DataSource;
  adminToken: string;
  /** Empties every table (between tests of one file) and issues a fresh admin token. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real AppModule with the production pipeline (configureApp), listening on loopback. Pass `backend` to share
 * one database between several instances; otherwise the app gets (and later drops) its own.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; backend?: TestBackend } = {},
): Promise<TestApp> {
  const backend = options.backend ?? (await createBackend());
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    NODE_ENV: 'test',
    ...backend.env,
    ...options.env,
  };
  const app = await withEnv(env, async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const instance = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(instance);
    await instance.listen(0, '127.0.0.1');
    return instance;
  });
  const issueAdminToken = async () =>
    (await app.get(ApiTokensService).create({ kind: 'admin', name: 'test admin' })).token;
  const testApp: TestApp = {
    app,
    server: app.getHttpServer(),
    dataSource: app.get(DataSource),
    adminToken: await issueAdminToken(),
    reset: async () => {
      // Function calls still buffered are written first: a write racing the TRUNCATE could deadlock it.
      await app.get(FunctionCallLog).flush();
      await resetDatabase(testApp.dataSource);
      // Everything this process keeps about companies (call contexts, credentials, numbers) goes with them.
      app.get(TenantChangesService).changed();
      // The shared Redis is never cleared wholesale: only this app's own cache keys go.
      if (env.REDIS_URL) await deleteRedisKeys(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}cache`);
      else await app.get<Cache>(CACHE_MANAGER).clear();
      testApp.adminToken = await issueAdminToken();
    },
    close: async () => {
      await app.close();
      if (!options.backend) await backend.dispose();
    },
  };
  return testApp;
}

/** Runs `fn` with extra environment variables set, then restores the previous environment. */
export async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Empties every table but the migrations log, between tests of one file. */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  const tables = dataSource.entityMetadatas.map((meta) => `"${meta.tableName}"`).join(', ');
  await dataSource.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

async function withPg<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
