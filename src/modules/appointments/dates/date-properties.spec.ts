import * as fc from 'fast-check';
import { DateTime } from 'luxon';
import { DomainError } from '../../../common/domain-error';
import { asReal } from '../../../common/fakes.testing';
import type { CalcomConfig } from '../../../config/configuration';
import type { CalcomSlotsService } from '../../calcom/calcom-slots.service';
import type { HeldSlotsView } from '../holds/held-slots';
import { AvailabilityService } from '../availability.service';
import type { BookingScope } from '../appointments.types';
import { resolveWhen, When } from '../when';

const ZONES = ['Europe/Berlin', 'America/New_York'];
/** Any minute of 2026, so both DST changes of both zones are crossed. */
const nows = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) })
  .map((ms) => new Date(ms - (ms % 60_000)));

/** Phrases that name no past day: relative days, weekdays with their modifiers, dates that roll to next year. */
const relativeDays = fc.constantFrom(
  '',
  'morgen',
  'übermorgen',
  'Montag',
  'am Dienstag',
  'nächsten Mittwoch',
  'kommenden Donnerstag',
  'Freitag',
  'übernächsten Samstag',
  'in 3 Tagen',
  'in zwei Wochen',
  'tomorrow',
  'next Friday',
  'this Thursday',
  'on Sunday',
  'a week from Monday',
  'in a fortnight',
  'Friday after next',
);
/** Dates: they may name today, and a time said for today may have passed (the caller is then told). */
const dates = fc.constantFrom('am 15.', 'the 3rd', '24.12.', 'March 3rd', 'am 1.', 'the 28th');
const days = fc.oneof(
  relativeDays.map((text) => ({ text, dated: false })),
  dates.map((text) => ({ text, dated: true })),
);
const times = fc.constantFrom(
  '',
  'um 3',
  'um 9',
  'halb vier',
  'viertel nach zehn',
  '15 Uhr',
  'um 7 Uhr abends',
  'at 3',
  'at 9 am',
  '11:45',
  'quarter to noon',
  'half past 2',
  'noon',
  'nachmittags',
  'in the morning',
  'abends um 8',
  'at 6:30 pm',
);

const instantOf = (when: When, zone: string): Date | null => {
  if (when.kind === 'instant') return when.instant;
  if (when.kind === 'day') return DateTime.fromISO(when.day, { zone }).endOf('day').toJSDate();
  return null;
};

const scope = (zone: string) => ({ company: { timezone: zone } }) as unknown as BookingScope;
const sut = new AvailabilityService(
  asReal<CalcomSlotsService>({}),
  asReal<HeldSlotsView>({}),
  asReal<CalcomConfig>({ bookingWindowDays: 14 }),
);

describe('spoken dates, for any moment of 2026', () => {
  it('never answer with a past moment unless the caller named it', () => {
    fc.assert(
      fc.property(nows, fc.constantFrom(...ZONES), days, times, (now, zone, day, time) => {
        const when = resolveWhen(
          { date: `${day.text} ${time}`.trim() },
          zone,
          zone.startsWith('Europe') ? 'de' : 'en',
          now,
        );
        const at = instantOf(when, zone);
        const today =
          when.kind !== 'invalid' && 'day' in when && when.day === DateTime.fromJSDate(now, { zone }).toISODate();
        return at === null || at > now || (day.dated && today);
      }),
      { numRuns: 3000 },
    );
  });

  it('leave a past moment, or one beyond the booking window, to be said as such', () => {
    const explicit = fc.tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 23 }),
    );
    fc.assert(
      fc.property(nows, fc.constantFrom(...ZONES), explicit, (now, zone, [day, month, hour]) => {
        const when = resolveWhen({ date: `${day}.${month}.2026 ${hour}:00` }, zone, 'de', now);
        const at = instantOf(when, zone);
        if (!at) return true;
        const last = DateTime.fromJSDate(now, { zone }).plus({ days: 14 }).endOf('day').toJSDate();
        return (at <= now || at > last) === refused(() => sut.assertBookable(scope(zone), at, now));
      }),
      { numRuns: 2000 },
    );
  });
});

function refused(check: () => void): boolean {
  try {
    check();
    return false;
  } catch (error) {
    return error instanceof DomainError && ['IN_THE_PAST', 'OUT_OF_WINDOW'].includes(error.code);
  }
}
