import { CalcomError } from './calcom.errors';
import type {
  CalcomEventTypeSummary,
  CalcomEventType,
  CalcomBooking,
  CalcomBookingStatus,
  CalcomReservation,
  SlotsByDay,
} from './calcom.types';

const STATUSES: readonly CalcomBookingStatus[] = ['accepted', 'pending', 'cancelled', 'rejected'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function contractBroken(what: string): CalcomError {
  // The request may well have succeeded; only the answer is unreadable.
  return new CalcomError('CALCOM_UNAVAILABLE', `Unexpected Cal.com answer: ${what}`, null, true);
}

function instant(value: unknown, what: string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw contractBroken(what);
  return date;
}

/** `{ status: "success", data }` → data; `{ status: "success" }` alone (a deleted reservation) → undefined. */
export function unwrap(body: unknown): unknown {
  if (!isObject(body) || body.status !== 'success') throw contractBroken('no success envelope');
  return body.data;
}

export function parseBooking(raw: unknown): CalcomBooking {
  if (!isObject(raw) || typeof raw.uid !== 'string') throw contractBroken('booking without uid');
  const status = STATUSES.find((known) => known === raw.status);
  if (!status) throw contractBroken('booking status');
  const eventType = isObject(raw.eventType) ? raw.eventType : {};
  const eventTypeId =
    typeof raw.eventTypeId === 'number' ? raw.eventTypeId : typeof eventType.id === 'number' ? eventType.id : null;
  const metadata = isObject(raw.metadata)
    ? Object.fromEntries(
        Object.entries(raw.metadata).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      )
    : {};
  return {
    uid: raw.uid,
    status,
    start: instant(raw.start, 'booking start'),
    end: instant(raw.end, 'booking end'),
    eventTypeId,
    metadata,
    rescheduledToUid: typeof raw.rescheduledToUid === 'string' ? raw.rescheduledToUid : null,
  };
}

export function parseBookings(raw: unknown): CalcomBooking[] {
  if (!Array.isArray(raw)) throw contractBroken('bookings list');
  return raw.map(parseBooking);
}

/** `{ "2026-12-01": [{ start }] }`. The OpenAPI document types items as strings; the API sends objects. Both parse. */
export function parseSlots(raw: unknown): SlotsByDay {
  if (!isObject(raw)) throw contractBroken('slots');
  const days: SlotsByDay = new Map();
  for (const [day, items] of Object.entries(raw)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !Array.isArray(items)) throw contractBroken('slots day');
    const starts = items.map((item) => instant(isObject(item) ? item.start : item, 'slot start'));
    days.set(
      day,
      starts.sort((a, b) => a.getTime() - b.getTime()),
    );
  }
  return days;
}

/**
 * GET /v2/event-types/{id} (2024-06-14). The default e-mail field is required unless the event type allows
 * phone-only bookings (`{ type: 'email', required: false }` beside a required `attendeePhoneNumber`).
 */
/**
 * `GET /v2/event-types/{id}` (2024-06-14, EventTypeOutput_2024_06_14): booking fields, and seats both as
 * `seatsPerTimeSlot` and as `seats: { seatsPerTimeSlot, … }` (or `{ disabled: true }`).
 */
export function parseEventType(raw: unknown): CalcomEventType {
  type Raw = { id?: unknown; bookingFields?: unknown; seatsPerTimeSlot?: unknown; seats?: unknown };
  const data = (typeof raw === 'object' && raw !== null ? raw : {}) as Raw;
  const fields = Array.isArray(data.bookingFields)
    ? (data.bookingFields as Array<{ type?: unknown; slug?: unknown; required?: unknown }>)
    : [];
  const email = fields.find((field) => field.type === 'email' || field.slug === 'email');
  const seats = Number(
    (data.seats as { seatsPerTimeSlot?: unknown } | null)?.seatsPerTimeSlot ?? data.seatsPerTimeSlot,
  );
  return { id: Number(data.id), emailRequired: email?.required !== false, seated: seats > 0 };
}

/** `POST /v2/slots/reservations` (ReserveSlotOutput_2024_09_04): `{ reservationUid, reservationUntil, … }`. */
export function parseReservation(raw: unknown): CalcomReservation {
  const data = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    reservationUid?: unknown;
    reservationUntil?: unknown;
  };
  const until = new Date(typeof data.reservationUntil === 'string' ? data.reservationUntil : Number.NaN);
  if (typeof data.reservationUid !== 'string' || Number.isNaN(until.getTime()))
    throw contractBroken('reservation without uid or end');
  return { uid: data.reservationUid, until };
}

/**
 * `GET /v2/event-types` (2024-06-14): an array of EventTypeOutput_2024_06_14 ({ id, title, slug, lengthInMinutes,
 * … }); older deployments wrap it as `{ eventTypeGroups: [{ eventTypes: [...] }] }`. Both are read.
 */
export function parseEventTypeList(raw: unknown): CalcomEventTypeSummary[] {
  type Item = { id?: unknown; title?: unknown; slug?: unknown; lengthInMinutes?: unknown; length?: unknown };
  const groups = (raw as { eventTypeGroups?: Array<{ eventTypes?: Item[] }> } | null)?.eventTypeGroups;
  const items: Item[] = Array.isArray(raw) ? raw : (groups ?? []).flatMap((group) => group.eventTypes ?? []);
  return items
    .filter((item) => Number.isInteger(Number(item.id)))
    .map((item) => ({
      id: Number(item.id),
      title: typeof item.title === 'string' ? item.title : '',
      slug: typeof item.slug === 'string' ? item.slug : null,
      lengthInMinutes: Number(item.lengthInMinutes ?? item.length) || null,
    }));
}
