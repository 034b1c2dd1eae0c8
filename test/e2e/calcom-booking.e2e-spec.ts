import { DateTime } from 'luxon';
import type { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import {
  berlin,
  bookingTenant,
  CALCOM_KEY,
  calcomEnv,
  callFunction,
  dayFromNow,
  startCalcomFake,
  generousLimits,
} from '../support/calcom';
import { retellEnv } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

describe('Cal.com engine: availability and the booking lifecycle', () => {
  let t: TestApp;
  let fake: CalcomFake;
  const day = dayFromNow(3);
  const slotsRequests = () => fake.requestsTo('GET', /^\/v2\/slots$/);
  const bookingPosts = () => fake.requestsTo('POST', /^\/v2\/bookings$/);
  const appointments = () => t.dataSource.getRepository(Appointment).find({ order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits } });
  });
  beforeEach(async () => {
    await t.app.get(TenantsImportService).importDocument({ companies: [bookingTenant()] });
  });
  afterEach(async () => {
    fake.reset();
    await t.reset();
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('says a free time is free, asking Cal.com with the pinned version, the key and UTC bounds', async () => {
    const res = await callFunction(t, 'check-availability', {
      service: 'Haarschnitt',
      date: day,
      time: '10:00',
    }).expect(200);
    expect(res.body).toMatchObject({
      success: true,
      data: { available: true, start: berlin(day, '10:00').toISOString() },
    });
    expect(res.body.message).toMatch(/um 10 Uhr ist frei\. Soll ich den Termin für Sie buchen\?$/);
    const [request] = slotsRequests();
    expect(request.headers).toMatchObject({ 'cal-api-version': '2024-09-04', authorization: `Bearer ${CALCOM_KEY}` });
    expect(request.headers['user-agent']).toContain('voice-booking-gateway');
    expect(request.query).toEqual({
      eventTypeId: '1001',
      start: berlin(day, '00:00').toISOString(),
      end: new Date(berlin(dayFromNow(4), '00:00').getTime() - 1).toISOString(),
      timeZone: 'Europe/Berlin',
    });
  });

  it('offers the nearest free times of that day when the wanted one is taken', async () => {
    await callFunction(
      t,
      'book-appointment',
      { service: 'Haarschnitt', date: day, time: '10:00', name: 'Erste Kundin' },
      { call_id: 'first', from_number: '+4915100000001' },
    ).expect(200);
    const res = await callFunction(
      t,
      'check-availability',
      { service: 'Haarschnitt', date: day, time: '10:00' },
      { call_id: 'second' },
    ).expect(200);
    expect(res.body.success).toBe(false);
    expect(res.body.data.alternatives).toEqual(
      [berlin(day, '09:00'), berlin(day, '09:30'), berlin(day, '10:30')].map((d) => d.toISOString()),
    );
    const wanted = DateTime.fromISO(`${day}T10:00`, { zone: 'Europe/Berlin' })
      .setLocale('de')
      .toFormat('cccc, d. LLLL');
    expect(res.body.message).toBe(
      `${wanted} um 10 Uhr ist leider vergeben. Wie wäre es am selben Tag um 9, um halb 10 oder um halb 11?`,
    );
  });

  it('fetches today and tomorrow in parallel when no date is given', async () => {
    fake.latencyMs = 150;
    const res = await callFunction(t, 'check-availability', { service: 'Haarschnitt' }).expect(200);
    const [first, second] = slotsRequests();
    expect(slotsRequests()).toHaveLength(2);
    expect(new Set([first.query.start, second.query.start]).size).toBe(2);
    // Both requests reached Cal.com before it answered either of them.
    expect(Math.max(first.receivedAt, second.receivedAt)).toBeLessThan(Math.min(first.answeredAt!, second.answeredAt!));
    expect(res.body.data.days.map((d: { date: string }) => d.date)).toEqual([dayFromNow(0), dayFromNow(1)]);
  });

  it('serves a repeated check from the cache, and asks again after a booking of that day', async () => {
    const check = () => callFunction(t, 'check-availability', { service: 'Haarschnitt', date: day }).expect(200);
    const before = await check();
    await check();
    expect(slotsRequests()).toHaveLength(1);
    await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '08:00',
      name: 'Anna',
    }).expect(200);
    const after = await check();
    expect(slotsRequests()).toHaveLength(2);
    expect(before.body.data.days[0].slots[0]).toBe(berlin(day, '08:00').toISOString());
    expect(after.body.data.days[0].slots[0]).toBe(berlin(day, '08:30').toISOString());
  });

  it('books with the contract body: UTC start, attendee with phone, our booking key; the row mirrors Cal.com', async () => {
    const res = await callFunction(t, 'book-appointment', {
      service: 'haircut',
      date: day,
      time: '14 Uhr',
      name: 'Anna Schmidt',
    }).expect(200);
    expect(res.body).toMatchObject({
      success: true,
      data: { status: 'confirmed', start: berlin(day, '14:00').toISOString(), service: 'Haarschnitt' },
    });
    expect(res.body.message).toMatch(
      /^Ihr Termin ist gebucht: Haarschnitt am .* um 14 Uhr\. Kann ich sonst noch helfen\?$/,
    );
    const [post] = bookingPosts();
    expect(post.headers).toMatchObject({
      'cal-api-version': '2024-08-13',
      authorization: `Bearer ${CALCOM_KEY}`,
      'content-type': 'application/json',
    });
    expect(post.body).toEqual({
      start: berlin(day, '14:00').toISOString(),
      eventTypeId: 1001,
      attendee: { name: 'Anna Schmidt', timeZone: 'Europe/Berlin', language: 'de', phoneNumber: '+4915112345678' },
      metadata: { bookingKey: `call_1:${(await appointments())[0].serviceId}:${berlin(day, '14:00').toISOString()}` },
    });
    const [row] = await appointments();
    const booking = [...fake.bookings.values()][0];
    expect(row).toMatchObject({
      id: res.body.data.appointment_id,
      status: 'accepted',
      calcomBookingUid: booking.uid,
      startAt: booking.start,
      endAt: booking.end,
      attendeePhone: '+4915112345678',
    });
  });

  it('sends the e-mail address when the caller gives one', async () => {
    await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '15:00',
      name: 'Ben',
      email: 'ben@example.org',
    }).expect(200);
    expect(bookingPosts()[0].body).toMatchObject({
      attendee: { email: 'ben@example.org', phoneNumber: '+4915112345678' },
    });
  });

  it('turns three retries of one booking into one Cal.com booking and the same answer', async () => {
    const args = { service: 'Haarschnitt', date: day, time: '11:00', name: 'Anna' };
    const answers = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      answers.push((await callFunction(t, 'book-appointment', args).expect(200)).body);
    expect(bookingPosts()).toHaveLength(1);
    expect(new Set(answers.map((a) => a.data.appointment_id)).size).toBe(1);
    expect(answers.every((a) => a.success)).toBe(true);
    expect(await appointments()).toHaveLength(1);
  });

  it('lets exactly one of 50 concurrent callers have a single-host slot; the 49 others hear alternatives', async () => {
    const args = { service: 'Haarschnitt', date: day, time: '12:00', name: 'Caller' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        callFunction(t, 'book-appointment', args, {
          call_id: `concurrent_${i}`,
          from_number: `+49151000000${String(i).padStart(2, '0')}`,
        }),
      ),
    );
    expect(answers.every((res) => res.status === 200)).toBe(true);
    expect(bookingPosts()).toHaveLength(1);
    expect(fake.bookings.size).toBe(1);
    const winners = answers.filter((res) => res.body.success);
    const losers = answers.filter((res) => !res.body.success);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser.body.message).toMatch(/^\p{L}+, \d+\. \p{L}+ um 12 Uhr ist leider vergeben\. Wie wäre es .*\?$/u);
      expect(loser.body.data.alternatives.length).toBeGreaterThan(0);
      expect(loser.body.data.alternatives).not.toContain(berlin(day, '12:00').toISOString());
    }
    const active = (await appointments()).filter((row) => row.status === 'accepted');
    expect(active).toHaveLength(1);
  });

  it('serialises concurrent bookings of a multi-host slot and lets Cal.com decide how many fit', async () => {
    const args = { service: 'Team-Beratung', date: day, time: '16:00', name: 'Caller' };
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        callFunction(t, 'book-appointment', args, { call_id: `team_${i}`, from_number: `+4915100000${i}00` }),
      ),
    );
    expect(answers.filter((res) => res.body.success)).toHaveLength(2);
    const posts = bookingPosts().sort((a, b) => a.receivedAt - b.receivedAt);
    for (let i = 1; i < posts.length; i += 1)
      expect(posts[i].receivedAt).toBeGreaterThanOrEqual(posts[i - 1].answeredAt!);
    expect([...fake.bookings.values()].filter((b) => b.status === 'accepted')).toHaveLength(2);
  });

  it('says "requested" for a booking the business still has to confirm', async () => {
    const res = await callFunction(t, 'book-appointment', {
      service: 'Erstgespräch',
      date: day,
      time: '09:00',
      name: 'Anna',
    }).expect(200);
    expect(res.body).toMatchObject({ success: true, data: { status: 'requested' } });
    expect(res.body.message).toMatch(/^Ich habe den Termin angefragt: Erstgespräch am/);
    const listed = await callFunction(t, 'query-customer-appointments', {}).expect(200);
    expect(listed.body.message).toContain('(noch nicht bestätigt)');
  });

  it('repeats the appointment back without booking, then books on confirmation', async () => {
    const base = { service: 'Färben', date: day, time: '13:00', name: 'Clara' };
    const check = await callFunction(t, 'collect-appointment-data', { ...base, confirm: false }).expect(200);
    expect(check.body.message).toMatch(
      /^Ich fasse zusammen: Färben am .* um 13 Uhr für Clara\. Soll ich das so buchen\?$/,
    );
    expect(bookingPosts()).toHaveLength(0);
    const booked = await callFunction(t, 'collect-appointment-data', { ...base, confirm: 'true' }).expect(200);
    expect(booked.body.message).toMatch(/^Ihr Termin ist gebucht: Färben/);
    expect(bookingPosts()).toHaveLength(1);
  });

  it('cancels the caller’s appointment once, and a repeat says it already is', async () => {
    await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '17:00',
      name: 'Anna',
    }).expect(200);
    const cancel = await callFunction(
      t,
      'cancel-appointment',
      { date: day, reason: 'krank' },
      { call_id: 'call_2' },
    ).expect(200);
    expect(cancel.body.message).toMatch(
      /^Ihr \p{L}+ am .* um 17 Uhr ist storniert\. Möchten Sie einen neuen Termin vereinbaren\?$/u,
    );
    const [post] = fake.requestsTo('POST', /\/cancel$/);
    expect(post.headers['cal-api-version']).toBe('2024-08-13');
    expect(post.body).toEqual({ cancellationReason: 'krank' });
    expect([...fake.bookings.values()][0].status).toBe('cancelled');
    const again = await callFunction(
      t,
      'cancel-appointment',
      { appointment_id: cancel.body.data.appointment_id },
      { call_id: 'call_2' },
    ).expect(200);
    expect(again.body.message).toMatch(/war bereits storniert/);
    const byDay = await callFunction(t, 'cancel-appointment', { date: day }, { call_id: 'call_2' }).expect(200);
    expect(byDay.body.message).toMatch(/war bereits storniert/);
    expect(fake.requestsTo('POST', /\/cancel$/)).toHaveLength(1);
    expect((await appointments())[0]).toMatchObject({ status: 'cancelled', cancellationReason: 'krank' });
    const freed = await callFunction(
      t,
      'check-availability',
      { service: 'Haarschnitt', date: day, time: '17:00' },
      { call_id: 'call_3' },
    ).expect(200);
    expect(freed.body.data.available).toBe(true);
  });

  it('reschedules to a new uid and cancels the old booking, in Cal.com and in our rows', async () => {
    const booked = await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '09:00',
      name: 'Anna',
    }).expect(200);
    const moved = await callFunction(
      t,
      'reschedule-appointment',
      { appointment_id: booked.body.data.appointment_id, new_date: dayFromNow(4), new_time: '10:30' },
      { call_id: 'call_2' },
    ).expect(200);
    expect(moved.body.message).toMatch(
      /^Ihr Haarschnitt ist verschoben: von .* auf .* um halb 11\. Kann ich sonst noch helfen\?$/,
    );
    const [post] = fake.requestsTo('POST', /\/reschedule$/);
    expect(post.body).toEqual({ start: berlin(dayFromNow(4), '10:30').toISOString() });
    const [old, current] = await appointments();
    const newBooking = [...fake.bookings.values()].find((b) => b.status === 'accepted')!;
    expect(old).toMatchObject({ status: 'cancelled', cancellationReason: 'rescheduled' });
    expect(current).toMatchObject({
      status: 'accepted',
      calcomBookingUid: newBooking.uid,
      rescheduledFromId: old.id,
      startAt: berlin(dayFromNow(4), '10:30'),
    });
    expect(newBooking.uid).not.toBe(old.calcomBookingUid);
    const retried = await callFunction(
      t,
      'reschedule-appointment',
      { appointment_id: booked.body.data.appointment_id, new_date: dayFromNow(4), new_time: '10:30' },
      { call_id: 'call_2' },
    ).expect(200);
    // The appointment keeps its id across the move: the first row's, which every row of its chain names.
    expect(retried.body.data.appointment_id).toBe(old.id);
    expect(current.originId).toBe(old.id);
    expect(fake.requestsTo('POST', /\/reschedule$/)).toHaveLength(1);
  });

  it('reconciles the caller’s appointments with Cal.com: a booking the business cancelled is gone', async () => {
    await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '09:00',
      name: 'Anna',
    }).expect(200);
    await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: day,
      time: '10:00',
      name: 'Anna',
    }).expect(200);
    [...fake.bookings.values()][0].status = 'cancelled';
    const res = await callFunction(t, 'query-customer-appointments', {}, { call_id: 'call_2' }).expect(200);
    expect(res.body.data.appointments).toHaveLength(1);
    expect(res.body.message).toMatch(
      /^Sie haben einen Termin: Haarschnitt am .* um 10 Uhr\. Möchten Sie daran etwas ändern\?$/,
    );
    expect((await appointments()).map((row) => row.status)).toEqual(['cancelled', 'accepted']);
    // One list request for all of the caller's appointments, never one per appointment.
    expect(fake.requestsTo('GET', /^\/v2\/bookings$/)).toHaveLength(1);
    expect(fake.requestsTo('GET', /^\/v2\/bookings\/[^/]+$/)).toHaveLength(0);
  });

  it('names the past and the far future as the reason, offers what is possible, and never books them', async () => {
    const past = await callFunction(t, 'check-availability', {
      service: 'Haarschnitt',
      date: dayFromNow(-1),
      time: '10:00',
    }).expect(200);
    expect(past.body).toMatchObject({ success: false, data: { available: false, reason: 'past' } });
    expect(past.body.message).toMatch(/^\p{L}+, \d+\. \p{L}+ um 10 Uhr ist schon vorbei\. Wie wäre es .* um .*\?$/u);
    expect(past.body.data.alternatives.length).toBeGreaterThan(0);
    const far = await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: dayFromNow(40),
      time: '10:00',
      name: 'Anna',
    }).expect(200);
    expect(far.body).toMatchObject({ success: false, data: { reason: 'beyondWindow', last_day: dayFromNow(14) } });
    expect(far.body.message).toMatch(/^Termine vergebe ich bis \p{L}+, \d+\. \p{L}+\. Wie wäre es .*\?$/u);
    expect(fake.requestsTo('POST', /^\/v2\/bookings$/)).toHaveLength(0);
  });

  it('offers only times inside the branch’s opening hours, and alternatives on the next open day', async () => {
    const monday = DateTime.now().setZone('Europe/Berlin').plus({ weeks: 1 }).set({ weekday: 1 }).toISODate()!;
    const tuesday = DateTime.fromISO(monday).plus({ days: 1 }).toISODate()!;
    const hours = { mon: [['10:00', '12:00']] };
    await t.app
      .get(TenantsImportService)
      .importDocument({ companies: [{ ...bookingTenant(), branches: [{ name: 'Mitte', openingHours: hours }] }] });
    const day = await callFunction(t, 'check-availability', { service: 'Haarschnitt', date: monday }).expect(200);
    expect(day.body.data.days[0].slots).toEqual(
      ['10:00', '10:30', '11:00', '11:30'].map((time) => berlin(monday, time).toISOString()),
    );
    const closed = await callFunction(t, 'check-availability', {
      service: 'Haarschnitt',
      date: tuesday,
      time: '10:00',
    }).expect(200);
    expect(closed.body.success).toBe(false);
    const next = await callFunction(t, 'get-alternatives', {
      service: 'Haarschnitt',
      date: tuesday,
      time: '10:00',
    }).expect(200);
    // The closest time on each following open day, within the booking window: Mondays at 10:00 only.
    expect(next.body.data.alternatives[0]).toBe(
      berlin(DateTime.fromISO(monday).plus({ weeks: 1 }).toISODate()!, '10:00').toISOString(),
    );
    for (const alternative of next.body.data.alternatives)
      expect(DateTime.fromISO(alternative, { zone: 'Europe/Berlin' }).toFormat('c HH:mm')).toBe('1 10:00');
  });

  it('asks which service when it does not know the one named', async () => {
    const res = await callFunction(t, 'check-availability', { service: 'Maniküre', date: day }).expect(200);
    expect(res.body.message).toBe(
      'Welche Leistung meinen Sie? Wir bieten Beratung, Erstgespräch, Express, Färben, ' +
        'Festtermin, Haarschnitt, Team-Beratung oder Workshop an.',
    );
  });
});
