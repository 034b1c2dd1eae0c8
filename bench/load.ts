import autocannon from 'autocannon';
import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { signRetellBody } from '../src/modules/access/retell-signature';
import { freePort } from '../test/support/process';

export const RETELL_KEY = 'key_bench_retell_0001';

export interface Served {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first successful readiness answer. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts a server process on loopback and waits until `readyPath` answers 200 (polled every 20 ms). */
export async function serve(script: string, args: string[], env: Record<string, string>, readyPath: string) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args, String(port)], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr.slice(-2000)}`);
    const status = await fetch(`${url}${readyPath}`, { method: readyPath === '/' ? 'POST' : 'GET' }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200 || (readyPath === '/' && status > 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  let stopping = false;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (!stopping) process.stderr.write(`${script} had died: ${stderr.slice(-3000)}\n`);
      return;
    }
    stopping = true;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  return { url, child, readyMs, stop } satisfies Served;
}

/** Resident memory of a process (its threads included), in MB. */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/**
 * Signed Retell requests, signed before the load starts (signing while sending would make the load generator, not
 * the server, the bottleneck): `count` bodies, sent in turn. Retell's signature window is five minutes.
 */
export function signedRequests(path: string, body: (i: number) => object, count = 100) {
  const prepared = Array.from({ length: count }, (_, i) => {
    const raw = JSON.stringify(body(i));
    return {
      body: raw,
      headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(raw, RETELL_KEY) },
    };
  });
  let next = 0;
  return [
    { method: 'POST' as const, path, setupRequest: (request: object) => ({ ...request, ...prepared[next++ % count] }) },
  ];
}

/** autocannon against one URL: as fast as `connections` allow, or at a fixed `rate` of requests per second. */
export async function load(
  url: string,
  requests: ReturnType<typeof signedRequests>,
  options: { connections?: number; seconds?: number; rate?: number },
): Promise<Load> {
  const result = await autocannon({
    url,
    requests,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 8,
    ...(options.rate ? { overallRate: options.rate } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
