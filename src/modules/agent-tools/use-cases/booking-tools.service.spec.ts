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
      kind: 'slotTaken',
      wanted: TEN,
      alternatives: rig.state.alternatives,
    });
    rig.state.book = async () => Promise.reject(new DomainError('EMAIL_REQUIRED', 'email'));
    expect(await rig.tools.run('book-appointment', toolContext(), args)).toEqual({ kind: 'needEmail' });
  });

  it('asks for the time, a readable number or any contact before it books', async () => {
    const run = (extra: object, context = toolContext()) =>
      rig.tools.run('book-appointment', context, { ...args, ...extra });
    expect(await run({ time: undefined })).toEqual({ kind: 'needTime', again: true });
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
    expect(await collect()).toMatchObject({ kind: 'slotTaken', wanted: TEN });
    rig.state.check = { kind: 'days', days: [] };
    expect(await collect()).toEqual({ kind: 'slotTaken', wanted: TEN, alternatives: [] });
  });
});
