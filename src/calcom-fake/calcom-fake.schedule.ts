import { DateTime } from 'luxon';

type FakeWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: FakeWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** An event type of the fake: when its host works, in which timezone, and how Cal.com would limit bookings. */
export interface FakeEventType {
  id: number;
  title: string;
  lengthMinutes: number;
  timeZone: string;
  hours: Partial<Record<FakeWeekday, Array<[string, string]>>>;
  slotIntervalMinutes?: number;
  minimumNoticeMinutes?: number;
  bookingWindowDays?: number;
  /** Bookings one slot takes (a team event type with several hosts). */
  hosts?: number;
  requiresConfirmation?: boolean;
  /** Attendees one slot takes (a seated event type); past it Cal.com answers 409. */
  seats?: number;
  /** Bookings a day before Cal.com answers 403 booking_limit_reached. */
  maxBookingsPerDay?: number;
  /** "Disable cancelling" in the event type's advanced settings. */
  disableCancelling?: boolean;
  /** The default e-mail booking field, required: phone-only attendees are refused. False: phone-only allowed. */
  emailRequired?: boolean;
}

export interface FakeBusy {
  eventTypeId: number;
  start: Date;
  end: Date;
}

/** Every slot start the schedule offers between two instants, before bookings and notice are applied. */
function scheduledStarts(type: FakeEventType, from: Date, to: Date): Date[] {
  const step = type.slotIntervalMinutes ?? type.lengthMinutes;
  const starts: Date[] = [];
  let day = DateTime.fromJSDate(from, { zone: type.timeZone }).startOf('day');
  const last = DateTime.fromJSDate(to, { zone: type.timeZone });
  for (; day <= last; day = day.plus({ days: 1 })) {
    for (const [open, close] of type.hours[WEEKDAYS[day.weekday - 1]] ?? []) {
      const closing = at(day, close);
      for (
        let slot = at(day, open);
        slot.plus({ minutes: type.lengthMinutes }) <= closing;
        slot = slot.plus({ minutes: step })
      ) {
        const instant = slot.toJSDate();
        if (instant >= from && instant <= to) starts.push(instant);
      }
    }
  }
  return starts;
}

/** Whether a start is offered at all: on the schedule, after the notice and inside the booking window. */
export function bookable(type: FakeEventType, start: Date, now: Date): 'ok' | 'past' | 'window' | 'unscheduled' {
  const timing = inTime(type, start, now);
  if (timing !== 'ok') return timing;
  const onSchedule = scheduledStarts(type, start, start).some((slot) => slot.getTime() === start.getTime());
  return onSchedule ? 'ok' : 'unscheduled';
}

function inTime(type: FakeEventType, start: Date, now: Date): 'ok' | 'past' | 'window' {
  if (start < now) return 'past';
  const earliest = now.getTime() + (type.minimumNoticeMinutes ?? 0) * 60_000;
  const latest = now.getTime() + (type.bookingWindowDays ?? 60) * 86_400_000;
  return start.getTime() < earliest || start.getTime() > latest ? 'window' : 'ok';
}

/** How many of the busy intervals overlap a slot of this type starting at `start`. */
export function overlapping(type: FakeEventType, start: Date, busy: FakeBusy[]): number {
  const end = start.getTime() + type.lengthMinutes * 60_000;
  return busy.filter((b) => b.eventTypeId === type.id && b.start.getTime() < end && b.end.getTime() > start.getTime())
    .length;
}

export function freeSlots(type: FakeEventType, from: Date, to: Date, now: Date, busy: FakeBusy[]): Date[] {
  return scheduledStarts(type, from, to).filter(
    (start) => inTime(type, start, now) === 'ok' && overlapping(type, start, busy) < (type.hosts ?? 1),
  );
}

function at(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** A booking as the fake keeps it. */
export interface FakeBooking {
  id: number;
  uid: string;
  eventTypeId: number;
  status: 'accepted' | 'pending' | 'cancelled' | 'rejected';
  start: Date;
  end: Date;
  attendee: { name: string; email: string; timeZone: string; phoneNumber?: string; language?: string };
  metadata: Record<string, unknown>;
  cancellationReason?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  createdAt: Date;
}

/** `GET /v2/bookings` with the filters the gateway sends: event type(s), attendee, times, upcoming; sorted, capped. */
export function listBookings(bookings: FakeBooking[], query: Record<string, string>, now: Date): FakeBooking[] {
  const after = query.afterStart ? new Date(query.afterStart) : undefined;
  const before = query.beforeEnd ? new Date(query.beforeEnd) : undefined;
  const statuses = query.status?.split(',');
  const matches = bookings.filter(
    (b) =>
      (!query.eventTypeId || b.eventTypeId === Number(query.eventTypeId)) &&
      (!query.eventTypeIds || query.eventTypeIds.split(',').map(Number).includes(b.eventTypeId)) &&
      (!query.attendeeEmail || b.attendee.email === query.attendeeEmail) &&
      (!after || b.start >= after) &&
      (!before || b.end <= before) &&
      (!statuses?.includes('upcoming') || (b.end > now && (b.status === 'accepted' || b.status === 'pending'))),
  );
  matches.sort((a, b) => (query.sortStart === 'desc' ? -1 : 1) * (a.start.getTime() - b.start.getTime()));
  return matches.slice(0, Number(query.take ?? 100));
}
