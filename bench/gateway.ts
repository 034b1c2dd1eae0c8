import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { RETELL_KEY, serve, Served } from './load';

const DIST = join(__dirname, '..', '..', 'dist', 'src');
const ROOT = join(__dirname, '..', '..');

/** Node's flags in `npm run start:prod` (`node <flags> dist/src/main.js`): the bench starts the gateway as it does. */
function startProdFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const words = scripts['start:prod'].split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/src/main.js'));
}
export const BUSINESS_NUMBER = '+493055555555';
export const CALLER = '+4915112345678';
export const SERVICES = ['Haarschnitt', 'Färben', 'Bartpflege', 'Waschen', 'Styling'];
const EVERY_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['08:00', '20:00']]]),
);

export type Mode = 'embedded' | 'postgres';

export interface Gateway extends Served {
  mode: Mode;
  /** Stops the gateway and counts the rows of one table (the embedded folder is opened once the process is gone). */
  stopAndCount(sql: string): Promise<number>;
  dispose(): Promise<void>;
}

const tenant = () => ({
  companies: [
    {
      slug: 'bench',
      name: 'Bench Salon',
      timezone: 'Europe/Berlin',
      locale: 'de',
      calcomApiKey: 'cal_bench',
      branches: [{ name: 'Mitte', address: 'Torstraße 1', openingHours: EVERY_DAY }],
      phoneNumbers: [{ e164: BUSINESS_NUMBER, branch: 'Mitte' }],
      services: SERVICES.map((name, i) => ({
        name,
        calcomEventTypeId: 1001 + i,
        durationMinutes: 30,
        branch: 'Mitte',
      })),
    },
  ],
});

interface Storage {
  env: Record<string, string>;
  dispose: () => Promise<void>;
  count: (sql: string) => Promise<number>;
}

/** The environment of a gateway run: embedded in a fresh folder, or a fresh Postgres database and Redis prefix. */
function storage(mode: Mode): Promise<Storage> {
  const dir = mkdtempSync(join(tmpdir(), 'vbg-bench-'));
  return mode === 'embedded' ? embedded(dir) : postgres(dir);
}

async function embedded(dir: string): Promise<Storage> {
  return {
    env: { DATA_DIR: join(dir, 'data') },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
    count: async (sql) => {
      const db = new PGlite(join(dir, 'data'));
      const { rows } = await db.query<{ n: number }>(sql);
      await db.close();
      return Number(rows[0].n);
    },
  };
}

async function query(url: string, sql: string): Promise<Array<Record<string, string>>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return (await client.query(sql).finally(() => client.end())).rows;
}

async function postgres(dir: string): Promise<Storage> {
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `vbg_bench_${process.pid}`;
  await query(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await query(admin, `CREATE DATABASE ${database}`);
  const url = new URL(admin);
  url.pathname = `/${database}`;
  const env = {
    DATABASE_URL: url.toString(),
    MIGRATIONS_RUN: 'true',
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `vbgbench:${process.pid}:`,
  };
  return {
    env,
    dispose: async () => {
      await query(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    },
    count: async (sql) => Number((await query(url.toString(), sql))[0].n),
  };
}

/** A gateway process as production runs it (`start:prod`), with the bench tenant imported by the CLI beforehand. */
export async function startGateway(
  mode: Mode,
  calcomUrl: string,
  extra: Record<string, string> = {},
): Promise<Gateway> {
  const { env: storageEnv, dispose, count } = await storage(mode);
  const env = {
    ...storageEnv,
    RETELL_API_KEYS: RETELL_KEY,
    CALCOM_BASE_URL: calcomUrl,
    CALCOM_TIMEOUT_MS: '4000',
    DEMO_SEED: 'false',
    RATE_LIMIT_RETELL: '1000000',
    RATE_LIMIT_WEBHOOKS: '1000000',
    RATE_LIMIT_BOOKING: '1000000',
    ...extra,
  };
  const file = join(tmpdir(), `vbg-bench-tenant-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(tenant()));
  const imported = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'tenants:import', file], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  rmSync(file, { force: true });
  if (imported.status !== 0) throw new Error(`tenant import failed: ${imported.stderr}`);
  const served = await serve(join(DIST, 'main.js'), [], env, '/health/ready', startProdFlags());
  return {
    ...served,
    mode,
    stopAndCount: async (sql) => {
      await served.stop();
      return count(sql);
    },
    dispose: async () => {
      await served.stop();
      await dispose();
    },
  };
}

/** Start to ready of `start:prod` on a given data folder (embedded), for the empty and the used case. */
export async function timeToReady(dataDir: string): Promise<number> {
  const served = await serve(
    join(DIST, 'main.js'),
    [],
    { DATA_DIR: dataDir, RETELL_API_KEYS: RETELL_KEY },
    '/health/ready',
    startProdFlags(),
  );
  await served.stop();
  return served.readyMs;
}
