import { DateTime } from 'luxon';
import type { OpeningHours, Weekday } from '../tenants/branch.entity';
import type { Period } from './when';

const WEEKDAY_BY_NUMBER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Whether the whole appointment lies inside the branch's opening hours. No hours configured means no limit. */
export function withinOpeningHours(
  start: Date,
  minutes: number,
  hours: OpeningHours | null | undefined,
  timeZone: string,
): boolean {
  if (!hours || Object.keys(hours).length === 0) return true;
  const local = DateTime.fromJSDate(start, { zone: timeZone });
  const from = local.toFormat('HH:mm');
  const to = local.plus({ minutes }).toFormat('HH:mm');
  return (hours[WEEKDAY_BY_NUMBER[local.weekday - 1]] ?? []).some(
    ([open, close]) => from >= open && to <= close && to > from,
  );
}

export function withinPeriod(start: Date, period: Period | undefined, timeZone: string): boolean {
  if (!period) return true;
  const hour = DateTime.fromJSDate(start, { zone: timeZone }).hour;
  return hour >= period.from && hour < period.to;
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
