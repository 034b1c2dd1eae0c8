import { DateTime } from 'luxon';
import type { ToolResult } from '../tool-results';
import { cap, say, Voice } from './speech';
import { speakDate, speakDateTime, speakPeriod } from './spoken-times';

type Unavailable = Extract<ToolResult, { kind: 'unavailable' }>;

/** "von 9 bis 12 und von 14 bis 18 Uhr" / "from 9 am to 12 pm and from 2 to 6 pm". */
function speakHours(hours: Array<[string, string]>, voice: Voice): string {
  const clock = (hhmm: string) => {
    const [hour, minute] = hhmm.split(':').map(Number);
    const mm = minute ? `:${String(minute).padStart(2, '0')}` : '';
    if (voice.locale === 'de') return `${hour}${mm}`;
    return `${hour % 12 === 0 ? 12 : hour % 12}${mm} ${hour < 12 || hour === 24 ? 'am' : 'pm'}`;
  };
  const spans = hours.map(([from, to]) =>
    voice.locale === 'de' ? `von ${clock(from)} bis ${clock(to)}` : `from ${clock(from)} to ${clock(to)}`,
  );
  const joined = spans.join(voice.locale === 'de' ? ' und ' : ' and ');
  return voice.locale === 'de' ? `${joined} Uhr` : joined;
}

/** The reason in one sentence, naming the day and time asked: "Sonntags …", "… ist schon vorbei.", "… vergeben." */
export function speakWhy(result: Unavailable, voice: Voice): string {
  const { locale, timezone } = voice;
  const { why, wanted, period } = result;
  const date = speakDate(DateTime.fromISO(result.day, { zone: timezone }), locale);
  const asked = cap(wanted ? speakDateTime(wanted, timezone, locale) : date);
  const part = period ? ` ${speakPeriod(period, locale)}` : '';
  switch (why.reason) {
    case 'past':
      return say(locale, `${asked} ist schon vorbei.`, `${asked} has already passed.`);
    case 'beyondWindow': {
      const last = speakDate(DateTime.fromISO(why.lastDay, { zone: timezone }), locale);
      return say(locale, `Termine vergebe ich bis ${last}.`, `I can book appointments up to ${last}.`);
    }
    case 'closedDay':
      return say(locale, `Am ${date} haben wir geschlossen.`, `We're closed on ${date}.`);
    case 'closedHours':
      return say(
        locale,
        `Am ${date} haben wir ${speakHours(why.hours, voice)} geöffnet.`,
        `On ${date} we're open ${speakHours(why.hours, voice)}.`,
      );
    case 'taken':
      return say(locale, `${asked} ist leider vergeben.`, `${asked} is already taken.`);
    case 'full':
      return say(
        locale,
        `Am ${date}${part} ist leider nichts mehr frei.`,
        `Nothing is free on ${date}${part}, I'm afraid.`,
      );
    case 'yours': {
      const what = `${why.appointment.service ?? say(locale, 'Ihr Termin', 'your appointment')}`;
      const when = speakDateTime(why.appointment.start, timezone, locale);
      return say(
        locale,
        `Diesen Termin haben Sie bereits: ${what} am ${when}.`,
        `That is already your appointment: ${what} on ${when}.`,
      );
    }
  }
}
