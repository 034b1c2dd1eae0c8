import type { Token } from './date-tokens';

/** A clock time as said: "halb vier" is 3:30 with no half of the day, "15:30" is fixed, "3pm" has a meridiem. */
export interface Clock {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
  /** Said on the 24-hour clock ("15 Uhr", "08:30", "noon"): no half of the day to choose. */
  fixed: boolean;
}

/** How a day was named. */
export type DayRef =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number; which: 'nearest' | 'this' | 'coming' | 'next' | 'afterNext' }
  | { kind: 'date'; day: number; month?: number; year?: number; monthShift?: number; slash?: boolean }
  /** The nth (last: -1) weekday of a month, or its nth or last day when no weekday is said. */
  | { kind: 'nth'; n: number; weekday?: number; workdays?: boolean; month?: number; monthShift?: number }
  /**
   * A holiday or named day, by its key in the named-day table; `year` when said; `step` for the day (or the first
   * `weekday`) before (-1) or after (1) it: "the day after Christmas", "der Montag nach Ostern".
   */
  | { kind: 'named'; key: string; year?: number; step?: -1 | 1; weekday?: number };

export type PeriodName =
  | 'morning'
  | 'earlyMorning'
  | 'lateMorning'
  | 'beforeLunch'
  | 'lunch'
  | 'afterLunch'
  | 'afternoon'
  | 'earlyAfternoon'
  | 'lateAfternoon'
  | 'evening'
  | 'earlyEvening'
  | 'night';

/** Hours of the day each part of the day covers, in the company's timezone (end exclusive). */
export const PERIOD_HOURS: Record<PeriodName, { from: number; to: number }> = {
  morning: { from: 8, to: 12 },
  earlyMorning: { from: 7, to: 9 },
  lateMorning: { from: 10, to: 12 },
  beforeLunch: { from: 8, to: 12 },
  lunch: { from: 11, to: 14 },
  afterLunch: { from: 13, to: 17 },
  afternoon: { from: 12, to: 18 },
  earlyAfternoon: { from: 12, to: 15 },
  lateAfternoon: { from: 15, to: 18 },
  evening: { from: 17, to: 21 },
  earlyEvening: { from: 17, to: 19 },
  night: { from: 20, to: 24 },
};

/** Everything a phrase said, before it is placed on the calendar. */
export interface Reading {
  days: DayRef[];
  clocks: Clock[];
  period?: PeriodName;
  range?: { from?: Clock; to?: Clock };
  /** Calendar weeks ahead: "nächste Woche" 1, "übernächste Woche" 2, "diese Woche" 0. */
  weekShift?: number;
  /** A duration in days ("in 3 Tagen", "in zwei Wochen"), counted from today or from the day said with it. */
  shiftDays?: number;
  shiftMonths?: number;
  /** "next month on the 5th": the month (0 this, 1 next) a day of the month said alone falls in. */
  inMonth?: number;
  /** "a week from Friday": the shift counts from the day said, not from today. */
  anchored?: boolean;
  /** "in 15 Minuten": an instant counted from now. */
  offsetMinutes?: number;
  asap?: boolean;
  /** Two readings that cannot both hold ("morgens … abends"). */
  conflict?: boolean;
  /** A day was said by the recognizer just before (so "Montag morgen" is Monday morning). */
  lastWasDay?: boolean;
}

export const emptyReading = (): Reading => ({ days: [], clocks: [] });

export const wordAt = (tokens: Token[], i: number): string | undefined => {
  const token = tokens[i];
  return token?.t === 'word' ? token.w : undefined;
};

/** The number of tokens from `i` that spell `words` in order (each entry may list alternatives), else 0. */
export function phraseAt(tokens: Token[], i: number, words: ReadonlyArray<string | readonly string[]>): number {
  for (let k = 0; k < words.length; k += 1) {
    const expected = words[k];
    const actual = wordAt(tokens, i + k);
    if (actual === undefined || !(typeof expected === 'string' ? actual === expected : expected.includes(actual)))
      return 0;
  }
  return words.length;
}

/** The longest of several phrases found at `i`, with its value. */
export function longestAt<T>(
  tokens: Token[],
  i: number,
  table: ReadonlyArray<readonly [string[], T]>,
): [number, T] | null {
  let best: [number, T] | null = null;
  for (const [words, value] of table) {
    const length = phraseAt(tokens, i, words);
    if (length > 0 && (!best || length > best[0])) best = [length, value];
  }
  return best;
}

/** A whole number said at `i` (digits or a word), within bounds. */
export function numberAt(tokens: Token[], i: number, min: number, max: number): number | undefined {
  const token = tokens[i];
  return token?.t === 'num' && token.v >= min && token.v <= max ? token.v : undefined;
}
