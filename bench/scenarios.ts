import { DateTime } from 'luxon';
import type { CalcomFake } from '../src/calcom-fake/calcom-fake';
import { BUSINESS_NUMBER, CALLER, Gateway, SERVICES } from './gateway';
import { load, Load, paced, signedRequests } from './load';

const ZONE = 'Europe/Berlin';
const day = (n: number) => DateTime.now().setZone(ZONE).plus({ days: n }).toISODate()!;

const call = (callId: string, from = CALLER) => ({
  call_id: callId,
  agent_id: 'agent_bench',
  direction: 'inbound',
  from_number: from,
  to_number: BUSINESS_NUMBER,
});

const functionBody = (name: string, args: object, callId: string) => ({ name, call: call(callId), args });

/** A warm check: 100 calls of one caller ask about a cached day, in turn. */
const checkBodies = (i: number) =>
  functionBody('check-availability', { service: 'Haarschnitt', date: day(3), time: '10:00' }, `bench_check_${i % 100}`);

async function post(url: string, path: string, body: object): Promise<number> {
  const [request] = signedRequests(path, () => body);
  const { body: raw, headers } = request.setupRequest({}) as { body: string; headers: Record<string, string> };
  const res = await fetch(`${url}${path}`, { method: 'POST', headers, body: raw });
  await res.arrayBuffer();
  return res.status;
}

/** A load whose requests were refused or failed measured something else than the answer: stop the bench. */
function answered(result: Load): Load {
  const what = result.failures ? `: ${[...new Set(result.failures)].join(', ')}` : '';
  if (result.failed > 0)
    throw new Error(`${result.failed} of ${result.ok + result.failed} requests were not answered 2xx${what}`);
  return result;
}

/** Throughput at 50 connections, and latency at a fixed 200 requests per second. */
export async function checkLoad(url: string, warm = true, pid?: number): Promise<{ max: Load; paced: Load }> {
  const requests = signedRequests('/api/retell/check-availability', checkBodies);
  if (warm) for (let i = 0; i < 100; i += 1) await post(url, '/api/retell/check-availability', checkBodies(i));
  const max = answered(await load(url, requests, { connections: 50, pid }));
  const steady = answered(await paced(url, signedRequests('/api/retell/check-availability', checkBodies), 200));
  return { max, paced: steady };
}

const TRANSCRIPT = Array.from({ length: 400 }, (_, i) => `${i % 2 ? 'Agent' : 'User'}: Termin am Dienstag? `).join(
  '\n',
);

/** `call_ended` with a 20 KB transcript, each of a call never seen before; rows stored counted afterwards. */
export async function webhookLoad(gateway: Gateway): Promise<{ result: Load; stored: number }> {
  const now = Date.now();
  const body = (i: number) => ({
    event: 'call_ended',
    call: {
      ...call(`bench_ended_${now}_${i}`),
      call_type: 'phone_call',
      call_status: 'ended',
      start_timestamp: now - 60_000,
      end_timestamp: now,
      transcript: TRANSCRIPT.slice(0, 20_000),
    },
  });
  // Unique calls: more bodies than the gateway can take in the run, each used once (12,000 ran out at 1,900 req/s).
  const result = await load(gateway.url, signedRequests('/api/webhooks/retell', body, 30_000), { connections: 50 });
  const stored = await gateway.stopAndCount(`SELECT count(*) AS n FROM call_events WHERE event = 'call_ended'`);
  return { result, stored };
}

/** The inbound webhook for a caller the gateway knows, at a steady 50 requests per second. */
export async function inboundLoad(url: string): Promise<Load> {
  await post(url, '/api/retell/collect-customer-info', functionBody('collect-customer-info', { name: 'Mia' }, 'known'));
  const body = () => ({
    event: 'call_inbound',
    call_inbound: { agent_id: 'agent_bench', from_number: CALLER, to_number: BUSINESS_NUMBER },
  });
  return paced(url, signedRequests('/api/webhooks/retell/inbound', body), 50);
}

/**
 * 100 calls over 5 services: each call checks three times of one day (the LLM asks about 10:00, then 10:30, then
 * 11:00); Cal.com answers in 300 ms. The mean check time against a client that asks Cal.com every time.
 */
export async function replayedWorkload(url: string, fake: CalcomFake): Promise<{ meanMs: number; hitRatio: number }> {
  fake.latencyMs = 300;
  const before = fake.requestsTo('GET', /^\/v2\/slots$/).length;
  const times: number[] = [];
  const checks = Array.from({ length: 100 }, (_, n) => async () => {
    for (const time of ['10:00', '10:30', '11:00']) {
      const args = { service: SERVICES[n % 5], date: day(4 + (n % 3)), time };
      const started = performance.now();
      await post(url, '/api/retell/check-availability', functionBody('check-availability', args, `replay_${n}`));
      times.push(performance.now() - started);
    }
  });
  // Ten callers on the line at once, as a busy morning would have them.
  for (let i = 0; i < checks.length; i += 10) await Promise.all(checks.slice(i, i + 10).map((run) => run()));
  const upstream = fake.requestsTo('GET', /^\/v2\/slots$/).length - before;
  fake.latencyMs = 0;
  return { meanMs: times.reduce((a, b) => a + b, 0) / times.length, hitRatio: 1 - upstream / times.length };
}

/** A check without a date (today and tomorrow) on a cold cache, at 300 ms upstream: its wall time in ms. */
export async function noDateCheck(url: string, fake: CalcomFake): Promise<number> {
  fake.latencyMs = 300;
  const started = performance.now();
  await post(url, '/api/retell/check-availability', functionBody('check-availability', { service: 'Styling' }, 'nd'));
  const wall = performance.now() - started;
  fake.latencyMs = 0;
  return wall;
}
