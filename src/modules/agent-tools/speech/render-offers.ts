import type { FreeDay, ToolResult } from '../tool-results';
import { cap, FunctionAnswer, iso, NEXT, say, Voice } from './speech';
import { fitting, speakOffer, spread } from './spoken-offers';
import { speakDateTime, speakOnDay, speakPeriod } from './spoken-times';
import { speakWhy } from './spoken-reasons';

type Result<K extends ToolResult['kind']> = Extract<ToolResult, { kind: K }>;

const daysData = (days: FreeDay[]) => days.map((day) => ({ date: day.day, slots: iso(day.slots) }));
const counts = (most: number) => [3, 2, 1].filter((count) => count <= Math.max(most, 1));

export function renderFree({ start }: Result<'free'>, { locale, timezone }: Voice): FunctionAnswer {
  const spoken = cap(speakDateTime(start, timezone, locale));
  return {
    success: true,
    message: say(locale, `${spoken} ist frei. ${NEXT.book.de}`, `${spoken} is free. ${NEXT.book.en}`),
    data: { available: true, start: start.toISOString() },
  };
}

/** Up to `count` of the free times: spread over the first day with any, filled up from the next. */
function chosen(days: FreeDay[], count: number): Date[] {
  const open = days.filter((day) => day.slots.length > 0);
  const first = spread(open[0]?.slots ?? [], count);
  const more = open.slice(1).flatMap((day) => day.slots);
  return [...first, ...spread(more, count - first.length)].slice(0, count);
}

/** "Am Mittwoch, 9. Dezember ist noch viel frei, zum Beispiel um 9, um 13 oder um 17:30 Uhr. Welche Uhrzeit …?" */
export function renderFreeTimes({ days, period }: Result<'freeTimes'>, voice: Voice): FunctionAnswer {
  const { locale, timezone } = voice;
  const open = days.filter((day) => day.slots.length > 0);
  const many = open.length === 1 && open[0].slots.length > 3;
  const part = period ? ` ${speakPeriod(period, locale)}` : '';
  const sentence = (slots: Date[]) => {
    if (open.length > 1)
      return say(
        locale,
        `Ich hätte ${speakOffer(slots, timezone, locale)} frei.`,
        `I have openings ${speakOffer(slots, timezone, locale)}.`,
      );
    const day = cap(speakOnDay(open[0].day, timezone, locale)) + part;
    const times = speakOffer(slots, timezone, locale, open[0].day).replace(/^(am selben Tag|the same day) /, '');
    if (many)
      return say(
        locale,
        `${day} ist noch viel frei, zum Beispiel ${times}.`,
        `${day} I have plenty free, for example ${times}.`,
      );
    return say(locale, `${day} hätte ich ${times} frei.`, `${day} I have openings ${times}.`);
  };
  const candidates = counts(3).map((count) => `${sentence(chosen(days, count))} ${NEXT.whichTime[locale]}`);
  return { success: true, message: fitting(candidates), data: { available: true, days: daysData(days) } };
}

/** Free times near a wish: "Ich hätte am Dienstag, 8. Dezember um 9 oder um 11 Uhr frei. Passt Ihnen davon etwas?" */
export function renderAlternatives({ alternatives }: Result<'alternatives'>, voice: Voice): FunctionAnswer {
  const { locale, timezone } = voice;
  const candidates = counts(alternatives.length).map((count) => {
    const offer = speakOffer(alternatives.slice(0, count), timezone, locale);
    return say(
      locale,
      `Ich hätte ${offer} frei. Passt Ihnen davon etwas?`,
      `I have openings ${offer}. Would one of those suit you?`,
    );
  });
  return { success: true, message: fitting(candidates), data: { available: true, alternatives: iso(alternatives) } };
}

/**
 * Why there is nothing where the caller asked, whether their appointment stays (a failed move), and what else there
 * is, as one question: "Am Sonntag, 13. Dezember haben wir geschlossen. Wie wäre es am Montag, 14., … um 14 Uhr?"
 */
export function renderUnavailable(result: Result<'unavailable'>, voice: Voice): FunctionAnswer {
  const { locale, timezone } = voice;
  const { why, alternatives, stays } = result;
  const reason = speakWhy(result, voice);
  const kept = stays
    ? ` ${say(locale, 'Ihr bisheriger Termin bleibt bestehen.', 'Your current appointment stays as it is.')}`
    : '';
  const sameDay = result.wanted ? result.day : undefined;
  const offers = counts(alternatives.length).map((count) => {
    const offer = speakOffer(alternatives.slice(0, count), timezone, locale, sameDay);
    return say(locale, `Wie wäre es ${offer}?`, `How about ${offer.replace(/^on /, '')}?`);
  });
  const fallback =
    why.reason === 'yours'
      ? NEXT.anythingElse[locale]
      : alternatives.length === 0 && why.reason !== 'beyondWindow'
        ? say(
            locale,
            'Auch in den nächsten Tagen ist nichts frei. Darf ich Sie zurückrufen lassen?',
            'The coming days are full too. May we call you back?',
          )
        : NEXT.otherDay[locale];
  const candidates = [...(alternatives.length > 0 && why.reason !== 'yours' ? offers : []), fallback];
  const message = fitting(candidates.map((next) => `${reason}${kept} ${next}`));
  return { success: false, message, data: unavailableData(result) };
}

function unavailableData(result: Result<'unavailable'>) {
  const { why, alternatives, days, stays } = result;
  return {
    available: false,
    reason: why.reason,
    ...(why.reason === 'beyondWindow' ? { last_day: why.lastDay } : {}),
    ...(why.reason === 'closedHours' ? { opening_hours: why.hours.map(([from, to]) => `${from}–${to}`) } : {}),
    ...(why.reason === 'yours' ? { appointment_id: why.appointment.id } : {}),
    ...(days ? { days: daysData(days) } : {}),
    alternatives: iso(alternatives),
    ...(stays ? { unchanged_appointment_id: stays.id, unchanged_start: stays.start.toISOString() } : {}),
  };
}
