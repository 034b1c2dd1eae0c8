import type { FakeBooking, FakeEventType } from './calcom-fake.schedule';

export type FakeTrigger =
  | 'BOOKING_CREATED'
  | 'BOOKING_REQUESTED'
  | 'BOOKING_RESCHEDULED'
  | 'BOOKING_CANCELLED'
  | 'BOOKING_REJECTED'
  | 'BOOKING_NO_SHOW_UPDATED';

const HOST = { id: 1, name: 'Host', email: 'host@example.com', username: 'host', timeFormat: 24 };

/**
 * A booking delivery as Cal.com sends it (webhook version 2021-10-20): the CalendarEvent spread into `payload` with
 * the booking's id, status in upper case and the trigger's extra fields. Read in calcom/cal.com
 * packages/features/webhooks/lib/factory/versioned/v2021-10-20/BookingPayloadBuilder.ts (buildBookingPayload) and
 * packages/types/Calendar.d.ts (CalendarEvent, Person); the envelope in packages/features/webhooks/lib/sendPayload.ts.
 */
export function bookingPayload(b: FakeBooking, type: FakeEventType, extra: Record<string, unknown> = {}) {
  return {
    type: `event-${type.id}`,
    title: `${type.title} between Host and ${b.attendee.name}`,
    description: '',
    additionalNotes: '',
    customInputs: {},
    startTime: b.start.toISOString().replace('.000Z', 'Z'),
    endTime: b.end.toISOString().replace('.000Z', 'Z'),
    organizer: { ...HOST, timeZone: type.timeZone, language: { locale: 'de' }, utcOffset: 60 },
    attendees: [attendeeOf(b)],
    responses: responsesOf(b),
    ...eventTypeFields(type),
    uid: b.uid,
    bookingId: b.id,
    metadata: b.metadata,
    status: b.status.toUpperCase(),
    iCalUID: `${b.uid}@Cal.com`,
    ...extra,
  };
}

/** An attendee as a Person of CalendarEvent, with the legacy name parts and the UTC offset the builder adds. */
function attendeeOf(b: FakeBooking) {
  const [firstName, ...rest] = b.attendee.name.split(' ');
  return {
    email: b.attendee.email,
    name: b.attendee.name,
    firstName,
    lastName: rest.join(' '),
    timeZone: b.attendee.timeZone,
    ...(b.attendee.phoneNumber ? { phoneNumber: b.attendee.phoneNumber } : {}),
    language: { locale: b.attendee.language ?? 'en' },
    utcOffset: 60,
  };
}

/** The booking form's answers, system fields under their default labels (normalizeResponses). */
function responsesOf(b: FakeBooking) {
  return {
    name: { label: 'your_name', value: b.attendee.name, isHidden: false },
    email: { label: 'email_address', value: b.attendee.email, isHidden: false },
    ...(b.attendee.phoneNumber
      ? { attendeePhoneNumber: { label: 'phone_number', value: b.attendee.phoneNumber, isHidden: false } }
      : {}),
  };
}

function eventTypeFields(type: FakeEventType) {
  return {
    userFieldsResponses: {},
    location: 'integrations:daily',
    destinationCalendar: null,
    hideCalendarNotes: false,
    requiresConfirmation: type.requiresConfirmation ?? null,
    eventTypeId: type.id,
    seatsShowAttendees: true,
    seatsPerTimeSlot: type.seats ?? null,
    hashedLink: null,
    eventTitle: type.title,
    eventDescription: null,
    price: 0,
    currency: 'usd',
    length: type.lengthMinutes,
    iCalSequence: 0,
    assignmentReason: null,
  };
}

/** BOOKING_NO_SHOW_UPDATED: `{ bookingUid, bookingId, attendees: [{ email, noShow }], message }`, no booking body. */
export function noShowPayload(b: FakeBooking, noShow: boolean) {
  return {
    bookingUid: b.uid,
    bookingId: b.id,
    attendees: [{ email: b.attendee.email, noShow }],
    message: noShow ? 'x_marked_as_no_show' : 'x_unmarked_as_no_show',
  };
}
