import { DateTime } from 'luxon';
import { Memo } from '../../../common/remember';
import type { When } from '../../appointments/when';
import type { Locale } from '../../tenants/company.entity';
import { joinList } from './speech';

/**
 * Times as a receptionist says them: "um 14 Uhr", "um halb 11", "um 9, um 12 oder um 16 Uhr"; "at 2 pm",
 * "at 10:30 am", "at 9, 10:30 am or 4 pm" (the half of the day said once where it does not change).
 */
const local = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone });

/** German: "14", "14:15", "halb 11" (mornings only: "halb 3" would leave the half of the day open). */
function germanClock(at: DateTime): { text: string; half: boolean } {
  if (at.minute === 0) return { text: String(at.hour), half: false };
  if (at.minute === 30 && at.hour >= 6 && at.hour < 12) return { text: `halb ${at.hour + 1}`, half: true };
  return { text: at.toFormat('H:mm'), half: false };
}

function englishClock(at: DateTime): { text: string; meridiem: 'am' | 'pm' } {
  const hour = at.hour % 12 === 0 ? 12 : at.hour % 12;
  return {
    text: at.minute === 0 ? String(hour) : `${hour}:${at.toFormat('mm')}`,
    meridiem: at.hour < 12 ? 'am' : 'pm',
  };
}

/** "um 9, um halb 11 oder um 16 Uhr" / "at 9, 10:30 am or 4 pm". */
export function speakTimes(instants: Date[], zone: string, locale: Locale, conjunction: 'and' | 'or' = 'or'): string {
  const times = instants.map((instant) => local(instant, zone));
  if (locale === 'de') {
    const spoken = times.map((at) => germanClock(at));
    const items = spoken.map(({ text, half }, i) => `um ${text}${i === spoken.length - 1 && !half ? ' Uhr' : ''}`);
    return joinList('de', items, conjunction);
  }
  const spoken = times.map((at) => englishClock(at));
  const items = spoken.map(({ text, meridiem }, i) =>
    i === spoken.length - 1 || spoken[i + 1].meridiem !== meridiem ? `${text} ${meridiem}` : text,
  );
  return `at ${joinList('en', items, conjunction)}`;
}

/** "Dienstag, 8. Dezember" / "Tuesday, December 8". */
export function speakDate(day: DateTime, locale: Locale): string {
  return day.setLocale(locale).toFormat(locale === 'de' ? 'cccc, d. LLLL' : 'cccc, LLLL d');
}

/** Weekday and month names go through Intl (3 % of a warm check); the same slots are said again and again. */
const spokenInstants = new Memo<string, string>(5_000);

/** "Dienstag, 8. Dezember um 14 Uhr" / "Tuesday, December 8 at 2 pm", in the company's timezone. */
export function speakDateTime(instant: Date, timezone: string, locale: Locale): string {
  return spokenInstants.get(`${instant.getTime()}|${timezone}|${locale}`, () => {
    const date = speakDate(local(instant, timezone), locale);
    return `${date} ${speakTimes([instant], timezone, locale)}`;
  });
}

const RELATIVE_DAYS: Record<Locale, Record<number, string>> = {
  de: { 0: 'heute', 1: 'morgen' },
  en: { 0: 'today', 1: 'tomorrow' },
};

/**
 * A day as the start of an offer: "heute, Dienstag, 1. Dezember", "am Freitag, 4. Dezember" / "today, Tuesday,
 * December 1", "on Friday, December 4": always weekday and date, so a misunderstood day can be corrected.
 */
export function speakOnDay(day: string, timezone: string, locale: Locale, now = new Date()): string {
  const target = DateTime.fromISO(day, { zone: timezone }).startOf('day');
  const offset = Math.round(target.diff(local(now, timezone).startOf('day'), 'days').days);
  const relative = RELATIVE_DAYS[locale][offset];
  const date = speakDate(target, locale);
  if (relative) return `${relative}, ${date}`;
  return `${locale === 'de' ? 'am' : 'on'} ${date}`;
}

/** Part of a day as said: "vormittags", "nachmittags", "abends" / "in the morning", … */
export function speakPeriod(period: { from: number; to: number }, locale: Locale): string {
  const name = period.to <= 12 ? 0 : period.from >= 17 ? 2 : 1;
  return (
    locale === 'de' ? ['vormittags', 'nachmittags', 'abends'] : ['in the morning', 'in the afternoon', 'in the evening']
  )[name];
}

/** "Meinen Sie Mittwoch, 2. Dezember um 7 Uhr oder um 19 Uhr?"; "Der 10. Dezember ist ein Donnerstag. …" */
export function speakClarification(when: When & { kind: 'clarify' }, timezone: string, locale: Locale): string {
  const [first, second] = when.options;
  if (when.reason === 'meridiem' && second) {
    const other = speakTimes([second], timezone, locale);
    return locale === 'de'
      ? `Meinen Sie ${speakDateTime(first, timezone, locale)} oder ${other}?`
      : `Do you mean ${speakDateTime(first, timezone, locale)} or ${other}?`;
  }
  const day = local(first, timezone).setLocale(locale);
  return locale === 'de'
    ? `Der ${day.toFormat('d. LLLL')} ist ein ${day.toFormat('cccc')}. Welchen Tag meinen Sie genau?`
    : `${day.toFormat('LLLL d')} is a ${day.toFormat('cccc')}. Which day do you mean?`;
}
