import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { DEMO_EVENT_TYPES } from '../../src/calcom-fake/demo-event-types';
import { brokenRules, playSituations, SituationAnswer } from '../../src/demo/demo-situations';
import { situations } from '../../src/demo/demo-situations.table';
import { DEMO_TENANT } from '../../src/modules/tenants/demo-tenant';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { baseUrl } from '../support/mcp';
import { RETELL_KEY, retellEnv } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

type Data = Record<string, unknown> & { alternatives?: string[]; days?: Array<{ slots: string[] }> };

/**
 * The receptionist measure (`npm run demo:call -- --situations`), played through the signed Retell function routes
 * of the real app on the demo tenant in German and English: every answer names its reason, offers something or asks
 * the next step, says weekday + date + time where a time is involved, has at most 25 words, no ISO string or id,
 * and at most one question.
 */
describe('answers a good receptionist would give', () => {
  const now = new Date();
  const table = situations(now);
  let t: TestApp;
  let fake: CalcomFake;
  let answers: SituationAnswer[];
  const answer = (locale: string, id: string) =>
    answers.find((heard) => heard.situation.locale === locale && heard.situation.id === id)!;
  const data = (locale: string, id: string) => answer(locale, id).data as Data;

  beforeAll(async () => {
    fake = new CalcomFake({ eventTypes: DEMO_EVENT_TYPES });
    await fake.start();
    t = await createTestApp({ env: { ...retellEnv, CALCOM_BASE_URL: fake.url } });
    await t.app.get(TenantsImportService).importDocument(DEMO_TENANT);
    const target = { url: baseUrl(t), retellKey: RETELL_KEY, adminToken: t.adminToken };
    answers = await playSituations(target, () => undefined, now);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it.each(table.map((situation) => [situation.locale, situation.id] as const))(
    '[%s] %s keeps every rule',
    (locale, id) => {
      const heard = answer(locale, id);
      expect({ status: heard.status, message: heard.message, broken: heard.broken }).toEqual({
        status: 200,
        message: heard.message,
        broken: [],
      });
    },
  );

  it('breaks the rules where the old answers did (the measure can fail)', () => {
    const [closed] = table;
    expect(brokenRules(closed, 'Dieser Zeitpunkt liegt in der Vergangenheit.')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^names the reason/), 'offers something or asks the next step']),
    );
    const long = 'Frei wäre Mittwoch, 9. Dezember 09:00, 09:30, 10:00 oder 10:30 Uhr, 2026-12-09T09:00:00Z. Ja? Nein?';
    expect(brokenRules({ ...closed, reason: /Frei/, timed: true }, long)).toEqual([
      'says weekday, date and time',
      'no ISO string or id',
      'at most one question (2)',
    ]);
  });

  it.each(['de', 'en'])('[%s] is honest in the data too', (locale) => {
    // A closed day's read-back offers what the check offers: never a false "nothing free".
    expect(data(locale, 'closed-day-read-back').alternatives).toEqual(data(locale, 'closed-day').alternatives);
    expect(data(locale, 'closed-day').alternatives).toHaveLength(3);
    expect(data(locale, 'closed-day')).toMatchObject({ available: false, reason: 'closedDay' });
    expect(data(locale, 'closed-hour')).toMatchObject({ reason: 'closedHours', opening_hours: ['09:00–18:00'] });
    expect(data(locale, 'past')).toMatchObject({ reason: 'past' });
    expect(data(locale, 'beyond-window')).toMatchObject({ reason: 'beyondWindow', last_day: expect.any(String) });
    expect(data(locale, 'own-booking')).toMatchObject({ reason: 'yours', appointment_id: expect.any(String) });
    expect(data(locale, 'moved')).toMatchObject({ changed: true, previous_start: expect.any(String) });
    expect(data(locale, 'moved-nothing-changed')).toMatchObject({ changed: false });
    expect(data(locale, 'move-taken')).toMatchObject({ reason: 'taken', unchanged_appointment_id: expect.any(String) });
    expect(data(locale, 'bad-email')).toMatchObject({ invalid: ['email'] });
    expect(data(locale, 'no-date-no-time')).toMatchObject({ missing: ['date', 'time'] });
  });

  it.each(['de', 'en'])('[%s] honours the part of the day asked', (locale) => {
    const zone = locale === 'de' ? 'Europe/Berlin' : 'America/New_York';
    const hour = (iso: string) =>
      Number(
        new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date(iso)),
      );
    const afternoon = data(locale, 'part-of-day').days!.flatMap((day) => day.slots);
    expect(afternoon.length).toBeGreaterThan(0);
    expect(afternoon.filter((slot) => hour(slot) < 12 || hour(slot) >= 18)).toEqual([]);
    const evening = data(locale, 'part-of-day-closed').alternatives!;
    expect(evening.length).toBeGreaterThan(0);
    expect(evening.filter((slot) => hour(slot) < 17)).toEqual([]);
  });
});
