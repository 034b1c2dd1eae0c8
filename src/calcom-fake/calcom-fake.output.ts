import type { FakeBooking, FakeEventType } from './calcom-fake.schedule';

/** What Cal.com's API v2 answers, shaped from the fake's own records. */
export function eventTypeOutput(type: FakeEventType) {
  const emailRequired = type.emailRequired !== false;
  return {
    id: type.id,
    title: type.title,
    slug: `event-${type.id}`,
    lengthInMinutes: type.lengthMinutes,
    seatsPerTimeSlot: type.seats ?? null,
    seats: type.seats
      ? { seatsPerTimeSlot: type.seats, showAttendeeInfo: false, showAvailabilityCount: true }
      : { disabled: true },
    bookingFields: [
      { type: 'name', slug: 'name', isDefault: true, required: true },
      { type: 'email', slug: 'email', isDefault: true, required: emailRequired, hidden: !emailRequired },
      {
        type: 'phone',
        slug: 'attendeePhoneNumber',
        isDefault: true,
        required: !emailRequired,
        hidden: emailRequired,
      },
    ],
  };
}

export function bookingOutput(b: FakeBooking, type: FakeEventType) {
  return {
    id: b.id,
    uid: b.uid,
    title: `${type.title} between Host and ${b.attendee.name}`,
    description: '',
    hosts: [{ id: 1, name: 'Host', email: 'host@example.com', username: 'host', timeZone: type.timeZone }],
    status: b.status,
    ...(b.cancellationReason ? { cancellationReason: b.cancellationReason } : {}),
    ...(b.rescheduledFromUid ? { rescheduledFromUid: b.rescheduledFromUid } : {}),
    ...(b.rescheduledToUid ? { rescheduledToUid: b.rescheduledToUid } : {}),
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    duration: type.lengthMinutes,
    eventTypeId: b.eventTypeId,
    eventType: { id: b.eventTypeId, slug: `event-${b.eventTypeId}` },
    location: '',
    absentHost: false,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.createdAt.toISOString(),
    metadata: b.metadata,
    attendees: [{ ...b.attendee, displayEmail: b.attendee.email, absent: false }],
    bookingFieldsResponses: { name: b.attendee.name, email: b.attendee.email },
  };
}
