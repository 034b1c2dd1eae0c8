import { DomainError } from '../../../common/domain-error';
import { appointmentRow, toolContext, toolsRig } from '../agent-tools.testing';

const TEN = new Date('2030-03-04T09:00:00.000Z');
const NOON = new Date('2030-03-04T11:00:00.000Z');

describe("Appointment tools: the caller's own appointments", () => {
  let rig: ReturnType<typeof toolsRig>;

  beforeEach(() => {
    rig = toolsRig();
    rig.state.appointments = [appointmentRow({ startAt: TEN })];
  });

  it('lists upcoming appointments reconciled with Cal.com, requested ones marked', async () => {
    rig.state.appointments = [appointmentRow(), appointmentRow({ id: 'apt_2', status: 'pending', service: undefined })];
    expect(await rig.tools.run('query-customer-appointments', toolContext(), {})).toEqual({
      kind: 'appointments',
      appointments: [
        { id: 'apt_1', service: 'Haarschnitt', start: TEN, status: 'confirmed' },
        { id: 'apt_2', service: null, start: TEN, status: 'requested' },
      ],
    });
    expect(rig.calls('reconcile')).toHaveLength(1);
    const stranger = await rig.tools.run('query-customer-appointments', toolContext({ customer: null }), {});
    expect(stranger).toEqual({ kind: 'appointments', appointments: [] });
  });

  it('finds none, asks which of several, and cancels the one meant with a reason', async () => {
    const cancel = (args: object = {}, context = toolContext()) => rig.tools.run('cancel-appointment', context, args);
    expect(await cancel({}, toolContext({ customer: null }))).toEqual({ kind: 'noAppointment' });
    rig.state.appointments = [];
    expect(await cancel()).toEqual({ kind: 'noAppointment' });
    rig.state.appointments = [appointmentRow(), appointmentRow({ id: 'apt_2', startAt: NOON })];
    expect(await cancel()).toMatchObject({
      kind: 'whichAppointment',
      appointments: [{ id: 'apt_1' }, { id: 'apt_2' }],
    });
    rig.state.appointments = [appointmentRow()];
    expect(await cancel({ date: '2030-03-04' })).toMatchObject({ kind: 'cancelled', alreadyCancelled: false });
    expect(rig.calls('cancel')[0][4]).toBe('Vom Anrufer telefonisch abgesagt');
    rig.state.cancelled = 'already-cancelled';
    expect(await cancel({ reason: 'krank' })).toMatchObject({ kind: 'cancelled', alreadyCancelled: true });
    expect(rig.calls('cancel')[1][4]).toBe('krank');
    expect(await cancel({ date: 'irgendwann mal' })).toEqual({ kind: 'unreadDate' });
  });

  it('stops a cancel when the company has no calendar', async () => {
    rig.state.account = null;
    expect(await rig.tools.run('cancel-appointment', toolContext(), {})).toEqual({
      kind: 'failed',
      code: 'CALCOM_MISCONFIGURED',
    });
  });

  it('moves an appointment, or says it already is at that time without asking Cal.com', async () => {
    const move = (time: string) =>
      rig.tools.run('reschedule-appointment', toolContext(), { new_date: '2030-03-04', new_time: time });
    expect(await move('10:00')).toMatchObject({ kind: 'booked', moved: true, appointment: { start: TEN } });
    expect(rig.calls('check')).toEqual([]);
    rig.state.check = { kind: 'free', instant: NOON };
    rig.state.reschedule = async () => ({ appointment: appointmentRow({ startAt: NOON }), replayed: false });
    expect(await move('12:00')).toMatchObject({ kind: 'booked', moved: true, appointment: { start: NOON } });
    expect(rig.calls('check')[0][4]).toBe('uid_1');
  });

  it('offers other times when the new one is taken, before or during the move', async () => {
    const move = () =>
      rig.tools.run('reschedule-appointment', toolContext(), { new_date: '2030-03-04', new_time: '12:00' });
    rig.state.check = { kind: 'taken', instant: NOON, alternatives: [TEN] };
    expect(await move()).toEqual({
      kind: 'unavailable',
      why: { reason: 'taken' },
      day: expect.any(String),
      wanted: NOON,
      alternatives: [TEN],
      stays: { id: 'apt_1', service: 'Haarschnitt', start: TEN },
    });
    rig.state.check = { kind: 'free', instant: NOON };
    rig.state.reschedule = async () => Promise.reject(new DomainError('SLOT_TAKEN', 'gone'));
    rig.state.alternatives = [TEN];
    expect(await move()).toEqual({
      kind: 'unavailable',
      why: { reason: 'taken' },
      day: expect.any(String),
      wanted: NOON,
      alternatives: [TEN],
      stays: { id: 'apt_1', service: 'Haarschnitt', start: TEN },
    });
    rig.state.reschedule = async () => Promise.reject(new DomainError('CALCOM_BUSY', 'busy'));
    expect(await move()).toEqual({ kind: 'failed', code: 'CALCOM_BUSY' });
    expect(
      await rig.tools.run('reschedule-appointment', toolContext(), { new_date: 'bald', new_time: 'irgendwann' }),
    ).toEqual({ kind: 'unreadDate' });
  });

  it('records a reminder call’s yes, and the wish not to be called again (of a known caller or only a number)', async () => {
    expect(await rig.tools.run('confirm-appointment', toolContext(), {})).toEqual({
      kind: 'attendanceConfirmed',
      appointment: { id: 'apt_1', service: 'Haarschnitt', start: TEN },
    });
    expect(rig.calls('reminderOutcome')).toEqual([['reminderOutcome', 'call_abc', 'confirmed']]);
    expect(await rig.tools.run('confirm-appointment', toolContext(), { appointment_id: 'nope' })).toEqual({
      kind: 'missingArguments',
      fields: ['appointment_id'],
    });
    expect(await rig.tools.run('opt-out-of-calls', toolContext(), {})).toEqual({ kind: 'optedOut' });
    expect(await rig.tools.run('opt-out-of-calls', toolContext({ customer: null }), {})).toEqual({ kind: 'optedOut' });
    expect(rig.calls('doNotCall').map(([, , who]) => who)).toEqual([{ id: 'cust_1' }, { phone: '+4915112345678' }]);
    expect(rig.calls('optedOut').map(([, , customer]) => customer)).toEqual(['cust_1', 'cust_new']);
    const nobody = toolContext({ customer: null, callerNumber: null, retellCallId: null });
    expect(await rig.tools.run('opt-out-of-calls', nobody, {})).toEqual({ kind: 'failed', code: 'CONTACT_REQUIRED' });
  });
});
