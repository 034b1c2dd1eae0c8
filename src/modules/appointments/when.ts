import { DateTime } from 'luxon';
import { Memo } from '../../common/remember';
import type { OpeningHours } from '../tenants/branch.entity';
import type { Locale } from '../tenants/company.entity';
import type { DateOrder } from './dates/date-calendar';
import { readPhrase } from './dates/date-grammar';
import { placeReading, When } from './dates/date-resolve';
import { dateFieldText } from './dates/date-fields';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export type { Period, When } from './dates/date-resolve';

export interface WhenInput {
  date?: string;
  time?: string;
  /** An ISO 8601 instant; without an offset it is read in the company's timezone. */
  start?: string;
}

export interface WhenOptions {
  /** The branch's hours: they decide whether "um 3" is 03:00 or 15:00, and whether "Dienstag" on a Tuesday is today. */
  openingHours?: OpeningHours | null;
  /** How "2/3" is read: `dmy` (2 March) by default, `mdy` (February 3) for US companies. */
  dateOrder?: DateOrder;
}

/**
 * Resolves what the agent passed (ISO, or the caller's own words in German or English) in the company's timezone.
 * A phrase is read whole or not at all: a word the grammar does not know makes it `invalid`, so the agent asks
 * again instead of booking a guess; a real ambiguity ("um 3" where the shop is open at 03:00 and 15:00) is `clarify`.
 */
export function resolveWhen(
  input: WhenInput,
  timeZone: string,
  locale: Locale,
  now = new Date(),
  options: WhenOptions = {},
): When {
  if (input.start) return fromIso(input.start, timeZone);
  const time = input.time?.trim().replace(/^(\d{1,2})[.h](\d{2})$/, '$1:$2');
  const date = input.date?.trim();
  const text = [date && !ISO_DATE.test(date) ? dateFieldText(date) : date, time].filter(Boolean).join(' ');
  if (!text) return { kind: 'none' };
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2})(?::00(?:\.0+)?)?)?$/.exec(text);
  if (iso) return fromIso(iso[2] ? `${iso[1]}T${iso[2].padStart(5, '0')}` : iso[1], timeZone, !iso[2]);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return fromIso(text, timeZone);
  const reading = readPhrase(text, locale);
  if (!reading) return { kind: 'invalid' };
  const wall = DateTime.fromJSDate(now, { zone: timeZone });
  return placeReading(reading, {
    now: wall,
    dateOrder: options.dateOrder ?? defaultDateOrder(timeZone),
    openingHours: options.openingHours ?? null,
  });
}

/** Read ISO texts, remembered: the agent asks about the same few days and times again and again (Luxon's parse). */
const isoReadings = new Memo<string, When>(5_000);

function fromIso(value: string, timeZone: string, dayOnly = false): When {
  const known = isoReadings.get(`${value}|${timeZone}|${dayOnly}`, () => readIso(value, timeZone, dayOnly));
  // A copy: callers own the Date they get.
  return known.kind === 'instant' ? { ...known, instant: new Date(known.instant) } : known;
}

function readIso(value: string, timeZone: string, dayOnly: boolean): When {
  const parsed = DateTime.fromISO(value, { zone: timeZone, setZone: false }).setZone(timeZone);
  if (!parsed.isValid) return { kind: 'invalid' };
  if (dayOnly) return { kind: 'day', day: parsed.toISODate()! };
  return { kind: 'instant', instant: parsed.toJSDate(), day: parsed.toISODate()! };
}

/** IANA zones of the United States (the `America/Indiana/…` and `America/Kentucky/…` families included). */
const US_ZONES = new Set(
  (
    'New_York Chicago Denver Los_Angeles Phoenix Anchorage Detroit Boise Indiana Kentucky North_Dakota Juneau Sitka ' +
    'Nome Adak Menominee Metlakatla Yakutat'
  ).split(' '),
);

/** Month first only where people write it so: the United States and its zones. */
function defaultDateOrder(timeZone: string): DateOrder {
  const [region, city] = timeZone.split('/');
  return region === 'US' || timeZone === 'Pacific/Honolulu' || (region === 'America' && US_ZONES.has(city))
    ? 'mdy'
    : 'dmy';
}

/** Today and tomorrow in the company's timezone. */
export function todayAndTomorrow(timeZone: string, now = new Date()): [string, string] {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  return [today.toISODate()!, today.plus({ days: 1 }).toISODate()!];
}
