import { CalcomFake } from './calcom-fake';
import type { FakeEventType } from './calcom-fake.schedule';
import { fakeCaller } from './calcom-fake.testing';

const type: FakeEventType = {
  id: 7,
  title: 'Cut',
  lengthMinutes: 30,
  timeZone: 'Europe/Berlin',
  hours: { tue: [['09:00', '11:00']] },
  emailRequired: false,
};
const seated: FakeEventType = { ...type, id: 8, seats: 3 };
const NINE = '2026-12-01T08:00:00.000Z';
const NINE_THIRTY = '2026-12-01T08:30:00.000Z';
const attendee = { name: 'Ana', timeZone: 'Europe/Berlin', phoneNumber: '+4915112345678' };

describe('Cal.com fake: slot reservations', () => {
  let sut: CalcomFake;
  let now: Date;
  const call = fakeCaller(() => sut);
  const hold = (slotStart = NINE, extra: object = {}) =>
    call('POST', '/v2/slots/reservations', { eventTypeId: 7, slotStart, ...extra });
  const starts = async (eventTypeId = 7) => {
    const query = `eventTypeId=${eventTypeId}&start=2026-12-01&end=2026-12-01&timeZone=UTC`;
    const { body } = await call('GET', `/v2/slots?${query}`);
    return ((body.data['2026-12-01'] ?? []) as Array<{ start: string }>).map((slot) => slot.start);
  };
  const book = (extra: object = {}, eventTypeId = 7) =>
    call('POST', '/v2/bookings', { start: NINE, eventTypeId, attendee, ...extra });

  beforeEach(async () => {
    now = new Date('2026-11-30T11:00:00Z');
    sut = new CalcomFake({ eventTypes: [type, seated], now: () => now });
    await sut.start();
  });
  afterEach(() => sut.stop());

  it('holds a slot for five minutes, answering as ReserveSlotOutput_2024_09_04, and hides it from every slot list', async () => {
    expect(await starts()).toContain('2026-12-01T08:00:00.000Z');
    const { status, body } = await hold();
    expect(status).toBe(201);
    expect(body).toEqual({
      status: 'success',
      data: {
        eventTypeId: 7,
        slotStart: NINE,
        slotEnd: NINE_THIRTY,
        slotDuration: 30,
        reservationUid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        reservationDuration: 5,
        reservationUntil: '2026-11-30T11:05:00.000Z',
      },
    });
    expect(await starts()).not.toContain('2026-12-01T08:00:00.000Z');
    expect(await starts()).toContain('2026-12-01T08:30:00.000Z');
  });

  it('holds for the minutes asked, and lets the slot go when the hold ends', async () => {
    const { body } = await hold(NINE, { reservationDuration: 10 });
    expect(body.data.reservationUntil).toBe('2026-11-30T11:10:00.000Z');
    now = new Date('2026-11-30T11:10:00.001Z');
    expect(await starts()).toContain('2026-12-01T08:00:00.000Z');
  });

  it('refuses with 422 a slot already held or booked, and a slot duration on a fixed-length event type', async () => {
    await hold();
    const held = await hold();
    expect(held.status).toBe(422);
    expect(held.body.error).toEqual({
      code: 'UnprocessableEntityException',
      message: 'This time slot is already reserved by another user. Please choose a different time.',
    });
    expect((await book({ start: NINE_THIRTY })).status).toBe(201);
    const booked = await hold(NINE_THIRTY);
    expect([booked.status, booked.body.error?.message]).toEqual([
      422,
      "Can't reserve a slot if the event is already booked.",
    ]);
    expect((await hold('2026-12-01T09:00:00.000Z', { slotDuration: 30 })).status).toBe(400);
  });

  it('lets the holder book the hidden slot, spends the hold, and refuses another party’s hold (409) while it lasts', async () => {
    const first = (await hold()).body.data.reservationUid as string;
    now = new Date('2026-11-30T11:01:00Z');
    sut.holds.set('later', { ...sut.holds.get(first)!, uid: 'later', seq: 99 });
    const refused = await book({ reservedSlotUid: 'later' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'ConflictException',
      message:
        'Someone else reserved this booking time slot before you. This time slot will be freed up in 240 seconds.',
    });
    expect((await book({ reservedSlotUid: first })).status).toBe(201);
    expect((await call('GET', `/v2/slots/reservations/${first}`)).body).toEqual({ status: 'success', data: null });
  });

  it('does not check a booking that names no hold against the holds', async () => {
    await hold();
    expect((await book()).status).toBe(201);
  });

  it('reads, moves and deletes a hold as Cal.com does, unknown uids included', async () => {
    const uid = (await hold()).body.data.reservationUid as string;
    expect((await call('GET', `/v2/slots/reservations/${uid}`)).body.data).toMatchObject({ slotStart: NINE });
    const moved = await call('PATCH', `/v2/slots/reservations/${uid}`, {
      eventTypeId: 7,
      slotStart: '2026-12-01T09:30:00.000Z',
    });
    expect([moved.status, moved.body.data.reservationUid]).toEqual([200, uid]);
    expect(await starts()).toContain(NINE);
    const unknown = await call('PATCH', '/v2/slots/reservations/nope', { eventTypeId: 7, slotStart: NINE });
    expect([unknown.status, unknown.body.error?.message]).toEqual([404, 'Slot with uid=nope not found']);
    expect((await call('DELETE', `/v2/slots/reservations/${uid}`)).body).toEqual({ status: 'success' });
    expect((await call('DELETE', '/v2/slots/reservations/nope')).status).toBe(200);
    expect((await call('GET', '/v2/slots/reservations/nope')).body).toEqual({ status: 'success', data: null });
  });

  it('serves reservations on 2024-09-04 only', async () => {
    const wrong = await call('POST', '/v2/slots/reservations', { eventTypeId: 7, slotStart: NINE }, '2024-08-13');
    expect(wrong.status).toBe(404);
  });

  it('counts a hold on a seated event type as a seat, not as busy time, and does not check its bookings', async () => {
    await call('POST', '/v2/slots/reservations', { eventTypeId: 8, slotStart: NINE });
    expect(await starts(8)).toContain('2026-12-01T08:00:00.000Z');
    expect((await book({ reservedSlotUid: 'someone-else' }, 8)).status).toBe(201);
  });
});
