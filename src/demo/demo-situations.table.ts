import { DateTime } from 'luxon';
import { CALENDAR_SITUATIONS } from './demo-situations.calendar';
import { CALLER_SITUATIONS } from './demo-situations.caller';
import { dayAhead, REASONS, Situation, SITUATION_LINES, WORDS } from './demo-situations.words';

export type { Situation, SituationCall } from './demo-situations.words';
export { SITUATION_LINES } from './demo-situations.words';

/** The ten moments a caller notices, their English twins, and the happy path around them. */
const SITUATIONS = [...CALENDAR_SITUATIONS, ...CALLER_SITUATIONS];

/** Every situation in German and in English, dated from `now` (so they hold on any day of the week). */
export function situations(now = new Date()): Situation[] {
  return (['de', 'en'] as const).flatMap((locale) => {
    const zone = SITUATION_LINES[locale].zone;
    const later = DateTime.fromJSDate(now, { zone }).plus({ days: 30 }).setLocale(locale);
    const spokenLater = later.toFormat(locale === 'de' ? 'd. LLLL' : 'LLLL d');
    const day = (weekday: number, weeks = 0) => dayAhead(locale, weekday, now, weeks);
    return SITUATIONS.map(([reason, timed, build]) => ({
      ...build(WORDS[locale], day, spokenLater),
      locale,
      reason: REASONS[locale][reason],
      timed,
    }));
  });
}
