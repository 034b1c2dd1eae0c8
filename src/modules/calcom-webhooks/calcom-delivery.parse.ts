import type { Attendee, BookingState, NoShowNews } from '../appointments/calcom-news';
import { PG_INTEGER_MAX } from '../../common/validation';
import type { CalcomBookingStatus } from '../calcom/calcom.types';

type Json = Record<string, unknown>;

/**
 * The triggers whose news the gateway applies, and the state each says the booking is in. Shapes read in Cal.com's
 * source: packages/features/webhooks/lib/factory/versioned/v2021-10-20/BookingPayloadBuilder.ts (the payload is the
 * booking's CalendarEvent, packages/types/Calendar.d.ts, with `bookingId`, `status` in upper case and per trigger
 * `rescheduleUid` / `rescheduleStartTime` … or `cancellationReason`; BOOKING_NO_SHOW_UPDATED is `{ bookingUid,
 * bookingId, attendees: [{ email, noShow }], message }`); the envelope `{ triggerEvent, createdAt, payload }` and the
 * signature in packages/features/webhooks/lib/sendPayload.ts.
 */
const STATE_OF: Record<string, CalcomBookingStatus | undefined> = {
  BOOKING_CREATED: 'accepted',
  BOOKING_REQUESTED: 'pending',
  BOOKING_RESCHEDULED: 'accepted',
  BOOKING_CANCELLED: 'cancelled',
  BOOKING_REJECTED: 'rejected',
};
const NO_SHOW = 'BOOKING_NO_SHOW_UPDATED';
/** Cal.com's BookingStatus enum, in upper case in the payload. */
const STATUS: Record<string, CalcomBookingStatus> = {
  ACCEPTED: 'accepted',
  PENDING: 'pending',
  AWAITING_HOST: 'pending',
  CANCELLED: 'cancelled',
  REJECTED: 'rejected',
};
const LABELS = new Set([...Object.keys(STATE_OF), NO_SHOW, 'PING']);

export type Parsed =
  | { kind: 'ignored'; trigger: string }
  | { kind: 'invalid'; trigger: string; reason: string }
  | { kind: 'booking'; trigger: string; state: BookingState }
  | { kind: 'noShow'; trigger: string; news: NoShowNews };

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max = 320) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;

/** A trigger as a metric label: the ones the gateway knows, else `other` (labels stay few). */
export function triggerLabel(body: unknown): string {
  const trigger = isObject(body) ? body.triggerEvent : undefined;
  return typeof trigger === 'string' && LABELS.has(trigger) ? trigger : 'other';
}

/** Reads a delivery; what it cannot read says why, for a 400. Unknown fields are ignored, never refused. */
export function parseDelivery(body: unknown): Parsed {
  if (!isObject(body)) return { kind: 'invalid', trigger: 'other', reason: 'the body must be a JSON object' };
  const trigger = text(body.triggerEvent, 64);
  if (!trigger) return { kind: 'invalid', trigger: 'other', reason: 'triggerEvent must be a non-empty string' };
  if (!STATE_OF[trigger] && trigger !== NO_SHOW) return { kind: 'ignored', trigger };
  const payload = body.payload;
  if (!isObject(payload)) return { kind: 'invalid', trigger, reason: 'payload must be an object' };
  const read = trigger === NO_SHOW ? noShowOf(payload) : stateOf(trigger, payload);
  return typeof read === 'string' ? { kind: 'invalid', trigger, reason: read } : { ...read, trigger };
}

function noShowOf(payload: Json): Omit<Extract<Parsed, { kind: 'noShow' }>, 'trigger'> | string {
  const uid = text(payload.bookingUid, 128);
  if (!uid) return 'payload.bookingUid must be a non-empty string';
  const attendees = (Array.isArray(payload.attendees) ? payload.attendees : [])
    .filter(isObject)
    .filter((a) => typeof a.email === 'string' && typeof a.noShow === 'boolean')
    .map((a) => ({ email: a.email as string, noShow: a.noShow as boolean }));
  return { kind: 'noShow', news: { uid, attendees } };
}

function stateOf(trigger: string, payload: Json): Omit<Extract<Parsed, { kind: 'booking' }>, 'trigger'> | string {
  const uid = text(payload.uid, 128);
  if (!uid) return 'payload.uid must be a non-empty string';
  const start = instant(payload.startTime);
  const end = instant(payload.endTime);
  if (!start || !end) return 'payload.startTime and payload.endTime must be ISO 8601 date-times';
  if (end < start) return 'payload.endTime must not be before payload.startTime';
  const reported = STATUS[String(payload.status ?? '').toUpperCase()];
  const state: BookingState = {
    uid,
    eventTypeId: eventTypeIdOf(payload.eventTypeId),
    // A reschedule says the new booking's own status (pending when the event type needs confirmation).
    status: trigger === 'BOOKING_RESCHEDULED' && reported ? reported : STATE_OF[trigger]!,
    start,
    end,
    attendee: attendeeOf(payload),
  };
  const previousUid = trigger === 'BOOKING_RESCHEDULED' ? text(payload.rescheduleUid, 128) : null;
  if (previousUid) Object.assign(state, previousOf(previousUid, payload));
  const reason = text(payload.cancellationReason, 500) ?? text(payload.rejectionReason, 500);
  if (reason) state.cancellationReason = reason;
  const bookingKey = isObject(payload.metadata) ? text(payload.metadata.bookingKey, 500) : null;
  if (bookingKey) state.bookingKey = bookingKey;
  return { kind: 'booking', state };
}

/** The first attendee, the number from the booking's own field when Cal.com left it off the attendee. */
function attendeeOf(payload: Json): Attendee | undefined {
  const first = Array.isArray(payload.attendees) ? payload.attendees.find(isObject) : undefined;
  const responses = isObject(payload.responses) ? payload.responses : {};
  const answer = (field: string) => (isObject(responses[field]) ? text((responses[field] as Json).value, 32) : null);
  const phone = text(first?.phoneNumber, 32) ?? answer('attendeePhoneNumber') ?? answer('phone');
  if (!first && !phone) return undefined;
  return {
    name: text(first?.name, 200),
    email: text(first?.email),
    phone,
    timeZone: text(first?.timeZone, 64),
  };
}

/** The booking a reschedule replaces: its uid, and its times (`rescheduleStartTime`, `rescheduleEndTime`). */
function previousOf(uid: string, payload: Json): Partial<BookingState> {
  const [start, end] = [instant(payload.rescheduleStartTime), instant(payload.rescheduleEndTime)];
  return { previousUid: uid, ...(start && end ? { previousStart: start, previousEnd: end } : {}) };
}

/** Cal.com's ids are Postgres `integer`s; anything else names no event type of ours. */
function eventTypeIdOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= PG_INTEGER_MAX ? value : null;
}

function instant(value: unknown): Date | null {
  const date = typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
