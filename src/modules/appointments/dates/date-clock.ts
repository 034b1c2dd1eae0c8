import type { Token } from './date-tokens';
import { Clock, numberAt, phraseAt, wordAt } from './date-reading';

export interface ClockMatch {
  end: number;
  clock: Clock;
}

type Locale = 'de' | 'en';

const AFTER = ['nach', 'past', 'after'];
const BEFORE = ['vor', 'to', 'of', 'before', 'till', 'til', 'until'];
const MINUTE_WORDS = ['minuten', 'minute', 'minutes', 'mins', 'min'];
const HOUR_WORDS = new Map([
  ['mittag', 12],
  ['noon', 12],
  ['midday', 12],
  ['mitternacht', 24],
  ['midnight', 24],
]);

/**
 * A clock time at `i`: "viertel nach drei", "fünf vor halb vier", "quarter to noon", "halb 4", "drei viertel vier",
 * "half three", "15 Uhr 30", "ten thirty", "3:15 pm", "1030", "noon". Whether 3 means 03:00 or 15:00 is left open.
 */
export function readClock(tokens: Token[], i: number, locale: Locale, inRange = false): ClockMatch | null {
  // In "from 2 to 4" the "to" closes a range; it is not "two minutes to four".
  const match = (inRange ? null : relation(tokens, i)) ?? halfOrQuarter(tokens, i) ?? plain(tokens, i);
  return match ? meridiem(tokens, match, locale) : null;
}

/** The hour named at `i`: a number 0–24, "mittag"/"noon", "mitternacht"/"midnight", German "ein" before "Uhr". */
function hourAt(tokens: Token[], i: number): { hour: number; fixed: boolean } | undefined {
  const number = numberAt(tokens, i, 0, 24);
  if (number !== undefined) return { hour: number, fixed: number === 0 || number > 12 };
  const word = wordAt(tokens, i);
  if (word && HOUR_WORDS.has(word)) return { hour: HOUR_WORDS.get(word)!, fixed: true };
  if ((word === 'ein' || word === 'one') && wordAt(tokens, i + 1) === 'uhr') return { hour: 1, fixed: false };
  return undefined;
}

/** "zwanzig nach drei", "fünf vor halb vier", "a quarter to noon", "15 minutes past 3". */
function relation(tokens: Token[], i: number): ClockMatch | null {
  let k = i;
  if (wordAt(tokens, k) === 'a') k += 1;
  const word = wordAt(tokens, k);
  const minutes = word === 'viertel' || word === 'quarter' ? 15 : word === 'half' ? 30 : numberAt(tokens, k, 1, 59);
  if (minutes === undefined || (k > i && word !== 'quarter')) return null;
  k += 1;
  if (MINUTE_WORDS.includes(wordAt(tokens, k) ?? '')) k += 1;
  const direction = wordAt(tokens, k);
  const sign = AFTER.includes(direction ?? '') ? 1 : BEFORE.includes(direction ?? '') ? -1 : 0;
  if (sign === 0 || (minutes === 30 && word === 'half' && sign < 0)) return null;
  const half = wordAt(tokens, k + 1) === 'halb' ? 1 : 0;
  const hour = hourAt(tokens, k + 1 + half);
  if (!hour || (half && hour.fixed)) return null;
  const base = half ? (hour.hour - 1) * 60 + 30 : hour.hour * 60;
  return { end: k + 2 + half, clock: fromMinutes(base + sign * minutes, hour) };
}

/** German "halb vier" (3:30), "viertel vier" (3:15), "drei viertel vier" (3:45); English "half three" (3:30). */
function halfOrQuarter(tokens: Token[], i: number): ClockMatch | null {
  const threeQuarters =
    phraseAt(tokens, i, ['dreiviertel']) || phraseAt(tokens, i, [['drei', 'dreiviertel'], 'viertel']);
  const numberWord = tokens[i]?.t === 'num' && tokens[i].v === 3 && wordAt(tokens, i + 1) === 'viertel' ? 2 : 0;
  const lead = threeQuarters || numberWord;
  const word = wordAt(tokens, i);
  const offset = lead ? -15 : word === 'halb' ? -30 : word === 'viertel' ? -45 : word === 'half' ? 30 : undefined;
  if (offset === undefined) return null;
  const at = i + (lead || 1);
  const hour = hourAt(tokens, at);
  if (!hour || (hour.fixed && hour.hour !== 12)) return null;
  return { end: at + 1, clock: fromMinutes(hour.hour * 60 + offset, hour) };
}

function fromMinutes(total: number, hour: { hour: number; fixed: boolean }): Clock {
  const wrapped = (total + 24 * 60) % (24 * 60);
  let h = Math.floor(wrapped / 60);
  if (!hour.fixed && h === 0) h = 12;
  return { hour: h, minute: wrapped % 60, fixed: hour.fixed && h !== 12 ? true : hour.fixed };
}

