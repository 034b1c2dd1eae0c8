import request from 'supertest';
import { FunctionCallLog } from '../../src/modules/calls/function-call-log.service';
import { useBookingSuite } from '../support/booking-suite.testing';
import { BOOKING_NUMBER, callFunction, dayFromNow } from '../support/calcom';
import { signedPost, callObject } from '../support/retell';

/** What the operator console reads: calls filtered and paged by key, a call with its function calls, the overview. */
describe('Console API: calls, a call, the overview', () => {
  const suite = useBookingSuite();
  const admin = (path: string) =>
    request(suite.t.server).get(path).set('authorization', `Bearer ${suite.t.adminToken}`);
  const ids = (rows: Array<{ retellCallId: string }>) => rows.map((row) => row.retellCallId).sort();
  const day = dayFromNow(3);

  beforeEach(async () => {
    await signedPost(suite.t, '/api/webhooks/retell', {
      event: 'call_started',
      call: callObject({ call_id: 'booked', to_number: BOOKING_NUMBER, start_timestamp: Date.now() - 5_000 }),
    }).expect(204);
    const wish = { service: 'Haarschnitt', date: day, time: '10:00' };
    await callFunction(suite.t, 'check-availability', wish, { call_id: 'booked' });
    await callFunction(suite.t, 'book-appointment', { ...wish, name: 'Mia' }, { call_id: 'booked' });
    await callFunction(suite.t, 'check-availability', wish, { call_id: 'looked', from_number: '+4915100000077' });
    // Another day (the first one's slots are cached), and Cal.com's slots failing.
    suite.fake.fail({ kind: 'status', status: 500, times: 10, path: /^\/v2\/slots/ });
    await callFunction(suite.t, 'check-availability', { ...wish, date: dayFromNow(5) }, { call_id: 'failed' });
    const out = {
      call_id: 'outbound',
      direction: 'outbound',
      from_number: BOOKING_NUMBER,
      to_number: '+4915100000088',
    };
    await callFunction(suite.t, 'list-services', {}, out);
    await suite.t.app.get(FunctionCallLog).flush();
  });

  it('filters calls by outcome, direction, number and day', async () => {
    expect(ids((await admin('/api/admin/calls?outcome=booked').expect(200)).body)).toEqual(['booked']);
    expect(ids((await admin('/api/admin/calls?outcome=failed').expect(200)).body)).toEqual(['failed']);
    expect(ids((await admin('/api/admin/calls?outcome=no_booking').expect(200)).body)).toEqual([
      'failed',
      'looked',
      'outbound',
    ]);
    expect(ids((await admin('/api/admin/calls?direction=outbound').expect(200)).body)).toEqual(['outbound']);
    expect(ids((await admin('/api/admin/calls?number=1510000007').expect(200)).body)).toEqual(['looked']);
    expect((await admin(`/api/admin/calls?from=${dayFromNow(2)}`).expect(200)).body).toEqual([]);
    expect((await admin(`/api/admin/calls?to=${dayFromNow(-2)}`).expect(200)).body).toEqual([]);
    await admin('/api/admin/calls?outcome=nope').expect(400);
    await admin('/api/admin/calls?number=abc').expect(400);
  });

  it('pages by key: each call once, newest first', async () => {
    const first = (await admin('/api/admin/calls?limit=3').expect(200)).body as Array<{
      id: string;
      createdAt: string;
      retellCallId: string;
    }>;
    const last = first.at(-1)!;
    const next = (
      await admin(
        `/api/admin/calls?limit=3&beforeCreatedAt=${encodeURIComponent(last.createdAt)}&beforeId=${last.id}`,
      ).expect(200)
    ).body;
    expect([...ids(first), ...ids(next)].sort()).toEqual(['booked', 'failed', 'looked', 'outbound']);
    const times = [...first, ...next].map((row: { createdAt: string }) => row.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('shows a call with each function call inline: tool, arguments, the sentence, outcome, duration', async () => {
    const [call] = (await admin('/api/admin/calls?outcome=booked').expect(200)).body;
    const detail = (await admin(`/api/admin/calls/${call.id}`).expect(200)).body;
    expect(detail.functionCalls.map((f: { tool: string; outcome: string }) => [f.tool, f.outcome])).toEqual([
      ['check-availability', 'free'],
      ['book-appointment', 'booked'],
    ]);
    expect(detail.functionCalls[1]).toMatchObject({
      args: { name: 'Mia', service: 'Haarschnitt' },
      success: true,
      answer: expect.stringMatching(/^Ihr Termin ist gebucht/),
    });
    expect(detail.functionCalls[0].offsetMs).toBeGreaterThanOrEqual(4_000);
    expect(detail.appointments).toHaveLength(1);
  });

  it('sums up each day: calls, calls that booked, conversion, cancellations, failures by reason, p95', async () => {
    await callFunction(suite.t, 'cancel-appointment', {}, { call_id: 'booked' });
    const overview = (await admin('/api/admin/overview?days=14').expect(200)).body;
    expect(overview.days).toHaveLength(14);
    const today = overview.days.at(-1);
    expect(today).toMatchObject({
      calls: 4,
      bookedCalls: 1,
      conversion: 0.25,
      cancelled: 1,
      failures: { CALCOM_UNAVAILABLE: 1 },
    });
    expect(today.functionP95Ms).toEqual(expect.any(Number));
    expect(overview.days[0]).toMatchObject({ calls: 0, conversion: null, failures: {}, functionP95Ms: null });
    await admin('/api/admin/overview?days=5').expect(400);
  });
});
