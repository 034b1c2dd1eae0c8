import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(first.map((c) => c.slug)).toEqual(['demo-salon']);
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
