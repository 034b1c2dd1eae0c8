import { WEEKDAYS } from '../../tenants/branch.entity';
import type { ToolResult } from '../tool-results';
import { FunctionAnswer, joinList, NEXT, say, speakDuration, Voice } from './speech';

type Result<K extends ToolResult['kind']> = Extract<ToolResult, { kind: K }>;

/** Weekday names for the opening hours in the data. */
const DAY_NAMES = {
  de: {
    mon: 'Montag',
    tue: 'Dienstag',
    wed: 'Mittwoch',
    thu: 'Donnerstag',
    fri: 'Freitag',
    sat: 'Samstag',
    sun: 'Sonntag',
  },
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
};

/** The services, each with its length, and what the caller would like. */
export function renderServices({ services }: Result<'services'>, { locale }: Voice): FunctionAnswer {
  const spoken = services.map((s) => `${s.name} (${speakDuration(s.durationMinutes, locale)})`);
  return {
    success: true,
    message: say(
      locale,
      `Wir bieten an: ${joinList('de', spoken)}. Was darf es sein?`,
      `We offer: ${joinList('en', spoken)}. What would you like?`,
    ),
    data: {
      services: services.map((s) => ({ name: s.name, duration_minutes: s.durationMinutes, branch: s.branch })),
    },
  };
}

/** The branch (or branches) with address; opening hours in the data. */
export function renderBranches({ branches }: Result<'branches'>, { locale }: Voice): FunctionAnswer {
  const hours = (branch: (typeof branches)[number]) =>
    WEEKDAYS.filter((day) => branch.openingHours[day]?.length).map(
      (day) => `${DAY_NAMES[locale][day]} ${branch.openingHours[day]!.map(([from, to]) => `${from}–${to}`).join(', ')}`,
    );
  const spoken = branches.map((b) => [b.name, b.address].filter(Boolean).join(', '));
  const one = branches.length === 1;
  return {
    success: true,
    message: one
      ? say(
          locale,
          `Unser Standort: ${spoken[0]}. ${NEXT.anythingElse.de}`,
          `Our location: ${spoken[0]}. ${NEXT.anythingElse.en}`,
        )
      : say(
          locale,
          `Unsere Standorte: ${joinList('de', spoken)}. Welcher passt Ihnen?`,
          `Our locations: ${joinList('en', spoken)}. Which one suits you?`,
        ),
    data: { branches: branches.map((b) => ({ name: b.name, address: b.address, opening_hours: hours(b) })) },
  };
}
