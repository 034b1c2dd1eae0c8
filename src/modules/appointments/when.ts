import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Locale } from '../tenants/company.entity';

/** Hours of the day a spoken period covers, in the company's timezone. */
export interface Period {
  from: number;
  to: number;
}

/** What the caller asked for: an exact moment, a day (maybe part of it), nothing, or something we could not read. */
export type When =
  | { kind: 'instant'; instant: Date; day: string }
  | { kind: 'day'; day: string; period?: Period }
  | { kind: 'none' }
  | { kind: 'invalid' };

export interface WhenInput {
  date?: string;
  time?: string;
  /** An ISO 8601 instant; without an offset it is read in the company's timezone. */
  start?: string;
}

const PERIODS: Array<[RegExp, Period]> = [
  [/\b(vormittags?|am vormittag|morgens|am morgen|in the morning|morning)\b/i, { from: 8, to: 12 }],
  [/\b(nachmittags?|am nachmittag|in the afternoon|afternoon)\b/i, { from: 12, to: 18 }],
  [/\b(abends?|am abend|in the evening|evening)\b/i, { from: 17, to: 21 }],
  [/\b(mittags|über mittag|around noon|lunchtime)\b/i, { from: 11, to: 14 }],
];

/** Business hours: "um 3" on the phone means 15:00, not 03:00. */
const EARLIEST_BUSINESS_HOUR = 7;

/**
 * Resolves what the agent passed (ISO or the caller's words, German or English) in the company's timezone. chrono
 * reads the words against the company's wall clock; Luxon turns the wall-clock result into an instant, which keeps
 * the answer right on both sides of a DST change.
 */
export function resolveWhen(input: WhenInput, timeZone: string, locale: Locale, now = new Date()): When {
  if (input.start) return fromIso(input.start, timeZone);
  const time = input.time?.trim().replace(/^(\d{1,2})(?:[.h](\d{2}))?$/, (_, hour: string, minute?: string) => `${hour}:${minute ?? '00'}`);
  const text = [input.date, time].filter(Boolean).join(' ').trim();
  if (!text) return { kind: 'none' };
  const isoDay = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text);
  if (isoDay) return fromParts(isoDay[1], isoDay[2], isoDay[3], timeZone);
  const wall = DateTime.fromJSDate(now, { zone: timeZone });
  const period = PERIODS.find(([pattern]) => pattern.test(text));
  const words = normaliseSpoken(period ? text.replace(period[0], ' ') : text, wall);
  const reference = new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const parsers = locale === 'de' ? [chrono.de, chrono.en] : [chrono.en, chrono.de];
  const result = parsers.map((parser) => parser.parse(words, reference, { forwardDate: true })[0]).find(Boolean);
  if (!result) return period ? { kind: 'day', day: wall.toISODate()!, period: period[1] } : { kind: 'invalid' };
  const parts = result.start;
  const day = DateTime.fromObject({ year: parts.get('year')!, month: parts.get('month')!, day: parts.get('day')! }, { zone: timeZone });
  if (!parts.isCertain('hour')) return { kind: 'day', day: day.toISODate()!, ...(period ? { period: period[1] } : {}) };
  let hour = parts.get('hour')!;
  if (hour < EARLIEST_BUSINESS_HOUR && hour > 0 && !parts.isCertain('meridiem')) hour += 12;
  if (period && hour < period[1].from && hour + 12 < 24) hour += 12;
  const local = day.set({ hour, minute: parts.get('minute') ?? 0, second: 0, millisecond: 0 });
  return { kind: 'instant', instant: local.toJSDate(), day: local.toISODate()! };
}

/** Rewrites what chrono misreads: "15 Uhr" (a year to chrono after a date), "3.12." without a year, a bare "9". */
function normaliseSpoken(text: string, wall: DateTime): string {
  return text
    .replace(/\b(\d{1,2})\s*uhr(?:\s*(\d{1,2}))?\b/gi, (_, hour: string, minute?: string) => `${hour}:${(minute ?? '00').padStart(2, '0')}`)
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(?!\d)/g, (_, day: string, month: string) => {
      const candidate = DateTime.fromObject({ year: wall.year, month: Number(month), day: Number(day) });
      const year = candidate.isValid && candidate < wall.startOf('day') ? wall.year + 1 : wall.year;
      return `${day}.${month}.${year}`;
    })
    .replace(/(^|\b(?:um|at|gegen|around)\s+)(\d{1,2})\s*$/i, '$1$2:00');
}

function fromIso(value: string, timeZone: string): When {
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  if (!parsed.isValid) return { kind: 'invalid' };
  return { kind: 'instant', instant: parsed.toJSDate(), day: parsed.setZone(timeZone).toISODate()! };
}

function fromParts(date: string, hour: string | undefined, minute: string | undefined, timeZone: string): When {
  const day = DateTime.fromISO(date, { zone: timeZone });
  if (!day.isValid) return { kind: 'invalid' };
  if (hour === undefined) return { kind: 'day', day: day.toISODate()! };
  const local = day.set({ hour: Number(hour), minute: Number(minute) });
  if (!local.isValid || Number(hour) > 23 || Number(minute) > 59) return { kind: 'invalid' };
  return { kind: 'instant', instant: local.toJSDate(), day: local.toISODate()! };
}

/** Today and tomorrow in the company's timezone. */
export function todayAndTomorrow(timeZone: string, now = new Date()): [string, string] {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  return [today.toISODate()!, today.plus({ days: 1 }).toISODate()!];
}
