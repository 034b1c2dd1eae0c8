import { resolveWhen } from '../when';
import { BERLIN, describeFamilies, Family, NEW_YORK, nowOf } from './date-phrases.testing';

/** Both 2026 clock changes in Europe/Berlin (29 March, 25 October) and in New York (8 March, 1 November). */
const DST_FAMILIES: Family[] = [
  {
    name: 'Berlin, the day before spring forward',
    locale: 'de',
    zone: BERLIN,
    now: '2026-03-28 10:00',
    cases: [
      ['morgen um 14 Uhr', '2026-03-29 14:00'],
      ['morgen um halb zehn', '2026-03-29 09:30'],
      ['Montag um 9', '2026-03-30 09:00'],
      ['übermorgen um 3', '2026-03-30 15:00'],
      ['morgen Vormittag', '2026-03-29 morning'],
      ['in einer Woche', '2026-04-04'],
      ['nächsten Freitag um 16 Uhr', '2026-04-03 16:00'],
    ],
  },
  {
    name: 'Berlin, the day before fall back',
    locale: 'de',
    zone: BERLIN,
    now: '2026-10-24 10:00',
    cases: [
      ['morgen um 10 Uhr', '2026-10-25 10:00'],
      ['morgen um viertel nach drei', '2026-10-25 15:15'],
      ['Montag um 9', '2026-10-26 09:00'],
      ['26.10. um 10 Uhr', '2026-10-26 10:00'],
      ['in 24 Stunden', '2026-10-25 09:00'],
    ],
  },
  {
    name: 'New York, the day before spring forward',
    locale: 'en',
    zone: NEW_YORK,
    now: '2026-03-07 10:00',
    cases: [
      ['tomorrow at 10 am', '2026-03-08 10:00'],
      ['tomorrow at half past two', '2026-03-08 14:30'],
      ['Monday at 9', '2026-03-09 09:00'],
      ['in 2 days at 3pm', '2026-03-09 15:00'],
      ['next Friday at noon', '2026-03-13 12:00'],
    ],
  },
  {
    name: 'New York, the day before fall back',
    locale: 'en',
    zone: NEW_YORK,
    now: '2026-10-31 10:00',
    cases: [
      ['tomorrow at 10', '2026-11-01 10:00'],
      ['Monday at a quarter to 9', '2026-11-02 08:45'],
      ['11/2 at 4 pm', '2026-11-02 16:00'],
      ['in 24 hours', '2026-11-01 09:00'],
    ],
  },
];

describe('dates across daylight saving changes', () => {
  describeFamilies(DST_FAMILIES);

  it.each([
    ['morgen um 14 Uhr', BERLIN, '2026-03-28 10:00', '2026-03-29T12:00:00.000Z'],
    ['morgen um 10 Uhr', BERLIN, '2026-10-24 10:00', '2026-10-25T09:00:00.000Z'],
    ['tomorrow at 10 am', NEW_YORK, '2026-03-07 10:00', '2026-03-08T14:00:00.000Z'],
    ['tomorrow at 10', NEW_YORK, '2026-10-31 10:00', '2026-11-01T15:00:00.000Z'],
  ])('%s in %s (now %s) is %s in UTC', (phrase, zone, now, utc) => {
    const when = resolveWhen({ date: phrase }, zone, zone === BERLIN ? 'de' : 'en', nowOf({ now, zone }));
    expect(when.kind === 'instant' && when.instant.toISOString()).toBe(utc);
  });

  it('moves a time that does not exist (02:30 on spring forward) to the same time after the change', () => {
    const when = resolveWhen(
      { date: 'morgen um 2:30 Uhr nachts' },
      BERLIN,
      'de',
      nowOf({ now: '2026-03-28 10:00', zone: BERLIN }),
    );
    expect(when.kind === 'instant' && when.instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
