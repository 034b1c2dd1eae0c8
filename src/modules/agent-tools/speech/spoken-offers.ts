import { DateTime } from 'luxon';
import type { Locale } from '../../tenants/company.entity';
import { joinList } from './speech';
import { speakOnDay, speakTimes } from './spoken-times';

/** At most `count` of a day's free times, spread over it (first, middle, last) rather than the earliest few. */
export function spread<T>(items: T[], count = 3): T[] {
  if (items.length <= count) return items;
  if (count === 1) return [items[0]];
  const picked = new Set<number>();
  for (let i = 0; i < count; i += 1) picked.add(Math.round((i * (items.length - 1)) / (count - 1)));
  return [...picked].map((index) => items[index]);
}

interface DayGroup {
  day: string;
  slots: Date[];
}

function byDay(slots: Date[], zone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const slot of [...slots].sort((a, b) => a.getTime() - b.getTime())) {
    const day = DateTime.fromJSDate(slot, { zone }).toISODate()!;
    const last = groups.at(-1);
    if (last?.day === day) last.slots.push(slot);
    else groups.push({ day, slots: [slot] });
  }
  return groups;
}

const clockOf = (slot: Date, zone: string) => DateTime.fromJSDate(slot, { zone }).toFormat('HH:mm');

/** "am Montag, 7., Dienstag, 8. oder Mittwoch, 9. Dezember um 14 Uhr": one time said once for several days. */
function sameTimeOnDays(groups: DayGroup[], zone: string, locale: Locale): string {
  const days = groups.map((group) => DateTime.fromISO(group.day, { zone }).setLocale(locale));
  const names = days.map((day, i) => {
    if (locale === 'en') return day.toFormat('cccc, LLLL d');
    const monthSaid = i === days.length - 1 || days[i + 1].month !== day.month;
    return day.toFormat(monthSaid ? 'cccc, d. LLLL' : 'cccc, d.');
  });
  const time = speakTimes([groups[0].slots[0]], zone, locale);
  return `${locale === 'de' ? 'am' : 'on'} ${joinList(locale, names, 'or')} ${time}`;
}

/**
 * Free times as one phrase that names every day once: "am Dienstag, 8. Dezember um 9, um 12 oder um 16 Uhr",
 * "am selben Tag um halb 10 oder um 11 Uhr" (when `sameDay` was just said), "am Montag, 7., Dienstag, 8. oder
 * Mittwoch, 9. Dezember um 14 Uhr"; English alike ("on Tuesday, December 8 at 9 am, 12 or 4 pm").
 */
export function speakOffer(slots: Date[], zone: string, locale: Locale, sameDay?: string, now = new Date()): string {
  const groups = byDay(slots, zone);
  const relative = groups.some(
    (group) => !speakOnDay(group.day, zone, locale, now).startsWith(locale === 'de' ? 'am ' : 'on '),
  );
  const oneTime = groups.every(
    (group) => group.slots.length === 1 && clockOf(group.slots[0], zone) === clockOf(slots[0], zone),
  );
  if (groups.length > 1 && oneTime && !relative && groups.every((group) => group.day !== sameDay))
    return sameTimeOnDays(groups, zone, locale);
  const spoken = groups.map((group) => {
    const day =
      group.day === sameDay
        ? locale === 'de'
          ? 'am selben Tag'
          : 'the same day'
        : speakOnDay(group.day, zone, locale, now);
    return `${day} ${speakTimes(group.slots, zone, locale)}`;
  });
  return joinList(locale, spoken, 'or');
}

/** The first of `candidates` (most options first) a caller can take in at one hearing: at most `maxWords` words. */
export function fitting(candidates: string[], maxWords = 25): string {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  return candidates.find((text) => words(text) <= maxWords) ?? candidates.at(-1)!;
}
