import { Appointment } from '../../src/modules/appointments/appointment.entity';
import { berlin, callFunction, dayFromNow } from '../support/calcom';
import { useBookingSuite } from '../support/booking-suite.testing';

describe('Cal.com as it really answers', () => {
  const suite = useBookingSuite();
  const day = dayFromNow(3);
  const posts = (path: RegExp) => suite.fake.requestsTo('POST', path);
  const book = (service: string, time: string, extra: object = {}, call: Record<string, unknown> = {}) =>
    callFunction(suite.t, 'book-appointment', { service, date: day, time, name: 'Anna', ...extra }, call).expect(200);
  const rows = () => suite.t.dataSource.getRepository(Appointment).find({ order: { createdAt: 'ASC' } });

  it('always gives Cal.com a cancellation reason, the caller’s or a sentence of ours', async () => {
    await book('Haarschnitt', '10:00');
    const res = await callFunction(suite.t, 'cancel-appointment', { date: day }).expect(200);
    expect(res.body).toMatchObject({ success: true, data: { status: 'cancelled' } });
    expect(posts(/\/cancel$/).map((r) => r.body)).toEqual([{ cancellationReason: 'Vom Anrufer telefonisch abgesagt' }]);
  });

  it('takes Cal.com’s "cancelled already" as done', async () => {
    await book('Haarschnitt', '10:00');
    [...suite.fake.bookings.values()][0].status = 'cancelled';
    const res = await callFunction(suite.t, 'cancel-appointment', { date: day, reason: 'krank' }).expect(200);
    expect(res.body.message).toMatch(/ist storniert\. Möchten Sie einen neuen Termin vereinbaren\?$/);
    expect(suite.fake.requests.at(-1)).toMatchObject({ path: expect.stringMatching(/\/cancel$/), status: 400 });
    expect((await rows())[0].status).toBe('cancelled');
  });

  it('says so when Cal.com will not cancel: an ended booking, an event type that forbids it', async () => {
    await book('Festtermin', '10:00');
    const forbidden = await callFunction(suite.t, 'cancel-appointment', { date: day }).expect(200);
    expect(forbidden.body).toEqual({
      success: false,
      message: 'Diesen Termin kann ich telefonisch leider nicht stornieren. Darf ich Sie zurückrufen lassen?',
    });
    await book('Haarschnitt', '11:00');
    const haircut = [...suite.fake.bookings.values()].find((b) => b.eventTypeId === 1001)!;
    haircut.end = new Date(Date.now() - 1000);
    const ended = await callFunction(suite.t, 'cancel-appointment', { appointment_id: (await rows())[1].id }).expect(
      200,
    );
    expect(ended.body.message).toBe(
      'Dieser Termin liegt schon in der Vergangenheit und kann nicht mehr storniert werden.',
    );
    expect((await rows()).map((row) => row.status)).toEqual(['accepted', 'accepted']);
  });

  it('follows a booking the business already moved, and moves the newest one', async () => {
    await book('Haarschnitt', '10:00');
    const original = [...suite.fake.bookings.values()][0];
    const elsewhere = await fetch(`${suite.fake.url}/v2/bookings/${original.uid}/reschedule`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer cal_fixture_booking',
        'cal-api-version': '2024-08-13',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ start: berlin(day, '12:00').toISOString() }),
    });
    expect(elsewhere.status).toBe(201);
    const res = await callFunction(suite.t, 'reschedule-appointment', {
      date: day,
      new_date: day,
      new_time: '15:00',
    }).expect(200);
    expect(res.body.message).toMatch(
      /^Ihr Haarschnitt ist verschoben: von .* auf .* um 15 Uhr\. Kann ich sonst noch helfen\?$/,
    );
    const active = [...suite.fake.bookings.values()].filter((b) => b.status === 'accepted');
    expect(active.map((b) => b.start.toISOString())).toEqual([berlin(day, '15:00').toISOString()]);
    expect(posts(/\/reschedule$/).map((r) => r.status)).toEqual([201, 400, 201]);
  });

  it('moves an appointment by less than its length: its own time counts as free', async () => {
    await book('Färben', '10:00');
    const [booking] = [...suite.fake.bookings.values()];
    const res = await callFunction(suite.t, 'reschedule-appointment', {
      date: day,
      new_date: day,
      new_time: '10:30',
    }).expect(200);
    expect(res.body.success).toBe(true);
    expect(suite.fake.requestsTo('GET', /^\/v2\/slots$/).at(-1)!.query.bookingUidToReschedule).toBe(booking.uid);
  });

  it('books once when Cal.com commits and then answers 500: the booking is looked up, not sent again', async () => {
    suite.fake.fail({ kind: 'commit', method: 'POST', path: /^\/v2\/bookings$/ });
    const res = await book('Haarschnitt', '10:00');
    expect(res.body).toMatchObject({ success: true, data: { status: 'confirmed' } });
    expect(posts(/^\/v2\/bookings$/)).toHaveLength(1);
    expect(suite.fake.bookings.size).toBe(1);
    expect((await rows())[0]).toMatchObject({
      status: 'accepted',
      calcomBookingUid: [...suite.fake.bookings.keys()][0],
    });
  });

  it('asks a phone-only caller for an e-mail address before confirming, where the event type requires one', async () => {
    const base = { service: 'Beratung', date: day, time: '10:00', name: 'Anna' };
    const check = await callFunction(suite.t, 'collect-appointment-data', { ...base, confirm: false }).expect(200);
    expect(check.body).toEqual({
      success: false,
      message: 'Für diese Buchung brauche ich noch Ihre E-Mail-Adresse.',
      data: { missing: ['email'] },
    });
    const booking = await callFunction(suite.t, 'book-appointment', base).expect(200);
    expect(booking.body.data).toEqual({ missing: ['email'] });
    expect(posts(/^\/v2\/bookings$/)).toHaveLength(0);
    const withEmail = await callFunction(suite.t, 'book-appointment', { ...base, email: 'anna@example.org' }).expect(
      200,
    );
    expect(withEmail.body.success).toBe(true);
    expect(suite.fake.requestsTo('GET', /^\/v2\/event-types\/4001$/)).toHaveLength(1);
  });

  it('offers alternatives for a race inside Cal.com and a full seated slot; says when limits are reached', async () => {
    suite.fake.fail({ kind: 'status', status: 409, message: 'booking_conflict_error', method: 'POST' });
    const race = await book('Haarschnitt', '10:00');
    expect(race.body.message).toMatch(/ist leider vergeben\. Wie wäre es .*\?$/u);
    // Two other callers take the seats (the same caller asking again would hear it is their own booking).
    await book('Workshop', '10:00', {}, { call_id: 'w1', from_number: '+4915100000001' });
    await book('Workshop', '10:00', {}, { call_id: 'w2', from_number: '+4915100000002' });
    const full = await book('Workshop', '10:00', {}, { call_id: 'w3' });
    expect(full.body.data.alternatives.length).toBeGreaterThan(0);
    await book('Express', '09:00', {}, { call_id: 'e1' });
    const limited = await book('Express', '11:00', {}, { call_id: 'e2' });
    expect(limited.body).toEqual({
      success: false,
      message:
        'Der Kalender nimmt für diesen Zeitraum leider keine weiteren Buchungen an. Darf ich Ihnen einen anderen Tag anbieten?',
    });
  });
});
