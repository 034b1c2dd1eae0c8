import { DateTime } from 'luxon';
import type { OpeningHours } from '../tenants/branch.entity';
import { WEEKDAY_BY_NUMBER } from './slot-picking';
import type { Period } from './when';

/**
 * Why a time or a day has nothing for the caller, most telling reason first: it has passed, it lies beyond the
 * booking window (with the last bookable day), the branch is closed that day or at that hour (with the day's hours),
 * the time is taken, or the day (or part of it) is full. The tool layer adds the caller's own booking.
 */
export type Why =
  | { reason: 'past' }
  | { reason: 'beyondWindow'; lastDay: string }
  | { reason: 'closedDay' }
  | { reason: 'closedHours'; hours: Array<[string, string]> }
  | { reason: 'taken' }
  | { reason: 'full' };

export interface Asked {
  /** The exact time asked for, if one was. */
  instant?: Date;
  /** YYYY-MM-DD in the company's timezone. */
  day: string;
  period?: Period;
}

export interface Rules {
  zone: string;
  hours: OpeningHours | null;
  durationMinutes: number;
  /** The booking window's last instant (epoch ms). */
  windowEnd: number;
  now: Date;
}

const minutesOf = (hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return hour * 60 + minute;
};

/** Why nothing is free at what was asked (called once Cal.com had no slot there, or before asking it at all). */
export function whyNot(asked: Asked, rules: Rules): Why {
  const start = DateTime.fromISO(asked.day, { zone: rules.zone }).startOf('day');
  const from = asked.instant ? asked.instant.getTime() : start.plus({ hours: asked.period?.from ?? 0 }).toMillis();
  const to = asked.instant ? from : start.plus({ hours: asked.period?.to ?? 24 }).toMillis();
  if (to <= rules.now.getTime()) return { reason: 'past' };
  if (from > rules.windowEnd)
    return { reason: 'beyondWindow', lastDay: DateTime.fromMillis(rules.windowEnd, { zone: rules.zone }).toISODate()! };
  if (!rules.hours || Object.keys(rules.hours).length === 0) return { reason: asked.instant ? 'taken' : 'full' };
  const hours = rules.hours[WEEKDAY_BY_NUMBER[start.weekday - 1]] ?? [];
  if (hours.length === 0) return { reason: 'closedDay' };
  const startMinute = (at: number) => Math.round((at - start.toMillis()) / 60_000);
  const [askedFrom, askedTo] = [startMinute(from), startMinute(to) + (asked.instant ? rules.durationMinutes : 0)];
  // A time fits when the whole appointment lies in one interval; a part of the day when one appointment fits in it.
  const fits = hours.some(([open, close]) => {
    const begin = Math.max(minutesOf(open), askedFrom);
    const end = Math.min(minutesOf(close), askedTo);
    return asked.instant ? begin === askedFrom && end === askedTo : end - begin >= rules.durationMinutes;
  });
  if (!fits) return { reason: 'closedHours', hours };
  return { reason: asked.instant ? 'taken' : 'full' };
}
