import { CalcomError } from '../calcom/calcom.errors';
import { bookingRig, BookingRig } from './booking.testing';

const START = new Date('2030-03-04T09:00:00.000Z');
const LATER = new Date('2030-03-04T11:00:00.000Z');
const attendee = { customerId: null, name: 'Mia', email: 'mia@example.com', phone: null };
const uncertain = () => new CalcomError('CALCOM_UNAVAILABLE', 'timed out', null, true);

describe('BookingService: moving and cancelling', () => {
  let rig: BookingRig;
  const booked = async () =>
    (await rig.booking.book(rig.scope(), START, attendee, { key: 'call_1', callId: null })).appointment;
  const move = (row: Awaited<ReturnType<typeof booked>>, start = LATER) =>
    rig.booking.reschedule(rig.scope(), row, start, null);
  const cancel = (row: Awaited<ReturnType<typeof booked>>) =>
    rig.booking.cancel(rig.scope().account, 'Europe/Berlin', row, 'by phone');

  beforeAll(async () => {
    rig = await bookingRig();
  });
  afterEach(() => rig.reset());
  afterAll(() => rig.close());

  it('moves a booking: a new row at the new time, the old one cancelled as rescheduled', async () => {
    const row = await booked();
    const moved = await move(row);
    expect(moved.appointment).toMatchObject({ status: 'accepted', rescheduledFromId: row.id, startAt: LATER });
    expect((await rig.rows()).map((r) => [r.status, r.cancellationReason])).toEqual([
      ['cancelled', 'rescheduled'],
      ['accepted', null],
    ]);
  });

  it('answers a move to the same time without asking Cal.com', async () => {
    const row = await booked();
    expect(await move(row, START)).toEqual({ appointment: row, replayed: true });
    expect(rig.client.calls).not.toContain('rescheduleBooking');
  });

  it('replays a move retried after it succeeded, and refuses to move what is gone', async () => {
    const row = await booked();
    const moved = await move(row);
    const old = (await rig.rows()).find((r) => r.id === row.id)!;
    expect(await move(old)).toMatchObject({ replayed: true, appointment: { id: moved.appointment.id } });
    await expect(move(old, new Date('2030-03-04T13:00:00.000Z'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('looks an uncertain move up through the old booking, and mirrors the new one', async () => {
    const row = await booked();
    rig.client.once('rescheduleBooking', async () => {
      const old = rig.client.bookings.get(row.calcomBookingUid!)!;
      const made = rig.client.make(LATER, 30, 1001, old.metadata);
      rig.client.bookings.set(old.uid, { ...old, status: 'cancelled', rescheduledToUid: made.uid });
      throw uncertain();
    });
    const moved = await move(row);
    expect(moved.appointment).toMatchObject({ status: 'accepted', startAt: LATER });
    expect(rig.client.calls).toEqual(expect.arrayContaining(['getBooking', 'getBooking']));
  });

  it('follows a booking Cal.com says was moved elsewhere, and moves the newest one', async () => {
    const row = await booked();
    const elsewhere = rig.client.make(new Date('2030-03-04T10:00:00.000Z'), 30, 1001, {});
    rig.client.once('rescheduleBooking', async () =>
      Promise.reject(new CalcomError('BOOKING_MOVED', 'moved', 400, false, { movedTo: elsewhere.uid })),
    );
    const moved = await move(row);
    expect(moved.appointment.status).toBe('accepted');
    expect(rig.client.bookings.get(elsewhere.uid)?.status).toBe('cancelled');
  });

  it('moves again when the lookup of an uncertain move finds it never happened', async () => {
    const row = await booked();
    rig.client.once('rescheduleBooking', async () => Promise.reject(uncertain()));
    await expect(move(row)).rejects.toMatchObject({ code: 'CALCOM_UNAVAILABLE' });
    const retried = await move((await rig.rows())[0]);
    expect(retried.appointment).toMatchObject({ status: 'accepted', startAt: LATER });
  });

  it('cancels a request Cal.com never confirmed without asking it', async () => {
    const row = await booked();
    const pending = await rig.claims.settle(row, { status: 'pending', calcomBookingUid: null });
    expect(await cancel(pending)).toBe('cancelled');
    expect(rig.client.calls).not.toContain('cancelBooking');
  });

  it('cancels once and reports a second cancel as already done', async () => {
    const row = await booked();
    expect(await cancel(row)).toBe('cancelled');
    const cancelled = (await rig.rows())[0];
    expect(await cancel(cancelled)).toBe('already-cancelled');
    expect(rig.client.bookings.get(row.calcomBookingUid!)?.status).toBe('cancelled');
  });

  it('refuses to cancel a booking still being made', async () => {
    const row = await booked();
    await rig.claims.settle(row, { status: 'uncertain' });
    await expect(cancel({ ...row, status: 'uncertain' })).rejects.toMatchObject({ code: 'CALCOM_BUSY' });
  });

  it('treats a booking Cal.com no longer knows as cancelled', async () => {
    const row = await booked();
    rig.client.once('cancelBooking', async () => Promise.reject(new CalcomError('NOT_FOUND', 'gone', 404)));
    expect(await cancel(row)).toBe('cancelled');
  });

  it('asks Cal.com after an uncertain cancel: done if it shows cancelled, an error if not', async () => {
    const row = await booked();
    rig.client.once('cancelBooking', async () => {
      const booking = rig.client.bookings.get(row.calcomBookingUid!)!;
      rig.client.bookings.set(booking.uid, { ...booking, status: 'cancelled' });
      throw uncertain();
    });
    expect(await cancel(row)).toBe('cancelled');
    await rig.reset();
    const other = await booked();
    rig.client.once('cancelBooking', async () => Promise.reject(uncertain()));
    await expect(cancel(other)).rejects.toMatchObject({ code: 'CALCOM_UNAVAILABLE' });
    expect((await rig.rows())[0].status).toBe('accepted');
  });
});
