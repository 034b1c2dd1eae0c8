import { Logger } from '@nestjs/common';
import request from 'supertest';
import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { HoldReleaseService } from '../../src/modules/appointments/holds/hold-release.service';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import {
  berlin,
  bookingTenant,
  CALCOM_KEY,
  calcomEnv,
  callFunction,
  dayFromNow,
  generousLimits,
  TEST_EVENT_TYPES,
} from '../support/calcom';
import { retellEnv, signedPost, callObject } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/process';

/** A seated event type of one host: Cal.com counts its holds as seats, so the gateway does not hold it. */
const SEATED = { ...TEST_EVENT_TYPES[0], id: 5001, title: 'Kurs', seats: 3 };

describe('Slot holds: the time is kept while the caller says yes', () => {
  let t: TestApp;
  let fake: CalcomFake;
  const day = dayFromNow(3);
  const ten = berlin(day, '10:00').toISOString();
  const wish = (time = '10:00', service = 'Haarschnitt') => ({ service, date: day, time, name: 'Mia Muster' });
  const readBack = (callId: string, args: object = wish()) =>
    callFunction(t, 'collect-appointment-data', { ...args, confirm: false }, { call_id: callId }).expect(200);
  const confirm = (callId: string, args: object = wish()) =>
    callFunction(t, 'collect-appointment-data', { ...args, confirm: true }, { call_id: callId }).expect(200);
  const holdsIn = {
    gateway: () => t.dataSource.query('SELECT holder, start_at, reservation_uid FROM slot_holds ORDER BY start_at'),
    calcom: () => [...fake.holds.values()],
  };
  const reservations = (method: string) => fake.requestsTo(method, /^\/v2\/slots\/reservations/);
  const metric = async (outcome: string) => {
    const text = (await request(t.server).get('/metrics').expect(200)).text;
    return Number(new RegExp(`^slot_holds_total\\{outcome="${outcome}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  };

  beforeAll(async () => {
    fake = new CalcomFake({ eventTypes: [...TEST_EVENT_TYPES, SEATED], apiKeys: [CALCOM_KEY] });
    await fake.start();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits } });
  });
  beforeEach(async () => {
    const tenant = bookingTenant();
    tenant.services.push({ name: 'Kurs', calcomEventTypeId: 5001, durationMinutes: 30 });
    await t.app.get(TenantsImportService).importDocument({ companies: [tenant] });
  });
  afterEach(async () => {
    fake.reset();
    await t.reset();
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('holds the time on the read-back, in Cal.com and in the gateway, and says until when', async () => {
    const made = await metric('made');
    const res = await readBack('call_a');
    expect(res.body).toMatchObject({ success: true, data: { available: true, start: ten, confirmed: false } });
    const [hold] = holdsIn.calcom();
    expect(hold).toMatchObject({ eventTypeId: 1001, start: new Date(ten) });
    expect(new Date(res.body.data.held_until).getTime()).toBeCloseTo(Date.now() + 300_000, -4);
    expect(reservations('POST')[0]).toMatchObject({
      headers: { 'cal-api-version': '2024-09-04', authorization: `Bearer ${CALCOM_KEY}` },
      body: { eventTypeId: 1001, slotStart: ten },
    });
    expect(await holdsIn.gateway()).toEqual([{ holder: 'call_a', start_at: new Date(ten), reservation_uid: hold.uid }]);
    expect(await metric('made')).toBe(made + 1);
  });

  it('shows another caller the time as taken, with alternatives, and lets them book none of it', async () => {
    await readBack('call_a');
    const other = { call_id: 'call_b' };
    const check = await callFunction(t, 'check-availability', wish(), other).expect(200);
    expect(check.body.data.available).toBe(false);
    expect(check.body.data.alternatives).not.toContain(ten);
    expect(check.body.data.alternatives.length).toBeGreaterThan(0);
    const asked = await readBack('call_b');
    expect(asked.body.data).toMatchObject({ available: false });
    expect(asked.body.data.alternatives).not.toContain(ten);
    const booking = await callFunction(t, 'book-appointment', wish(), other).expect(200);
    expect(booking.body.data.available).toBe(false);
    expect(fake.requestsTo('POST', /^\/v2\/bookings$/)).toHaveLength(0);
    expect(holdsIn.calcom()).toHaveLength(1);
  });

  it('books the holder’s yes with the hold though Cal.com’s slot list hides the time, once however often asked', async () => {
    await readBack('call_a');
    await readBack('call_a');
    expect(reservations('POST')).toHaveLength(1);
    const own = await callFunction(t, 'check-availability', wish(), { call_id: 'call_a' }).expect(200);
    expect(own.body.data).toMatchObject({ available: true, start: ten });
    const uid = holdsIn.calcom()[0].uid;
    const used = await metric('used');
    const [first, again] = [await confirm('call_a'), await confirm('call_a')];
    expect(first.body).toMatchObject({ success: true, data: { status: 'confirmed', start: ten } });
    expect(again.body.data.appointment_id).toBe(first.body.data.appointment_id);
    const posts = fake.requestsTo('POST', /^\/v2\/bookings$/);
    expect(posts.map((post) => (post.body as { reservedSlotUid?: string }).reservedSlotUid)).toEqual([uid]);
    expect([holdsIn.calcom(), await holdsIn.gateway()]).toEqual([[], []]);
    expect(await metric('used')).toBe(used + 1);
  });

  it('lets the old time go and holds the new one when the caller changes their mind, overlapping or not', async () => {
    const colour = (time: string) => wish(time, 'Färben');
    await readBack('call_a', colour('10:00'));
    const first = holdsIn.calcom()[0].uid;
    await readBack('call_a', colour('10:30'));
    expect(reservations('DELETE').map((r) => r.path)).toEqual([`/v2/slots/reservations/${first}`]);
    expect(holdsIn.calcom().map((hold) => hold.start)).toEqual([berlin(day, '10:30')]);
    expect((await holdsIn.gateway()).map((hold: { start_at: Date }) => hold.start_at)).toEqual([berlin(day, '10:30')]);
    await readBack('call_a', wish('12:00'));
    const free = await callFunction(t, 'check-availability', colour('08:00'), { call_id: 'call_b' }).expect(200);
    expect(free.body.data.available).toBe(true);
  });

  it('lets the time go when the caller says no', async () => {
    await readBack('call_a');
    const released = await metric('released');
    const no = await callFunction(
      t,
      'collect-appointment-data',
      { ...wish(), confirm: false, declined: true },
      {
        call_id: 'call_a',
      },
    ).expect(200);
    expect(no.body).toMatchObject({ success: true, data: { booked: false, released: 1 } });
    expect(no.body.message).toContain('nicht gebucht');
    expect([holdsIn.calcom(), await holdsIn.gateway()]).toEqual([[], []]);
    expect((await readBack('call_b')).body.data.available).toBe(true);
    expect(await metric('released')).toBe(released + 1);
  });

  it('lets the time go when the call ends', async () => {
    await readBack('call_a');
    const ended = { call_status: 'ended', end_timestamp: Date.now(), to_number: '+493055555555' };
    await signedPost(t, '/api/webhooks/retell', {
      event: 'call_ended',
      call: callObject({ call_id: 'call_a', ...ended }),
    }).expect(204);
    const gone = async () => (await holdsIn.gateway()).length === 0 && holdsIn.calcom().length === 0;
    await waitFor(gone, 5000, 'the ended call’s hold let go');
    expect((await readBack('call_b')).body.data.available).toBe(true);
  });

  it('holds nothing past its end, even before the sweep clears it, and counts it expired once', async () => {
    await readBack('call_a');
    await t.dataSource.query(`UPDATE slot_holds SET expires_at = now() - interval '1 second'`);
    fake.holds.clear();
    const expired = await metric('expired');
    const check = await callFunction(t, 'check-availability', wish(), { call_id: 'call_b' }).expect(200);
    expect(check.body.data.available).toBe(true);
    expect(await t.app.get(HoldReleaseService).expired()).toBe(1);
    expect(await t.app.get(HoldReleaseService).expired()).toBe(0);
    expect(await metric('expired')).toBe(expired + 1);
    expect((await readBack('call_b')).body.data.held_until).toEqual(expect.any(String));
  });

  it('proceeds without a hold for team and seated event types, saying so once in the log', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      for (const service of ['Team-Beratung', 'Kurs', 'Kurs']) {
        const res = await readBack('call_a', wish('10:00', service));
        expect(res.body.data).toMatchObject({ available: true, held_until: null });
      }
      expect(reservations('POST')).toHaveLength(0);
      const said = log.mock.calls.filter(([, message]) => message === 'Event type cannot hold slots (team or seated)');
      expect(said.map(([fields]) => fields)).toEqual([{ eventTypeId: 2001 }, { eventTypeId: 5001 }]);
      expect((await confirm('call_a', wish('10:00', 'Kurs'))).body.data.status).toBe('confirmed');
    } finally {
      log.mockRestore();
    }
  });

  it('holds for the company’s own length, and not at all when it is 0', async () => {
    await t.dataSource.query(`UPDATE companies SET hold_minutes = 10`);
    const res = await readBack('call_a');
    expect(reservations('POST')[0].body).toEqual({ eventTypeId: 1001, slotStart: ten, reservationDuration: 10 });
    expect(new Date(res.body.data.held_until).getTime()).toBeCloseTo(Date.now() + 600_000, -4);
    await t.dataSource.query(`UPDATE companies SET hold_minutes = 0`);
    expect((await readBack('call_b', wish('11:00'))).body.data.held_until).toBeNull();
    expect(reservations('POST')).toHaveLength(1);
  });

  it('hears a time taken on the booking page meanwhile from Cal.com’s refusal of the hold, and offers others', async () => {
    await callFunction(t, 'check-availability', wish(), { call_id: 'call_a' }).expect(200);
    fake.outside.bookOnline({ eventTypeId: 1001, start: new Date(ten), name: 'Web', email: 'web@example.org' });
    const res = await readBack('call_a');
    expect(res.body.data).toMatchObject({ available: false });
    expect(res.body.data.alternatives).not.toContain(ten);
    expect(await holdsIn.gateway()).toEqual([]);
  });

  it('holds in the gateway alone while Cal.com cannot hold, and books the yes without a hold', async () => {
    fake.fail({ kind: 'status', status: 503, method: 'POST', path: /^\/v2\/slots\/reservations$/, times: 2 });
    const res = await readBack('call_a');
    expect(res.body.data.held_until).toEqual(expect.any(String));
    expect((await readBack('call_b')).body.data.available).toBe(false);
    expect((await confirm('call_a')).body.data.status).toBe('confirmed');
    expect(fake.requestsTo('POST', /^\/v2\/bookings$/)[0].body).not.toHaveProperty('reservedSlotUid');
  });

  it('offers other times when someone else’s hold in Cal.com came first, and lets its own go', async () => {
    await readBack('call_a');
    const ours = holdsIn.calcom()[0];
    fake.holds.set('booking-page', { ...ours, uid: 'booking-page', seq: 0 });
    const res = await confirm('call_a');
    expect(res.body.data).toMatchObject({ available: false });
    expect(res.body.data.alternatives).not.toContain(ten);
    expect(await holdsIn.gateway()).toEqual([]);
  });

  it('keeps a held time from another caller moving their appointment onto it', async () => {
    const other = { call_id: 'call_b', from_number: '+4915100000002' };
    await callFunction(t, 'book-appointment', wish('09:00'), other).expect(200);
    await readBack('call_a');
    const move = { new_date: day, new_time: '10:00' };
    const res = await callFunction(t, 'reschedule-appointment', move, other).expect(200);
    expect(res.body.data).toMatchObject({ available: false });
    expect(fake.requestsTo('POST', /\/reschedule$/)).toHaveLength(0);
  });
});
