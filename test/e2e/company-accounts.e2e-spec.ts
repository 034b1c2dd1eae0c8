import request from 'supertest';
import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { CalcomBreakersService } from '../../src/modules/calcom/calcom-breakers.service';
import { Company } from '../../src/modules/tenants/company.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { bookingTenant, dayFromNow, generousLimits, TEST_EVENT_TYPES } from '../support/calcom';
import { callObject, signedPost } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

const EU_NUMBER = '+493011100001';
const SELF_NUMBER = '+493011100002';
const KEYS = { eu: 'cal_live_fixture_eu_0001', self: 'cal_live_fixture_self_0001' };
const RETELL_EU = 'key_company_eu_own_0001';
/** Where the deployment's Cal.com would be: nothing listens there, so a request that went to it would fail. */
const NOWHERE = 'http://127.0.0.1:9';

describe('Company accounts: each company on its own Cal.com', () => {
  let t: TestApp;
  let eu: CalcomFake;
  let selfHosted: CalcomFake;
  const check = (number: string, time: string, key = RETELL_EU, day = dayFromNow(3)) =>
    signedPost(
      t,
      '/api/retell/check-availability',
      {
        name: 'check_availability',
        call: callObject({ call_id: `check_${number}_${time}`, to_number: number }),
        args: { service: 'Haarschnitt', date: day, time },
      },
      { key },
    ).expect(200);

  beforeAll(async () => {
    eu = new CalcomFake({ eventTypes: TEST_EVENT_TYPES, apiKeys: [KEYS.eu] });
    selfHosted = new CalcomFake({ eventTypes: TEST_EVENT_TYPES, apiKeys: [KEYS.self] });
    await Promise.all([eu.start(), selfHosted.start()]);
    t = await createTestApp({
      env: {
        CALCOM_BASE_URL: NOWHERE,
        RETELL_API_KEYS: 'key_deployment_accounts',
        CALCOM_TIMEOUT_MS: '700',
        CALCOM_BREAKER_VOLUME: '4',
        CALCOM_BREAKER_RESET_MS: '60000',
        ...generousLimits,
      },
    });
    await t.app.get(TenantsImportService).importDocument({
      companies: [
        { ...bookingTenant('eu', EU_NUMBER), calcomApiKey: KEYS.eu, calcomBaseUrl: eu.url, retellApiKeys: [RETELL_EU] },
        { ...bookingTenant('self', SELF_NUMBER), calcomApiKey: KEYS.self, calcomBaseUrl: `${selfHosted.url}/` },
      ],
    });
  });
  beforeEach(() => {
    eu.requests.length = 0;
    selfHosted.requests.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([eu.stop(), selfHosted.stop()]);
  });

  it("sends each company's requests to its own Cal.com with its own key, never to the deployment's", async () => {
    expect((await check(EU_NUMBER, '09:00')).body.success).toBe(true);
    expect((await check(SELF_NUMBER, '09:00', 'key_deployment_accounts')).body.success).toBe(true);
    expect(eu.requests.length).toBeGreaterThan(0);
    expect(selfHosted.requests.length).toBeGreaterThan(0);
    for (const sent of eu.requests) expect(sent.headers.authorization).toBe(`Bearer ${KEYS.eu}`);
    for (const sent of selfHosted.requests) expect(sent.headers.authorization).toBe(`Bearer ${KEYS.self}`);
  });

  it('keeps the slots of event type 1001 apart for two accounts: a booking on one is not a booking on the other', async () => {
    const day = dayFromNow(4);
    const book = await signedPost(
      t,
      '/api/retell/book-appointment',
      {
        name: 'book_appointment',
        call: callObject({ call_id: 'book_eu', to_number: EU_NUMBER }),
        args: { service: 'Haarschnitt', date: day, time: '10:00', name: 'Anna' },
      },
      { key: RETELL_EU },
    ).expect(200);
    expect(book.body.success).toBe(true);
    expect((await check(EU_NUMBER, '10:00', RETELL_EU, day)).body.data.available).toBe(false);
    const other = await check(SELF_NUMBER, '10:00', 'key_deployment_accounts', day);
    expect(other.body.data.available).toBe(true);
    expect(selfHosted.requestsTo('GET', /^\/v2\/slots$/).length).toBeGreaterThan(0);
  });

  it("opens one account's breaker without touching the other's", async () => {
    eu.fail({ kind: 'status', status: 503, times: 100 });
    try {
      // Days not cached yet, so each check asks Cal.com.
      for (const days of [5, 6, 7, 8, 9]) await check(EU_NUMBER, '11:00', RETELL_EU, dayFromNow(days));
      const [euCompany, selfCompany] = await Promise.all(
        ['eu', 'self'].map((slug) => t.dataSource.getRepository(Company).findOneByOrFail({ slug })),
      );
      const breakers = t.app.get(CalcomBreakersService);
      expect(breakers.state(euCompany.id)).toBe('open');
      expect(breakers.state(selfCompany.id)).toBe('closed');
      const other = await check(SELF_NUMBER, '11:00', 'key_deployment_accounts', dayFromNow(5));
      expect(other.body.success).toBe(true);
    } finally {
      eu.clearFaults();
    }
  });

  it("shows the company's Cal.com and whether keys are stored, never the keys", async () => {
    const res = await request(t.server)
      .get('/api/admin/companies')
      .set('authorization', `Bearer ${t.adminToken}`)
      .expect(200);
    const euView = res.body.find((company: { slug: string }) => company.slug === 'eu');
    expect(euView).toMatchObject({ calcomBaseUrl: eu.url, hasCalcomApiKey: true, hasRetellApiKeys: true });
    const selfView = res.body.find((company: { slug: string }) => company.slug === 'self');
    expect(selfView).toMatchObject({ calcomBaseUrl: selfHosted.url, hasRetellApiKeys: false });
    for (const secret of [KEYS.eu, KEYS.self, RETELL_EU]) expect(JSON.stringify(res.body)).not.toContain(secret);
  });
});
