import { DateTime } from 'luxon';
import type HolidaysClass from 'date-holidays';
import { Memo } from '../../../common/remember';
import { DayRef, numberAt, Reading, wordAt } from './date-reading';
import { WEEKDAYS } from './date-words';
import { Token, tokenize } from './date-tokens';
import { NAMED_DAYS } from './named-days.table';

type Holidays = typeof HolidaysClass;

/** A token as a named-day phrase compares it: words by spelling, numbers and ordinals by value. */
const keyOf = (token: Token | undefined): string | undefined => {
  if (token?.t === 'word') return token.w;
  if (token?.t === 'ord') return `#${token.v}`;
  return token?.t === 'num' ? `=${token.v}` : undefined;
};

/** Every spoken form, as the tokenizer cuts it, by its first token; longest first. */
const SPOKEN = (() => {
  const byFirst = new Map<string, Array<{ keys: string[]; day: string }>>();
  for (const [day, { say }] of Object.entries(NAMED_DAYS))
    for (const phrase of say.split('|')) {
      const keys = tokenize(phrase).map((token) => keyOf(token)!);
      byFirst.set(keys[0], [...(byFirst.get(keys[0]) ?? []), { keys, day }]);
    }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirst;
})();

const STEPS = new Map<string, -1 | 1>([
  ['before', -1],
  ['vor', -1],
  ['after', 1],
  ['nach', 1],
]);

/**
 * "Karfreitag", "am zweiten Weihnachtsfeiertag", "Boxing Day", "Christmas 2027"; and the day or weekday before or
 * after one: "the day after Christmas", "am Tag vor Heiligabend", "der Montag nach Ostern".
 */
export function readNamedDay(tokens: Token[], i: number, reading: Reading): number {
  const first = wordAt(tokens, i) ?? '';
  const weekday = WEEKDAYS.get(first);
  const step = STEPS.get(wordAt(tokens, i + 1) ?? '');
  const relative = step !== undefined && (weekday !== undefined || first === 'day' || first === 'tag') ? 2 : 0;
  const found = spokenAt(tokens, i + relative);
  if (!found) return 0;
  let end = i + relative + found.keys.length;
  const year = numberAt(tokens, end, 2000, 2100);
  if (year !== undefined && (tokens[end] as { digits?: string }).digits?.length === 4) end += 1;
  const around = relative ? { step, ...(weekday !== undefined ? { weekday } : {}) } : {};
  reading.days.push({ kind: 'named', key: found.day, ...(year !== undefined ? { year } : {}), ...around });
  return end - i;
}

function spokenAt(tokens: Token[], i: number) {
  const candidates = SPOKEN.get(keyOf(tokens[i]) ?? '');
  return candidates?.find(({ keys }) => keys.every((key, k) => keyOf(tokens[i + k]) === key));
}

/**
 * The next time the named day comes (today included), in the company's country: the holiday library's date for that
 * country or one of its states, else the day's own rule (Easter, a fixed date). Null: the country does not keep it.
 */
export function placeNamedDay(ref: DayRef & { kind: 'named' }, today: DateTime): DateTime | null {
  const day = NAMED_DAYS[ref.key];
  const country = countryOf(today.zoneName ?? '');
  for (const year of ref.year !== undefined ? [ref.year] : [today.year, today.year + 1]) {
    const iso = (country && keptDate(country, year, day.names)) ?? ruleDate(day, year);
    const date = iso ? around(DateTime.fromISO(iso, { zone: today.zone }), ref) : null;
    if (date && (date >= today || ref.year !== undefined)) return date;
  }
  return null;
}

/** The day itself, or the day or first such weekday before or after it. */
function around(date: DateTime, { step, weekday }: { step?: -1 | 1; weekday?: number }): DateTime {
  if (!step) return date;
  let day = date.plus({ days: step });
  while (weekday !== undefined && day.weekday !== weekday) day = day.plus({ days: step });
  return day;
}

function ruleDate(day: (typeof NAMED_DAYS)[string], year: number): string | undefined {
  if (day.fixed) return DateTime.utc(year, day.fixed[0], day.fixed[1]).toISODate()!;
  if (day.easter === undefined) return undefined;
  return easterSunday(year).plus({ days: day.easter }).toISODate()!;
}

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): DateTime {
  const a = year % 19;
  const [b, c] = [Math.floor(year / 100), year % 100];
  const [d, e] = [Math.floor(b / 4), b % 4];
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const l = (32 + 2 * e + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return DateTime.utc(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** The library is big (every country's rules): loaded on the first phrase that names a day, not at start. */
let library: Holidays | undefined;
function holidays(): Holidays {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('date-holidays') as Holidays | { default: Holidays };
  library ??= 'default' in loaded ? loaded.default : loaded;
  return library;
}

let zoneCountries: Map<string, string> | undefined;
/**
 * The country of an IANA zone: each of the library's countries asks ICU for its zones (`Intl.Locale#getTimeZones`),
 * which costs nothing like building every country's calendar. A zone ICU names otherwise is tried in its canonical form.
 */
function countryOf(zone: string): string | undefined {
  if (!zoneCountries) {
    zoneCountries = new Map();
    for (const country of Object.keys(new (holidays())().getCountries()))
      for (const tz of zonesOf(country)) if (!zoneCountries.has(tz)) zoneCountries.set(tz, country);
  }
  return zoneCountries.get(zone) ?? zoneCountries.get(canonicalZone(zone));
}

type WithZones = Intl.Locale & { getTimeZones?: () => string[] | undefined };
const zonesOf = (country: string): string[] => {
  try {
    return (new Intl.Locale(`und-${country}`) as WithZones).getTimeZones?.() ?? [];
  } catch {
    return [];
  }
};

const canonicalZone = (zone: string) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;

const keptDays = new Memo<string, Map<string, string>>(200);

/**
 * The day's date in the country's own calendar, else in the calendar of one of its states (Fronleichnam is kept in
 * six German states): by the library's English name.
 */
function keptDate(country: string, year: number, names: string[]): string | undefined {
  const Library = holidays();
  const national = keptDays.get(`${country}|${year}`, () => datesOf([new Library(country)], year));
  const found = names.map((name) => national.get(name)).find(Boolean);
  if (found) return found;
  const regional = keptDays.get(`${country}/states|${year}`, () => {
    const states = Object.keys(new Library().getStates(country) ?? {});
    return datesOf(
      states.map((state) => new Library(country, state)),
      year,
    );
  });
  return names.map((name) => regional.get(name)).find(Boolean);
}

function datesOf(calendars: HolidaysClass[], year: number): Map<string, string> {
  const dates = new Map<string, string>();
  for (const calendar of calendars)
    for (const holiday of calendar.getHolidays(year, 'en'))
      if (!dates.has(holiday.name)) dates.set(holiday.name, holiday.date.slice(0, 10));
  return dates;
}
