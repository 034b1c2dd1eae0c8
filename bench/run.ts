import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import { DateTime } from 'luxon';
import { CalcomSlotsService } from '../src/modules/calcom/calcom-slots.service';
import { Company } from '../src/modules/tenants/company.entity';
import { TenantsImportService } from '../src/modules/tenants/tenants-import.service';
import { signRetellBody } from '../src/modules/access/retell-signature';
import {
  BOOKING_NUMBER,
  bookingTenant,
  CALCOM_KEY,
  calcomEnv,
  dayFromNow,
  startCalcomFake,
  ZONE,
  generousLimits,
} from '../test/support/calcom';
import { RETELL_KEY, retellEnv } from '../test/support/retell';
import { createTestApp, TestApp } from '../test/support/test-app';
import { benchDates } from './dates';

/**
 * `npm run bench`: each figure is a ratio against a baseline measured in the same run, on the same machine, so the
 * numbers mean something anywhere. Cal.com is the local fake with a fixed latency standing in for the network.
 */
const UPSTREAM_LATENCY_MS = 40;
const ROUNDS = Number(process.argv[2] ?? 60);

async function main(): Promise<void> {
  const fake = await startCalcomFake();
  fake.latencyMs = UPSTREAM_LATENCY_MS;
  const t = await createTestApp({
    env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits, CALCOM_TIMEOUT_MS: '4000' },
  });
  const url = await t.app.getUrl();
  await t.app.get(TenantsImportService).importDocument({ companies: [bookingTenant()] });
  const company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'salon' });
  const call = retellCaller(url);
  const day = dayFromNow(5);
  const rows: Array<[string, number, number, string]> = [];
  const dates = benchDates();
  rows.push(['read a spoken date vs an ISO timestamp', dates.isoMs, dates.spokenMs, 'mean per phrase (< 0.2 ms)']);
  const compare: Compare = async (label, baseline, candidate, reading) => {
    rows.push([label, await time(baseline), await time(candidate), reading]);
  };

  await compare(
    'function call vs bare /health/live',
    () => fetch(`${url}/health/live`).then((r) => r.text()),
    () => call('list-services', {}),
    'overhead of signature check, one-query call context and catalog read',
  );

  await benchCache(t, call, compare, company.id, day);
  await benchReplay(call, compare);

  print(rows, fake.requestsTo('POST', /^\/v2\/bookings$/).length);
  await t.close();
  await fake.stop();
}

type Call = ReturnType<typeof retellCaller>;
type Compare = (
  label: string,
  baseline: () => Promise<unknown>,
  candidate: () => Promise<unknown>,
  reading: string,
) => Promise<void>;

/** Calls a Retell function the way Retell does: signed, on the booking tenant's number. */
function retellCaller(url: string) {
  let callCounter = 0;
  return async (name: string, args: object, callId = `bench_${callCounter++}`) => {
    const body = JSON.stringify({
      name,
      call: { call_id: callId, direction: 'inbound', from_number: '+4915112345678', to_number: BOOKING_NUMBER },
      args,
    });
    const res = await fetch(`${url}/api/retell/${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-retell-signature': signRetellBody(body, RETELL_KEY, Date.now()),
      },
      body,
    });
    const answer = (await res.json()) as { success: boolean };
    if (res.status !== 200) throw new Error(`${name} answered ${res.status}`);
    return answer;
  };
}

/** The availability cache, and the parallel fetch of a no-date check. */
async function benchCache(t: TestApp, call: Call, compare: Compare, companyId: string, day: string): Promise<void> {
  const cache = t.app.get<Cache>(CACHE_MANAGER);
  await compare(
    'check-availability: cached vs cache miss',
    async () => {
      await cache.clear();
      await call('check-availability', { service: 'Haarschnitt', date: day, time: '10:00' });
    },
    () => call('check-availability', { service: 'Haarschnitt', date: day, time: '10:00' }),
    'a hit skips the Cal.com round trip',
  );

  const slots = t.app.get(CalcomSlotsService);
  const query = { account: { companyId: companyId, apiKey: CALCOM_KEY }, eventTypeId: 1001, timeZone: ZONE };
  const [today, tomorrow] = [0, 1].map((n) => DateTime.now().setZone(ZONE).plus({ days: n }).toISODate()!);
  await compare(
    'no-date check: parallel vs sequential fetch',
    async () => {
      await cache.clear();
      await slots.day(query, today);
      await slots.day(query, tomorrow);
    },
    async () => {
      await cache.clear();
      await call('check-availability', { service: 'Haarschnitt' });
    },
    'today and tomorrow fetched at once',
  );
}

/** A Retell retry of a booking against a first booking. */
async function benchReplay(call: Call, compare: Compare): Promise<void> {
  let slot = 0;
  const nextStart = () =>
    DateTime.fromISO(`${dayFromNow(6 + Math.floor(slot / 20))}T08:00`, { zone: ZONE })
      .plus({ minutes: 30 * (slot++ % 20) })
      .toUTC()
      .toISO()!;
  const repeated = nextStart();
  await call('book-appointment', { service: 'Haarschnitt', start: repeated, name: 'Bench' }, 'bench_replay');
  await compare(
    'book-appointment: retried vs first booking',
    () => call('book-appointment', { service: 'Haarschnitt', start: nextStart(), name: 'Bench' }),
    () => call('book-appointment', { service: 'Haarschnitt', start: repeated, name: 'Bench' }, 'bench_replay'),
    'a Retell retry is answered from our row, no second POST',
  );
}

async function time(operation: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i += 1) await operation();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = process.hrtime.bigint();
    await operation();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function print(rows: Array<[string, number, number, string]>, posts: number): void {
  const lines = [`Cal.com fake latency ${UPSTREAM_LATENCY_MS} ms, ${ROUNDS} rounds each, median per request`, ''];
  lines.push(`${'scenario'.padEnd(46)} ${'baseline'.padStart(10)} ${'candidate'.padStart(10)} ${'ratio'.padStart(7)}`);
  for (const [label, base, cand, reading] of rows) {
    lines.push(
      `${label.padEnd(46)} ${`${base.toFixed(3)} ms`.padStart(10)} ${`${cand.toFixed(3)} ms`.padStart(10)} ${`${(base / cand).toFixed(2)}x`.padStart(7)}  ${reading}`,
    );
  }
  lines.push(
    '',
    `ratio = baseline / candidate (above 1: the candidate is faster). Booking POSTs sent to Cal.com: ${posts}.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
