import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { bookable, FakeBooking, FakeEventType, freeSlots, listBookings, overlapping } from './calcom-fake.schedule';
import * as texts from './calcom-fake.texts';
import { bad, core, notFound } from './calcom-fake.texts';
import { bookingOutput } from './calcom-fake.output';
import { FakeHolds } from './calcom-fake.holds';

/** The fake's calendar: event types, bookings in memory, and Cal.com's rules for slots, bookings and their changes. */
export class FakeCalendar {
  readonly bookings = new Map<string, FakeBooking>();
  readonly holds: FakeHolds;
  private nextId = 1;
  private readonly eventTypes: Map<number, FakeEventType>;

  constructor(
    eventTypes: FakeEventType[],
    private readonly now: () => Date,
  ) {
    this.eventTypes = new Map(eventTypes.map((type) => [type.id, type]));
    this.holds = new FakeHolds(
      (id) => this.eventType(id),
      () => this.active(),
      now,
    );
  }

  eventTypeList() {
    return [...this.eventTypes.values()].map((t) => ({
      id: t.id,
      title: t.title,
      lengthInMinutes: t.lengthMinutes,
      slug: `event-${t.id}`,
    }));
  }

  eventType(id: unknown): FakeEventType {
    const type = this.eventTypes.get(Number(id));
    if (!type) throw notFound(`Event type with id ${String(id)} not found.`);
    return type;
  }

  slots(query: Record<string, string>): Record<string, Array<{ start: string }>> {
    const type = this.eventType(query.eventTypeId);
    const zone = query.timeZone ?? 'UTC';
    const bound = (value: string | undefined, edge: 'start' | 'end') => {
      if (!value) throw bad(`${edge} is required`);
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? DateTime.fromISO(value, { zone })[edge === 'start' ? 'startOf' : 'endOf']('day')
        : DateTime.fromISO(value);
      if (!parsed.isValid) throw bad(`${edge} must be an ISO 8601 date`);
      return parsed.toJSDate();
    };
    const busy = [...this.active().filter((b) => b.uid !== query.bookingUidToReschedule), ...this.holds.busy()];
    const days: Record<string, Array<{ start: string }>> = {};
    for (const slot of freeSlots(type, bound(query.start, 'start'), bound(query.end, 'end'), this.now(), busy)) {
      const local = DateTime.fromJSDate(slot, { zone });
      (days[local.toISODate()!] ??= []).push({ start: local.toISO()! });
    }
    return days;
  }

  private active(): FakeBooking[] {
    return [...this.bookings.values()].filter((b) => b.status === 'accepted' || b.status === 'pending');
  }

  private checkStart(type: FakeEventType, start: Date, ignoreUid?: string): void {
    const verdict = bookable(type, start, this.now());
    if (verdict === 'past') throw bad(texts.IN_THE_PAST);
    if (verdict === 'window') throw bad(texts.OUT_OF_WINDOW);
    const busy = this.active().filter((b) => b.uid !== ignoreUid);
    if (type.seats && verdict !== 'unscheduled') {
      if (overlapping(type, start, busy) >= type.seats) throw core(409, texts.SEATS_FULL);
      return;
    }
    if (verdict === 'unscheduled' || overlapping(type, start, busy) >= (type.hosts ?? 1))
      throw bad((type.hosts ?? 1) > 1 ? texts.TEAM_SLOT_TAKEN : texts.SLOT_TAKEN);
    const day = DateTime.fromJSDate(start, { zone: type.timeZone }).toISODate();
    const sameDay = busy.filter(
      (b) => b.eventTypeId === type.id && DateTime.fromJSDate(b.start, { zone: type.timeZone }).toISODate() === day,
    );
    if (type.maxBookingsPerDay !== undefined && sameDay.length >= type.maxBookingsPerDay)
      throw core(403, texts.BOOKING_LIMIT);
  }

