import { DateTime } from 'luxon';
import { DayRef, longestAt, numberAt, Reading, wordAt } from './date-reading';
import type { Token } from './date-tokens';
import { MONTHS, WEEKDAYS } from './date-words';

type Table<T> = ReadonlyArray<readonly [string[], T]>;
const table = <T>(value: T, list: string): Array<readonly [string[], T]> =>
  list.split('|').map((phrase) => [phrase.trim().split(/\s+/), value] as const);

const LAST = new Set(['last', 'letzte', 'letzten', 'letzter', 'letztes', 'letztem']);
/** What is counted in a month: any day, or working days (Monday to Friday). */
const DAY_UNITS: Table<'day' | 'workday'> = [
  ...table<'day' | 'workday'>('day', 'day | tag'),
  ...table<'day' | 'workday'>('workday', 'werktag | arbeitstag | business day | working day | workday | weekday'),
];
/** Between the day and its month: "in May", "of the month", "im Mai", "des Monats", "vom nächsten Monat". */
const JOINERS = new Set(['in', 'of', 'im', 'des', 'vom', 'von']);

/** Which month: `current` rolls on to the next month once the day has passed; 0 and 1 are this and next month. */
type MonthSaid = 'current' | 0 | 1;
const MONTH_SAID: Table<MonthSaid> = [
  ...table<MonthSaid>('current', 'month | the month | monat | monats | the current month'),
  ...table<MonthSaid>(0, 'this month | diesen monat | dieses monats | diesem monat | this months'),
  ...table<MonthSaid>(1, 'next month | the next month | the following month | following month'),
  ...table<MonthSaid>(1, 'naechsten monat | naechsten monats | naechstem monat | kommenden monat | kommenden monats'),
];

/** "from now", "ab heute": the count starts after today. */
const FROM_TODAY: Table<true> = table(true, 'from now | from today | ab heute | von heute an | von heute');

/** "next month", "im nächsten Monat": the month a day said after it falls in ("next month on the 5th"). */
const MONTH_CONTEXT: Table<number> = [
  ...table(1, 'next month | naechsten monat | im naechsten monat | kommenden monat | im kommenden monat'),
  ...table(0, 'this month | diesen monat | in diesem monat'),
];

/**
 * The nth (or last) weekday or day of a month, or counted from today: "the second Monday in May", "the last Friday of
 * the month", "am ersten Montag im nächsten Monat", "the last day of the month", "am vierten Sonntag ab heute".
 */
export function readNthWeekday(tokens: Token[], i: number, reading: Reading): number {
  const token = tokens[i];
  const n = token?.t === 'ord' && token.v <= 5 ? token.v : LAST.has(wordAt(tokens, i) ?? '') ? -1 : 0;
  if (n === 0) return 0;
  const weekday = WEEKDAYS.get(wordAt(tokens, i + 1) ?? '');
  const unit = weekday === undefined ? longestAt(tokens, i + 1, DAY_UNITS) : null;
  if (weekday === undefined && !unit) return 0;
  const after = i + 1 + (unit?.[0] ?? 1);
  const fromToday = longestAt(tokens, after, FROM_TODAY);
  if (fromToday && weekday !== undefined && n > 0) return countFromToday(reading, weekday, n, after + fromToday[0] - i);
  const month = monthAt(tokens, after);
  if (!month) return 0;
  const counted = unit?.[1] === 'workday' ? { workdays: true } : {};
  reading.days.push({ kind: 'nth', n, weekday, ...counted, ...month.said });
  return month.end - i;
}

/** "four Sundays from now", "two Fridays from today": the nth such weekday after today. */
export function readWeekdaysFromNow(tokens: Token[], i: number, reading: Reading): number {
  const n = numberAt(tokens, i, 1, 12);
  const weekday = WEEKDAYS.get(wordAt(tokens, i + 1) ?? '');
  const tail = n !== undefined && weekday !== undefined ? longestAt(tokens, i + 2, FROM_TODAY) : null;
  return tail ? countFromToday(reading, weekday!, n!, 2 + tail[0]) : 0;
}

/** "next month", "im nächsten Monat", said beside a day of the month. */
export function readMonthContext(tokens: Token[], i: number, reading: Reading): number {
  const found = longestAt(tokens, i, MONTH_CONTEXT);
  if (!found) return 0;
  reading.inMonth = found[1];
  return found[0];
}

function countFromToday(reading: Reading, weekday: number, n: number, used: number): number {
  reading.days.push({ kind: 'weekday', weekday, which: 'coming' });
  reading.shiftDays = (reading.shiftDays ?? 0) + 7 * (n - 1);
  reading.anchored = true;
  return used;
}

function monthAt(tokens: Token[], i: number): { said: Partial<DayRef & { kind: 'nth' }>; end: number } | null {
  let k = i;
  if (JOINERS.has(wordAt(tokens, k) ?? '')) k += 1;
  if (['the', 'dem', 'den'].includes(wordAt(tokens, k) ?? '')) k += 1;
  const named = MONTHS.get(wordAt(tokens, k) ?? '');
  if (named !== undefined) return { said: { month: named }, end: k + 1 };
  const said = longestAt(tokens, k, MONTH_SAID);
  if (!said) return null;
  return { said: said[1] === 'current' ? {} : { monthShift: said[1] }, end: k + said[0] };
}

/**
 * The day an nth-weekday reference names, from today: a month named is this year's or, once passed, next year's;
 * "the month" is this month or, once passed, the next; "this month" and "next month" stand as said.
 */
export function placeNth(ref: DayRef & { kind: 'nth' }, today: DateTime): DateTime | null {
  const first =
    ref.month !== undefined
      ? today.set({ month: ref.month, day: 1 })
      : today.startOf('month').plus({ months: ref.monthShift ?? 0 });
  const day = nthIn(first, ref);
  if (!day || day >= today || ref.monthShift !== undefined) return day;
  return nthIn(first.plus(ref.month !== undefined ? { years: 1 } : { months: 1 }), ref);
}

function nthIn(first: DateTime, ref: { n: number; weekday?: number; workdays?: boolean }): DateTime | null {
  const { n, weekday } = ref;
  const last = first.endOf('month').startOf('day');
  if (ref.workdays) return nthWorkday(n < 0 ? last : first, n);
  if (weekday === undefined) return n < 0 ? last : first.plus({ days: n - 1 });
  if (n < 0) return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  const day = first.plus({ days: (weekday - first.weekday + 7) % 7, weeks: n - 1 });
  return day.month === first.month ? day : null;
}

/** The nth working day (Monday to Friday) from the month's first day on, or the last one back from its last day. */
function nthWorkday(from: DateTime, n: number): DateTime | null {
  const step = n < 0 ? -1 : 1;
  let day = from;
  for (let seen = 0; ; day = day.plus({ days: step })) {
    if (day.month !== from.month) return null;
    if (day.weekday <= 5 && ++seen === Math.abs(n)) return day;
  }
}
