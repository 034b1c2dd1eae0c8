import { resolveWhen, todayAndTomorrow, When, WhenInput } from './when';

const BERLIN = 'Europe/Berlin';
// Sunday 29 November 2026, 10:00 in Berlin (CET, UTC+1).
const NOV = new Date('2026-11-29T09:00:00Z');
// Saturday 28 March 2026, 10:00 CET: the clocks go forward the next night (02:00 → 03:00).
const SPRING = new Date('2026-03-28T09:00:00Z');
// Saturday 24 October 2026, 10:00 CEST: the clocks go back the next night (03:00 → 02:00).
const AUTUMN = new Date('2026-10-24T08:00:00Z');

type Row = [
  locale: 'de' | 'en',
  input: WhenInput,
  now: Date,
  expected: string | { day: string; period?: [number, number] },
];

const TABLE: Row[] = [
  ['de', { date: 'morgen', time: '14 Uhr' }, NOV, '2026-11-30T13:00:00.000Z'],
  ['de', { date: 'morgen um 14 Uhr' }, NOV, '2026-11-30T13:00:00.000Z'],
  ['de', { date: 'übermorgen', time: '10:30' }, NOV, '2026-12-01T09:30:00.000Z'],
  ['de', { date: 'nächsten Dienstag nachmittags' }, NOV, { day: '2026-12-01', period: [12, 18] }],
  ['de', { date: 'am Freitag', time: 'um 9' }, NOV, '2026-12-04T08:00:00.000Z'],
  ['de', { date: '1. Dezember', time: '15 Uhr' }, NOV, '2026-12-01T14:00:00.000Z'],
  ['de', { date: 'am 3.12.', time: 'um 11' }, NOV, '2026-12-03T10:00:00.000Z'],
  ['de', { date: 'Montag', time: '9' }, NOV, '2026-11-30T08:00:00.000Z'],
  ['de', { date: 'heute', time: '16:30' }, NOV, '2026-11-29T15:30:00.000Z'],
  ['de', { date: 'kommenden Mittwoch um 16:00' }, NOV, '2026-12-02T15:00:00.000Z'],
  ['de', { date: 'in zwei Tagen', time: '12 Uhr' }, NOV, '2026-12-01T11:00:00.000Z'],
  ['de', { date: '2026-12-07', time: '09:15' }, NOV, '2026-12-07T08:15:00.000Z'],
  ['de', { date: 'morgen', time: 'vormittags' }, NOV, { day: '2026-11-30', period: [8, 12] }],
  ['de', { date: 'Donnerstag abends' }, NOV, { day: '2026-12-03', period: [17, 21] }],
  ['de', { date: 'morgen um 3' }, NOV, '2026-11-30T14:00:00.000Z'],
  ['de', { date: '24.12.2026', time: '10 Uhr' }, NOV, '2026-12-24T09:00:00.000Z'],
  ['de', { date: 'morgen' }, NOV, { day: '2026-11-30' }],
  ['en', { date: 'tomorrow', time: '2pm' }, NOV, '2026-11-30T13:00:00.000Z'],
  ['en', { date: 'next Friday at 9' }, NOV, '2026-12-04T08:00:00.000Z'],
  ['en', { date: 'tomorrow afternoon' }, NOV, { day: '2026-11-30', period: [12, 18] }],
  ['en', { date: 'Tuesday', time: '3:30 pm' }, NOV, '2026-12-01T14:30:00.000Z'],
  ['en', { date: 'December 1st at 10am' }, NOV, '2026-12-01T09:00:00.000Z'],
  ['en', { date: 'in 3 days at noon' }, NOV, '2026-12-02T11:00:00.000Z'],
  ['en', { date: 'today at 5' }, NOV, '2026-11-29T16:00:00.000Z'],
  ['en', { date: 'the day after tomorrow' }, NOV, { day: '2026-12-01' }],
  ['en', { date: 'Monday', time: '14:00' }, NOV, '2026-11-30T13:00:00.000Z'],
  ['en', { start: '2026-12-01T10:00:00+01:00' }, NOV, '2026-12-01T09:00:00.000Z'],
  ['en', { start: '2026-12-01T10:00' }, NOV, '2026-12-01T09:00:00.000Z'],
  // Spring 2026: Sunday 29 March, 02:00 CET → 03:00 CEST.
  ['de', { date: 'heute', time: '14 Uhr' }, SPRING, '2026-03-28T13:00:00.000Z'],
  ['de', { date: 'morgen', time: '14 Uhr' }, SPRING, '2026-03-29T12:00:00.000Z'],
  ['de', { date: 'morgen', time: '9' }, SPRING, '2026-03-29T07:00:00.000Z'],
  ['de', { date: '2026-03-29', time: '02:30' }, SPRING, '2026-03-29T01:30:00.000Z'],
  ['en', { date: 'Monday at 9am' }, SPRING, '2026-03-30T07:00:00.000Z'],
  ['en', { date: 'next Friday', time: '4 pm' }, SPRING, '2026-04-03T14:00:00.000Z'],
  // Autumn 2026: Sunday 25 October, 03:00 CEST → 02:00 CET.
  ['de', { date: 'heute', time: '10 Uhr' }, AUTUMN, '2026-10-24T08:00:00.000Z'],
  ['de', { date: 'morgen um 10 Uhr' }, AUTUMN, '2026-10-25T09:00:00.000Z'],
  ['de', { date: '26.10.', time: '10 Uhr' }, AUTUMN, '2026-10-26T09:00:00.000Z'],
  ['en', { date: 'next Monday at 9' }, AUTUMN, '2026-10-26T08:00:00.000Z'],
  ['en', { date: 'tomorrow', time: '13:45' }, AUTUMN, '2026-10-25T12:45:00.000Z'],
];

