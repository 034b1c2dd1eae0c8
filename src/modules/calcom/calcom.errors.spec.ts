import { errorFromResponse, errorFromTransport } from './calcom.errors';

const envelope = (message: string) => ({
  status: 'error',
  timestamp: '2026-11-29T10:00:00.000Z',
  path: '/v2/bookings',
  error: { code: 'BadRequestException', message },
});

describe(errorFromResponse.name, () => {
  it.each([
    [400, 'User either already has booking at this time or is not available', 'SLOT_TAKEN'],
    [409, 'User either already has booking at this time or is not available', 'SLOT_TAKEN'],
    [400, 'One of the hosts either already has booking at this time or is not available', 'SLOT_TAKEN'],
    [
      400,
      'The event type can\'t be booked at the "start" time provided. This could be because it\'s ' +
        'too soon (violating the minimum booking notice)',
      'OUT_OF_WINDOW',
    ],
    [400, 'Attempting to book a meeting in the past.', 'IN_THE_PAST'],
    [400, 'Attendee must have at least one contact method (email or phone number)', 'CONTACT_REQUIRED'],
    [404, 'Event type with id 1001 not found.', 'CALCOM_MISCONFIGURED'],
    [404, 'Booking with uid=abc was not found in the database', 'NOT_FOUND'],
    [400, 'This booking has already been cancelled.', 'ALREADY_CANCELLED'],
    [429, 'ThrottlerException: Too Many Requests', 'CALCOM_BUSY'],
    [500, 'Internal server error', 'CALCOM_UNAVAILABLE'],
    [503, '', 'CALCOM_UNAVAILABLE'],
    [401, 'Invalid Access Token.', 'CALCOM_MISCONFIGURED'],
    [400, 'something new', 'CALCOM_MISCONFIGURED'],
  ])('%i "%s" → %s', (status, message, code) => {
    const sut = errorFromResponse(status, envelope(message), 'createBooking');
    expect(sut.code).toBe(code);
    expect(sut.uncertain).toBe(false);
    expect(sut.message).not.toContain(message || '\u0000');
  });

  it('counts only outages towards the breaker and retries only what failed fast', () => {
    expect(errorFromResponse(503, {}, 'slots')).toMatchObject({ isOutage: true, isRetryable: true });
    expect(errorFromResponse(429, {}, 'slots')).toMatchObject({ isOutage: true, isRetryable: false });
    expect(errorFromResponse(400, envelope('Attempting to book a meeting in the past.'), 'slots')).toMatchObject({
      isOutage: false,
      isRetryable: false,
    });
  });
});

describe(errorFromTransport.name, () => {
  it('treats a refused connection as never sent and anything later as uncertain', () => {
    expect(errorFromTransport('ECONNREFUSED', 'createBooking')).toMatchObject({
      code: 'CALCOM_UNAVAILABLE',
      uncertain: false,
      isRetryable: true,
    });
    expect(errorFromTransport('ECONNABORTED', 'createBooking')).toMatchObject({
      code: 'CALCOM_UNAVAILABLE',
      uncertain: true,
      isRetryable: false,
    });
    expect(errorFromTransport('ERR_CANCELED', 'createBooking')).toMatchObject({ uncertain: true });
    expect(errorFromTransport('ECONNRESET', 'createBooking')).toMatchObject({ uncertain: true });
  });
});
