import type { FakeEventType } from './calcom-fake.schedule';

const WEEKDAYS = {
  mon: [['09:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '20:00']],
  fri: [['09:00', '18:00']],
  sat: [['10:00', '14:00']],
} as FakeEventType['hours'];

/**
 * The event types the demo tenant's services point at: 1001 Haarschnitt takes phone-only bookings (configured so in
 * Cal.com), 1002 Färben requires an e-mail address, as Cal.com's default booking fields do; 2001 Haircut and 2002 Coloring are the English
 * barber shop's twins in New York.
 */
export const DEMO_EVENT_TYPES: FakeEventType[] = [
  {
    id: 1001,
    title: 'Haarschnitt',
    lengthMinutes: 30,
    timeZone: 'Europe/Berlin',
    hours: WEEKDAYS,
    minimumNoticeMinutes: 60,
    bookingWindowDays: 60,
    emailRequired: false,
  },
  {
    id: 1002,
    title: 'Färben',
    lengthMinutes: 90,
    timeZone: 'Europe/Berlin',
    hours: WEEKDAYS,
    slotIntervalMinutes: 30,
    minimumNoticeMinutes: 60,
    bookingWindowDays: 60,
  },
  ...[
    { id: 2001, title: 'Haircut', lengthMinutes: 30, emailRequired: false },
    { id: 2002, title: 'Coloring', lengthMinutes: 90, slotIntervalMinutes: 30 },
  ].map((type) => ({
    ...type,
    timeZone: 'America/New_York',
    hours: WEEKDAYS,
    minimumNoticeMinutes: 60,
    bookingWindowDays: 60,
  })),
];
