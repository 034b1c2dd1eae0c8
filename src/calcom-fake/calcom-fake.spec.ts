import { CalcomFake } from './calcom-fake';
import type { FakeEventType } from './calcom-fake.schedule';
import { fakeCaller } from './calcom-fake.testing';

const hours: FakeEventType['hours'] = { tue: [['09:00', '10:00']] };
const type: FakeEventType = {
  id: 7,
  title: 'Cut',
  lengthMinutes: 30,
  timeZone: 'Europe/Berlin',
  hours,
  minimumNoticeMinutes: 60,
  bookingWindowDays: 30,
  emailRequired: false,
};
const strict: FakeEventType = {
  ...type,
  id: 9,
  emailRequired: undefined,
  disableCancelling: true,
  seats: 2,
  maxBookingsPerDay: 5,
};
const limited: FakeEventType = { ...type, id: 10, maxBookingsPerDay: 1 };
// Monday 30 November 2026, 12:00 in Berlin.
const NOW = new Date('2026-11-30T11:00:00Z');

describe(CalcomFake.name, () => {
  let sut: CalcomFake;
  const call = fakeCaller(() => sut);
  const book = (
    start: string,
    attendee: object = { name: 'Ana', timeZone: 'Europe/Berlin', phoneNumber: '+4915112345678' },
  ) => call('POST', '/v2/bookings', { start, eventTypeId: 7, attendee, metadata: { bookingKey: 'k1' } });

  beforeEach(async () => {
    sut = new CalcomFake({ eventTypes: [type, strict, limited], apiKeys: ['cal_fixture_fake'], now: () => NOW });
    await sut.start();
  });
  afterEach(() => sut.stop());

  it('answers slots as objects keyed by day in the requested timezone, omitting empty days', async () => {
    const res = await call(
      'GET',
      '/v2/slots?eventTypeId=7&start=2026-11-30T00:00:00Z&end=2026-12-02T23:00:00Z&timeZone=America/New_York',
    );
    expect(res).toEqual({
      status: 200,
      body: {
        status: 'success',
        data: {
          '2026-12-01': [{ start: '2026-12-01T03:00:00.000-05:00' }, { start: '2026-12-01T03:30:00.000-05:00' }],
        },
      },
    });
  });

  it('enforces the pinned cal-api-version like Cal.com: another version is a 404', async () => {
    expect(
      (await call('GET', '/v2/slots?eventTypeId=7&start=2026-12-01&end=2026-12-01', undefined, '2024-08-13')).status,
    ).toBe(404);
    expect((await call('POST', '/v2/bookings', {}, '2024-09-04')).status).toBe(404);
  });

  it('refuses an unknown key with 401', async () => {
    const res = await fetch(`${sut.url}/v2/bookings/x`, {
      headers: { authorization: 'Bearer cal_other', 'cal-api-version': '2024-08-13' },
    });
    expect(res.status).toBe(401);
  });

  it('books with a placeholder e-mail for phone-only attendees, then refuses the same slot with 400', async () => {
    const first = await book('2026-12-01T08:00:00.000Z');
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({
      status: 'accepted',
      start: '2026-12-01T08:00:00.000Z',
      end: '2026-12-01T08:30:00.000Z',
      metadata: { bookingKey: 'k1' },
    });
    expect(first.body.data.attendees[0]).toMatchObject({
      email: '4915112345678@sms.cal.com',
      phoneNumber: '+4915112345678',
    });
    const second = await book('2026-12-01T08:00:00.000Z');
    expect(second).toMatchObject({
      status: 400,
      body: { status: 'error', error: { message: 'User either already has booking at this time or is not available' } },
    });
  });

  it('answers the contract messages for past, window, contact and unknown event type', async () => {
    expect((await book('2026-11-30T08:00:00.000Z')).body.error?.message).toBe(
      'Attempting to book a meeting in the past.',
    );
    expect((await book('2027-02-02T08:00:00.000Z')).body.error?.message).toMatch(
      /^The event type can't be booked at the "start" time provided/,
    );
    expect((await book('2026-12-01T08:00:00.000Z', { name: 'Ana', timeZone: 'UTC' })).body.error?.message).toBe(
      'Attendee must have at least one contact method (email or phone number)',
    );
    const unknown = await call('POST', '/v2/bookings', {
      start: '2026-12-01T08:00:00.000Z',
      eventTypeId: 8,
      attendee: { name: 'A', timeZone: 'UTC', email: 'a@example.org' },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { message: 'Event type with id 8 not found.' } } });
  });

  it('reschedules to a new uid and cancels the old booking; a second cancel is a 400', async () => {
    const { body } = await book('2026-12-01T08:00:00.000Z');
    const moved = await call('POST', `/v2/bookings/${body.data.uid}/reschedule`, { start: '2026-12-01T08:30:00.000Z' });
    expect(moved.status).toBe(201);
    expect(moved.body.data).toMatchObject({ rescheduledFromUid: body.data.uid, start: '2026-12-01T08:30:00.000Z' });
    expect((await call('GET', `/v2/bookings/${body.data.uid}`)).body.data).toMatchObject({
      status: 'cancelled',
      rescheduledToUid: moved.body.data.uid,
    });
    const again = await call('POST', `/v2/bookings/${body.data.uid}/reschedule`, { start: '2026-12-01T09:00:00.000Z' });
    expect(again.body.error?.message).toBe(
      `Can't reschedule booking with uid=${body.data.uid} because it has been cancelled and ` +
        `rescheduled already to booking with uid=${moved.body.data.uid}. You probably want to ` +
        `reschedule ${moved.body.data.uid} instead by passing it within the request URL.`,
    );
    expect(await call('POST', `/v2/bookings/${moved.body.data.uid}/cancel`, {})).toMatchObject({
      status: 400,
      body: { statusCode: 400, message: 'Cancellation reason is required when you are the host' },
    });
    expect(
      (await call('POST', `/v2/bookings/${moved.body.data.uid}/cancel`, { cancellationReason: 'ill' })).status,
    ).toBe(200);
    const twice = await call('POST', `/v2/bookings/${moved.body.data.uid}/cancel`, { cancellationReason: 'ill' });
    expect(twice.body.error?.message).toBe(
      `Can't cancel booking with uid=${moved.body.data.uid} because it has been cancelled ` +
        `already. Please provide uid of a booking that is not cancelled.`,
    );
    const cancelled = await call('POST', `/v2/bookings/${moved.body.data.uid}/reschedule`, {
      start: '2026-12-01T09:00:00.000Z',
    });
    expect(cancelled.body.error?.message).toMatch(/because it has been cancelled\. Please provide uid/);
    expect((await call('GET', '/v2/bookings/nope')).status).toBe(404);
  });

  it('models seats, daily limits, event types that forbid cancelling, e-mail-required booking fields and ended bookings', async () => {
    const seat = (email: string) =>
      call('POST', '/v2/bookings', {
        start: '2026-12-01T08:00:00.000Z',
        eventTypeId: 9,
        attendee: { name: 'A', timeZone: 'UTC', email },
      });
    const [one] = [await seat('a@example.org'), await seat('b@example.org')];
    expect(await seat('c@example.org')).toMatchObject({
      status: 409,
      body: { statusCode: 409, message: 'No more seats left at this seated booking.' },
    });
    const phoneOnly = await call('POST', '/v2/bookings', {
      start: '2026-12-01T08:30:00.000Z',
      eventTypeId: 9,
      attendee: { name: 'A', timeZone: 'UTC', phoneNumber: '+4915112345678' },
    });
    expect(phoneOnly).toMatchObject({ status: 400, body: { statusCode: 400 } });
    expect(await call('POST', `/v2/bookings/${one.body.data.uid}/cancel`, { cancellationReason: 'x' })).toMatchObject({
      status: 400,
      body: { message: 'This event type does not allow cancellations' },
    });
    const fields = await call('GET', '/v2/event-types/9', undefined, '2024-06-14');
    expect(fields.body.data.bookingFields).toContainEqual(expect.objectContaining({ type: 'email', required: true }));
    expect((await call('GET', '/v2/event-types/7', undefined, '2024-06-14')).body.data.bookingFields).toContainEqual(
      expect.objectContaining({ type: 'email', required: false }),
    );
    await call('POST', '/v2/bookings', {
      start: '2026-12-01T08:00:00.000Z',
      eventTypeId: 10,
      attendee: { name: 'A', timeZone: 'UTC', email: 'a@example.org' },
    });
    const over = await call('POST', '/v2/bookings', {
      start: '2026-12-01T08:30:00.000Z',
      eventTypeId: 10,
      attendee: { name: 'A', timeZone: 'UTC', email: 'a@example.org' },
    });
    expect(over).toMatchObject({ status: 403, body: { statusCode: 403, message: 'booking_limit_reached' } });
  });

  it('refuses to cancel a booking that has ended, in core’s raw shape', async () => {
    const { body } = await book('2026-12-01T08:00:00.000Z');
    sut.bookings.get(body.data.uid)!.end = new Date(NOW.getTime() - 1);
    expect(await call('POST', `/v2/bookings/${body.data.uid}/cancel`, { cancellationReason: 'x' })).toEqual({
      status: 400,
      body: { statusCode: 400, message: 'Cannot cancel a booking that has already ended' },
    });
  });

  it('commits and then fails, when told to', async () => {
    sut.fail({ kind: 'commit', method: 'POST' });
    expect((await book('2026-12-01T08:00:00.000Z')).status).toBe(500);
    expect([...sut.bookings.values()]).toHaveLength(1);
  });

  it('records every request and applies its knobs: status faults and 429 with rate-limit headers', async () => {
    sut.fail({ kind: 'status', status: 429, times: 1 });
    const limited = await fetch(`${sut.url}/v2/bookings/x`, { headers: { 'cal-api-version': '2024-08-13' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining-default')).toBe('0');
    expect((await call('GET', '/v2/bookings/x')).status).toBe(404);
    expect(sut.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/v2/bookings/x', 429],
      ['GET', '/v2/bookings/x', 404],
    ]);
  });
});
