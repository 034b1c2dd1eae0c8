import { CARDINALS, fold, ORDINALS, WEEKDAYS } from './date-words';

/**
 * One unit of a spoken date: a whole number (digits or a number word), an ordinal ("3.", "3rd", "dritten"), a clock
 * time ("15:30", "15h30"), a numeric date ("3.12.", "2026-12-03", "12/3") or any other word.
 */
export type Token =
  | { t: 'num'; v: number; digits: string | null }
  | { t: 'ord'; v: number }
  | { t: 'clock'; h: number; m: number; padded: boolean }
  | { t: 'date'; d: number; m: number; y?: number; slash?: boolean }
  | { t: 'word'; w: string };

/** Rewrites that make the words regular before they are split: "3pm" → "3 pm", "a.m." → "am", "15h" → "15 uhr". */
const REWRITES: Array<[RegExp, string]> = [
  [/[’`´]/g, "'"],
  [/\bo'?\s?clock\b/g, ' oclock '],
  [/(\d)\s?([ap])\.\s?m\.?(?=\s|$|[,;!?)-])/g, '$1 $2m '],
  [/\b([ap])\.\s?m\.?(?=\s|$|[,;!?)])/g, ' $1m '],
  [/\b([ap]) m\b/g, ' $1m '],
  [/(\d)\s?([ap])m?\b/g, '$1 $2m'],
  [/(\d)h(\d{2})\b/g, '$1:$2'],
  [/(\d)\s?h\b/g, '$1 uhr'],
  [/(\d)(uhr)\b/g, '$1 uhr'],
  [/(\d)-?(st|nd|rd|th|ten|ter|tes|te|tem|sten|ster)\b/g, '$1#'],
  [/(\w)-?ish\b/g, '$1 ish'],
  [/(\p{L})-(?=\p{L})/gu, '$1 '],
  [/(\p{L})'(s|d|ll|m|re|ve)\b/gu, '$1'],
];

/**
 * A written weekday abbreviation opening the phrase before a number ("Do 10 Uhr", "Di 8.12."). "So" stays as it is:
 * "So 10 Uhr" may be Sunday or "about ten", and the reader then does not guess.
 */
function writtenWeekday(phrase: string): string {
  return phrase
    .replace(/^(Mo|Di|Mi|Do|Fr|Sa)\.?,?\s+(?=\d)/, (_, day: string) => `${SHORT_DAYS[day.toLowerCase()]} `)
    .replace(/^So\.?,?\s+(?=\d)/, 'sonntag-oder-ungefaehr ');
}

/** Written German weekday abbreviations: with their dot ("Di., 1.12."), or opening the phrase before a number. */
const SHORT_DAYS: Record<string, string> = {
  mo: 'montag',
  di: 'dienstag',
  mi: 'mittwoch',
  do: 'donnerstag',
  fr: 'freitag',
  sa: 'samstag',
};

/** The pieces a phrase is cut into, in this order; the numbered groups are read by `toTokens`. */
const PIECE = new RegExp(
  [
    /(\d{4})-(\d{1,2})-(\d{1,2})/, // 1-3: 2026-12-03
    /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)/, // 4-6: 3.12. and 3.12.2026
    /(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?!\d)/, // 7-8: 15:30, 15:30:00
    /(\d{1,2})\.(\d{1,2})(?![\d.])/, // 9-10: 10.10 (a date) or 9.45 (a time)
    /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?!\d)/, // 11-13: 12/3 and 12/3/2026
    /(\d{1,2})#/, // 14: 3rd, 15ten (marked by REWRITES)
    /(\d{1,2})\.(?=\s|$|,)/, // 15: "am 15."
    /(\d+)/, // 16
    /([\p{L}']+)/u, // 17: a word
  ]
    .map((part) => part.source)
    .join('|'),
  'gu',
);

/** Splits a phrase into tokens; punctuation that carries nothing is dropped. */
export function tokenize(phrase: string): Token[] {
  let text = ` ${fold(writtenWeekday(phrase.normalize('NFC').trim()))} `;
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  text = text.replace(/\b(mo|di|mi|fr|sa)\.(?=\s|,|$)/g, (_, day: string) => ` ${SHORT_DAYS[day]} `);
  const tokens: Token[] = [];
  for (const match of text.matchAll(PIECE)) {
    const around = { before: text.slice(0, match.index), after: text.slice(match.index + match[0].length) };
    tokens.push(...toTokens(match, around));
  }
  return mergeCompounds(tokens);
}

interface Around {
  before: string;
  after: string;
}

function toTokens(m: RegExpMatchArray, around: Around): Token[] {
  const n = (index: number) => Number(m[index]);
  if (m[1]) return [{ t: 'date', y: n(1), m: n(2), d: n(3) }];
  if (m[4]) return [{ t: 'date', d: n(4), m: n(5), ...(m[6] ? { y: fullYear(m[6]) } : {}) }];
  if (m[7]) return [{ t: 'clock', h: n(7), m: n(8), padded: m[7].length === 2 && m[7].startsWith('0') }];
  if (m[9]) return [dottedPair(n(9), n(10), m[10].length, around)];
  if (m[11]) return [{ t: 'date', d: n(11), m: n(12), slash: true, ...(m[13] ? { y: fullYear(m[13]) } : {}) }];
  if (m[14] ?? m[15]) return [{ t: 'ord', v: Number(m[14] ?? m[15]) }];
  if (m[16]) return [{ t: 'num', v: n(16), digits: m[16] }];
  return wordTokens(m[17].replace(/'+$/, '').replace(/^'+/, ''));
}

/** "15.30 Uhr" and "um 14.05" are times, "10.10" a date, "9.45" a time again (no month 45). */
function dottedPair(first: number, second: number, secondDigits: number, { before, after }: Around): Token {
  const saysTime = /^\s*(uhr|am|pm)\b/.test(after) || /\b(um|at|gegen|around)\s*$/.test(before);
  if (!saysTime && second >= 1 && second <= 12 && first >= 1 && first <= 31) return { t: 'date', d: first, m: second };
  if (secondDigits === 2 && second <= 59) return { t: 'clock', h: first, m: second, padded: false };
  return { t: 'word', w: `${first}.${second}` };
}

const fullYear = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

const PERIOD_SUFFIXES = ['vormittag', 'nachmittag', 'mittag', 'abend', 'morgen', 'frueh', 'nacht'];

function wordTokens(word: string): Token[] {
  if (CARDINALS.has(word)) return [{ t: 'num', v: CARDINALS.get(word)!, digits: null }];
  if (ORDINALS.has(word)) return [{ t: 'ord', v: ORDINALS.get(word)! }];
  for (const [day] of WEEKDAYS) {
    if (!word.startsWith(day) || word.length === day.length) continue;
    const rest = word.slice(day.length);
    if (PERIOD_SUFFIXES.some((suffix) => rest === suffix || rest === `${suffix}s`))
      return [
        { t: 'word', w: day },
        { t: 'word', w: rest },
      ];
  }
  return word ? [{ t: 'word', w: word }] : [];
}

/** English tens and units said apart: "twenty five" → 25, "thirty first" → 31st. */
function mergeCompounds(tokens: Token[]): Token[] {
  const merged: Token[] = [];
  for (const token of tokens) {
    const last = merged.at(-1);
    const tens = last?.t === 'num' && last.digits === null && [20, 30, 40, 50].includes(last.v);
    if (tens && (token.t === 'num' || token.t === 'ord') && token.v >= 1 && token.v <= 9 && isWordNumber(token)) {
      merged[merged.length - 1] = { ...token, v: last.v + token.v };
      continue;
    }
    merged.push(token);
  }
  return merged;
}

const isWordNumber = (token: Token) => token.t === 'ord' || (token.t === 'num' && token.digits === null);
