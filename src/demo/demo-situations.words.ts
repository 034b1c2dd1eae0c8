import { DateTime } from 'luxon';

/** A function call as the agent makes it: which function, its arguments, and who calls (a call id, a number). */
export interface SituationCall {
  fn: string;
  args: object;
  /** Calls with the same `call` share a Retell call id; `caller` is the from_number (default: the demo caller). */
  call: string;
  caller?: string;
}

/** One moment of a call, as the receptionist measure plays it: what happened before, and the turn that is heard. */
export interface Situation {
  id: string;
  locale: 'de' | 'en';
  title: string;
  setup: SituationCall[];
  turn: SituationCall;
  /** The reason the answer must name. */
  reason: RegExp;
  /** A time is involved: the answer says weekday, date and time. */
  timed: boolean;
}

/** The demo tenant's two companies: the Berlin salon (German) and the New York barbers (English). */
export const SITUATION_LINES = {
  de: { number: '+493000000000', agent: 'agent_demo', zone: 'Europe/Berlin' },
  en: { number: '+12125550100', agent: 'agent_demo_en', zone: 'America/New_York' },
} as const;

export type Words = Record<string, string>;

export const WORDS: Record<'de' | 'en', Words> = {
  de: {
    cut: 'Haarschnitt',
    colour: 'Färben',
    at10: '10 Uhr',
    at11: '11 Uhr',
    at14: '14 Uhr',
    at15: '15 Uhr',
    at21: '21 Uhr',
    at7: 'um 7',
    yesterday: 'gestern',
    afternoon: 'nachmittags',
    evening: 'abends',
    name: 'Mia Muster',
    rival: 'Erik Beispiel',
    badEmail: 'mia punkt muster at beispiel',
  },
  en: {
    cut: 'Haircut',
    colour: 'Coloring',
    at10: '10 am',
    at11: '11 am',
    at14: '2 pm',
    at15: '3 pm',
    at21: '9 pm',
    at7: 'at 7',
    yesterday: 'yesterday',
    afternoon: 'in the afternoon',
    evening: 'in the evening',
    name: 'Mia Smith',
    rival: 'Eric Sample',
    badEmail: 'mia dot smith at example',
  },
};

/** The first `weekday` (1 Monday … 7 Sunday) at least two days ahead, as the caller says it ("8. Dezember"). */
export function dayAhead(locale: 'de' | 'en', weekday: number, now: Date, weeks = 0): string {
  let day = DateTime.fromJSDate(now, { zone: SITUATION_LINES[locale].zone }).startOf('day').plus({ days: 2 });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  day = day.plus({ weeks }).setLocale(locale);
  return locale === 'de' ? day.toFormat('d. LLLL') : day.toFormat('LLLL d');
}

export const REASONS = {
  de: {
    closed: /geschlossen/,
    hours: /geöffnet|bis 18 Uhr/,
    past: /vorbei|Vergangenheit/,
    window: /bis (zum )?\p{L}+, \d+\./u,
    taken: /vergeben/,
    free: /frei/,
    yours: /Ihr(en)? Termin|bereits/,
    moved: /verschoben/,
    stays: /bleibt/,
    cancelled: /storniert/,
    email: /E-Mail/,
    dayAndTime: /Tag.*Uhrzeit/,
    bareHour: /um 19 Uhr/,
    none: /keine/,
    services: /bieten/,
    branches: /Standort/,
    readBack: /zusammen/,
    booked: /gebucht/,
    lookup: /Termin/,
  },
  en: {
    closed: /closed/,
    hours: /open|until 6/,
    past: /passed|past/,
    window: /until|up to|as far as/,
    taken: /taken/,
    free: /free|open/,
    yours: /your|already/i,
    moved: /moved/,
    stays: /stays/,
    cancelled: /cancelled/,
    email: /e-mail/,
    dayAndTime: /day.*time/,
    bareHour: /at 7 pm/,
    none: /any|no /,
    services: /offer/,
    branches: /location/,
    readBack: /confirm/,
    booked: /booked/,
    lookup: /appointment/,
  },
};
