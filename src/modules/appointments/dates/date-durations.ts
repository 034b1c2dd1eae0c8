import { longestAt, numberAt, phraseAt, Reading, wordAt } from './date-reading';
import type { Token } from './date-tokens';
import { WEEKDAYS } from './date-words';

type Unit = 'minute' | 'quarterHour' | 'hour' | 'day' | 'week' | 'month' | 'fortnight';

const UNITS = new Map<string, Unit>([
  ...['minute', 'minuten', 'minutes', 'mins', 'min'].map((w) => [w, 'minute'] as const),
  ['viertelstunde', 'quarterHour'],
  ...['stunde', 'stunden', 'std', 'hour', 'hours', 'hrs', 'hr'].map((w) => [w, 'hour'] as const),
  ...['tag', 'tage', 'tagen', 'day', 'days'].map((w) => [w, 'day'] as const),
  ...['woche', 'wochen', 'week', 'weeks'].map((w) => [w, 'week'] as const),
  ...['monat', 'monate', 'monaten', 'month', 'months'].map((w) => [w, 'month'] as const),
  ['fortnight', 'fortnight'],
]);

/** Amounts said in words: "einer halben (Stunde)", "half an (hour)", "anderthalb", "a". */
const AMOUNTS: ReadonlyArray<readonly [string[], number]> = [
  ...['ein', 'eine', 'einer', 'einem', 'einen', 'ner', 'nem', 'a', 'an'].map((w): [string[], number] => [[w], 1]),
  ...['einer halben', 'eine halbe', 'half an', 'half a', 'a half'].map((w): [string[], number] => [w.split(' '), 0.5]),
  ...['einer viertel', 'a quarter', 'a quarter of an'].map((w): [string[], number] => [w.split(' '), 0.25]),
  ...['anderthalb', 'eineinhalb'].map((w): [string[], number] => [[w], 1.5]),
];

const FROM_NOW: ReadonlyArray<readonly [string[], true]> = [
  'from now',
  'from today',
  'ab heute',
  'von heute an',
  'later',
  'spaeter',
  'time',
].map((w) => [w.split(' '), true] as const);

/**
 * "in 15 Minuten", "in einer Stunde", "in 3 Tagen", "in zwei Wochen", "in a fortnight", "a week from Friday",
 * "two weeks from now". A number is a duration only when the phrase says so: "in" before it or "from" after it.
 */
export function readDuration(tokens: Token[], i: number, reading: Reading): number {
  const leadingIn = wordAt(tokens, i) === 'in';
  const amount = amountAt(tokens, leadingIn ? i + 1 : i);
  if (!amount) return 0;
  const unit = UNITS.get(wordAt(tokens, amount.end) ?? '');
  if (!unit) return 0;
  let end = amount.end + 1;
  let value = amount.value;
  if (phraseAt(tokens, end, ['and', 'a', 'half']) || phraseAt(tokens, end, ['und', 'eine', 'halbe'])) {
    value += 0.5;
    end += 3;
  }
  const tail = longestAt(tokens, end, FROM_NOW);
  // "three weeks from Thursday", "drei Wochen ab Donnerstag", "a week on Friday".
  const joiner = wordAt(tokens, end) ?? '';
  const onDay = joiner === 'on' && WEEKDAYS.has(wordAt(tokens, end + 1) ?? '');
  const from = !tail && (['from', 'after', 'nach', 'ab'].includes(joiner) || onDay);
  const weekBefore = unit === 'week' && ['today', 'tomorrow'].includes(wordAt(tokens, end) ?? '');
  if (!leadingIn && !tail && !from && !weekBefore) return 0;
  if (!apply(reading, unit, value)) return 0;
  if (from || weekBefore) reading.anchored = true;
  return end + (tail?.[0] ?? 0) + (from ? 1 : 0) - i;
}

function amountAt(tokens: Token[], i: number): { value: number; end: number } | null {
  const words = longestAt(tokens, i, AMOUNTS);
  if (words) return { value: words[1], end: i + words[0] };
  const number = numberAt(tokens, i, 1, 365);
  if (number === undefined) return null;
  const half = phraseAt(tokens, i + 1, ['and', 'a', 'half']) || phraseAt(tokens, i + 1, ['einhalb']);
  return { value: number + (half ? 0.5 : 0), end: i + 1 + half };
}

/** German "in acht Tagen" means a week, as "in vierzehn Tagen" means two. */
function apply(reading: Reading, unit: Unit, value: number): boolean {
  if (unit === 'minute' || unit === 'hour' || unit === 'quarterHour') {
    reading.offsetMinutes = Math.round(value * { minute: 1, quarterHour: 15, hour: 60 }[unit]);
    return true;
  }
  if (!Number.isInteger(value)) return false;
  if (unit === 'month') reading.shiftMonths = value;
  else reading.shiftDays = unit === 'day' ? (value === 8 ? 7 : value) : value * (unit === 'fortnight' ? 14 : 7);
  return true;
}
