import { randomUUID } from 'node:crypto';
import type { FakeBooking, FakeBusy, FakeEventType } from './calcom-fake.schedule';
import { bad, FakeHttpError, notFound } from './calcom-fake.texts';

/** A reserved slot (Cal.com's `SelectedSlots` row). */
export interface FakeHold {
  uid: string;
  eventTypeId: number;
  start: Date;
  end: Date;
  releaseAt: Date;
  reservationDuration: number;
  /** Creation order: the earliest hold of a slot wins when two name it. */
  seq: number;
}

/** apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts: DEFAULT_RESERVATION_DURATION. */
const DEFAULT_MINUTES = 5;
const unprocessable = (message: string) => new FakeHttpError(422, 'UnprocessableEntityException', message);

/**
 * Slot reservations as Cal.com API v2 keeps them, read in its source:
 * - `POST/GET/PATCH/DELETE /v2/slots/reservations[/{uid}]`: apps/api/v2/src/modules/slots/slots-2024-09-04/
 *   (controllers/slots.controller.ts, services/slots.service.ts `reserveSlot`, `updateReservedSlot`,
 *   services/slots-output.service.ts `getReservationSlotCreated`);
 * - `GET /v2/slots` hides an unexpired hold from every caller (API v2 passes no booker uid):
 *   packages/trpc/server/routers/viewer/slots/util.ts `_getReservedSlotsAndCleanupExpired`;
 * - a booking naming `reservedSlotUid` is refused (409) when another hold of the same slot came first, and removes
 *   its own hold; a booking naming none is not checked: packages/features/bookings/lib/handleNewBooking
 *   (`ensureReservedSlotIsEarliest`, `createBookingWithReservedSlot`) and
 *   apps/api/v2/src/ee/bookings/2024-08-13/controllers/e2e/reserved-slot-bookings.e2e-spec.ts.
 */
export class FakeHolds {
  readonly holds = new Map<string, FakeHold>();
  private seq = 0;

  constructor(
    private readonly eventType: (id: unknown) => FakeEventType,
    private readonly active: () => FakeBooking[],
    private readonly now: () => Date,
  ) {}

  route(method: string, uid: string | undefined, body: Record<string, unknown>): [number, unknown] {
    if (method === 'POST') return [201, this.output(this.reserve(body))];
    if (method === 'DELETE') return [200, void this.holds.delete(uid!)];
    const hold = this.holds.get(uid!);
    if (method === 'GET') return [200, hold ? this.output(hold, false) : null];
    if (!hold) throw notFound(`Slot with uid=${uid} not found`);
    return [200, this.output(this.reserve(body, hold))];
  }

  /** Unexpired holds as busy time; seated event types count holds as seats, not as busy time. */
  busy(): FakeBusy[] {
    const now = this.now();
    return [...this.holds.values()]
      .filter((hold) => hold.releaseAt > now && !this.eventType(hold.eventTypeId).seats)
      .map(({ eventTypeId, start, end }) => ({ eventTypeId, start, end }));
  }

  /** Before a booking or reschedule that names a hold. Team and seated event types skip the check. */
  admit(type: FakeEventType, start: Date, reservedSlotUid: unknown): void {
    if (typeof reservedSlotUid !== 'string' || type.seats || (type.hosts ?? 1) > 1) return;
    const end = start.getTime() + type.lengthMinutes * 60_000;
    const now = this.now();
    const [earliest] = [...this.holds.values()]
      .filter((h) => h.eventTypeId === type.id && h.start.getTime() === start.getTime() && h.end.getTime() === end)
      .filter((h) => h.releaseAt > now)
      .sort((a, b) => a.releaseAt.getTime() - b.releaseAt.getTime() || a.seq - b.seq);
    if (earliest && earliest.uid !== reservedSlotUid) {
      const seconds = Math.floor((earliest.releaseAt.getTime() - now.getTime()) / 1000);
      throw new FakeHttpError(
        409,
        'ConflictException',
        `Someone else reserved this booking time slot before you. This time slot will be freed up in ${seconds} seconds.`,
      );
    }
  }

  /** The booking was made: the hold it named is gone. */
  consume(reservedSlotUid: unknown): void {
    if (typeof reservedSlotUid === 'string') this.holds.delete(reservedSlotUid);
  }

  private reserve(body: Record<string, unknown>, existing?: FakeHold): FakeHold {
    const type = this.eventType(body.eventTypeId);
    const start = new Date(typeof body.slotStart === 'string' ? body.slotStart : Number.NaN);
    if (Number.isNaN(start.getTime())) throw bad('Invalid start date');
    if (body.slotDuration !== undefined)
      throw bad("You passed 'slotDuration' but this event type is not a variable length event type.");
    const minutes = body.reservationDuration ?? DEFAULT_MINUTES;
    if (typeof minutes !== 'number' || !Number.isInteger(minutes))
      throw bad('reservationDuration must be an integer number');
    const end = new Date(start.getTime() + type.lengthMinutes * 60_000);
    const overlaps = (from: Date, to: Date) => from < end && to > start;
    const booked = this.active().filter((b) => b.eventTypeId === type.id && overlaps(b.start, b.end));
    if (type.seats && booked.length >= type.seats)
      throw unprocessable(`Booking with id=${type.id} at ${String(body.slotStart)} has no more seats left.`);
    if (!type.seats && booked.length > 0) throw unprocessable(`Can't reserve a slot if the event is already booked.`);
    // As in Cal.com, a hold being moved meets itself here too when the new time overlaps the old.
    const now = this.now();
    const held = [...this.holds.values()].some(
      (h) => h.eventTypeId === type.id && h.releaseAt > now && overlaps(h.start, h.end),
    );
    if (held)
      throw unprocessable('This time slot is already reserved by another user. Please choose a different time.');
    const releaseAt = new Date(now.getTime() + minutes * 60_000);
    const hold = { uid: existing?.uid ?? randomUUID(), eventTypeId: type.id, start, end, releaseAt };
    const stored = { ...hold, reservationDuration: minutes, seq: existing?.seq ?? ++this.seq };
    this.holds.set(stored.uid, stored);
    return stored;
  }

  private output(hold: FakeHold, created = true) {
    return {
      eventTypeId: hold.eventTypeId,
      slotStart: hold.start.toISOString(),
      slotEnd: hold.end.toISOString(),
      slotDuration: (hold.end.getTime() - hold.start.getTime()) / 60_000,
      reservationUid: hold.uid,
      ...(created ? { reservationDuration: hold.reservationDuration } : {}),
      reservationUntil: hold.releaseAt.toISOString(),
    };
  }
}
