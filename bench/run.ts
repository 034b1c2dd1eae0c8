import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CalcomFake } from '../src/calcom-fake/calcom-fake';
import { benchDates } from './dates';
import { Mode, startGateway, timeToReady } from './gateway';
import { bareLoad, best, Reference, referenceLoad, startReference } from './baselines';
import { Load, rssMb, Served, stage } from './load';
import { checkLoad, inboundLoad, noDateCheck, replayedWorkload, webhookLoad } from './scenarios';

/**
 * `npm run bench`: every server in its own process on loopback, load by autocannon, each figure a ratio against a
 * baseline measured in the same run on the same machine. Cal.com is the fake, in this process.
 */
type Row = [scenario: string, measured: string, ratio: string, target: string, met: boolean | null];

const EVERY_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['08:00', '20:00']]]),
);
const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function measure(mode: Mode, fake: CalcomFake, referenceServer: Served) {
  const before = await referenceLoad(referenceServer, `before the ${mode} gateway`);
  stage(`${mode}: starting the gateway`);
  // `npm run bench -- --profile`: each gateway writes a CPU profile (open it in Chrome DevTools) on exit.
  const profile: Record<string, string> = process.argv.includes('--profile')
    ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=profiles' }
    : {};
  const gateway = await startGateway(mode, fake.url, profile);
  stage(`${mode}: warm check-availability`);
  const check = await checkLoad(gateway.url, true, gateway.child.pid);
  stage(`${mode}: inbound webhook`);
  const inbound = await inboundLoad(gateway.url);
  stage(`${mode}: replayed workload`);
  const replay = await replayedWorkload(gateway.url, fake);
  const noDate = await noDateCheck(gateway.url, fake);
  const rss = rssMb(gateway.child.pid!);
  stage(`${mode}: call_ended webhooks`);
  const webhooks = await webhookLoad(gateway);
  await gateway.dispose();
  const reference = best(before, await referenceLoad(referenceServer, `after the ${mode} gateway`));
  return { check, inbound, replay, noDate, rss, webhooks, reference };
}

type Measured = Awaited<ReturnType<typeof measure>>;

const TARGETS = { embedded: { rps: 0.5, p99: 1.5, rss: 400 }, postgres: { rps: 0.25, p99: 3, rss: 250 } };

function loadRows(m: string, { check, webhooks }: Measured, target: (typeof TARGETS)[Mode], ref: Reference) {
  const rps = check.max.rps / ref.max.rps;
  const p99 = check.paced.p99 / Math.max(ref.paced.p99, 1);
  const hooks = webhooks.result.rps / ref.max.rps;
  const stored = `${webhooks.stored} / ${webhooks.result.ok}`;
  const rows: Row[] = [
    [
      `${m} warm check, req/s at 50 conns`,
      fmt(check.max.rps),
      `${fmt(rps, 3)} × ref`,
      `≥ ${target.rps} ×`,
      rps >= target.rps,
    ],
    [
      `${m} warm check, p99 at 200 req/s`,
      `${fmt(check.paced.p99)} ms`,
      `${fmt(p99, 2)} × ref`,
      `≤ ${target.p99} ×`,
      p99 <= target.p99,
    ],
    [
      `${m} warm check, CPU per answered request (steadier than req/s on a shared machine)`,
      `${fmt(check.max.cpuUs ?? NaN)} µs`,
      `${fmt((check.max.cpuUs ?? NaN) / (ref.max.cpuUs ?? NaN), 2)} × ref`,
      '',
      null,
    ],
    [`${m} call_ended 20 KB, req/s`, fmt(webhooks.result.rps), `${fmt(hooks, 3)} × ref`, '≥ 0.2 ×', hooks >= 0.2],
    // Requests still in flight when the load stops are stored but not counted as answered: stored ≥ acknowledged.
    [
      `${m} call_ended stored / acknowledged`,
      stored,
      '',
      'every acknowledged one',
      webhooks.stored >= webhooks.result.ok,
    ],
  ];
  return rows;
}

