import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { Company } from '../../../src/modules/tenants/company.entity';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import { bookingTenant, calcomEnv, generousLimits, startCalcomFake } from '../../support/calcom';
import { retellEnv } from '../../support/retell';
import { createTestApp, TestApp } from '../../support/test-app';
import type { CalcomFake } from '../../../src/calcom-fake/calcom-fake';

export const RUNS = 2000;
const FIELD_NAMES = [
  'name',
  'call',
  'args',
  'call_id',
  'event',
  'service',
  'date',
  'time',
  'start',
  'phone',
  'email',
  'confirm',
  'appointment_id',
  'new_date',
  'new_time',
  'branch',
  'slug',
  'e164',
  'kind',
  'companyId',
  'calcomEventTypeId',
  'openingHours',
  'to_number',
  'from_number',
  'direction',
];
const POLLUTERS = ['__proto__', 'constructor', 'prototype'];

/** JSON text of any shape: the fields the endpoints read, with wrong types; `__proto__` and `constructor.prototype`. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES, ...POLLUTERS), fc.string({ maxLength: 12 })), tie('value'), {
      maxKeys: 6,
    }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

const text = (v: unknown) => JSON.stringify(v) ?? 'null';

export const bodies: fc.Arbitrary<string> = fc.oneof(
  // Wrong types and random structures, with the real field names.
  value.map(text),
  // The right envelope with hostile contents.
  fc.record({ name: fc.string(), call: value, args: value }).map(text),
  fc
    .record({
      event: fc.constantFrom('call_started', 'call_ended', 'call_analyzed', 'call_inbound', 'x'),
      call: value,
      call_inbound: value,
    })
    .map(text),
  // Prototype pollution attempts, written as raw JSON so the keys really arrive.
  fc
    .tuple(
      fc.constantFrom(...POLLUTERS, 'args', 'call'),
      fc.constantFrom(
        '{"__proto__":{"polluted":"yes"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"prototype":{"polluted":"yes"}}',
      ),
    )
    .map(([key, payload]) => `{"${key}":${payload},"args":${payload},"call":${payload},"__proto__":{"isAdmin":true}}`),
  // Deep nesting.
  fc
    .integer({ min: 50, max: 5000 })
    .chain((depth) =>
      fc.constantFrom(
        `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        `${'['.repeat(depth)}${']'.repeat(depth)}`,
        `{"args":${'{"service":'.repeat(depth)}"x"${'}'.repeat(depth)}}`,
      ),
    ),
  // Huge strings: past every field's length limit, and one in thirty beyond the 1 MB body limit (about eight per
  // route; bytes cost time, not coverage: the limits are met at a few hundred characters and at 1 MB).
  fc
    .oneof(
      { arbitrary: fc.integer({ min: 1000, max: 12_000 }), weight: 29 },
      { arbitrary: fc.integer({ min: 1_000_000, max: 1_200_000 }), weight: 1 },
    )
    .map((size) => `{"name":"x","args":{"service":"${'ä'.repeat(size / 2)}","name":"${'x'.repeat(size / 2)}"}}`),
  // Control characters (U+0000 included) inside the strings that reach the database.
  fc
    .tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }))
    .map(([id, name]) =>
      text({ event: 'call_started', name, call: { call_id: id, to_number: name }, args: { name, service: id } }),
    ),
  // Not JSON at all.
  fc.string({ maxLength: 200 }),
);

/** node:http on a kept-alive socket: a fifth of what fetch costs per request, and 26,000 requests are sent per file. */
function post(rig: FuzzRig, path: string, method: string, headers: Record<string, string>, body: string) {
  const url = new URL(rig.url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request({ agent: rig.agent, host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface FuzzRig {
  t: TestApp;
  url: string;
  agent: Agent;
  companyId: string;
  counts: Record<string, number>;
  check(path: string, method: string, headers: (raw: string) => Record<string, string>): Promise<void>;
  /** The closing test of a fuzz file: the prototype untouched, the server up, every one of `routes` fuzzed in full. */
  itLeavesAllIntact(routes: number): void;
}

/** One app with the booking tenant, and a property check that sends 2,000 hostile bodies to a route. */
export function useFuzzRig(label: string): FuzzRig {
  const rig = { counts: {} as Record<string, number> } as FuzzRig;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  rig.itLeavesAllIntact = (routes) =>
    it('leaves Object.prototype as it was and the server answering', async () => {
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect((await fetch(`${rig.url}/health/live`)).status).toBe(200);
      expect(Object.values(rig.counts).every((n) => n >= RUNS)).toBe(true);
      expect(Object.keys(rig.counts)).toHaveLength(routes);
    });
  let fake: CalcomFake;
  beforeAll(async () => {
    fake = await startCalcomFake();
    rig.t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits, LOG_LEVEL: 'silent' } });
    rig.url = await rig.t.app.getUrl();
    rig.agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await rig.t.app.get(TenantsImportService).importDocument({ companies: [bookingTenant()] });
    rig.companyId = (await rig.t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'salon' })).id;
  });
  afterAll(async () => {
    rig.agent.destroy();
    await rig.t.close();
    await fake.stop();
    const counted = Object.entries(rig.counts).map(([path, n]) => `${path} ${n}`);
    process.stdout.write(`${label}: ${counted.join(', ')}\n`);
  });
  rig.check = async (path, method, headers) => {
    const outcome = await fc.check(
      fc.asyncProperty(bodies, async (raw) => {
        const res = await post(rig, path, method, { 'content-type': 'application/json', ...headers(raw) }, raw);
        const answer = res.text;
        rig.counts[path] = (rig.counts[path] ?? 0) + 1;
        if (res.status >= 500 || /\n\s+at .+\(.+:\d+:\d+\)/.test(answer))
          throw new Error(`${path} answered ${res.status}: ${answer.slice(0, 300)}`);
        if (
          ({} as Record<string, unknown>).polluted !== undefined ||
          ({} as Record<string, unknown>).isAdmin !== undefined
        )
          throw new Error('Object.prototype was polluted');
      }),
      { numRuns: RUNS },
    );
    // fast-check would print the whole counterexample, which can be a megabyte; the start of it says enough. The seed
    // and path replay it: fc.check(…, { seed, path, endOnFailure: true }).
    if (outcome.failed)
      throw new Error(
        `${path}: ${String(outcome.errorInstance)} for body ${String(outcome.counterexample?.[0]).slice(0, 200)} ` +
          `(replay with seed ${outcome.seed}, path "${outcome.counterexamplePath}")`,
      );
  };
  return rig;
}
