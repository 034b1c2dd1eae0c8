import { DomainError } from '../../common/domain-error';
import { CalcomError } from '../calcom/calcom.errors';
import { bookingRig, BookingRig, CONFIG } from './booking.testing';

const START = new Date('2030-03-04T09:00:00.000Z');
const attendee = { customerId: null, name: 'Mia', email: null, phone: '+4915112345678' };
const uncertain = () => new CalcomError('CALCOM_UNAVAILABLE', 'timed out', null, true);
const refused = () => new CalcomError('CALCOM_UNAVAILABLE', 'refused', 503);
const never = () => new Promise<never>(() => undefined);

/** A booking left running (its answer never comes, or comes after the test): its outcome is not what is tested. */
const inBackground = (work: Promise<unknown>): void =>
  void work.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('BookingService over the claims table', () => {
  let rig: BookingRig;
  const book = (key = 'call_1', start = START, multiHost = false) =>
    rig.booking.book(rig.scope(multiHost), start, attendee, { key, callId: null });
  const age = (id: string, status = 'booking') =>
    rig.dataSource.query(`UPDATE appointments SET status = $2, updated_at = now() - interval '1 hour' WHERE id = $1`, [
      id,
      status,
    ]);

  beforeAll(async () => {
    rig = await bookingRig();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rig.reset();
  });
  afterAll(() => rig.close());

  it('books once per key: a retry is answered from the row, without a second request', async () => {
    const first = await book();
    const again = await book();
    expect(first).toMatchObject({ replayed: false, appointment: { status: 'accepted' } });
    expect(again).toMatchObject({ replayed: true, appointment: { id: first.appointment.id } });
    expect(rig.client.calls.filter((call) => call === 'createBooking')).toHaveLength(1);
  });

  it('refuses a second key for a held single-host slot, and locks multi-host slots instead', async () => {
    await book('call_1');
    await expect(book('call_2')).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    await book('call_3', new Date('2030-03-04T10:00:00.000Z'), true);
    expect(rig.locks).toEqual(['slot:acct_rig:1001:2030-03-04T10:00:00.000Z']);
  });

  it('waits for a claim in flight with the same key and answers with its result', async () => {
    let release: () => void = () => undefined;
    rig.client.once('createBooking', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return rig.client.make(START, 30, 1001, { bookingKey: 'call_1' });
    });
    const first = book();
    await rig.claimed(1);
    const second = book();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(b).toMatchObject({ replayed: true, appointment: { id: a.appointment.id, status: 'accepted' } });
  });

  it('gives up waiting for a claim in flight after the timeout, saying the calendar is busy', async () => {
    rig.client.once('createBooking', never);
    inBackground(book());
    await rig.claimed(1);
    await expect(book()).rejects.toMatchObject({ code: 'CALCOM_BUSY' });
  });

  it('takes over a stale claim of its own key and finds the booking the dead request made', async () => {
    rig.client.once('createBooking', never);
    inBackground(book());
    const [row] = await rig.claimed(1);
    rig.client.make(START, 30, 1001, { bookingKey: 'call_1' });
    await age(row.id);
    const taken = await book();
    expect(taken).toMatchObject({ replayed: false, appointment: { id: row.id, status: 'accepted' } });
    expect(rig.client.calls.filter((call) => call === 'createBooking')).toHaveLength(1);
  });

  it("settles another key's stale holder of the slot by looking it up: free when Cal.com has nothing", async () => {
    rig.client.once('createBooking', never);
    inBackground(book('dead'));
    const [holder] = await rig.claimed(1);
    await age(holder.id);
    const taken = await book('alive');
    expect(taken.appointment).toMatchObject({ status: 'accepted', idempotencyKey: 'alive' });
    expect((await rig.rows()).find((row) => row.id === holder.id)?.status).toBe('failed');
  });

  it("keeps a stale holder's slot when Cal.com says it was booked", async () => {
    rig.client.once('createBooking', never);
    inBackground(book('dead'));
    const [holder] = await rig.claimed(1);
    rig.client.make(START, 30, 1001, { bookingKey: 'dead' });
    await age(holder.id);
    await expect(book('alive')).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect((await rig.rows()).find((row) => row.id === holder.id)?.status).toBe('accepted');
  });

  it('keeps the slot held when a stale holder cannot be looked up', async () => {
    rig.client.once('createBooking', never);
    inBackground(book('dead'));
    const [holder] = await rig.claimed(1);
    await age(holder.id);
    rig.client.once('findBookings', async () => Promise.reject(refused()));
    await expect(book('alive')).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
  });

  it('looks an uncertain booking up at once, and answers with what Cal.com made', async () => {
    rig.client.once('createBooking', async () => {
      rig.client.make(START, 30, 1001, { bookingKey: 'call_1' });
      throw uncertain();
    });
    const outcome = await book();
    expect(outcome.appointment.status).toBe('accepted');
  });

  it('marks an uncertain booking failed when the lookup finds nothing, and books on the retry', async () => {
    rig.client.once('createBooking', async () => Promise.reject(uncertain()));
    await expect(book()).rejects.toMatchObject({ code: 'CALCOM_UNAVAILABLE' });
    expect((await rig.rows())[0].status).toBe('failed');
    expect((await book()).appointment.status).toBe('accepted');
  });

  it('leaves a booking uncertain when the lookup fails too, and reconciles on the retry', async () => {
    rig.client.once('createBooking', async () => {
      rig.client.make(START, 30, 1001, { bookingKey: 'call_1' });
      throw uncertain();
    });
    rig.client.once('findBookings', async () => Promise.reject(refused()));
    await expect(book()).rejects.toMatchObject({ code: 'CALCOM_UNAVAILABLE' });
    expect((await rig.rows())[0].status).toBe('uncertain');
    expect((await book()).appointment.status).toBe('accepted');
    expect(rig.client.calls.filter((call) => call === 'createBooking')).toHaveLength(1);
  });

  it('frees the slot when Cal.com refuses for good', async () => {
    rig.client.once('createBooking', async () => Promise.reject(new DomainError('SLOT_TAKEN', 'taken')));
    await expect(book()).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect((await rig.rows())[0].status).toBe('failed');
    expect(rig.invalidated).toBe(1);
  });

  it('books again in the same call after a cancellation, keeping the old row under another key', async () => {
    const first = await book();
    await rig.booking.cancel(rig.scope().account, 'Europe/Berlin', first.appointment, 'changed mind');
    const again = await book();
    expect(again.appointment.id).not.toBe(first.appointment.id);
    expect((await rig.rows()).map((row) => row.status)).toEqual(['cancelled', 'accepted']);
  });

  it('sends again after taking over a stale claim that Cal.com never saw', async () => {
    rig.client.once('createBooking', never);
    inBackground(book());
    const [row] = await rig.claimed(1);
    await age(row.id);
    expect((await book()).appointment).toMatchObject({ id: row.id, status: 'accepted' });
    expect(rig.client.calls.filter((call) => call === 'createBooking')).toHaveLength(2);
  });

  it('marks the row failed on an unexpected error, and leaves a late uncertain answer for the retry', async () => {
    rig.client.once('createBooking', async () => Promise.reject(new Error('socket hang up')));
    await expect(book()).rejects.toThrow('socket hang up');
    expect((await rig.rows())[0].status).toBe('failed');
    // An answer that took most of the time budget: no time left to look it up while the caller waits.
    const real = Date.now.bind(Date);
    rig.client.once('createBooking', async () => {
      // The whole time budget passes while Cal.com takes its time: the clock moves on, no one waits for it.
      jest.spyOn(Date, 'now').mockImplementation(() => real() + CONFIG.timeoutMs);
      throw uncertain();
    });
    await expect(book()).rejects.toMatchObject({ code: 'CALCOM_UNAVAILABLE' });
    expect((await rig.rows())[0].status).toBe('uncertain');
    expect(rig.client.calls).not.toContain('findBookings');
  });

  it('refuses to retry a failed booking whose slot another caller has taken since', async () => {
    rig.client.once('createBooking', async () => Promise.reject(refused()));
    await expect(book('first')).rejects.toMatchObject({ code: 'CALCOM_UNAVAILABLE' });
    await book('second');
    await expect(book('first')).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
  });

  it('lets one of two retries of an uncertain booking reconcile it, and the other replay the result', async () => {
    rig.client.once('createBooking', async () => {
      rig.client.make(START, 30, 1001, { bookingKey: 'call_1' });
      throw uncertain();
    });
    rig.client.once('findBookings', async () => Promise.reject(refused()));
    await expect(book()).rejects.toMatchObject({ code: 'CALCOM_UNAVAILABLE' });
    const [a, b] = await Promise.all([book(), book()]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(b.appointment.id).toBe(a.appointment.id);
  });

  it('does not mistake another database error for a taken slot', async () => {
    const stranger = {
      ...rig.scope(),
      company: { ...rig.scope().company, id: '6f1c2b9e-8f53-4c61-9d36-6e3f0a3f1a10' },
    };
    await expect(rig.booking.book(stranger, START, attendee, { key: 'k', callId: null })).rejects.toThrow(
      /foreign key/,
    );
  });

  it('books again when the host rejected the first request of this key', async () => {
    const first = await book();
    await rig.claims.settle(first.appointment, { status: 'rejected' });
    const again = await book();
    expect(again).toMatchObject({ replayed: false, appointment: { id: first.appointment.id, status: 'accepted' } });
  });

  it('asks for contact details Cal.com needs before booking', async () => {
    const noContact = { ...attendee, phone: null };
    await expect(rig.booking.assertContactAccepted(rig.scope(), noContact)).rejects.toMatchObject({
      code: 'CONTACT_REQUIRED',
    });
    const emailOnly = { ...rig.scope(), service: { ...rig.scope().service, calcomEventTypeId: 4004 } };
    await expect(rig.booking.assertContactAccepted(emailOnly, attendee)).rejects.toMatchObject({
      code: 'EMAIL_REQUIRED',
    });
  });
});
