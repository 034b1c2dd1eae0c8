import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { AddressInfo, connect, createServer } from 'node:net';
import { join } from 'node:path';

/** The built server and CLI, as an operator runs them (`npm start` = build + node dist/src/main.js). */
export const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
export const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli.js');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Polls until `check` holds, for at most `ms`; the condition, not a fixed sleep, decides when the test goes on. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits for readiness; a server that never gets there is killed, so a failed test leaves no process behind. */
export async function waitReady(port: number, child: ChildProcess): Promise<Response> {
  try {
    const outcome = await waitFor(
      async () => {
        if (child.exitCode !== null) return 'exited';
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return res.status === 200 ? res : undefined;
      },
      30_000,
      'the server to become ready',
    );
    if (outcome === 'exited') throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    return outcome;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Nest runs its shutdown hooks on SIGTERM, then re-raises the signal: a clean stop ends by SIGTERM, not by a crash. */
export function stop(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
    child.kill('SIGTERM');
  });
}

/** A Redis server of the test's own on a loopback port, to kill and bring back. */
export class TestRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitFor(() => fetchPing(this.port), 5_000, 'redis-server to answer');
  }

  kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/** True once something accepts connections on the port and answers PING. */
function fetchPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data: Buffer) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether redis-server can be started here (it is installed with Redis on every machine of this project). */
export const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;
