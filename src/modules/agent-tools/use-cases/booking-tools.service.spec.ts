import { DomainError } from '../../../common/domain-error';
import { appointmentRow, toolContext, toolsRig } from '../agent-tools.testing';

const DAY = '2030-03-04';
const TEN = new Date('2030-03-04T09:00:00.000Z');
const args = { service: 'Haarschnitt', date: DAY, time: '10:00', name: 'Mia Muster' };

describe('Booking tools: confirm, then book once', () => {
  let rig: ReturnType<typeof toolsRig>;

  beforeEach(() => {
    rig = toolsRig();
    rig.state.book = async () => ({ appointment: appointmentRow({ startAt: TEN }), replayed: false });
  });

  it('books with a key of call, service and time, as the caller (saved, linked to the call)', async () => {
    expect(await rig.tools.run('book-appointment', toolContext(), args)).toEqual({
      kind: 'booked',
      moved: false,
      appointment: { id: 'apt_1', service: 'Haarschnitt', start: TEN, status: 'confirmed' },
    });
    const [[, , start, attendee, options]] = rig.calls('book');
    expect(start).toEqual(TEN);
    expect(attendee).toEqual({ customerId: 'cust_1', name: 'Mia Muster', email: null, phone: '+4915112345678' });
    expect(options).toMatchObject({ key: `call_abc:svc_cut:${TEN.toISOString()}`, callId: 'row_call' });
    expect(rig.calls('attachCustomer')).toEqual([['attachCustomer', 'row_call', 'cust_1']]);
  });

  it('keys a booking without a call by the customer, and reports a request not yet confirmed', async () => {
    rig.state.book = async () => ({ appointment: appointmentRow({ status: 'pending' }), replayed: false });
    const result = await rig.tools.run('book-appointment', toolContext({ retellCallId: null, callId: null }), args);
    expect(result).toMatchObject({ kind: 'booked', appointment: { status: 'requested' } });
    expect(rig.calls('book')[0][4]).toMatchObject({ key: `customer-cust_1:svc_cut:${TEN.toISOString()}` });
    expect(rig.calls('attachCustomer')).toEqual([]);
  });

  it('offers alternatives when the slot went, and asks for an e-mail when Cal.com needs one', async () => {
    rig.state.book = async () => Promise.reject(new DomainError('SLOT_TAKEN', 'taken'));
    rig.state.alternatives = [new Date('2030-03-04T09:30:00.000Z')];
    expect(await rig.tools.run('book-appointment', toolContext(), args)).toEqual({
      kind: 'unavailable',
      why: { reason: 'taken' },
      day: expect.any(String),
      wanted: TEN,
      alternatives: rig.state.alternatives,
    });
    rig.state.book = async () => Promise.reject(new DomainError('EMAIL_REQUIRED', 'email'));
    expect(await rig.tools.run('book-appointment', toolContext(), args)).toEqual({ kind: 'needEmail' });
  });

  it('asks for the time, a readable number or any contact before it books', async () => {
    const run = (extra: object, context = toolContext()) =>
      rig.tools.run('book-appointment', context, { ...args, ...extra });
    expect(await run({ time: undefined })).toEqual({ kind: 'needTime', again: true, day: false });
    expect(await run({ phone: 'zwölf' })).toEqual({ kind: 'unreadPhone' });
    expect(await run({}, toolContext({ callerNumber: null }))).toEqual({ kind: 'failed', code: 'CONTACT_REQUIRED' });
    expect(rig.calls('book')).toEqual([]);
  });

  it('repeats a free appointment back before booking, and books it once confirmed', async () => {
    rig.state.check = { kind: 'free', instant: TEN };
    expect(await rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: false })).toEqual({
      kind: 'confirmBooking',
      start: TEN,
      service: 'Haarschnitt',
      name: 'Mia Muster',
      heldUntil: null,
    });
    expect(rig.calls('book')).toEqual([]);
    const confirmed = await rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: true });
    expect(confirmed).toMatchObject({ kind: 'booked' });
  });

  it('asks for the e-mail address before the caller agrees, and offers others for a taken time', async () => {
    rig.state.check = { kind: 'free', instant: TEN };
    rig.state.contact = async () => Promise.reject(new DomainError('EMAIL_REQUIRED', 'email'));
    const collect = () => rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: false });
    expect(await collect()).toEqual({ kind: 'needEmail' });
    rig.state.contact = async () => Promise.reject(new DomainError('CALCOM_BUSY', 'busy'));
    expect(await collect()).toEqual({ kind: 'failed', code: 'CALCOM_BUSY' });
    rig.state.check = { kind: 'taken', instant: TEN, alternatives: [new Date('2030-03-04T10:00:00.000Z')] };
    expect(await collect()).toMatchObject({
      kind: 'unavailable',
      why: { reason: 'taken' },
      day: expect.any(String),
      wanted: TEN,
    });
    rig.state.check = { kind: 'days', days: [] };
    expect(await collect()).toMatchObject({
      kind: 'unavailable',
      why: { reason: 'taken' },
      day: '2030-03-04',
      wanted: TEN,
      alternatives: [],
    });
  });

  it('holds the time read back, books the yes with the hold and spends it', async () => {
    const hold = { id: 'hold_1', start: TEN, reservationUid: 'res_1', expiresAt: new Date('2030-03-04T08:05:00Z') };
    rig.state.check = { kind: 'free', instant: TEN };
    rig.state.hold = { kind: 'held', hold };
    const readBack = await rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: false });
    expect(readBack).toMatchObject({ kind: 'confirmBooking', heldUntil: hold.expiresAt });
    rig.state.mine = hold;
    rig.state.book = async () => ({ appointment: appointmentRow({ startAt: TEN }), replayed: false });
    await rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: true });
    expect(rig.calls('book')[0][4]).toMatchObject({ reservedSlotUid: 'res_1' });
    expect(rig.calls('holdUsed')).toHaveLength(1);
    expect(rig.calls('releaseHolder')).toEqual([]);
  });

  it('reads back the caller’s own held time without asking whether it is free (Cal.com hides it from them too)', async () => {
    rig.state.mine = { id: 'hold_1', start: TEN, reservationUid: 'res_1', expiresAt: TEN };
    rig.state.check = { kind: 'taken', instant: TEN, alternatives: [] };
    const readBack = await rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: false });
    expect(readBack).toMatchObject({ kind: 'confirmBooking', heldUntil: TEN });
    expect([rig.calls('check'), rig.calls('hold')]).toEqual([[], []]);
  });

  it('offers others when the hold is refused, and lets the time go on a no', async () => {
    rig.state.check = { kind: 'free', instant: TEN };
    rig.state.hold = { kind: 'taken' };
    rig.state.alternatives = [new Date('2030-03-04T10:00:00.000Z')];
    const refused = await rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: false });
    expect(refused).toEqual({
      kind: 'unavailable',
      why: { reason: 'taken' },
      day: expect.any(String),
      wanted: TEN,
      alternatives: rig.state.alternatives,
    });
    const no = await rig.tools.run('collect-appointment-data', toolContext(), {
      ...args,
      confirm: false,
      declined: true,
    });
    expect(no).toEqual({ kind: 'declined', released: 1 });
    expect(rig.calls('releaseHolder')).toEqual([['releaseHolder', 'co_1', 'call_abc']]);
  });

  it('lets the hold go when Cal.com refuses the holder’s booking', async () => {
    rig.state.mine = { id: 'hold_1', start: TEN, reservationUid: 'res_1', expiresAt: TEN };
    rig.state.book = async () => Promise.reject(new DomainError('SLOT_TAKEN', 'another hold came first'));
    const booked = await rig.tools.run('collect-appointment-data', toolContext(), { ...args, confirm: true });
    expect(booked).toMatchObject({
      kind: 'unavailable',
      why: { reason: 'taken' },
      day: expect.any(String),
      wanted: TEN,
    });
    expect(rig.calls('releaseHolder')).toEqual([['releaseHolder', 'co_1', 'call_abc']]);
  });
});
