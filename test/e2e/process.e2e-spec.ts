import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE } from '../../src/secrets/encryption-keys';
import { CLI, freePort, MAIN, stop, waitReady } from '../support/process';

describe('the server process', () => {
  let dataDir: string;
  const baseEnv = () => ({ PATH: process.env.PATH, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir });

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vbg-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // A failed expectation must not leave a server running (it would hold the data folder and a core).
  const children: ChildProcess[] = [];
  const serve = (env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
    children.push(child);
    return child;
  };
  afterEach(() => children.splice(0).forEach((child) => child.exitCode === null && child.kill('SIGKILL')));

  it('refuses to start on an invalid environment, naming the variable', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { ...baseEnv(), PORT: 'http', REDIS_URL: 'ftp://x' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT expects an integer from 1 to 65535');
    expect(result.stderr).toContain('REDIS_URL expects a URL starting with redis://');
  });

  it('starts on the embedded default, keeps its data across a restart and shuts down cleanly', async () => {
    const port = await freePort();
    const env = { ...baseEnv(), PORT: String(port) };
    const created = spawnSync(process.execPath, [CLI, 'token:create', '--kind', 'admin', '--name', 'ops'], {
      env,
      encoding: 'utf8',
    });
    expect(created.status).toBe(0);
    const token = created.stdout.trim().split('\n').pop() as string;
    expect(token).toMatch(/^vbg_adm_/);

    let child = serve(env);
    await waitReady(port, child);
    const headers = { authorization: `Bearer ${token}` };
    const first = (await (await fetch(`http://127.0.0.1:${port}/api/admin/companies`, { headers })).json()) as Array<{
      slug: string;
      id: string;
    }>;
    expect(first.map((c) => c.slug).sort()).toEqual(['demo-barbers', 'demo-salon']);
    expect(await stop(child)).toBe('SIGTERM');

    child = serve(env);
    const ready = await waitReady(port, child);
    expect(((await ready.json()) as { details: object }).details).toMatchObject({ database: { status: 'up' } });
    const second = (await (await fetch(`http://127.0.0.1:${port}/api/admin/companies`, { headers })).json()) as Array<{
      id: string;
    }>;
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(await stop(child)).toBe('SIGTERM');
  }, 60_000);
});

describe('the server process and its encryption key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'vbg-key-process-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a shared database without ENCRYPTION_KEY, in one line saying how to make one', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://gateway@127.0.0.1:1/gateway' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'Invalid environment: ENCRYPTION_KEY is required with DATABASE_URL: make one with `openssl rand -base64 32`\n',
    );
  });

  it('makes the embedded database its own key once, owner-only, and says so at start', async () => {
    const port = await freePort();
    const env = { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir };
    const startLine = async () => {
      const child = spawn(process.execPath, [MAIN], { env });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await waitReady(port, child);
      await stop(child);
      return out.split('\n').find((line) => line.includes('Gateway listening')) ?? '';
    };
    const file = join(dataDir, KEY_FILE);
    expect(await startLine()).toMatch(new RegExp(`secrets sealed with key [0-9a-f]{8} generated in ${file}`));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, 'utf8');
    expect(await startLine()).toContain(`from ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(key);
  }, 60_000);
});
