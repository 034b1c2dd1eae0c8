import type { DomainErrorCode } from '../../../common/domain-error';
import type { Locale } from '../../tenants/company.entity';

/** What every function answers: HTTP 200, a sentence the agent can say, and data for the LLM. */
export interface FunctionAnswer {
  success: boolean;
  message: string;
  data?: unknown;
}

type Phrases = Record<Locale, string>;

const FIELD_NAMES: Record<string, Phrases> = {
  service: { de: 'die gewünschte Leistung', en: 'the service' },
  date: { de: 'das Datum', en: 'the date' },
  time: { de: 'die Uhrzeit', en: 'the time' },
  name: { de: 'Ihr Name', en: 'your name' },
  email: { de: 'eine gültige E-Mail-Adresse', en: 'a valid e-mail address' },
  phone: { de: 'Ihre Telefonnummer', en: 'your phone number' },
  confirm: { de: 'Ihre Bestätigung', en: 'your confirmation' },
  new_date: { de: 'das neue Datum', en: 'the new date' },
  new_time: { de: 'die neue Uhrzeit', en: 'the new time' },
  appointment_id: { de: 'der Termin', en: 'the appointment' },
};

const ERRORS: Record<DomainErrorCode | 'NOT_CONFIGURED' | 'INTERNAL', Phrases> = {
  NOT_FOUND: { de: 'Dazu habe ich leider nichts gefunden.', en: "I couldn't find anything for that." },
  FORBIDDEN: { de: 'Dazu habe ich leider keinen Zugriff.', en: "I don't have access to that." },
  CONFLICT: { de: 'Das ist leider schon vergeben.', en: 'That is already taken, unfortunately.' },
  INVALID_INPUT: { de: 'Das habe ich leider nicht verstanden.', en: "Sorry, I didn't understand that." },
  SLOT_TAKEN: { de: 'Dieser Termin ist leider schon vergeben.', en: 'That time is already taken.' },
  OUT_OF_WINDOW: { de: 'Zu diesem Zeitpunkt kann leider nicht gebucht werden.', en: "That time can't be booked." },
  IN_THE_PAST: { de: 'Dieser Zeitpunkt liegt in der Vergangenheit.', en: 'That time is in the past.' },
  CONTACT_REQUIRED: {
    de: 'Ich brauche noch eine Telefonnummer oder E-Mail-Adresse.',
    en: 'I need a phone number or an e-mail address.',
  },
  CALCOM_BUSY: {
    de: 'Der Kalender ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.',
    en: 'The calendar is busy right now. Please try again in a moment.',
  },
  CALCOM_UNAVAILABLE: {
    de: 'Ich erreiche den Kalender gerade nicht. Darf ich Sie zurückrufen lassen?',
    en: "I can't reach the calendar right now. May we call you back?",
  },
  CALCOM_MISCONFIGURED: {
    de: 'Die Terminbuchung ist gerade nicht möglich. Darf ich Sie zurückrufen lassen?',
    en: "Booking isn't possible right now. May we call you back?",
  },
  DATABASE_UNAVAILABLE: {
    de: 'Ich habe gerade ein technisches Problem. Bitte versuchen Sie es gleich noch einmal.',
    en: "I'm having a technical problem. Please try again in a moment.",
  },
  LIMIT_REACHED: {
    de: 'Der Kalender nimmt für diesen Zeitraum leider keine weiteren Buchungen an. Darf ich Ihnen einen anderen Tag anbieten?',
    en: "The calendar doesn't take any more bookings for that period. May I offer you another day?",
  },
  INVALID_PHONE: {
    de: 'Die Telefonnummer konnte ich nicht verwenden. Können Sie sie mit Ländervorwahl nennen, zum Beispiel plus 49?',
    en: "I couldn't use that phone number. Could you give it with the country code, for example plus 1?",
  },
  EMAIL_REQUIRED: {
    de: 'Für diese Buchung brauche ich noch Ihre E-Mail-Adresse.',
    en: 'For this booking I still need your e-mail address.',
  },
  ALREADY_CANCELLED: { de: 'Dieser Termin war bereits storniert.', en: 'That appointment was already cancelled.' },
  BOOKING_MOVED: { de: 'Dieser Termin wurde bereits verschoben.', en: 'That appointment has already been moved.' },
  BOOKING_CANCELLED: {
    de: 'Dieser Termin ist storniert und kann nicht mehr verschoben werden. Soll ich einen neuen Termin buchen?',
    en: "That appointment is cancelled and can't be moved. Shall I book a new one?",
  },
  BOOKING_ENDED: {
    de: 'Dieser Termin liegt schon in der Vergangenheit und kann nicht mehr storniert werden.',
    en: "That appointment is already over and can't be cancelled.",
  },
  CANCEL_NOT_ALLOWED: {
    de: 'Diesen Termin kann ich telefonisch leider nicht stornieren. Darf ich Sie zurückrufen lassen?',
    en: "I can't cancel this appointment by phone, unfortunately. May we call you back?",
  },
  NOT_CONFIGURED: {
    de: 'Diese Nummer ist bei uns noch nicht eingerichtet.',
    en: "This number isn't set up with us yet.",
  },
  INTERNAL: {
    de: 'Ich habe gerade ein technisches Problem. Bitte versuchen Sie es gleich noch einmal.',
    en: "I'm having a technical problem. Please try again in a moment.",
  },
};

export const fail = (locale: Locale, code: keyof typeof ERRORS): FunctionAnswer => ({
  success: false,
  message: ERRORS[code][locale],
});

/** "I still need the date and the time." in the company's language. */
export function missingFields(locale: Locale, fields: string[]): FunctionAnswer {
  const names = [...new Set(fields)].map((field) => FIELD_NAMES[field]?.[locale] ?? field);
  const list = joinList(locale, names);
  return {
    success: false,
    message:
      locale === 'de'
        ? `Mir fehlt noch ${list}. Können Sie mir das sagen?`
        : `I still need ${list}. Could you tell me?`,
    data: { missing: fields },
  };
}

export function joinList(locale: Locale, items: string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  const word = { de: { and: 'und', or: 'oder' }, en: { and: 'and', or: 'or' } }[locale][conjunction];
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

export function speakDuration(minutes: number, locale: Locale): string {
  return locale === 'de' ? `${minutes} Minuten` : `${minutes} minutes`;
}

/** The company's language and timezone: all a sentence needs besides the result. */
export interface Voice {
  locale: Locale;
  timezone: string;
}

export const say = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);
export const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const iso = (instants: Date[]) => instants.map((instant) => instant.toISOString());

/** The next step, asked once at the end of an answer. */
export const NEXT = {
  anythingElse: { de: 'Kann ich sonst noch helfen?', en: 'Anything else I can help with?' },
  newAppointment: { de: 'Möchten Sie einen neuen Termin vereinbaren?', en: 'Would you like to book a new one?' },
  whichTime: { de: 'Welche Uhrzeit passt Ihnen?', en: 'What time suits you?' },
  book: { de: 'Soll ich den Termin für Sie buchen?', en: 'Shall I book it for you?' },
  otherDay: { de: 'Möchten Sie einen anderen Tag?', en: 'Would another day suit you?' },
} satisfies Record<string, Phrases>;