/** "15:30", "15 Uhr 30", "drei Uhr", "ten thirty", "seven oh five", "1030", "noon". */
function plain(tokens: Token[], i: number): ClockMatch | null {
  const token = tokens[i];
  if (token?.t === 'clock') {
    if (token.h > 24 || token.m > 59) return null;
    const end = wordAt(tokens, i + 1) === 'uhr' ? i + 2 : i + 1;
    return { end, clock: { hour: token.h, minute: token.m, fixed: token.padded || token.h === 0 || token.h > 12 } };
  }
  if (token?.t === 'num' && token.digits && token.digits.length >= 3)
    return hoursWord(tokens, fourDigits(token.digits, i));
  if (
    token?.t === 'ord' &&
    token.v <= 24 &&
    i === tokens.length - 1 &&
    ['um', 'at'].includes(wordAt(tokens, i - 1) ?? '')
  ) {
    return { end: i + 1, clock: { hour: token.v, minute: 0, fixed: token.v > 12 } };
  }
  const hour = hourAt(tokens, i);
  if (!hour) return null;
  // "eleven hundred (hours)", "fifteen hundred": the 24-hour clock.
  if (wordAt(tokens, i + 1) === 'hundred' && hour.hour <= 24 && tokens[i]?.t === 'num')
    return hoursWord(tokens, { end: i + 2, clock: { hour: hour.hour % 24, minute: 0, fixed: true } });
  let end = i + 1;
  const said = wordAt(tokens, end) === 'uhr' || wordAt(tokens, end) === 'oclock';
  if (said) end += 1;
  // "9 Uhr und 20": the minutes after "und".
  const und = said && wordAt(tokens, end) === 'und' && tokens[end + 1]?.t === 'num' ? 1 : 0;
  const minute = said ? minutesSaid(tokens, end + und) : minutesAt(tokens, end, token?.t === 'num' && !token.digits);
  if (!minute) return { end, clock: { hour: hour.hour, minute: 0, fixed: hour.fixed } };
  return { end: minute.end, clock: { hour: hour.hour, minute: minute.value, fixed: hour.fixed } };
}

/** The minutes after "Uhr": "15 Uhr 30", "14 Uhr und 30 Minuten", "neun Uhr zwanzig". */
function minutesSaid(tokens: Token[], i: number): { value: number; end: number } | null {
  const value = numberAt(tokens, i, 0, 59);
  if (value !== undefined && MINUTE_WORDS.includes(wordAt(tokens, i + 1) ?? '')) return { value, end: i + 2 };
  return minutesAt(tokens, i, true);
}

/** "0900 hours", "fifteen hundred hours": the word after a military time. */
function hoursWord(tokens: Token[], match: ClockMatch | null): ClockMatch | null {
  if (!match) return null;
  return ['hours', 'hrs'].includes(wordAt(tokens, match.end) ?? '') ? { ...match, end: match.end + 1 } : match;
}

function fourDigits(digits: string, i: number): ClockMatch | null {
  const value = Number(digits);
  const hour = Math.floor(value / 100);
  const minute = value % 100;
  if (digits.length > 4 || hour > 23 || minute > 59) return null;
  return { end: i + 1, clock: { hour, minute, fixed: digits.startsWith('0') || hour > 12 || hour === 0 } };
}

/** Minutes after an hour: "30", "dreißig", "oh five", "fünfzehn"; digits only when they look like minutes ("05"). */
function minutesAt(tokens: Token[], i: number, wordsAllowed: boolean): { value: number; end: number } | null {
  const token = tokens[i];
  if (token?.t !== 'num' || token.v > 59) return null;
  if (token.digits !== null) return token.digits.length === 2 ? { value: token.v, end: i + 1 } : null;
  if (!wordsAllowed) return null;
  const zero = token.v === 0 && tokens[i + 1]?.t === 'num' ? numberAt(tokens, i + 1, 1, 9) : undefined;
  if (zero !== undefined) return { value: zero, end: i + 2 };
  if (MINUTE_WORDS.includes(wordAt(tokens, i + 1) ?? '')) return null;
  return token.v >= 10 || wordAt(tokens, i - 1) === 'uhr' ? { value: token.v, end: i + 1 } : null;
}

/**
 * "am"/"pm" after a time. In German "am" is also "on the" ("um 9 am Montag"): there it is a meridiem only at the
 * end of the phrase.
 */
function meridiem(tokens: Token[], match: ClockMatch, locale: Locale): ClockMatch {
  // "5ish pm": the hedge may come between the time and its half of the day.
  const hedge = wordAt(tokens, match.end) === 'ish' && ['am', 'pm'].includes(wordAt(tokens, match.end + 1) ?? '');
  const at = match.end + (hedge ? 1 : 0);
  const word = wordAt(tokens, at);
  const germanOn = locale === 'de' && word === 'am' && at < tokens.length - 1;
  if ((word !== 'am' && word !== 'pm') || germanOn || match.clock.fixed) return match;
  if (match.clock.hour > 12) return match;
  return { end: at + 1, clock: { ...match.clock, meridiem: word } };
}
