import { DayRef, longestAt, numberAt, wordAt } from './date-reading';
import type { Token } from './date-tokens';
import { MONTHS } from './date-words';

export interface DateMatch {
  end: number;
  day: DayRef;
}

/** Words after which a bare number is a day of the month, not an hour: "am 15", "den 3", "the 15", "on the 3". */
const DAY_PREFIXES = ['am', 'den', 'der', 'dem', 'the', 'on', 'vom', 'zum'];
const TIME_AFTER = ['uhr', 'oclock', 'am', 'pm', 'minuten', 'minutes', 'nach', 'vor', 'past', 'to', 'after'];

const MONTH_OF: ReadonlyArray<readonly [string[], number]> = [
  ...['of this month', 'des monats', 'diesen monats', 'dieses monats', 'this month'].map(
    (w) => [w.split(' '), 0] as const,
  ),
  ...['of next month', 'next month', 'naechsten monats', 'im naechsten monat'].map((w) => [w.split(' '), 1] as const),
];

/**
 * A calendar date at `i`: "3.12.", "2026-12-03", "12/3", "1. Dezember", "ersten März", "1 März", "the 15th of March",
 * "März 3", "February the 15th", "am 15ten", "20 of this month".
 */
export function readDate(tokens: Token[], i: number): DateMatch | null {
  const token = tokens[i];
  if (token?.t === 'date')
    return withYear(tokens, i + 1, { kind: 'date', day: token.d, month: token.m, year: token.y, slash: token.slash });
  const month = MONTHS.get(wordAt(tokens, i) ?? '');
  if (month !== undefined) return monthFirst(tokens, i + 1, month);
  const day = dayNumberAt(tokens, i);
  if (day === undefined) return null;
  const ofWord = ['of', 'des'].includes(wordAt(tokens, i + 1) ?? '') ? 1 : 0;
  const named = MONTHS.get(wordAt(tokens, i + 1 + ofWord) ?? '');
  if (named !== undefined) return withYear(tokens, i + 2 + ofWord, { kind: 'date', day, month: named });
  const counted = countedMonth(tokens, i);
  if (counted) return withYear(tokens, counted.end, { kind: 'date', day, month: counted.month });
  const relativeMonth = longestAt(tokens, i + 1, MONTH_OF);
  if (relativeMonth) return { end: i + 1 + relativeMonth[0], day: { kind: 'date', day, monthShift: relativeMonth[1] } };
  return standsAlone(tokens, i) ? { end: i + 1, day: { kind: 'date', day } } : null;
}

/**
 * The month said as an ordinal after an ordinal day: "zwölfter dritter" (12 March), "am ersten sechsten", "the
 * twelfth of the third", "the 4th of the 7th".
 */
function countedMonth(tokens: Token[], i: number): { month: number; end: number } | null {
  if (tokens[i]?.t !== 'ord') return null;
  const of = wordAt(tokens, i + 1) === 'of' ? (wordAt(tokens, i + 2) === 'the' ? 2 : 1) : 0;
  const month = tokens[i + 1 + of];
  return month?.t === 'ord' && month.v >= 1 && month.v <= 12 ? { month: month.v, end: i + 2 + of } : null;
}

/** An ordinal 1–31, or a number 1–31 that a month or a day prefix makes a day. */
function dayNumberAt(tokens: Token[], i: number): number | undefined {
  const token = tokens[i];
  if (token?.t === 'ord') return token.v >= 1 && token.v <= 31 ? token.v : undefined;
  return numberAt(tokens, i, 1, 31);
}

/** "am 15." and "the 15th" alone are days; "um 3." at the end is an hour, and so is a bare number without a prefix. */
function standsAlone(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  const before = wordAt(tokens, i - 1) ?? '';
  if (token.t === 'ord') return !(['um', 'at', 'gegen'].includes(before) && i === tokens.length - 1);
  const next = tokens[i + 1];
  const timeFollows = next && (next.t === 'clock' || (next.t === 'word' && TIME_AFTER.includes(next.w)));
  return DAY_PREFIXES.includes(before) && token.t === 'num' && token.digits !== null && !timeFollows;
}

function monthFirst(tokens: Token[], i: number, month: number): DateMatch | null {
  const skip = wordAt(tokens, i) === 'the' ? 1 : 0;
  const day = dayNumberAt(tokens, i + skip);
  if (day === undefined) return null;
  return withYear(tokens, i + skip + 1, { kind: 'date', day, month });
}

function withYear(tokens: Token[], i: number, day: DayRef & { kind: 'date' }): DateMatch {
  const year = day.year === undefined ? numberAt(tokens, i, 2000, 2100) : undefined;
  const token = tokens[i];
  const digits = token?.t === 'num' && token.digits?.length === 4;
  return year !== undefined && digits ? { end: i + 1, day: { ...day, year } } : { end: i, day };
}
