import request from 'supertest';
import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { bookingPayload, noShowPayload } from '../../src/calcom-fake/calcom-fake.payloads';
import type { FakeBooking } from '../../src/calcom-fake/calcom-fake.schedule';
import { signCalcomBody } from '../../src/modules/calcom-webhooks/calcom-signature';
import { SUBSCRIBED_TRIGGERS } from '../../src/modules/calcom-webhooks/calcom-subscriptions.service';
import { TEST_EVENT_TYPES } from './calcom';
import { baseUrl } from './mcp';
import type { TestApp } from './test-app';

export const WEBHOOK_SECRET = 'whsec_test_calcom_0123456789abcdef';

/** Subscribes the gateway to the fake's deliveries for a company, as `npm run calcom:webhooks` does in Cal.com. */
export function subscribe(t: TestApp, fake: CalcomFake, slug: string, secret = WEBHOOK_SECRET): void {
  fake.webhooks.route('POST', '/v2/webhooks', {
    subscriberUrl: `${baseUrl(t)}/api/webhooks/calcom/${slug}`,
    triggers: SUBSCRIBED_TRIGGERS,
    active: true,
    secret,
  });
}

/** A delivery's bytes as Cal.com sends them, signed like Cal.com signs them. */
export function deliver(t: TestApp, slug: string, body: object | string, secret: string | null = WEBHOOK_SECRET) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const sent = request(t.server).post(`/api/webhooks/calcom/${slug}`).set('content-type', 'application/json');
  return (secret === null ? sent : sent.set('x-cal-signature-256', signCalcomBody(raw, secret))).send(raw);
}

/** A booking as the fake keeps it, for deliveries a test builds itself. */
export function fakeBooking(overrides: Partial<FakeBooking> = {}): FakeBooking {
  const start = overrides.start ?? new Date(Date.now() + 3 * 86_400_000);
  return {
    id: 4711,
    uid: 'uid_online_0001',
    eventTypeId: 1001,
    status: 'accepted',
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    attendee: {
      name: 'Lena Online',
      email: 'lena@example.org',
      timeZone: 'Europe/Berlin',
      phoneNumber: '+4915199988877',
    },
    metadata: {},
    createdAt: new Date(),
    ...overrides,
  };
}

/** `{ triggerEvent, createdAt, payload }` with the payload Cal.com builds for this trigger (webhook version 2021-10-20). */
export function envelope(trigger: string, booking: FakeBooking, extra: Record<string, unknown> = {}) {
  const type = TEST_EVENT_TYPES.find((t) => t.id === booking.eventTypeId)!;
  const payload =
    trigger === 'BOOKING_NO_SHOW_UPDATED' ? noShowPayload(booking, true) : bookingPayload(booking, type, extra);
  return { triggerEvent: trigger, createdAt: new Date().toISOString(), payload };
}
