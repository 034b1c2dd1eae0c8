import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import type { CalcomFake, RecordedRequest } from '../../src/calcom-fake/calcom-fake';
import { CalcomSubscriptionsService } from '../../src/modules/calcom-webhooks/calcom-subscriptions.service';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import { bookingTenant, calcomEnv, callFunction, dayFromNow, startCalcomFake, generousLimits } from '../support/calcom';
import { retellEnv } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Every request our client sends is checked against Cal.com's own OpenAPI document (a verbatim copy in
 * test/contracts, provenance beside it): path, method, required headers, query parameters and body schema.
 */
const definition = JSON.parse(readFileSync(join(__dirname, '../contracts/calcom-openapi-v2.json'), 'utf8')) as Document;

interface Problem {
  keyword: string;
  schemaPath: string;
  params?: { passingSchemas?: number[] | null; missingProperty?: string };
}

/**
 * The document's POST /v2/bookings and cancel bodies are `oneOf` schemas whose options overlap (a plain booking
 * also matches the recurring-booking option), so a valid body fails `oneOf` with "passing [0, 2]". Such a body
 * is accepted when it matches the first, plain option; every other problem counts.
 */
function realProblems(errors: Problem[]): Problem[] {
  const plainOptionPassed = errors.some((e) => e.keyword === 'oneOf' && e.params?.passingSchemas?.includes(0));
  return errors.filter((e) => {
    if (!plainOptionPassed) return true;
    return !(e.keyword === 'oneOf' && e.params?.passingSchemas?.includes(0)) && !/\/oneOf\/[1-9]\//.test(e.schemaPath);
  });
}

describe('Cal.com contract: our requests against the published OpenAPI document', () => {
  let t: TestApp;
  let fake: CalcomFake;
  let api: OpenAPIBackend;
  const validate = (request: RecordedRequest) =>
    api.validateRequest({
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers as Record<string, string>,
      body: request.body,
    });

  /** A workload that makes the gateway use every Cal.com operation it has: both tests read what it sent. */
  const everyOperation = async () => {
    const day = dayFromNow(5);
    await callFunction(t, 'check-availability', { service: 'Haarschnitt' }).expect(200);
    const booked = await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '10:00',
      name: 'Anna',
      email: 'anna@example.org',
      notes: 'Bitte kurz',
    }).expect(200);
    fake.fail({ kind: 'swallow', method: 'POST', path: /^\/v2\/bookings$/, times: 1 });
    await callFunction(
      t,
      'book-appointment',
      { service: 'Färben', date: day, time: '14:00', name: 'Anna' },
      { call_id: 'call_2' },
    ).expect(200);
    await callFunction(
      t,
      'book-appointment',
      { service: 'Färben', date: day, time: '14:00', name: 'Anna' },
      { call_id: 'call_2' },
    ).expect(200);
    await callFunction(t, 'reschedule-appointment', {
      appointment_id: booked.body.data.appointment_id,
      new_date: dayFromNow(6),
      new_time: '11:00',
    }).expect(200);
    await callFunction(t, 'query-customer-appointments', {}).expect(200);
    // A read-back holds the time; a change of mind lets it go and holds another; the yes books with the hold.
    const wish = (time: string) => ({ service: 'Haarschnitt', date: dayFromNow(7), time, name: 'Anna' });
    const held = { call_id: 'call_3' };
    await callFunction(t, 'collect-appointment-data', { ...wish('09:00'), confirm: false }, held).expect(200);
    await callFunction(t, 'collect-appointment-data', { ...wish('09:30'), confirm: false }, held).expect(200);
    await callFunction(t, 'collect-appointment-data', { ...wish('09:30'), confirm: true }, held).expect(200);
    await callFunction(t, 'cancel-appointment', { date: dayFromNow(6), reason: 'Termin passt nicht' }).expect(200);
    // The company's webhook subscription: made, made again (an update), and removed.
    const subscriptions = t.app.get(CalcomSubscriptionsService);
    await subscriptions.setUp('salon', 'https://gateway.example.com');
    await subscriptions.setUp('salon', 'https://gateway.example.com');
    await subscriptions.remove('salon');
  };

  beforeAll(async () => {
    // quick: skip validating the whole 1 MB document, which has errors in schemas we never use.
    api = new OpenAPIBackend({ definition, quick: true, validate: true });
    await api.init();
    fake = await startCalcomFake();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits } });
    await t.app.get(TenantsImportService).importDocument({ companies: [bookingTenant()] });
    await everyOperation();
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('sends only requests the document allows, for every operation the gateway uses', async () => {
    const pattern = (path: string) =>
      path
        .replace(/\/v2\/bookings\/[^/]+/, '/v2/bookings/{uid}')
        .replace(/\/v2\/webhooks\/\d+/, '/v2/webhooks/{id}')
        .replace(/\/v2\/slots\/reservations\/[^/]+/, '/v2/slots/reservations/{uid}')
        .replace(/\/v2\/event-types\/\d+/, '/v2/event-types/{eventTypeId}');
    const operations = new Set(fake.requests.map((r) => `${r.method} ${pattern(r.path)}`));
    expect([...operations].sort()).toEqual([
      'DELETE /v2/slots/reservations/{uid}',
      'DELETE /v2/webhooks/{id}',
      'GET /v2/bookings',
      'GET /v2/event-types/{eventTypeId}',
      'GET /v2/slots',
      'GET /v2/webhooks',
      'PATCH /v2/webhooks/{id}',
      'POST /v2/bookings',
      'POST /v2/bookings/{uid}/cancel',
      'POST /v2/bookings/{uid}/reschedule',
      'POST /v2/slots/reservations',
      'POST /v2/webhooks',
    ]);
    for (const request of fake.requests) {
      const result = validate(request);
      expect({
        request: `${request.method} ${request.path}`,
        problems: realProblems((result.errors ?? []) as Problem[]),
      }).toEqual({ request: `${request.method} ${request.path}`, problems: [] });
    }
  });

  it('would catch a request that breaks the contract', () => {
    const good = fake.requestsTo('POST', /^\/v2\/bookings$/)[0];
    const noVersion = {
      ...good,
      headers: { ...good.headers, 'cal-api-version': undefined },
    } as unknown as RecordedRequest;
    const noAttendeeName = { ...good, body: { ...(good.body as object), attendee: { timeZone: 'Europe/Berlin' } } };
    const slotsWithoutEnd = { ...fake.requestsTo('GET', /^\/v2\/slots$/)[0] };
    slotsWithoutEnd.query = { ...slotsWithoutEnd.query, end: undefined as unknown as string };
    const missing = (request: RecordedRequest) =>
      realProblems((validate(request).errors ?? []) as Problem[]).map((p) => p.params?.missingProperty);
    expect(missing(noVersion)).toContain('cal-api-version');
    expect(missing(noAttendeeName)).toContain('name');
    expect(missing(slotsWithoutEnd)).toContain('end');
  });
});
