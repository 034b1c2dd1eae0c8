import { readClock } from './date-clock';
import { readDate } from './date-days';
import { readDuration } from './date-durations';
import { AFTER_NEXT, ASAP, PERIODS, RANGE_BOUNDS, RELATIVE_DAYS, WEEKDAY_MODIFIERS, WEEKS } from './date-idioms';
import { emptyReading, longestAt, PeriodName, Reading, wordAt } from './date-reading';
import { readNamedDay } from './date-named-days';
import { readMonthContext, readNthWeekday, readWeekdaysFromNow } from './date-ordinals';
import type { Token } from './date-tokens';
import { tokenize } from './date-tokens';
import { FILLERS, WEEKDAYS } from './date-words';

type Locale = 'de' | 'en';
type Recognizer = (tokens: Token[], i: number, reading: Reading, locale: Locale) => number;

/**
 * Reads a whole phrase or nothing: every token must be part of a date, a time, a duration or a known filler word.
 * A phrase with a word left over gives null, so the agent asks again rather than book a guess.
 */
export function readPhrase(phrase: string, locale: Locale): Reading | null {
  const tokens = tokenize(phrase);
  const reading = emptyReading();
  let i = 0;
  while (i < tokens.length) {
    const before = reading.days.length;
    const used = RECOGNIZERS.reduce((found, recognize) => found || recognize(tokens, i, reading, locale), 0);
    if (used === 0) return null;
    if (!(used === 1 && FILLERS.has(wordAt(tokens, i) ?? ''))) {
      reading.lastWasDay = reading.days.length > before;
    }
    i += used;
  }
  return reading;
}

const asap: Recognizer = (tokens, i, reading) => {
  const found = longestAt(tokens, i, ASAP);
  if (found) reading.asap = true;
  return found?.[0] ?? 0;
};

const relativeDay: Recognizer = (tokens, i, reading) => {
  const word = wordAt(tokens, i);
  if (word === 'morgen' && (reading.lastWasDay || wordAt(tokens, i - 1) === 'am')) {
    reading.period = mergePeriod(reading, 'morning');
    return 1;
  }
  const found = longestAt(tokens, i, RELATIVE_DAYS);
  if (!found) return 0;
  reading.days.push({ kind: 'offset', days: found[1] });
  return found[0];
};

const weekday: Recognizer = (tokens, i, reading) => {
  const pre = longestAt(tokens, i, WEEKDAY_MODIFIERS);
  const at = i + (pre?.[0] ?? 0);
  const day = WEEKDAYS.get(wordAt(tokens, at) ?? '');
  if (day === undefined) return 0;
  const after = longestAt(tokens, at + 1, AFTER_NEXT);
  const which = after ? 'afterNext' : (pre?.[1] ?? 'nearest');
  reading.days.push({ kind: 'weekday', weekday: day, which });
  // "Friday week": a week after the coming Friday.
  const weekOn = !after && wordAt(tokens, at + 1) === 'week' ? 1 : 0;
  if (weekOn) Object.assign(reading, { shiftDays: (reading.shiftDays ?? 0) + 7, anchored: true });
  return at + 1 - i + (after?.[0] ?? 0) + weekOn;
};

const week: Recognizer = (tokens, i, reading) => {
  const found = longestAt(tokens, i, WEEKS);
  if (!found) return 0;
  reading.weekShift = found[1];
  return found[0];
};

const period: Recognizer = (tokens, i, reading) => {
  // "um Mittag", "gegen Mittag": twelve o'clock, not the lunch hours.
  if (wordAt(tokens, i) === 'mittag' && ['um', 'gegen'].includes(wordAt(tokens, i - 1) ?? '')) return 0;
  const found = longestAt(tokens, i, PERIODS);
  if (!found) return 0;
  const [length, [name, today]] = found;
  reading.period = mergePeriod(reading, name);
  if (today) reading.days.push({ kind: 'offset', days: 0 });
  return length;
};

/** Two parts of the day that disagree ("morgens … abends") leave the phrase unread. */
function mergePeriod(reading: Reading, name: PeriodName): PeriodName {
  if (reading.period && reading.period !== name) reading.conflict = true;
  return name;
}

const range: Recognizer = (tokens, i, reading, locale) => {
  const word = wordAt(tokens, i);
  const opener = ['zwischen', 'between', 'von', 'from'].includes(word ?? '');
  const bound = RANGE_BOUNDS.get(word ?? '');
  if (!opener && !bound) return 0;
  const first = readClock(tokens, i + 1, locale, true);
  if (!first) return 0;
  const joiner = wordAt(tokens, first.end);
  const closes = ['und', 'and', 'bis', 'to', 'till', 'until'].includes(joiner ?? '');
  const second = opener && closes ? readClock(tokens, first.end + 1, locale, true) : null;
  if (second) reading.range = { from: first.clock, to: second.clock };
  else if (word !== 'zwischen' && word !== 'between')
    reading.range = bound === 'to' ? { to: first.clock } : { from: first.clock };
  else return 0;
  return (second ?? first).end - i;
};

const clock: Recognizer = (tokens, i, reading, locale) => {
  const found = readClock(tokens, i, locale);
  if (!found) return 0;
  reading.clocks.push(found.clock);
  return found.end - i;
};

const date: Recognizer = (tokens, i, reading) => {
  const found = readDate(tokens, i);
  if (!found) return 0;
  reading.days.push(found.day);
  return found.end - i;
};

const duration: Recognizer = (tokens, i, reading) => readDuration(tokens, i, reading);

const filler: Recognizer = (tokens, i) => (tokens[i].t === 'word' && FILLERS.has(tokens[i].w) ? 1 : 0);

const nthWeekday: Recognizer = (tokens, i, reading) =>
  readNthWeekday(tokens, i, reading) || readWeekdaysFromNow(tokens, i, reading);

const monthContext: Recognizer = (tokens, i, reading) => readMonthContext(tokens, i, reading);

const namedDay: Recognizer = (tokens, i, reading) => readNamedDay(tokens, i, reading);

const RECOGNIZERS: Recognizer[] = [
  asap,
  namedDay,
  duration,
  nthWeekday,
  date,
  week,
  monthContext,
  weekday,
  relativeDay,
  period,
  range,
  clock,
  filler,
];