  create(body: Record<string, unknown>): FakeBooking {
    const type = this.eventType(body.eventTypeId);
    const start = parseStart(body.start);
    const attendee = (body.attendee ?? {}) as FakeBooking['attendee'];
    if (typeof attendee.name !== 'string' || typeof attendee.timeZone !== 'string')
      throw bad('attendee.name and attendee.timeZone are required');
    if (!attendee.email && !attendee.phoneNumber) throw bad(texts.CONTACT_REQUIRED);
    if (!attendee.email && type.emailRequired !== false) throw core(400, texts.EMAIL_REQUIRED);
    this.holds.admit(type, start, body.reservedSlotUid);
    this.checkStart(type, start);
    // Like Cal.com, a phone-only attendee gets a placeholder address.
    const email = attendee.email ?? `${attendee.phoneNumber!.replace(/\D/g, '')}@sms.cal.com`;
    this.holds.consume(body.reservedSlotUid);
    return this.store({
      eventTypeId: type.id,
      start,
      type,
      attendee: { ...attendee, email },
      metadata: (body.metadata ?? {}) as Record<string, unknown>,
    });
  }

  private store(input: {
    eventTypeId: number;
    start: Date;
    type: FakeEventType;
    attendee: FakeBooking['attendee'];
    metadata: Record<string, unknown>;
    rescheduledFromUid?: string;
  }): FakeBooking {
    const booking: FakeBooking = {
      id: this.nextId++,
      uid: randomBytes(11).toString('base64url'),
      eventTypeId: input.eventTypeId,
      status: input.type.requiresConfirmation ? 'pending' : 'accepted',
      start: input.start,
      end: new Date(input.start.getTime() + input.type.lengthMinutes * 60_000),
      attendee: input.attendee,
      metadata: input.metadata,
      rescheduledFromUid: input.rescheduledFromUid,
      createdAt: this.now(),
    };
    this.bookings.set(booking.uid, booking);
    return booking;
  }

  find(uid: string): FakeBooking {
    const booking = this.bookings.get(uid);
    if (!booking) throw notFound(texts.bookingNotInDatabase(uid));
    return booking;
  }

  list(query: Record<string, string>): FakeBooking[] {
    return listBookings([...this.bookings.values()], query, this.now());
  }

  /** In Cal.com's order: the v2 input checks, then core handleCancelBooking (raw bodies). Our key is the host's. */
  cancel(uid: string, body: Record<string, unknown>): FakeBooking {
    const booking = this.bookings.get(uid);
    if (!booking) throw notFound(texts.bookingNotFound(uid));
    if (booking.status === 'cancelled') throw bad(texts.cancelledAlready(uid));
    if (this.eventTypes.get(booking.eventTypeId)?.disableCancelling) throw core(400, texts.NO_CANCELLING);
    const reason = typeof body.cancellationReason === 'string' ? body.cancellationReason.trim() : '';
    if (!reason) throw core(400, texts.REASON_REQUIRED);
    if (booking.end <= this.now()) throw core(400, texts.ENDED);
    booking.status = 'cancelled';
    booking.cancellationReason = reason;
    return booking;
  }

  reschedule(uid: string, body: Record<string, unknown>): FakeBooking {
    const old = this.find(uid);
    if (old.status === 'cancelled' && old.rescheduledToUid) throw bad(texts.rescheduleMoved(uid, old.rescheduledToUid));
    if (old.status === 'cancelled' || old.status === 'rejected') throw bad(texts.rescheduleCancelled(uid));
    const type = this.eventType(old.eventTypeId);
    const start = parseStart(body.start);
    this.holds.admit(type, start, body.reservedSlotUid);
    this.checkStart(type, start, uid);
    this.holds.consume(body.reservedSlotUid);
    const moved = this.store({
      eventTypeId: type.id,
      start,
      type,
      attendee: old.attendee,
      metadata: old.metadata,
      rescheduledFromUid: uid,
    });
    old.status = 'cancelled';
    old.rescheduledToUid = moved.uid;
    return moved;
  }

  /** A booking as Cal.com's API v2 answers it (BookingOutput_2024_08_13). */
  output(booking: FakeBooking) {
    return bookingOutput(booking, this.eventTypes.get(booking.eventTypeId)!);
  }
}

function parseStart(value: unknown): Date {
  const start = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(start.getTime())) throw bad('start must be a valid ISO 8601 date');
  return start;
}

export type { FakeBooking };
