/**
 * Cal.com API v2's own words for the refusals the fake models, with the file in `calcom/cal.com` that produces each
 * (the same sources as src/modules/calcom/calcom-error-rules.ts). Two body shapes, as on the real service: the v2
 * envelope for Nest exceptions, and a raw `{ statusCode, message }` for core `HttpError`s the v2 filters pass on.
 */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A core HttpError: answered raw, outside the v2 envelope. */
    readonly raw = false,
  ) {
    super(message);
  }
}

export const bad = (message: string) => new FakeHttpError(400, 'BadRequestException', message);
export const notFound = (message: string) => new FakeHttpError(404, 'NotFoundException', message);
export const core = (status: number, message: string) => new FakeHttpError(status, 'HttpError', message, true);

// apps/api/v2/src/ee/bookings/2024-08-13/services/errors.service.ts (handleBookingError)
export const SLOT_TAKEN = 'User either already has booking at this time or is not available';
export const TEAM_SLOT_TAKEN = 'One of the hosts either already has booking at this time or is not available';
export const OUT_OF_WINDOW =
  'The event type can\'t be booked at the "start" time provided. This could be because it\'s ' +
  'too soon (violating the minimum booking notice) or too far in the future (outside the ' +
  "event's scheduling window). Try fetching available slots first using the GET /v2/slots " +
  'endpoint and then make a booking with "start" time equal to one of the available slots: ' +
  'https://cal.com/docs/api-reference/v2/slots';
export const IN_THE_PAST = 'Attempting to book a meeting in the past.';

// apps/api/v2/src/ee/bookings/2024-08-13/services/input.service.ts (createCancelBookingRequest)
export const cancelledAlready = (uid: string) =>
  `Can't cancel booking with uid=${uid} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`;
export const bookingNotFound = (uid: string) => `Booking with uid=${uid} not found`;

// apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts (canRescheduleBooking)
export const rescheduleCancelled = (uid: string) =>
  `Can't reschedule booking with uid=${uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`;
export const rescheduleMoved = (uid: string, to: string) =>
  `Can't reschedule booking with uid=${uid} because it has been cancelled and rescheduled ` +
  `already to booking with uid=${to}. You probably want to reschedule ${to} instead by ` +
  `passing it within the request URL.`;
export const bookingNotInDatabase = (uid: string) => `Booking with uid=${uid} was not found in the database`;

// packages/features/bookings/lib/handleCancelBooking.ts (raw HttpError, 400)
export const NO_CANCELLING = 'This event type does not allow cancellations';
export const REASON_REQUIRED = 'Cancellation reason is required when you are the host';
export const ENDED = 'Cannot cancel a booking that has already ended';

// Seated bookings (409)
export const SEATS_FULL = 'No more seats left at this seated booking.';
// packages/lib/intervalLimits: checkBookingLimits (raw 403)
export const BOOKING_LIMIT = 'booking_limit_reached';

export const CONTACT_REQUIRED = 'Attendee must have at least one contact method (email or phone number)';
/**
 * A phone-only attendee on an event type whose e-mail field is required: API v2 hands core an empty e-mail and the
 * booking-field validation refuses it. The exact wording varies by release; the gateway never sends such a request.
 */
export const EMAIL_REQUIRED = '{"responses":{"email":"email_validation_error"}}';

export function envelope(path: string, code: string, message: string) {
  return { status: 'error', timestamp: new Date().toISOString(), path, error: { code, message } };
}