function serviceRows(m: string, { inbound, replay, noDate, rss }: Measured, target: (typeof TARGETS)[Mode]) {
  const inboundMs = `${fmt(inbound.p50)} / ${fmt(inbound.p99)} ms`;
  const rows: Row[] = [
    [`${m} inbound p50 / p99 at 50 req/s`, inboundMs, '', 'p99 ≤ 15 ms', inbound.p99 <= 15],
    [
      `${m} replayed workload, mean check`,
      `${fmt(replay.meanMs)} ms`,
      `${fmt(replay.meanMs / 300, 3)} × uncached`,
      '≤ 0.2 ×',
      replay.meanMs <= 60,
    ],
    [`${m} replayed workload, cache hits`, `${fmt(replay.hitRatio * 100, 1)} %`, '', '≥ 90 %', replay.hitRatio >= 0.9],
    [
      `${m} no-date check at 300 ms upstream`,
      `${fmt(noDate)} ms`,
      `${fmt(noDate / 300, 2)} × one call`,
      '≤ 1.2 ×',
      noDate <= 360,
    ],
    [`${m} RSS after the load`, `${fmt(rss)} MB`, '', `≤ ${target.rss} MB`, rss <= target.rss],
  ];
  return rows;
}

function gatewayRows(mode: Mode, measured: Measured): Row[] {
  const m = `[${mode}]`;
  return [...loadRows(m, measured, TARGETS[mode], measured.reference), ...serviceRows(m, measured, TARGETS[mode])];
}

async function readyRows(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vbg-ready-'));
  const empty = await timeToReady(join(dir, 'data'));
  const used = await timeToReady(join(dir, 'data'));
  rmSync(dir, { recursive: true, force: true });
  return [
    ['[embedded] start to ready, empty DATA_DIR', `${fmt(empty)} ms`, '', '≤ 3000 ms', empty <= 3000],
    ['[embedded] start to ready, used DATA_DIR', `${fmt(used)} ms`, '', '≤ 1500 ms', used <= 1500],
  ];
}

async function postgresReachable(): Promise<boolean> {
  const { Client } = await import('pg');
  const client = new Client({
    connectionString: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  return client.connect().then(
    () => client.end().then(() => true),
    () => false,
  );
}

function print(rows: Row[], bare: Load, measured: Array<[Mode, Measured]>): void {
  const header = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
  const references = measured.map(
    ([mode, { reference }]) =>
      `reference pipeline around the ${mode} gateway (the better of a run right before and one right after it): ` +
      `${fmt(reference.max.rps)} req/s at 50 conns, ${fmt(reference.max.cpuUs ?? NaN)} µs CPU per request, ` +
      `p99 ${fmt(reference.paced.p99)} ms at 200 req/s`,
  );
  const lines = [
    header,
    ...references,
    `bare node:http: ${fmt(bare.rps)} req/s at 50 conns`,
    '',
    '| Scenario | Measured | Ratio | Target | Met |',
    '|---|---|---|---|---|',
    ...rows.map(([s, m, r, t, ok]) => `| ${s} | ${m} | ${r} | ${t} | ${ok === null ? '' : ok ? 'yes' : '**no**'} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const fake = new CalcomFake({
    eventTypes: [1001, 1002, 1003, 1004, 1005].map((id) => ({
      id,
      title: `T${id}`,
      lengthMinutes: 30,
      timeZone: 'Europe/Berlin',
      hours: EVERY_DAY,
    })) as never,
    apiKeys: ['cal_bench'],
  });
  await fake.start();
  const bare = await bareLoad();
  const reference = await startReference();
  const dates = benchDates();
  const rows: Row[] = [
    [
      'read a spoken date (mean per phrase)',
      `${fmt(dates.spokenMs * 1000)} µs`,
      `${fmt(dates.spokenMs / dates.isoMs, 1)} × ISO`,
      '< 200 µs',
      dates.spokenMs < 0.2,
    ],
  ];
  const modes: Mode[] = (await postgresReachable()) ? ['embedded', 'postgres'] : ['embedded'];
  const measured: Array<[Mode, Measured]> = [];
  for (const mode of modes) measured.push([mode, await measure(mode, fake, reference)]);
  await reference.stop();
  for (const [mode, figures] of measured) rows.push(...gatewayRows(mode, figures));
  rows.push(...(await readyRows()));
  await fake.stop();
  print(rows, bare, measured);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
