import { fail } from '../agent-tools/speech/speech';
import { errorFromResponse } from './calcom.errors';

/** The v2 envelope of a Nest exception (apps/api/v2 HttpExceptionFilter), and a raw core HttpError body. */
const v2 = (code: string, message: string, path = '/v2/bookings') => ({
  status: 'error',
  timestamp: '2026-12-01T09:00:00.000Z',
  path,
  error: { code, message },
});
const raw = (statusCode: number, message: string) => ({ statusCode, message });
const UID = 'hXq6D7nE2WbaYBqdSuRLVo';
const NEW = 'dkhyRmj1BvTKMTTQuCjoxs';

type Row = [what: string, status: number, body: unknown, code: string, headers?: Record<string, string>];

/** Real Cal.com API v2 answers, each as its source produces it (paths in calcom/cal.com), and the code we map it to. */
const RESPONSES: Row[] = [
  // apps/api/v2/src/ee/bookings/2024-08-13/services/errors.service.ts (handleBookingError)
  [
    'host busy',
    400,
    v2('BadRequestException', 'User either already has booking at this time or is not available'),
    'SLOT_TAKEN',
  ],
  [
    'a team host busy',
    400,
    v2('BadRequestException', 'One of the hosts either already has booking at this time or is not available'),
    'SLOT_TAKEN',
  ],
  [
    'outside notice or window',
    400,
    v2(
      'BadRequestException',
      'The event type can\'t be booked at the "start" time provided. This could be because it\'s ' +
        'too soon (violating the minimum booking notice) or too far in the future (outside the ' +
        "event's scheduling window). Try fetching available slots first using the GET /v2/slots " +
        'endpoint and then make a booking with "start" time equal to one of the available slots: ' +
        'https://cal.com/docs/api-reference/v2/slots',
    ),
    'OUT_OF_WINDOW',
  ],
  ['in the past', 400, v2('BadRequestException', 'Attempting to book a meeting in the past.'), 'IN_THE_PAST'],
  [
    'booker limit',
    400,
    v2(
      'BadRequestException',
      "Attendee with this email can't book because the maximum number of active bookings has been reached.",
    ),
    'LIMIT_REACHED',
  ],
  [
    'booker limit, reschedule hint',
    400,
    v2(
      'BadRequestException',
      `Attendee with this email can't book because the maximum number of active bookings has been ` +
        `reached. You can reschedule your existing booking (${UID}) to a new timeslot instead.`,
    ),
    'LIMIT_REACHED',
  ],
  ['unknown event type', 404, v2('NotFoundException', 'Event type with id 1001 not found.'), 'CALCOM_MISCONFIGURED'],
  // packages/lib/errorCodes.ts, statuses from packages/lib/server/getServerErrorFromUnknown.ts (raw bodies)
  ['a race inside Cal.com', 409, raw(409, 'booking_conflict_error'), 'SLOT_TAKEN'],
  ['no available users', 409, raw(409, 'no_available_users_found_error'), 'SLOT_TAKEN'],
  ['fixed hosts unavailable', 409, raw(409, 'fixed_hosts_unavailable_for_booking'), 'SLOT_TAKEN'],
  ['round-robin host unavailable', 409, raw(409, 'round_robin_host_unavailable_for_booking'), 'SLOT_TAKEN'],
  ['seats full (code)', 409, raw(409, 'booking_seats_full_error'), 'SLOT_TAKEN'],
  ['not enough seats', 409, raw(409, 'not_enough_available_seats_error'), 'SLOT_TAKEN'],
  ['already signed up', 409, raw(409, 'already_signed_up_for_this_booking_error'), 'SLOT_TAKEN'],
  ['out of bounds (code)', 400, raw(400, 'booking_time_out_of_bounds_error'), 'OUT_OF_WINDOW'],
  ['restriction schedule', 400, raw(400, 'booking_not_allowed_by_restriction_schedule_error'), 'OUT_OF_WINDOW'],
  ['booker limit (code)', 400, raw(400, 'booker_limit_exceeded_error'), 'LIMIT_REACHED'],
  [
    'cancelled cannot be rescheduled (code)',
    400,
    raw(400, 'cancelled_bookings_cannot_be_rescheduled'),
    'BOOKING_CANCELLED',
  ],
  ['event type without hosts', 400, raw(400, 'event_type_no_hosts'), 'CALCOM_MISCONFIGURED'],
  ['booking not found (code)', 404, raw(404, 'booking_not_found_error'), 'NOT_FOUND'],
  // packages/features/bookings/lib/handleSeats (seated bookings, 409)
  ['seated slot full', 409, raw(409, 'No more seats left at this seated booking.'), 'SLOT_TAKEN'],
  // packages/lib/intervalLimits: checkBookingLimits / checkDurationLimits (raw 403)
  ['booking limit', 403, raw(403, 'booking_limit_reached'), 'LIMIT_REACHED'],
  ['duration limit', 403, raw(403, 'duration_limit_reached'), 'LIMIT_REACHED'],
  // apps/api/v2/src/ee/bookings/2024-08-13/services/input.service.ts (createCancelBookingRequest)
  [
    'cancel a cancelled booking',
    400,
    v2(
      'BadRequestException',
      `Can't cancel booking with uid=${UID} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`,
      `/v2/bookings/${UID}/cancel`,
    ),
    'ALREADY_CANCELLED',
  ],
  [
    'cancel an unknown booking',
    404,
    v2('NotFoundException', `Booking with uid=${UID} not found`, `/v2/bookings/${UID}/cancel`),
    'NOT_FOUND',
  ],
  // apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts (canRescheduleBooking)
  [
    'reschedule a cancelled booking',
    400,
    v2(
      'BadRequestException',
      `Can't reschedule booking with uid=${UID} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
    ),
    'BOOKING_CANCELLED',
  ],
  [
    'reschedule a moved booking',
    400,
    v2(
      'BadRequestException',
      `Can't reschedule booking with uid=${UID} because it has been cancelled and rescheduled ` +
        `already to booking with uid=${NEW}. You probably want to reschedule ${NEW} instead by ` +
        `passing it within the request URL.`,
    ),
    'BOOKING_MOVED',
  ],
  [
    'reschedule an unknown booking',
    404,
    v2('NotFoundException', `Booking with uid=${UID} was not found in the database`),
    'NOT_FOUND',
  ],
  ['reschedule, core lost the original', 404, raw(404, 'Could not find original booking'), 'NOT_FOUND'],
  // packages/features/bookings/lib/handleCancelBooking.ts (raw HttpError, 400)
  [
    'host cancels without a reason',
    400,
    raw(400, 'Cancellation reason is required when you are the host'),
    'CALCOM_MISCONFIGURED',
  ],
  ['core: already cancelled', 400, raw(400, 'This booking has already been cancelled.'), 'ALREADY_CANCELLED'],
  ['cancel an ended booking', 400, raw(400, 'Cannot cancel a booking that has already ended'), 'BOOKING_ENDED'],
  ['cancelling disabled', 400, raw(400, 'This event type does not allow cancellations'), 'CANCEL_NOT_ALLOWED'],
  // packages/platform/types bookings inputs: attendee contact validation
  [
    'no contact method',
    400,
    v2('BadRequestException', 'Attendee must have at least one contact method (email or phone number)'),
    'CONTACT_REQUIRED',
  ],
  [
    'invalid phone',
    400,
    v2('BadRequestException', 'attendee.phoneNumber: Invalid phone number format. Please use international format.'),
    'INVALID_PHONE',
  ],
  // Credentials, routing, overload and failure
  ['bad API key', 401, v2('UnauthorizedException', 'Invalid Access Token.'), 'CALCOM_MISCONFIGURED'],
  ['key without access', 403, v2('ForbiddenException', 'Forbidden resource'), 'CALCOM_MISCONFIGURED'],
  [
    'a version the route does not serve',
    404,
    v2('NotFoundException', 'Cannot GET /v2/event-types'),
    'CALCOM_MISCONFIGURED',
  ],
  [
    'rate limited',
    429,
    v2('ThrottlerException', 'ThrottlerException: Too Many Requests'),
    'CALCOM_BUSY',
    { 'x-ratelimit-limit-default': '120', 'x-ratelimit-remaining-default': '0', 'x-ratelimit-reset-default': '42' },
  ],
  [
    'collective event, fixed host busy',
    500,
    v2('InternalServerErrorException', 'Internal server error'),
    'CALCOM_UNAVAILABLE',
  ],
  ['gateway down', 502, '<html>Bad Gateway</html>', 'CALCOM_UNAVAILABLE'],
  ['overloaded', 503, {}, 'CALCOM_UNAVAILABLE'],
];

