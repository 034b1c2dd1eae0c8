import { CompaniesService } from '../../src/modules/tenants/companies.service';
import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { CalcomBreakersService } from '../../src/modules/calcom/calcom-breakers.service';
import { Company } from '../../src/modules/tenants/company.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import {
  berlin,
  bookingTenant,
  calcomEnv,
  callFunction,
  dayFromNow,
  startCalcomFake,
  generousLimits,
} from '../support/calcom';
import { retellEnv } from '../support/retell';
import { waitFor } from '../support/process';
import { createTestApp, TestApp } from '../support/test-app';

const UNAVAILABLE = 'Ich erreiche den Kalender gerade nicht. Darf ich Sie zurückrufen lassen?';
const TIMEOUT_MS = Number(calcomEnv({ url: '' } as CalcomFake).CALCOM_TIMEOUT_MS);

describe('Cal.com engine: outages, timeouts and uncertain outcomes', () => {
  let t: TestApp;
  let fake: CalcomFake;
  let company: Company;
  const day = dayFromNow(2);
  const check = (time = '10:00', date = day) =>
    callFunction(t, 'check-availability', { service: 'Haarschnitt', date, time });
  const book = (time: string, call = 'call_1') =>
    callFunction(t, 'book-appointment', { service: 'Haarschnitt', date: day, time, name: 'Anna' }, { call_id: call });
  const slots = () => fake.requestsTo('GET', /^\/v2\/slots$/);
  const posts = () => fake.requestsTo('POST', /^\/v2\/bookings$/);

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits } });
  });
  beforeEach(async () => {
    await t.app.get(TenantsImportService).importDocument({ companies: [bookingTenant()] });
    company = await t.dataSource.getRepository(Company).findOneByOrFail({ slug: 'salon' });
  });
  afterEach(async () => {
    fake.reset();
    await t.reset();
    t.app.get(CalcomBreakersService).onModuleDestroy();
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('retries a read that failed fast once, and answers normally when the retry works', async () => {
    fake.fail({ kind: 'status', status: 502, times: 1 });
    const res = await check().expect(200);
    expect(res.body.success).toBe(true);
    expect(slots()).toHaveLength(2);
  });

  it('answers a speakable fallback when Cal.com keeps failing with 5xx', async () => {
    fake.fail({ kind: 'status', status: 500, times: 2 });
    const res = await check().expect(200);
    expect(res.body).toEqual({ success: false, message: UNAVAILABLE });
    expect(slots()).toHaveLength(2);
  });

  it('backs off on 429 without retrying', async () => {
    fake.fail({ kind: 'status', status: 429, times: 1 });
    const res = await check().expect(200);
    expect(res.body).toEqual({
      success: false,
      message: 'Der Kalender ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.',
    });
    expect(slots()).toHaveLength(1);
  });

  it('answers within the timeout budget when Cal.com does not answer at all', async () => {
    fake.fail({ kind: 'hang', times: 5 });
    const started = Date.now();
    const res = await check().expect(200);
    expect(res.body).toEqual({ success: false, message: UNAVAILABLE });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2);
    expect(slots()).toHaveLength(1);
  });

  it('answers a fallback when Cal.com refuses connections, and works again when it is back', async () => {
    await fake.stop();
    try {
      const res = await check().expect(200);
      expect(res.body).toEqual({ success: false, message: UNAVAILABLE });
    } finally {
      await fake.start();
    }
    expect((await check('11:00').expect(200)).body.success).toBe(true);
  });

  it('opens the breaker after repeated failures, answers without calling Cal.com while open, and recovers', async () => {
    const breakers = t.app.get(CalcomBreakersService);
    fake.fail({ kind: 'status', status: 503, times: 1000 });
    for (let i = 0; i < 4; i += 1) await check(`1${i}:00`).expect(200);
    expect(breakers.state(company.id)).toBe('open');
    const seen = fake.requests.length;
    const started = Date.now();
    const res = await check('15:00').expect(200);
    expect(res.body).toEqual({ success: false, message: UNAVAILABLE });
    expect(fake.requests).toHaveLength(seen);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    fake.clearFaults();
    await waitFor(async () => breakers.state(company.id) === 'half-open', 5_000, 'the breaker to try Cal.com again');
    expect((await check('16:00').expect(200)).body.success).toBe(true);
    expect(breakers.state(company.id)).toBe('closed');
  });

  it('does not count a taken slot or a bad API key as an outage', async () => {
    const breakers = t.app.get(CalcomBreakersService);
    // As an operator changes it (the admin API): the cached credentials follow at once.
    await t.app.get(CompaniesService).update(company.id, { calcomApiKey: 'cal_fixture_wrong' });
    for (let i = 0; i < 5; i += 1) {
      const res = await check(`1${i}:00`).expect(200);
      expect(res.body).toEqual({
        success: false,
        message: 'Die Terminbuchung ist gerade nicht möglich. Darf ich Sie zurückrufen lassen?',
      });
    }
    expect(breakers.state(company.id)).toBe('closed');
  });

  it('settles a booking whose answer was lost by looking it up by our key, never posting it twice', async () => {
    fake.fail({ kind: 'swallow', method: 'POST', path: /^\/v2\/bookings$/, times: 1 });
    const first = await book('09:00').expect(200);
    expect(first.body).toEqual({ success: false, message: UNAVAILABLE });
    expect(fake.bookings.size).toBe(1);
    expect((await t.dataSource.getRepository(Appointment).findOneByOrFail({})).status).toBe('uncertain');
    const retry = await book('09:00').expect(200);
    expect(retry.body).toMatchObject({ success: true, data: { status: 'confirmed' } });
    expect(posts()).toHaveLength(1);
    const lookups = fake.requestsTo('GET', /^\/v2\/bookings$/);
    expect(lookups).toHaveLength(1);
    expect(lookups[0].query).toMatchObject({ eventTypeId: '1001' });
    const row = await t.dataSource.getRepository(Appointment).findOneByOrFail({});
    expect(row).toMatchObject({ status: 'accepted', calcomBookingUid: [...fake.bookings.keys()][0] });
  });

  it('looks first after a dropped connection, and books again only when Cal.com has no booking', async () => {
    fake.fail({ kind: 'reset', method: 'POST', path: /^\/v2\/bookings$/, times: 1 });
    const first = await book('10:00').expect(200);
    expect(first.body).toEqual({ success: false, message: UNAVAILABLE });
    expect((await t.dataSource.getRepository(Appointment).findOneByOrFail({})).status).toBe('failed');
    const retry = await book('10:00').expect(200);
    expect(retry.body.success).toBe(true);
    const order = fake.requests.filter((r) => r.path === '/v2/bookings').map((r) => r.method);
    expect(order).toEqual(['POST', 'GET', 'POST']);
    expect(fake.bookings.size).toBe(1);
  });

  it('offers alternatives when Cal.com says a slot our cache thought free is taken, and forgets the stale day', async () => {
    await check('12:00').expect(200);
    fake.bookings.set('elsewhere', {
      id: 99,
      uid: 'elsewhere',
      eventTypeId: 1001,
      status: 'accepted',
      start: berlin(day, '12:00'),
      end: berlin(day, '12:30'),
      attendee: { name: 'Web', email: 'web@example.org', timeZone: 'Europe/Berlin' },
      metadata: {},
      createdAt: new Date(),
    });
    const res = await book('12:00').expect(200);
    expect(res.body.message).toMatch(/^\p{L}+, \d+\. \p{L}+ um 12 Uhr ist leider vergeben\. Wie wäre es .*\?$/u);
    expect(res.body.data.alternatives).not.toContain(berlin(day, '12:00').toISOString());
    expect((await t.dataSource.getRepository(Appointment).findOneByOrFail({})).status).toBe('failed');
    expect(slots()).toHaveLength(2);
  });
});
