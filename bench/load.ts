import autocannon from 'autocannon';
import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
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

/**
 * Starts a server process on loopback (with Node's `nodeArgs`) and waits until `readyPath` answers 200 (polled every
 * 20 ms).
 */
export async function serve(
  script: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  nodeArgs: string[] = [],
) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script, ...args, String(port)], {
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
  /** CPU time (user and system, every thread) the server spent per answered request, when its process id was given. */
  cpuUs?: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** What the failed requests got (a status, or the socket's error), where the load generator tells. */
  failures?: string[];
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

/** autocannon against one URL, as fast as `connections` allow. */
export async function load(
  url: string,
  requests: ReturnType<typeof signedRequests>,
  options: { connections?: number; seconds?: number; pid?: number },
): Promise<Load> {
  const cpuBefore = options.pid ? cpuMs(options.pid) : 0;
  const result = await autocannon({
    url,
    requests,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 8,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    cpuUs: options.pid ? ((cpuMs(options.pid) - cpuBefore) * 1000) / Math.max(1, result['2xx']) : undefined,
  };
}

/**
 * CPU time a process has used so far, in ms (`/proc/<pid>/stat`, user + system, clock ticks of 10 ms). Steadier than
 * requests per second on a shared machine: it does not count the time the process waited for a core.
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

type Prepared = { body: string; headers: Record<string, string> };

/** One request on a kept-alive socket; resolves with its status and milliseconds from send to the last byte. */
function timedPost(agent: Agent, url: URL, path: string, { body, headers }: Prepared) {
  return new Promise<{ status: number; ms: number; error?: string }>((resolve) => {
    const sent = performance.now();
    const req = httpRequest({ agent, host: url.hostname, port: url.port, path, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - sent }));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, ms: performance.now() - sent, error: error.code ?? error.message }),
    );
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * An open-loop load at a steady rate: one request every 1000/rate ms, each sent on time whatever the ones before it
 * are doing (autocannon's `overallRate` sends each second's quota at once, so its p99 measures a burst, not a rate).
 */
export async function paced(url: string, requests: ReturnType<typeof signedRequests>, rate: number, seconds = 8) {
  const [{ path, setupRequest }] = requests;
  // A socket left idle longer than the server's keep-alive (5 s) would race the server closing it: drop it first.
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
  const target = new URL(url);
  const total = rate * seconds;
  const started = performance.now();
  const pending: Array<ReturnType<typeof timedPost>> = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(timedPost(agent, target, path, setupRequest({}) as Prepared));
  }
  const results = await Promise.all(pending);
  agent.destroy();
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const ok = results.filter((r) => r.status >= 200 && r.status < 300).length;
  const elapsed = (performance.now() - started) / 1000;
  const failures = results.filter((r) => r.status < 200 || r.status >= 300).map((r) => r.error ?? String(r.status));
  return {
    rps: total / elapsed,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    ok,
    failed: total - ok,
    failures,
  };
}

/** A progress line on stderr, with the time of day. */
export const stage = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
