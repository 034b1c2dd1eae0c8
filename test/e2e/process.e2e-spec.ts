import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built server as an operator runs it (`npm start` = build + node dist/src/main.js), as a real process. */
const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function waitReady(port: number, child: ChildProcess): Promise<Response> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return res;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready');
}

/** Nest runs its shutdown hooks on SIGTERM, then re-raises the signal: a clean stop ends by SIGTERM, not by a crash. */
function stop(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
    child.kill('SIGTERM');
  });
}

describe('the server process', () => {
  let dataDir: string;
  const baseEnv = () => ({ PATH: process.env.PATH, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir });

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vbg-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start on an invalid environment, naming the variable', () => {
    const result = spawnSync(process.execPath, [MAIN], { env: { ...baseEnv(), PORT: 'http', REDIS_URL: 'ftp://x' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT expects an integer from 1 to 65535');
    expect(result.stderr).toContain('REDIS_URL expects a URL starting with redis://');
  });

  it('starts on the embedded default, keeps its data across a restart and shuts down cleanly', async () => {
    const port = await freePort();
    const env = { ...baseEnv(), PORT: String(port) };
    const created = spawnSync(process.execPath, [CLI, 'token:create', '--kind', 'admin', '--name', 'ops'], { env, encoding: 'utf8' });
    expect(created.status).toBe(0);
    const token = created.stdout.trim().split('\n').pop() as string;
    expect(token).toMatch(/^vbg_adm_/);

    let child = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
    await waitReady(port, child);
    const headers = { authorization: `Bearer ${token}` };
    const first = (await (await fetch(`http://127.0.0.1:${port}/api/admin/companies`, { headers })).json()) as Array<{ slug: string; id: string }>;
    expect(first.map((c) => c.slug)).toEqual(['demo-salon']);
    expect(await stop(child)).toBe('SIGTERM');

    child = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
    const ready = await waitReady(port, child);
    expect(((await ready.json()) as { details: object }).details).toMatchObject({ database: { status: 'up' } });
    const second = (await (await fetch(`http://127.0.0.1:${port}/api/admin/companies`, { headers })).json()) as Array<{ id: string }>;
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(await stop(child)).toBe('SIGTERM');
  });
});
