import { bookingPayload, noShowPayload } from '../../calcom-fake/calcom-fake.payloads';
import type { FakeBooking, FakeEventType } from '../../calcom-fake/calcom-fake.schedule';
import { parseDelivery, triggerLabel } from './calcom-delivery.parse';
import { signCalcomBody, verifyCalcomSignature } from './calcom-signature';

const TYPE: FakeEventType = { id: 1001, title: 'Haarschnitt', lengthMinutes: 30, timeZone: 'Europe/Berlin', hours: {} };
const START = new Date('2030-03-04T09:00:00.000Z');
const booking = (overrides: Partial<FakeBooking> = {}): FakeBooking => ({
  id: 7,
  uid: 'uid_new',
  eventTypeId: 1001,
  status: 'accepted',
  start: START,
  end: new Date(START.getTime() + 1_800_000),
  attendee: {
    name: 'Lena Online',
    email: 'lena@example.org',
    timeZone: 'Europe/Berlin',
    phoneNumber: '+4915199988877',
  },
  metadata: { bookingKey: 'call_1:svc:2030' },
  createdAt: START,
  ...overrides,
});
const delivery = (trigger: string, payload: object) => ({
  triggerEvent: trigger,
  createdAt: START.toISOString(),
  payload,
});

describe(parseDelivery.name, () => {
  it('reads a created booking as Cal.com builds it: times, event type, attendee, our key', () => {
    expect(parseDelivery(delivery('BOOKING_CREATED', bookingPayload(booking(), TYPE)))).toEqual({
      kind: 'booking',
      trigger: 'BOOKING_CREATED',
      state: {
        uid: 'uid_new',
        eventTypeId: 1001,
        status: 'accepted',
        start: START,
        end: new Date(START.getTime() + 1_800_000),
        attendee: {
          name: 'Lena Online',
          email: 'lena@example.org',
          phone: '+4915199988877',
          timeZone: 'Europe/Berlin',
        },
        bookingKey: 'call_1:svc:2030',
      },
    });
  });

  it('reads a reschedule with the booking it replaces, and the new booking’s own status', () => {
    const payload = bookingPayload(booking({ status: 'pending' }), TYPE, {
      rescheduleUid: 'uid_old',
      rescheduleStartTime: '2030-03-03T09:00:00.000Z',
      rescheduleEndTime: '2030-03-03T09:30:00.000Z',
    });
    expect(parseDelivery(delivery('BOOKING_RESCHEDULED', payload))).toMatchObject({
      state: {
        status: 'pending',
        previousUid: 'uid_old',
        previousStart: new Date('2030-03-03T09:00:00.000Z'),
        previousEnd: new Date('2030-03-03T09:30:00.000Z'),
      },
    });
  });

  it('reads the phone from the booking’s answers when the attendee has none', () => {
    const payload = { ...bookingPayload(booking(), TYPE), attendees: [{ name: 'Ida', email: 'x@sms.cal.com' }] };
    (payload.responses as Record<string, unknown>).attendeePhoneNumber = { label: 'phone', value: '+4915100000002' };
    expect(parseDelivery(delivery('BOOKING_REQUESTED', payload))).toMatchObject({
      state: { status: 'pending', attendee: { name: 'Ida', phone: '+4915100000002' } },
    });
  });

  it('reads cancellations with their reason, rejections, and no-shows', () => {
    const cancelled = bookingPayload(booking({ status: 'cancelled' }), TYPE, { cancellationReason: 'krank' });
    expect(parseDelivery(delivery('BOOKING_CANCELLED', cancelled))).toMatchObject({
      state: { status: 'cancelled', cancellationReason: 'krank' },
    });
    const rejected = bookingPayload(booking({ status: 'rejected' }), TYPE, { rejectionReason: 'voll' });
    expect(parseDelivery(delivery('BOOKING_REJECTED', rejected))).toMatchObject({
      state: { status: 'rejected', cancellationReason: 'voll' },
    });
    expect(parseDelivery(delivery('BOOKING_NO_SHOW_UPDATED', noShowPayload(booking(), true)))).toEqual({
      kind: 'noShow',
      trigger: 'BOOKING_NO_SHOW_UPDATED',
      news: { uid: 'uid_new', attendees: [{ email: 'lena@example.org', noShow: true }] },
    });
  });

  it.each([5e-324, -3, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, '1001'])(
    'reads the event type id %p as no event type (Cal.com ids are positive integers)',
    (eventTypeId) => {
      const payload = { ...bookingPayload(booking(), TYPE), eventTypeId };
      expect(parseDelivery(delivery('BOOKING_CREATED', payload))).toMatchObject({ state: { eventTypeId: null } });
    },
  );

  it('refuses an end before the start, saying so', () => {
    const payload = { ...bookingPayload(booking(), TYPE), endTime: '2030-03-04T08:00:00.000Z' };
    expect(parseDelivery(delivery('BOOKING_CREATED', payload))).toEqual({
      kind: 'invalid',
      trigger: 'BOOKING_CREATED',
      reason: 'payload.endTime must not be before payload.startTime',
    });
  });

  it('ignores triggers it does not use, and labels unknown ones as other', () => {
    expect(parseDelivery({ triggerEvent: 'MEETING_ENDED', payload: {} })).toEqual({
      kind: 'ignored',
      trigger: 'MEETING_ENDED',
    });
    expect(triggerLabel({ triggerEvent: 'MEETING_ENDED' })).toBe('other');
    expect(triggerLabel({ triggerEvent: 'PING' })).toBe('PING');
    expect(triggerLabel('nonsense')).toBe('other');
  });
});

describe(verifyCalcomSignature.name, () => {
  const body = Buffer.from('{"triggerEvent":"PING"}');

  it('accepts the hex HMAC-SHA256 of the exact bytes, in either case', () => {
    const signature = signCalcomBody(body, 'secret');
    expect(verifyCalcomSignature(body, signature, 'secret')).toBe(true);
    expect(verifyCalcomSignature(body, signature.toUpperCase(), 'secret')).toBe(true);
  });

  it.each([
    ['another secret', signCalcomBody(body, 'other')],
    ['Cal.com’s literal without a secret', 'no-secret-provided'],
    ['a prefix', `sha256=${signCalcomBody(body, 'secret')}`],
    ['too short', signCalcomBody(body, 'secret').slice(2)],
    ['no header', undefined],
    ['an array', [signCalcomBody(body, 'secret')]],
  ])('refuses %s without throwing', (_label, header) => {
    expect(verifyCalcomSignature(body, header, 'secret')).toBe(false);
  });

  it('refuses the signature of other bytes', () => {
    expect(
      verifyCalcomSignature(Buffer.from('{"triggerEvent": "PING"}'), signCalcomBody(body, 'secret'), 'secret'),
    ).toBe(false);
  });
});
