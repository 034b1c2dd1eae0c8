import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sealPlainCalcomKeys } from '../../migrations/1764874800000-CompanyAccounts';
import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { Company } from '../../src/modules/tenants/company.entity';
import { CompanyAccountsService } from '../../src/modules/tenants/company-accounts.service';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { KEY_FILE } from '../../src/secrets/encryption-keys';
import { keyIdOf } from '../../src/secrets/secret-box';
import { BOOKING_NUMBER, bookingTenant, calcomEnv, CALCOM_KEY, dayFromNow, startCalcomFake } from '../support/calcom';
import { callObject, signedPost } from '../support/retell';
import { CLI } from '../support/process';
import { createBackend, createTestApp, TestApp, TestBackend, usesRealServices, withEnv } from '../support/test-app';

const RETELL_OWN = 'key_sealed_retell_own_0001';
const MARKER = 'Salon Geheimnisfrei';

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** What is stored on disk: the embedded data folder's bytes, or `pg_dump` of the Postgres database. */
async function storedBytes(t: TestApp, backend: TestBackend): Promise<Buffer> {
  await t.dataSource.query('CHECKPOINT');
  if (!usesRealServices) {
    const files = filesUnder(backend.env.DATA_DIR).filter((file) => !file.endsWith(KEY_FILE));
    return Buffer.concat(files.map((file) => readFileSync(file)));
  }
  const dump = spawnSync('pg_dump', ['--data-only', '--table=companies', backend.env.DATABASE_URL], {
    encoding: 'buffer',
  });
  expect(dump.status).toBe(0);
  return dump.stdout;
}

/** The deployment's key, as the gateway found it: ENCRYPTION_KEY, or the embedded database's own key file. */
const currentKey = (backend: TestBackend) =>
  backend.env.ENCRYPTION_KEY ?? readFileSync(join(backend.env.DATA_DIR, KEY_FILE), 'utf8').trim();

describe('Secrets at rest', () => {
  let fake: CalcomFake;
  let backend: TestBackend;
  let t: TestApp | undefined;
  const start = async (env: Record<string, string> = {}) =>
    (t = await createTestApp({ backend, env: { RETELL_API_KEYS: 'key_deployment_rest', ...calcomEnv(fake), ...env } }));
  const stop = async () => {
    await t?.close();
    t = undefined;
  };
  const importTenant = (app: TestApp) =>
    app.app.get(TenantsImportService).importDocument({
      companies: [{ ...bookingTenant('rest'), name: MARKER, retellApiKeys: [RETELL_OWN] }],
    });

  beforeAll(async () => {
    fake = await startCalcomFake();
  });
  beforeEach(async () => {
    backend = await createBackend();
    fake.reset();
  });
  afterEach(async () => {
    await stop();
    await backend.dispose();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('keeps every key out of the stored data, and gives Cal.com the key itself', async () => {
    const app = await start();
    await importTenant(app);
    const res = await signedCheck(app, RETELL_OWN);
    expect(res.body.success).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const sent of fake.requests) expect(sent.headers.authorization).toBe(`Bearer ${CALCOM_KEY}`);
    const stored = await storedBytes(app, backend);
    expect(stored.includes(MARKER)).toBe(true);
    expect(stored.includes('enc:v1:')).toBe(true);
    for (const secret of [CALCOM_KEY, RETELL_OWN]) expect(stored.includes(secret)).toBe(false);
    const excerpt = /enc:v1:[0-9a-f]{8}:[A-Za-z0-9_:-]{20}/.exec(stored.toString('latin1'))?.[0];
    process.stdout.write(`secrets at rest (${usesRealServices ? 'pg_dump' : 'data folder'}): ${excerpt}…\n`);
  });

  it('names the company and never asks Cal.com when the stored key cannot be decrypted', async () => {
    await importTenant(await start());
    await stop();
    const app = await start({ ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    const res = await signedCheck(app, 'key_deployment_rest');
    // The company's own Retell keys cannot be opened either: the deployment's key never stands in for them.
    expect(res.status).toBe(403);
    const company = await app.dataSource.getRepository(Company).findOneByOrFail({ slug: 'rest' });
    await expect(app.app.get(CompanyAccountsService).calcomAccount(company.id)).rejects.toMatchObject({
      code: 'CALCOM_MISCONFIGURED',
      message: 'Company rest: its Cal.com API key cannot be decrypted',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('rotates every secret to a new key with `secrets:rotate`, after which the old key can go', async () => {
    await importTenant(await start());
    const oldKey = currentKey(backend);
    await stop();
    const newKey = randomBytes(32).toString('base64');
    const rotated = spawnSync(process.execPath, [CLI, 'secrets:rotate'], {
      env: { PATH: process.env.PATH, ...backend.env, ENCRYPTION_KEY: `${newKey},${oldKey}`, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toBe('Re-encrypted 2 secrets under the first ENCRYPTION_KEY; 0 already were.\n');
    const app = await start({ ENCRYPTION_KEY: newKey });
    const rows: Array<{ calcom_api_key: string; retell_api_keys: string }> = await app.dataSource.query(
      'SELECT calcom_api_key, retell_api_keys FROM companies',
    );
    const newId = keyIdOf(Buffer.from(newKey, 'base64'));
    expect(rows).toEqual([
      {
        calcom_api_key: expect.stringMatching(`^enc:v1:${newId}:`),
        retell_api_keys: expect.stringMatching(`^enc:v1:${newId}:`),
      },
    ]);
    expect((await signedCheck(app, RETELL_OWN)).body.success).toBe(true);
    for (const sent of fake.requests) expect(sent.headers.authorization).toBe(`Bearer ${CALCOM_KEY}`);
  });

  it('seals the Cal.com keys an earlier version stored in plain text', async () => {
    const app = await start();
    await importTenant(app);
    await app.dataSource.query(`UPDATE companies SET calcom_api_key = $1`, [CALCOM_KEY]);
    const runner = app.dataSource.createQueryRunner();
    try {
      // As a migration runs: with the deployment's environment.
      expect(await withEnv(backend.env, () => sealPlainCalcomKeys(runner))).toBe(1);
      expect(await withEnv(backend.env, () => sealPlainCalcomKeys(runner))).toBe(0);
    } finally {
      await runner.release();
    }
    const [row] = await app.dataSource.query('SELECT calcom_api_key FROM companies');
    expect(row.calcom_api_key).toMatch(/^enc:v1:/);
    app.app.get(CompanyAccountsService).forget();
    expect((await signedCheck(app, RETELL_OWN)).body.success).toBe(true);
    for (const sent of fake.requests) expect(sent.headers.authorization).toBe(`Bearer ${CALCOM_KEY}`);
  });
});

/** A signed availability check on the tenant's number, made with `key`. */
function signedCheck(app: TestApp, key: string) {
  const args = { service: 'Haarschnitt', date: dayFromNow(2), time: '10:00' };
  const call = callObject({ call_id: `rest_${Date.now()}`, to_number: BOOKING_NUMBER });
  return signedPost(app, '/api/retell/check-availability', { name: 'check_availability', call, args }, { key });
}
