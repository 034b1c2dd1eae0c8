import { DateTime } from 'luxon';
import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import type { FakeEventType } from '../../src/calcom-fake/calcom-fake.schedule';
import { callObject, signedPost } from './retell';
import type { TestApp } from './test-app';

export const ZONE = 'Europe/Berlin';
const EVERY_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['08:00', '20:00']]]),
) as FakeEventType['hours'];

/** Event types the booking tenant's services point at: open every day, so tests do not depend on the weekday. */
export const TEST_EVENT_TYPES: FakeEventType[] = [
  // Phone-only bookings allowed (the e-mail field not required), as a voice business configures Cal.com.
  {
    id: 1001,
    title: 'Haarschnitt',
    lengthMinutes: 30,
    timeZone: ZONE,
    hours: EVERY_DAY,
    bookingWindowDays: 60,
    emailRequired: false,
  },
  {
    id: 1002,
    title: 'Färben',
    lengthMinutes: 90,
    timeZone: ZONE,
    hours: EVERY_DAY,
    slotIntervalMinutes: 30,
    bookingWindowDays: 60,
    emailRequired: false,
  },
  {
    id: 2001,
    title: 'Team-Beratung',
    lengthMinutes: 60,
    timeZone: ZONE,
    hours: EVERY_DAY,
    hosts: 2,
    bookingWindowDays: 60,
    emailRequired: false,
  },
  {
    id: 3001,
    title: 'Erstgespräch',
    lengthMinutes: 30,
    timeZone: ZONE,
    hours: EVERY_DAY,
    requiresConfirmation: true,
    bookingWindowDays: 60,
    emailRequired: false,
  },
  // Cal.com's defaults: the e-mail field required; cancelling allowed.
  { id: 4001, title: 'Beratung', lengthMinutes: 30, timeZone: ZONE, hours: EVERY_DAY, bookingWindowDays: 60 },
  {
    id: 4002,
    title: 'Workshop',
    lengthMinutes: 60,
    timeZone: ZONE,
    hours: EVERY_DAY,
    bookingWindowDays: 60,
    seats: 2,
    emailRequired: false,
  },
  {
    id: 4003,
    title: 'Express',
    lengthMinutes: 30,
    timeZone: ZONE,
    hours: EVERY_DAY,
    bookingWindowDays: 60,
    maxBookingsPerDay: 1,
    emailRequired: false,
  },
  {
    id: 4004,
    title: 'Festtermin',
    lengthMinutes: 30,
    timeZone: ZONE,
    hours: EVERY_DAY,
    bookingWindowDays: 60,
    disableCancelling: true,
    emailRequired: false,
  },
];

export const CALCOM_KEY = 'cal_fixture_booking';

export async function startCalcomFake(): Promise<CalcomFake> {
  const fake = new CalcomFake({ eventTypes: TEST_EVENT_TYPES, apiKeys: [CALCOM_KEY] });
  await fake.start();
  return fake;
}

/** Short timeouts and a quick breaker, so failure tests run in well under a second each. */
export const calcomEnv = (fake: CalcomFake) => ({
  CALCOM_BASE_URL: fake.url,
  CALCOM_TIMEOUT_MS: '700',
  CALCOM_BREAKER_VOLUME: '4',
  CALCOM_BREAKER_RESET_MS: '500',
});

/** For suites that book far more than a real caller would in a minute; the rate-limit suite runs with the defaults. */
export const generousLimits = {
  RATE_LIMIT_RETELL: '100000',
  RATE_LIMIT_BOOKING: '100000',
  RATE_LIMIT_MCP: '100000',
  RATE_LIMIT_WEBHOOKS: '100000',
  RATE_LIMIT_ADMIN: '100000',
};

export const BOOKING_NUMBER = '+493055555555';

/** A company whose branch opens every day 08:00–20:00, with one service per kind of event type. */
export function bookingTenant(slug = 'salon', number = BOOKING_NUMBER, locale: 'de' | 'en' = 'de') {
  return {
    slug,
    name: `Salon ${slug}`,
    timezone: ZONE,
    locale,
    calcomApiKey: CALCOM_KEY,
    branches: [{ name: 'Mitte', address: 'Torstraße 1, Berlin', openingHours: EVERY_DAY }],
    phoneNumbers: [{ e164: number, branch: 'Mitte' }],
    services: [
      { name: 'Haarschnitt', synonyms: ['haircut'], calcomEventTypeId: 1001, durationMinutes: 30, branch: 'Mitte' },
      { name: 'Färben', calcomEventTypeId: 1002, durationMinutes: 90, branch: 'Mitte' },
      { name: 'Team-Beratung', calcomEventTypeId: 2001, durationMinutes: 60, multiHost: true },
      { name: 'Erstgespräch', calcomEventTypeId: 3001, durationMinutes: 30 },
      { name: 'Beratung', calcomEventTypeId: 4001, durationMinutes: 30 },
      { name: 'Workshop', calcomEventTypeId: 4002, durationMinutes: 60, multiHost: true },
      { name: 'Express', calcomEventTypeId: 4003, durationMinutes: 30 },
      { name: 'Festtermin', calcomEventTypeId: 4004, durationMinutes: 30 },
    ],
  };
}

/** `yyyy-MM-dd` a number of days from today, in Berlin. */
export const dayFromNow = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;

/** The UTC instant of a Berlin wall-clock time on that day. */
export const berlin = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toJSDate();

/** Calls a Retell function the way Retell does, signed, on the booking tenant's number. */
export function callFunction(t: TestApp, name: string, args: object, call: Record<string, unknown> = {}) {
  return signedPost(t, `/api/retell/${name}`, { name, call: callObject({ to_number: BOOKING_NUMBER, ...call }), args });
}
