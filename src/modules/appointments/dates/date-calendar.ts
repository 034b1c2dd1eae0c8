import { DateTime } from 'luxon';
import type { DayRef, Reading } from './date-reading';
import { placeNamedDay } from './date-named-days';
import { placeNth } from './date-ordinals';

export type DateOrder = 'dmy' | 'mdy';

export interface CalendarContext {
  /** Now, on the company's wall clock. */
  now: DateTime;
  dateOrder: DateOrder;
}

/** The day a phrase names, or why it names none. `flexible`: a bare weekday that is today (today or in a week). */
export type DayChoice =
  | { kind: 'day'; day: DateTime; flexible: boolean }
  | { kind: 'unsaid' }
  | { kind: 'invalid' }
  | { kind: 'mismatch'; days: DateTime[] };

/**
 * Places the day references of a reading on the calendar. Several references must agree ("Dienstag, den 1.12.",
 * "morgen, Mittwoch"); when they do not, the caller is asked rather than one of them guessed.
 */
export function chooseDay(reading: Reading, ctx: CalendarContext): DayChoice {
  const today = ctx.now.startOf('day');
  const { days, shiftDays, shiftMonths, weekShift } = reading;
  if (days.length === 0) {
    if (weekShift !== undefined) return { kind: 'invalid' };
    if (shiftDays === undefined && shiftMonths === undefined) return { kind: 'unsaid' };
    return { kind: 'day', day: today.plus({ days: shiftDays ?? 0, months: shiftMonths ?? 0 }), flexible: false };
  }
  const primary = days.find((ref) => ref.kind !== 'weekday') ?? days[0];
  const placed = place(primary, reading, ctx);
  if (!placed) return { kind: 'invalid' };
  const checks = days.filter((ref) => ref !== primary);
  const fitting = fitWeekdays(placed, checks, primary, ctx);
  if (fitting.kind !== 'day') return fitting;
  const bare = primary.kind === 'weekday' && (primary.which === 'nearest' || primary.which === 'this');
  const flexible = bare && fitting.day.hasSame(today, 'day');
  return { kind: 'day', day: fitting.day, flexible: flexible && weekShift === undefined && shiftDays === undefined };
}

function place(ref: DayRef, reading: Reading, ctx: CalendarContext): DateTime | null {
  const today = ctx.now.startOf('day');
  const shift = { days: reading.shiftDays ?? 0, months: reading.shiftMonths ?? 0 };
  if (ref.kind === 'offset') return today.plus({ days: ref.days }).plus(shift);
  if (ref.kind === 'date') return placeDate(withMonth(ref, reading), ctx)?.plus(shift) ?? null;
  if (ref.kind === 'nth') return placeNth(ref, today)?.plus(shift) ?? null;
  if (ref.kind === 'named') return placeNamedDay(ref, today)?.plus(shift) ?? null;
  if (reading.anchored) return weekdayFrom(today, ref.weekday, ref.which).plus(shift);
  if (reading.weekShift !== undefined) return inWeekOf(today.plus({ weeks: reading.weekShift }), ref.weekday);
  if (reading.shiftDays !== undefined) return inWeekOf(today.plus({ days: reading.shiftDays }), ref.weekday);
  return weekdayFrom(today, ref.weekday, ref.which);
}

/**
 * "Freitag" is the next Friday from today on; "nächsten Freitag" the Friday of next week (as chrono-node and
 * Duckling read it).
 */
function weekdayFrom(today: DateTime, weekday: number, which: string): DateTime {
  if (which === 'next') return inWeekOf(today.plus({ weeks: 1 }), weekday);
  if (which === 'afterNext') return inWeekOf(today.plus({ weeks: 2 }), weekday);
  const ahead = (weekday - today.weekday + 7) % 7;
  return today.plus({ days: which === 'coming' && ahead === 0 ? 7 : ahead });
}

/** A day of the month said alone takes the month said beside it ("next month on the 5th"). */
const withMonth = (ref: DayRef & { kind: 'date' }, reading: Reading): DayRef & { kind: 'date' } =>
  ref.month === undefined && ref.monthShift === undefined && reading.inMonth !== undefined
    ? { ...ref, monthShift: reading.inMonth }
    : ref;

const inWeekOf = (day: DateTime, weekday: number) => day.startOf('week').plus({ days: weekday - 1 });

function placeDate(ref: DayRef & { kind: 'date' }, ctx: CalendarContext): DateTime | null {
  const today = ctx.now.startOf('day');
  const [day, month] = ref.slash ? slashOrder(ref.day, ref.month!, ctx.dateOrder) : [ref.day, ref.month];
  if (month === undefined) return dayOfMonth(day, ref.monthShift, today);
  const year = ref.year ?? today.year;
  const date = DateTime.fromObject({ year, month, day }, { zone: today.zone });
  if (!date.isValid) return null;
  return ref.year === undefined && date < today ? date.plus({ years: 1 }) : date;
}

/** "12/3": the company's order decides, unless one of the numbers cannot be a month. */
function slashOrder(first: number, second: number, order: DateOrder): [number, number] {
  if (first > 12) return [first, second];
  if (second > 12) return [second, first];
  return order === 'mdy' ? [second, first] : [first, second];
}

/** "am 15." is this month's 15th, or next month's once it has passed; "20 of this month" is this month's. */
function dayOfMonth(day: number, monthShift: number | undefined, today: DateTime): DateTime | null {
  const month = today.startOf('month').plus({ months: monthShift ?? 0 });
  const date = month.set({ day });
  if (date.month !== month.month) return null;
  if (monthShift !== undefined || date >= today) return date;
  const next = month.plus({ months: 1 }).set({ day });
  return next.day === day ? next : null;
}

/**
 * Every other reference must name the same day. A weekday beside a bare day of the month ("Tuesday the 19th")
 * picks this or next month's 19th, whichever is a Tuesday.
 */
function fitWeekdays(placed: DateTime, checks: DayRef[], primary: DayRef, ctx: CalendarContext): DayChoice {
  let day = placed;
  const weekdays = checks.filter((ref) => ref.kind === 'weekday');
  if (
    weekdays.length > 0 &&
    primary.kind === 'date' &&
    primary.month === undefined &&
    primary.monthShift === undefined
  ) {
    const wanted = weekdays[0].weekday;
    const match = [0, 1].map((n) => day.plus({ months: n })).find((d) => d.day === primary.day && d.weekday === wanted);
    if (match) day = match;
  }
  for (const ref of checks) {
    const agrees = ref.kind === 'weekday' ? day.weekday === ref.weekday : sameDay(ref, day, ctx);
    if (!agrees) return { kind: 'mismatch', days: [day] };
  }
  return { kind: 'day', day, flexible: false };
}

function sameDay(ref: DayRef, day: DateTime, ctx: CalendarContext): boolean {
  const other = place(ref, { days: [], clocks: [] }, ctx);
  return other !== null && other.hasSame(day, 'day');
}
