import { DateTime } from 'luxon';
import type { OpeningHours } from '../../tenants/branch.entity';
import { resolveWhen, When } from '../when';

/**
 * Booking phrases as callers say them, each with the answer a receptionist would give. Expected values are wall
 * clock times in the company's zone ("2026-12-01 15:30"), days ("2026-12-04"), days with a part of the day
 * ("2026-12-02 afternoon"), or an abstention: "?" (read nothing: ask again), "clarify" (ask which), "none" (no date:
 * the gateway offers the next free times).
 */
type Case = [phrase: string, expected: string];

export interface Family {
  name: string;
  locale: 'de' | 'en';
  zone: string;
  now: string;
  hours?: OpeningHours;
  cases: Case[];
}

export const BERLIN = 'Europe/Berlin';
export const NEW_YORK = 'America/New_York';
/** Tuesday 1 December 2026, 10:00. */
export const TUE = '2026-12-01 10:00';
export const ABSTAINED = ['?', 'clarify', 'none'];

const PERIOD_NAMES: Record<string, [number, number]> = {
  morning: [8, 12],
  lunch: [11, 14],
  afterLunch: [13, 17],
  afternoon: [12, 18],
  evening: [17, 21],
  night: [20, 24],
};

function summary(when: When, zone: string): string {
  if (when.kind === 'instant') return DateTime.fromJSDate(when.instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
  if (when.kind === 'day') return [when.day, when.period ? periodName(when.period) : ''].join(' ').trim();
  return when.kind === 'invalid' ? '?' : when.kind;
}

const periodName = ({ from, to }: { from: number; to: number }) =>
  Object.entries(PERIOD_NAMES).find(([, [a, b]]) => a === from && b === to)?.[0] ?? `${from}-${to}`;

export const nowOf = (family: Pick<Family, 'now' | 'zone'>) =>
  DateTime.fromFormat(family.now, 'yyyy-MM-dd HH:mm', { zone: family.zone }).toJSDate();

/** A case's words: the date field, and after " || " the time field (as the agent passes them apart). */
const fieldsOf = (phrase: string) => {
  const [date, time] = phrase.split(' || ');
  return time === undefined ? { date } : { date, time };
};

/** One test per phrase, grouped by family; the expected answer is compared as the caller would hear it. */
export function describeFamilies(families: Family[]): void {
  describe.each(families.map((family) => [family.name, family] as const))('%s', (_, family) => {
    it.each(family.cases)('%s → %s', (phrase, expected) => {
      const when = resolveWhen(fieldsOf(phrase), family.zone, family.locale, nowOf(family), {
        openingHours: family.hours ?? null,
      });
      expect(summary(when, family.zone)).toBe(expected);
    });
  });
}