describe('Cal.com answers, mapped', () => {
  it('knows at least 30 real answers', () => expect(RESPONSES.length).toBeGreaterThanOrEqual(30));

  it.each(RESPONSES)('%s (%i) → %s', (_, status, body, code, headers = {}) => {
    const sut = errorFromResponse(status, body, 'createBooking', headers);
    expect(sut.code).toBe(code);
    // Never the upstream words in our message, and always a sentence for the caller.
    expect(sut.message).not.toContain('Please provide');
    expect(fail('de', sut.code as never).message.length).toBeGreaterThan(10);
  });

  it('follows a moved booking to the uid Cal.com names', () => {
    const moved = RESPONSES.find(([what]) => what === 'reschedule a moved booking')!;
    expect(errorFromResponse(moved[1], moved[2], 'rescheduleBooking').detail.movedTo).toBe(NEW);
  });

  it('reads when a rate limit resets from X-RateLimit-Reset-Default (Cal.com sends no Retry-After)', () => {
    const limited = RESPONSES.find(([, status]) => status === 429)!;
    expect(errorFromResponse(429, limited[2], 'slots', limited[4]).detail.retryAfterSeconds).toBe(42);
  });

  it('lets only outages open the breaker: never a refusal, a misconfiguration or a plain 500', () => {
    const outages = RESPONSES.filter(
      ([, status, body, , headers]) => errorFromResponse(status, body, 'slots', headers).isOutage,
    ).map(([what]) => what);
    expect(outages).toEqual(['rate limited', 'gateway down', 'overloaded']);
  });
});
