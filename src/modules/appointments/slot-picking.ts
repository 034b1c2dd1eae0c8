import { DateTime } from 'luxon';
import { Memo } from '../../common/remember';
import type { OpeningHours, Weekday } from '../tenants/branch.entity';
import type { Period } from './when';

/** Luxon's weekday (1 Monday … 7 Sunday) minus one → the opening hours' key. */
export const WEEKDAY_BY_NUMBER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Opening intervals as [start, end) epoch milliseconds; null when no hours are configured (no limit). */
export type OpeningWindows = Array<[number, number]> | null;

const at = (day: DateTime, hhmm: string): number => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return (hour >= 24 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour, minute })).toMillis();
};

/**
 * Every UTC offset in use is a multiple of 15 minutes, so local midnight falls on a 15-minute UTC boundary and every
 * instant inside one such quarter hour is on the same local day: answers that depend only on the local day can be
 * remembered per quarter hour.
 */
const quarter = (at: Date) => Math.floor(at.getTime() / 900_000);
const REMEMBERED = 2_000;

const windowsByKey = new Memo<string, OpeningWindows>(REMEMBERED);

/**
 * The branch's opening intervals on every day from `from` to `to` in its timezone, computed once per set of hours,
 * zone and pair of days (keyed by the hours' JSON: a catalog read from Redis is a new object every time): each slot is
 * then checked with two comparisons instead of a timezone conversion (the conversions dominated a check).
 */
export function openingWindows(
  hours: OpeningHours | null | undefined,
  zone: string,
  from: Date,
  to: Date,
): OpeningWindows {
  if (!hours || Object.keys(hours).length === 0) return null;
  const key = `${zone}|${quarter(from)}|${quarter(to)}|${JSON.stringify(hours)}`;
  return windowsByKey.get(key, () => computeWindows(hours, zone, from, to));
}

function computeWindows(hours: OpeningHours, zone: string, from: Date, to: Date): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  const last = DateTime.fromJSDate(to, { zone }).endOf('day');
  for (let day = DateTime.fromJSDate(from, { zone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
    for (const [open, close] of hours[WEEKDAY_BY_NUMBER[day.weekday - 1]] ?? [])
      windows.push([at(day, open), at(day, close)]);
  }
  return windows;
}

const windowEnds = new Memo<string, number>(REMEMBERED);

/** The last instant of the booking window (`days` after today, local end of day), remembered per quarter hour. */
export function bookingWindowEnd(zone: string, days: number, now: Date): number {
  return windowEnds.get(`${zone}|${days}|${quarter(now)}`, () =>
    DateTime.fromJSDate(now, { zone }).plus({ days }).endOf('day').toMillis(),
  );
}

/** Whether the whole appointment lies inside one opening interval. */
export function withinWindows(start: Date, minutes: number, windows: OpeningWindows): boolean {
  if (!windows) return true;
  const begins = start.getTime();
  const ends = begins + minutes * 60_000;
  return windows.some(([open, close]) => begins >= open && ends <= close);
}

/** Whether the whole appointment lies inside the branch's opening hours. No hours configured means no limit. */
export function withinOpeningHours(
  start: Date,
  minutes: number,
  hours: OpeningHours | null | undefined,
  timeZone: string,
): boolean {
  return withinWindows(start, minutes, openingWindows(hours, timeZone, start, start));
}

/** The hours of a part of the day ("nachmittags") on one day, as an epoch interval. */
export function periodWindow(day: string, period: Period | undefined, timeZone: string): [number, number] | null {
  if (!period) return null;
  const start = DateTime.fromISO(day, { zone: timeZone });
  return [start.set({ hour: period.from }).toMillis(), start.set({ hour: period.to }).toMillis()];
}

/** The `count` slots nearest to `wanted`, said in time order. */
export function nearest(slots: Date[], wanted: Date, count: number): Date[] {
  const distance = (slot: Date) => Math.abs(slot.getTime() - wanted.getTime());
  return [...slots]
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, count)
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * Alternatives to a wanted time: the nearest earlier and later slot of the same day first, then the nearest others
 * of that day, then on each following day the slot closest to the same time of day.
 */
export function pickAlternatives(
  sameDay: Date[],
  laterDays: Date[][],
  wanted: Date,
  timeZone: string,
  count = 3,
): Date[] {
  const earlier = sameDay.filter((slot) => slot < wanted).at(-1);
  const later = sameDay.find((slot) => slot > wanted);
  const picked = [earlier, later].filter((slot): slot is Date => slot !== undefined);
  const byDistance = [...sameDay].sort(
    (a, b) => Math.abs(a.getTime() - wanted.getTime()) - Math.abs(b.getTime() - wanted.getTime()),
  );
  for (const slot of byDistance) {
    if (picked.length >= count) break;
    if (!picked.includes(slot) && slot.getTime() !== wanted.getTime()) picked.push(slot);
  }
  const wantedMinute = minuteOfDay(wanted, timeZone);
  for (const day of laterDays) {
    if (picked.length >= count) break;
    const closest = [...day].sort(
      (a, b) => Math.abs(minuteOfDay(a, timeZone) - wantedMinute) - Math.abs(minuteOfDay(b, timeZone) - wantedMinute),
    )[0];
    if (closest) picked.push(closest);
  }
  return picked.slice(0, count).sort((a, b) => a.getTime() - b.getTime());
}

function minuteOfDay(instant: Date, timeZone: string): number {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return local.hour * 60 + local.minute;
}