const summary = (when: When) => {
  if (when.kind === 'instant') return when.instant.toISOString();
  if (when.kind === 'day')
    return { day: when.day, ...(when.period ? { period: [when.period.from, when.period.to] } : {}) };
  return when.kind;
};

describe(resolveWhen.name, () => {
  it('has at least 30 phrases in its table', () => expect(TABLE.length).toBeGreaterThanOrEqual(30));

  it.each(TABLE)('%s %j (now %s) → %j', (locale, input, now, expected) => {
    expect(summary(resolveWhen(input, BERLIN, locale, now))).toEqual(expected);
  });

  it('says so when nothing was given, and when it cannot read the words', () => {
    expect(resolveWhen({}, BERLIN, 'de', NOV).kind).toBe('none');
    expect(resolveWhen({ date: 'irgendwann mal' }, BERLIN, 'de', NOV).kind).toBe('invalid');
    expect(resolveWhen({ date: '2026-13-45', time: '10:00' }, BERLIN, 'de', NOV).kind).toBe('invalid');
    expect(resolveWhen({ start: 'not a date' }, BERLIN, 'de', NOV).kind).toBe('invalid');
  });

  it('reads the same words in another timezone as that zone’s wall clock', () => {
    expect(summary(resolveWhen({ date: 'tomorrow', time: '9am' }, 'America/New_York', 'en', NOV))).toBe(
      '2026-11-30T14:00:00.000Z',
    );
  });

  it('reads "2/3" in the company’s date order, month first by default only in US zones', () => {
    const day = (zone: string, dateOrder?: 'dmy' | 'mdy') =>
      summary(resolveWhen({ date: '2/3' }, zone, 'en', NOV, { dateOrder }));
    expect(day(BERLIN)).toEqual({ day: '2027-03-02' });
    expect(day('America/Chicago')).toEqual({ day: '2027-02-03' });
    expect(day(BERLIN, 'mdy')).toEqual({ day: '2027-02-03' });
    expect(day('America/Chicago', 'dmy')).toEqual({ day: '2027-03-02' });
    expect(day(BERLIN, 'mdy')).toEqual(summary(resolveWhen({ date: '2/3' }, BERLIN, 'de', NOV, { dateOrder: 'mdy' })));
  });

  it('names today and tomorrow in the company’s timezone, not the server’s', () => {
    expect(todayAndTomorrow(BERLIN, new Date('2026-11-29T23:30:00Z'))).toEqual(['2026-11-30', '2026-12-01']);
  });
});
