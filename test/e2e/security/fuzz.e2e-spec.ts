import fc from 'fast-check';
import { signRetellBody } from '../../../src/modules/access/retell-signature';
import { Company } from '../../../src/modules/tenants/company.entity';
import { TenantsImportService } from '../../../src/modules/tenants/tenants-import.service';
import { bookingTenant, calcomEnv, generousLimits, startCalcomFake } from '../../support/calcom';
import { RETELL_KEY, retellEnv } from '../../support/retell';
import { createTestApp, TestApp } from '../../support/test-app';
import type { CalcomFake } from '../../../src/calcom-fake/calcom-fake';

const RUNS = 2000;
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

const bodies: fc.Arbitrary<string> = fc.oneof(
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
  // Huge strings: mostly long, one in ten beyond the 1 MB body limit (bytes cost time, not coverage).
  fc
    .oneof(
      { arbitrary: fc.integer({ min: 1000, max: 60_000 }), weight: 9 },
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

describe('Security: fuzzing every endpoint that takes a body', () => {
  let t: TestApp;
  let fake: CalcomFake;
  let url: string;
  let companyId: string;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const counts: Record<string, number> = {};

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits, LOG_LEVEL: 'silent' } });
    url = await t.app.getUrl();
    await t.app.get(TenantsImportService).importDocument({ companies: [bookingTenant()] });
    companyId = (await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'salon' })).id;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
    process.stdout.write(
      `fuzz: ${Object.entries(counts)
        .map(([path, n]) => `${path} ${n}`)
        .join(', ')}\n`,
    );
  });

  const signed = [
    'list-services',
    'get-branches',
    'check-availability',
    'get-alternatives',
    'collect-customer-info',
    'collect-appointment-data',
    'book-appointment',
    'cancel-appointment',
    'reschedule-appointment',
    'query-customer-appointments',
  ]
    .map((fn) => `/api/retell/${fn}`)
    .concat(['/api/webhooks/retell', '/api/webhooks/retell/inbound']);
  const adminRoutes: Array<[string, () => string]> = [
    ['POST', () => '/api/admin/companies'],
    ['PATCH', () => `/api/admin/companies/${companyId}`],
    ['POST', () => `/api/admin/companies/${companyId}/branches`],
    ['POST', () => `/api/admin/companies/${companyId}/phone-numbers`],
    ['POST', () => `/api/admin/companies/${companyId}/services`],
    ['POST', () => '/api/admin/tokens'],
  ];

  const check = async (path: string, method: string, headers: (raw: string) => Record<string, string>) => {
    const outcome = await fc.check(
      fc.asyncProperty(bodies, async (raw) => {
        const res = await fetch(`${url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers(raw) },
          body: raw,
        });
        const answer = await res.text();
        counts[path] = (counts[path] ?? 0) + 1;
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
    // fast-check would print the whole counterexample, which can be a megabyte; the start of it says enough.
    if (outcome.failed)
      throw new Error(
        `${path}: ${String(outcome.errorInstance)} for body ${String(outcome.counterexample?.[0]).slice(0, 200)}`,
      );
  };

  it.each(signed)(
    '%s: 2,000 signed hostile bodies, never a 5xx',
    async (path) => {
      await check(path, 'POST', (raw) => ({ 'x-retell-signature': signRetellBody(raw, RETELL_KEY, Date.now()) }));
    },
    180_000,
  );

  it.each(adminRoutes.map(([method, path]) => [method, path] as const))(
    '%s admin route: 2,000 hostile bodies, never a 5xx',
    async (method, path) => {
      await check(path(), method, () => ({ authorization: `Bearer ${t.adminToken}` }));
    },
    180_000,
  );

  it('leaves Object.prototype as it was and the server answering', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect(Object.values(counts).every((n) => n >= RUNS)).toBe(true);
    expect(Object.keys(counts)).toHaveLength(signed.length + adminRoutes.length);
  });
});
