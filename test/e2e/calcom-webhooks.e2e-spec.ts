import request from 'supertest';
import { CalcomFake } from '../../src/calcom-fake/calcom-fake';
import { AppointmentChange } from '../../src/modules/appointments/appointment-change.entity';
import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { TenantsImportService } from '../../src/modules/tenants/tenants-import.service';
import {
  berlin,
  bookingTenant,
  calcomEnv,
  callFunction,
  dayFromNow,
  generousLimits,
  startCalcomFake,
} from '../support/calcom';
import { deliver, subscribe, WEBHOOK_SECRET } from '../support/calcom-webhooks';
import { retellEnv } from '../support/retell';
import { createTestApp, TestApp } from '../support/test-app';

const ONLINE_CALLER = '+4915199988877';

/**
 * Cal.com's webhooks keep appointments true whoever changes a booking: the fake sends its deliveries the way Cal.com
 * does (signed, real-shaped payloads) when a caller books online, moves a booking through the e-mail link, or the host
 * cancels, confirms, rejects or marks a no-show.
 */
describe('Cal.com webhooks: the calendar beyond the call', () => {
  let t: TestApp;
  let fake: CalcomFake;
  const rows = () => t.dataSource.getRepository(Appointment).find({ order: { createdAt: 'ASC' } });
  const changes = () => t.dataSource.getRepository(AppointmentChange).find({ order: { occurredAt: 'ASC' } });
  const ask = (caller: string, call: string) =>
    callFunction(t, 'query-customer-appointments', {}, { call_id: call, from_number: caller });
  const admin = (path: string) => request(t.server).get(path).set('authorization', `Bearer ${t.adminToken}`);

  beforeAll(async () => {
    fake = await startCalcomFake();
    t = await createTestApp({ env: { ...retellEnv, ...calcomEnv(fake), ...generousLimits } });
  });
  beforeEach(async () => {
    await t.app
      .get(TenantsImportService)
      .importDocument({ companies: [{ ...bookingTenant(), calcomWebhookSecret: WEBHOOK_SECRET }] });
    subscribe(t, fake, 'salon');
  });
  afterEach(async () => {
    fake.reset();
    await t.reset();
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('stores a booking made online, linked to the caller by number, who hears it on the next call', async () => {
    const start = berlin(dayFromNow(3), '11:00');
    fake.outside.bookOnline({
      eventTypeId: 1001,
      start,
      name: 'Lena Online',
      phone: ONLINE_CALLER,
      email: 'lena@example.org',
    });
    await fake.webhooks.settled();
    expect(fake.webhooks.sent.map((sent) => [sent.trigger, sent.status])).toEqual([['BOOKING_CREATED', 200]]);
    const [row] = await rows();
    const customer = await t.dataSource.getRepository(Customer).findOneByOrFail({ phoneE164: ONLINE_CALLER });
    expect(row).toMatchObject({ source: 'calcom', status: 'accepted', customerId: customer.id, startAt: start });
    fake.requests.length = 0;
    const heard = await ask(ONLINE_CALLER, 'call_online').expect(200);
    expect(heard.body.message).toMatch(
      /^Sie haben einen Termin: Haarschnitt am .* um 11 Uhr\. Möchten Sie daran etwas ändern\?$/,
    );
    expect(heard.body.data.appointments[0].appointment_id).toBe(row.originId);
    // Webhooks flow and the news is fresh: nothing is asked of Cal.com.
    expect(fake.requestsTo('GET', /^\/v2\/bookings/)).toHaveLength(0);
  });

  it('moves the same appointment when the caller reschedules through the e-mail link', async () => {
    const booked = await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: dayFromNow(3),
      time: '09:00',
      name: 'Anna',
    }).expect(200);
    const id = booked.body.data.appointment_id as string;
    const [first] = await rows();
    const later = berlin(dayFromNow(4), '15:00');
    const moved = fake.outside.rescheduleByLink(first.calcomBookingUid!, later);
    await fake.webhooks.settled();
    const heard = await ask('+4915112345678', 'call_after_move').expect(200);
    expect(heard.body.data.appointments).toEqual([expect.objectContaining({ appointment_id: id })]);
    expect(heard.body.message).toMatch(/um 15 Uhr\. Möchten Sie daran etwas ändern\?$/);
    const detail = (await admin(`/api/admin/appointments/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ id, status: 'accepted', calcomBookingUid: moved.uid, startAt: later.toISOString() });
    expect(detail.uids).toEqual([first.calcomBookingUid, moved.uid]);
    expect(detail.changes.map((c: { kind: string; source: string }) => [c.kind, c.source])).toEqual([
      ['booked', 'call'],
      ['rescheduled', 'calcom_webhook'],
      ['moved', 'calcom_webhook'],
    ]);
  });

  it('cancels the appointment when the host cancels in Cal.com; the caller hears none', async () => {
    await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: dayFromNow(3),
      time: '10:00',
      name: 'Anna',
    }).expect(200);
    const [row] = await rows();
    fake.outside.cancelByHost(row.calcomBookingUid!, 'Friseurin krank');
    await fake.webhooks.settled();
    expect(await rows()).toEqual([
      expect.objectContaining({ status: 'cancelled', cancellationReason: 'Friseurin krank' }),
    ]);
    expect((await ask('+4915112345678', 'call_after_cancel').expect(200)).body.data.appointments).toEqual([]);
    expect((await changes()).map((c) => [c.kind, c.source])).toEqual([
      ['booked', 'call'],
      ['cancelled', 'calcom_webhook'],
    ]);
  });

  it('records a no-show, and a request the host confirms or rejects', async () => {
    const start = berlin(dayFromNow(5), '10:00');
    const requested = fake.outside.bookOnline({ eventTypeId: 3001, start, name: 'Paul', phone: '+4915100000001' });
    const other = fake.outside.bookOnline({
      eventTypeId: 3001,
      start: berlin(dayFromNow(5), '12:00'),
      name: 'Ida',
      phone: '+4915100000002',
    });
    await fake.webhooks.settled();
    expect((await rows()).map((row) => row.status)).toEqual(['pending', 'pending']);
    fake.outside.confirm(requested.uid);
    fake.outside.reject(other.uid, 'ausgebucht');
    await fake.webhooks.settled();
    fake.outside.markNoShow(requested.uid);
    await fake.webhooks.settled();
    // Both arrived by webhook at once: their rows' creation order is not theirs; the start times are.
    const [paul, ida] = (await rows()).sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    expect(paul).toMatchObject({ status: 'accepted', attendeeNoShow: true });
    expect(ida).toMatchObject({ status: 'rejected' });
    expect((await changes()).map((c) => c.kind).sort()).toEqual([
      'confirmed',
      'no_show',
      'rejected',
      'requested',
      'requested',
    ]);
  });

  it('stores nothing more for the same delivery twice, or on two instances racing', async () => {
    fake.outside.bookOnline({
      eventTypeId: 1001,
      start: berlin(dayFromNow(3), '13:00'),
      name: 'Lena',
      phone: ONLINE_CALLER,
    });
    await fake.webhooks.settled();
    const { body } = fake.webhooks.sent[0];
    const again = await Promise.all([deliver(t, 'salon', body), deliver(t, 'salon', body)]);
    expect(again.map((res) => [res.status, res.body.outcome])).toEqual([
      [200, 'duplicate'],
      [200, 'duplicate'],
    ]);
    expect(await rows()).toHaveLength(1);
    expect(await changes()).toHaveLength(1);
  });

  it('never books the slot twice in our rows for the gateway’s own booking', async () => {
    await callFunction(t, 'book-appointment', {
      service: 'Haarschnitt',
      date: dayFromNow(3),
      time: '16:00',
      name: 'Anna',
    }).expect(200);
    await fake.webhooks.settled();
    expect(fake.webhooks.sent.map((sent) => [sent.trigger, sent.status])).toEqual([['BOOKING_CREATED', 200]]);
    expect(await rows()).toHaveLength(1);
  });

  it('applies one real-shaped delivery per trigger; the caller hears the result', async () => {
    const caller = '+4915177700009';
    const heard: string[] = [];
    const listen = async (label: string) => {
      await fake.webhooks.settled();
      const res = await ask(caller, `call_${label}`).expect(200);
      heard.push(`${label}: ${res.body.message}`);
      return res.body.message as string;
    };
    const online = fake.outside.bookOnline({
      eventTypeId: 1001,
      start: berlin(dayFromNow(3), '09:30'),
      name: 'Jo',
      phone: caller,
    });
    expect(await listen('BOOKING_CREATED')).toMatch(
      /^Sie haben einen Termin: Haarschnitt am .* um halb 10\. Möchten Sie daran etwas ändern\?$/,
    );
    const moved = fake.outside.rescheduleByLink(online.uid, berlin(dayFromNow(4), '14:30'));
    expect(await listen('BOOKING_RESCHEDULED')).toMatch(/um 14:30 Uhr\. Möchten Sie daran etwas ändern\?$/);
    fake.outside.markNoShow(moved.uid);
    expect(await listen('BOOKING_NO_SHOW_UPDATED')).toMatch(/um 14:30 Uhr\. Möchten Sie daran etwas ändern\?$/);
    fake.outside.cancelByHost(moved.uid, 'Salon geschlossen');
    expect(await listen('BOOKING_CANCELLED')).toBe(
      'Ich finde keine anstehenden Termine für Sie. Möchten Sie einen neuen Termin vereinbaren?',
    );
    const asked = fake.outside.bookOnline({
      eventTypeId: 3001,
      start: berlin(dayFromNow(5), '10:00'),
      name: 'Jo',
      phone: caller,
    });
    expect(await listen('BOOKING_REQUESTED')).toMatch(/angefragt|requested|Erstgespräch/);
    fake.outside.confirm(asked.uid);
    expect(await listen('BOOKING_CREATED (confirmed)')).toMatch(/Erstgespräch am .* um 10 Uhr/);
    const second = fake.outside.bookOnline({
      eventTypeId: 3001,
      start: berlin(dayFromNow(5), '11:00'),
      name: 'Jo',
      phone: caller,
    });
    await fake.webhooks.settled();
    fake.outside.reject(second.uid, 'ausgebucht');
    expect(await listen('BOOKING_REJECTED')).not.toMatch(/11:00/);
    process.stdout.write(`calcom webhooks, what the caller hears:\n  ${heard.join('\n  ')}\n`);
  });
});
