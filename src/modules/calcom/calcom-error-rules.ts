import type { DomainErrorCode } from '../../common/domain-error';

/**
 * Cal.com API v2 refusals, in the words its source uses, and what they mean for us. First match wins; a rule
 * matches on the upstream text (the v2 envelope's `error.message`, or the raw `message` of a core `HttpError`,
 * which the v2 exception filters pass on unwrapped) and, where given, the status.
 *
 * Sources in `calcom/cal.com`:
 * - E: apps/api/v2/src/ee/bookings/2024-08-13/services/errors.service.ts (handleBookingError)
 * - I: apps/api/v2/src/ee/bookings/2024-08-13/services/input.service.ts (createCancelBookingRequest)
 * - B: apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts (canRescheduleBooking)
 * - C: packages/features/bookings/lib/handleCancelBooking.ts (raw HttpError bodies)
 * - K: packages/lib/errorCodes.ts with packages/lib/server/getServerErrorFromUnknown.ts (code → 400/404/409)
 * - L: packages/lib/intervalLimits (checkBookingLimits, checkDurationLimits: raw 403)
 * - S: packages/features/bookings/lib/handleSeats (seated bookings: 409)
 * - P: packages/platform/types bookings inputs (phone number validation)
 * - R: apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts (reserveSlot: 422) and core's
 *   ensureReservedSlotIsEarliest (409 `reserved_slot_not_first_in_line`, which API v2 words as "Someone else reserved
 *   this booking time slot before you. …": apps/api/v2/src/ee/bookings/2024-08-13/controllers/e2e/
 *   reserved-slot-bookings.e2e-spec.ts)
 */
export interface ErrorRule {
  code: DomainErrorCode;
  text: RegExp;
  status?: number[];
  source: string;
}

/** One of Cal.com's error codes, matched whole. */
const exactly = (...codes: string[]) => new RegExp(`^(${codes.join('|')})$`);

export const CALCOM_ERROR_RULES: ErrorRule[] = [
  { code: 'SLOT_TAKEN', text: /already has booking at this time or is not available/i, source: 'E' },
  {
    code: 'SLOT_TAKEN',
    text: exactly(
      'no_available_users_found_error',
      'fixed_hosts_unavailable_for_booking',
      'round_robin_host_unavailable_for_booking',
      'hosts_unavailable_for_booking',
    ),
    source: 'K',
  },
  { code: 'SLOT_TAKEN', text: /^booking_conflict_error$/, source: 'K' },
  {
    code: 'SLOT_TAKEN',
    text: /No more seats left|^(booking_seats_full_error|not_enough_available_seats_error)$/i,
    source: 'S, K',
  },
  { code: 'SLOT_TAKEN', text: /^already_signed_up_for_this_booking_error$/, source: 'K' },
  {
    code: 'SLOT_TAKEN',
    text: /Can't reserve a slot if the event is already booked|already reserved by another user|has no more seats left/i,
    source: 'R',
  },
  {
    code: 'SLOT_TAKEN',
    text: /Someone else reserved this booking time slot|^(reserved_slot_not_first_in_line|reservation_not_found_or_expired)$/i,
    source: 'R',
  },
  {
    code: 'OUT_OF_WINDOW',
    text: /can't be booked at the "start" time provided|^booking_time_out_of_bounds_error$/i,
    source: 'E, K',
  },
  { code: 'OUT_OF_WINDOW', text: /^booking_not_allowed_by_restriction_schedule_error$/, source: 'K' },
  { code: 'IN_THE_PAST', text: /Attempting to book a meeting in the past/i, source: 'E' },
  { code: 'LIMIT_REACHED', text: /^(booking_limit_reached|duration_limit_reached)$/, source: 'L' },
  {
    code: 'LIMIT_REACHED',
    text: /maximum number of active bookings has been reached|^booker_limit_exceeded_error/i,
    source: 'E, K',
  },
  { code: 'CONTACT_REQUIRED', text: /at least one contact method/i, source: 'P' },
  { code: 'INVALID_PHONE', text: /Invalid phone number/i, source: 'P' },
  {
    code: 'ALREADY_CANCELLED',
    text: /because it has been cancelled already|This booking has already been cancelled/i,
    source: 'I, C',
  },
  { code: 'BOOKING_MOVED', text: /has been cancelled and rescheduled already to booking with uid=/i, source: 'B' },
  {
    code: 'BOOKING_CANCELLED',
    text: /Can't reschedule booking with uid=\S+ because it has been cancelled\.|^cancelled_bookings_cannot_be_rescheduled$/i,
    source: 'B, K',
  },
  { code: 'BOOKING_ENDED', text: /Cannot cancel a booking that has already ended/i, source: 'C' },
  { code: 'CANCEL_NOT_ALLOWED', text: /does not allow cancellations/i, source: 'C' },
  // We always send a reason; if Cal.com still asks for one, our request is wrong: an operator has to look.
  { code: 'CALCOM_MISCONFIGURED', text: /Cancellation reason is required/i, source: 'C' },
  {
    code: 'CALCOM_MISCONFIGURED',
    text: /Event type with id \S+ not found|^event_type_not_found_error$|^event_type_no_hosts$/i,
    source: 'E, K',
  },
  {
    code: 'NOT_FOUND',
    text: /Booking with uid=\S+ (was )?not found|does not exist|^booking_not_found_error$|Could not find original booking/i,
    source: 'I, B, K',
  },
];

/** The uid Cal.com names in "… rescheduled already to booking with uid=<new>. …". */
export const movedTo = (text: string): string | undefined =>
  /rescheduled already to booking with uid=([A-Za-z0-9_-]+)/.exec(text)?.[1];
