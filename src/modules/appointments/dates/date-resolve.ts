import { DateTime } from 'luxon';
import type { OpeningHours } from '../../tenants/branch.entity';
import { CalendarContext, chooseDay } from './date-calendar';
import { Clock, PERIOD_HOURS, PeriodName, Reading } from './date-reading';

/** Hours of the day a spoken period covers, in the company's timezone (fractions are minutes: 15.5 is 15:30). */
export interface Period {
  from: number;
  to: number;
}

/** What the caller asked for: an exact moment, a day (maybe part of it), nothing, a question back, or nothing read. */
export type When =
  | { kind: 'instant'; instant: Date; day: string }
  | { kind: 'day'; day: string; period?: Period }
  | { kind: 'none' }
  | { kind: 'clarify'; reason: 'meridiem' | 'day'; options: Date[]; day?: string }
  | { kind: 'invalid' };

export interface PlaceContext extends CalendarContext {
  openingHours: OpeningHours | null;
}

const INVALID: When = { kind: 'invalid' };
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Without opening hours, a bare hour is read inside an ordinary business day: "um 3" is 15:00, "um 8" 08:00. */
const BUSINESS_DAY = { from: 7, to: 20 };

/** Puts a reading on the calendar in the company's timezone. */
export function placeReading(reading: Reading, ctx: PlaceContext): When {
  if (reading.conflict) return INVALID;
  if (reading.offsetMinutes !== undefined) return fromNow(reading, ctx);
  const clocks = distinct(reading.clocks);
  if (clocks.length > 1) return INVALID;
  const choice = chooseDay(reading, ctx);
  if (choice.kind === 'invalid') return INVALID;
  if (choice.kind === 'mismatch')
    return { kind: 'clarify', reason: 'day', options: choice.days.map((d) => d.toJSDate()) };
  if (clocks.length === 1) return withClock(clocks[0], reading, choice.kind === 'day' ? choice : null, ctx);
  const period = periodOf(reading);
  if (choice.kind === 'unsaid') {
    if (!period) return reading.asap ? { kind: 'none' } : INVALID;
    return dayWhen(periodStillAhead(period, ctx.now) ? ctx.now : ctx.now.plus({ days: 1 }), period);
  }
  const passed = choice.flexible && !periodStillAhead(period ?? BUSINESS_DAY, ctx.now);
  return dayWhen(passed ? choice.day.plus({ weeks: 1 }) : choice.day, period);
}

function fromNow(reading: Reading, ctx: PlaceContext): When {
  if (reading.days.length || reading.clocks.length || reading.period || reading.range || reading.shiftDays)
    return INVALID;
  return instantWhen(ctx.now.plus({ minutes: reading.offsetMinutes }).set({ second: 0, millisecond: 0 }));
}

function withClock(
  clock: Clock,
  reading: Reading,
  day: { day: DateTime; flexible: boolean } | null,
  ctx: PlaceContext,
): When {
  const hours = hourOptions(clock, reading.period);
  if (!hours) return INVALID;
  if (day && !day.flexible) return pick(hours, clock.minute, day.day, ctx, false) ?? INVALID;
  const first = day ? day.day : ctx.now.startOf('day');
  const later = day ? day.day.plus({ weeks: 1 }) : first.plus({ days: 1 });
  return pick(hours, clock.minute, first, ctx, true) ?? pick(hours, clock.minute, later, ctx, false) ?? INVALID;
}

/** The hours a clock can mean: 3 → 03 or 15; "3 pm" → 15; "3 Uhr nachts" → 03; "halb 8 abends" → 19. */
function hourOptions(clock: Clock, period: PeriodName | undefined): number[] | null {
  const h = clock.hour;
  const morning = period && PERIOD_HOURS[period].to <= 12;
  if (clock.fixed) return morning && h > 12 ? null : [h];
  if (clock.meridiem) return [clock.meridiem === 'am' ? h % 12 : (h % 12) + 12];
  if (period === 'night') return [h === 12 ? 24 : h >= 6 ? h + 12 : h];
  if (period === 'lunch') return [h >= 11 ? h : h + 12];
  if (period) return [h === 12 || morning ? h : h + 12];
  return h === 12 ? [12] : [h, h + 12];
}

/**
 * Chooses between 03:00 and 15:00 on one day: the one that is open and still ahead; when both are, the company's
 * hours decide or the caller is asked. `strict`: give nothing unless a choice is open and ahead (to try a later day).
 */
function pick(hours: number[], minute: number, day: DateTime, ctx: PlaceContext, strict: boolean): When | null {
  const ahead = hours.filter((hour) => wall(day, hour, minute) > ctx.now);
  // Opening hours only choose between two readings; a time said without doubt stands, open or not.
  const good = hours.length > 1 ? ahead.filter((hour) => isOpen(day, hour, minute, ctx.openingHours)) : ahead;
  if (good.length === 2 && hasHours(ctx.openingHours)) {
    return { kind: 'clarify', reason: 'meridiem', options: good.map((hour) => wall(day, hour, minute).toJSDate()) };
  }
  if (good.length === 0 && strict) return null;
  const chosen = good.length === 1 ? good[0] : (good.length ? good : hours).find((hour) => hour >= BUSINESS_DAY.from);
  return instantWhen(wall(day, chosen ?? hours.at(-1)!, minute));
}

function isOpen(day: DateTime, hour: number, minute: number, hours: OpeningHours | null): boolean {
  if (!hasHours(hours)) return hour >= BUSINESS_DAY.from && hour < BUSINESS_DAY.to;
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return (hours![WEEKDAY_KEYS[day.weekday - 1]] ?? []).some(([open, close]) => time >= open && time < close);
}

const hasHours = (hours: OpeningHours | null) => !!hours && Object.keys(hours).length > 0;

/** The wall-clock time on a day (24 is the midnight that ends it), kept right across DST changes. */
function wall(day: DateTime, hour: number, minute: number): DateTime {
  const base = hour === 24 ? day.plus({ days: 1 }) : day;
  return DateTime.fromObject(
    { year: base.year, month: base.month, day: base.day, hour: hour % 24, minute },
    { zone: day.zone },
  );
}

function periodOf(reading: Reading): Period | undefined {
  if (reading.range) return rangePeriod(reading.range);
  return reading.period ? { ...PERIOD_HOURS[reading.period] } : undefined;
}

function rangePeriod(range: { from?: Clock; to?: Clock }): Period {
  const hourOf = (clock: Clock) => {
    const options = hourOptions(clock, undefined) ?? [clock.hour];
    return (options.find((hour) => hour >= BUSINESS_DAY.from) ?? options[0]) + clock.minute / 60;
  };
  return { from: range.from ? hourOf(range.from) : 0, to: range.to ? hourOf(range.to) : 24 };
}

const periodStillAhead = (period: Period, now: DateTime) => now.hour + now.minute / 60 < period.to;

function dayWhen(day: DateTime, period: Period | undefined): When {
  return { kind: 'day', day: day.toISODate()!, ...(period ? { period } : {}) };
}

function instantWhen(local: DateTime): When {
  return { kind: 'instant', instant: local.toJSDate(), day: local.toISODate()! };
}

function distinct(clocks: Clock[]): Clock[] {
  return clocks.filter((clock, index) => clocks.findIndex((other) => sameClock(clock, other)) === index);
}

const sameClock = (a: Clock, b: Clock) => a.hour === b.hour && a.minute === b.minute && a.meridiem === b.meridiem;
