import request from 'supertest';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { berlin, dayFromNow } from '../support/calcom';
import { CUSTOMER, useReminderSuite } from '../support/reminders.testing';

/** The outbound call through the real function routes: the customer confirms, moves, cancels or opts out. */
describe('Reminder calls: the conversation and how each ends', () => {
  const rig = useReminderSuite();
  const { suite, retell } = rig;
  const day = dayFromNow(4);
  const due = berlin(dayFromNow(3), '10:00');
  const at = (minutes: number) => new Date(due.getTime() + minutes * 60_000);
  let appointmentId: string;
  /** The Retell call id of the reminder just placed. */
  const placed = async () => {
    await rig.tick(at(0));
    const [reminder] = await rig.reminders();
    expect(reminder.status).toBe('placed');
    return reminder.retellCallId!;
  };
  const status = async () => (await rig.reminders()).map((row) => [row.status, row.reason]);

  beforeEach(async () => {
    appointmentId = await rig.book(day, '10:00');
  });

  it('hears the appointment and records the customer’s yes', async () => {
    const callId = await placed();
    const heard = await rig.outbound('query-customer-appointments', {}, callId).expect(200);
    expect(heard.body.message).toMatch(/^Sie haben einen Termin: Haarschnitt am .* um 10 Uhr\./);
    const yes = await rig.outbound('confirm-appointment', { appointment_id: appointmentId }, callId).expect(200);
    expect(yes.body).toMatchObject({ success: true, data: { appointment_id: appointmentId, confirmed: true } });
    expect(yes.body.message).toMatch(/^Danke, dann bis \p{L}+, \d+\. \p{L}+ um 10 Uhr! Kann ich sonst noch helfen\?$/u);
    await rig.ended(callId, 'user_hangup', at(2));
    expect(await status()).toEqual([['confirmed', null]]);
  });

  it('moves or cancels the appointment as on an inbound call, and says so in the reminder', async () => {
    const callId = await placed();
    const moved = await rig.outbound('reschedule-appointment', { new_date: dayFromNow(5), new_time: '11:00' }, callId);
    expect(moved.body.message).toMatch(/^Ihr Haarschnitt ist verschoben: von .* auf .* um 11 Uhr\./);
    expect(await status()).toEqual([['rescheduled', null]]);
    const other = await rig.book(dayFromNow(6), '10:00');
    await rig.tick(berlin(dayFromNow(5), '10:00'));
    const [, second] = await rig.reminders();
    const cancelled = await rig.outbound('cancel-appointment', { appointment_id: other }, second.retellCallId!);
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled' });
    expect((await rig.reminders()).map((row) => row.status)).toEqual(['rescheduled', 'cancelled']);
  });

  it('honours "please don’t call me again" from then on', async () => {
    await rig.book(dayFromNow(6), '12:00');
    const callId = await placed();
    const no = await rig.outbound('opt-out-of-calls', {}, callId).expect(200);
    expect(no.body.message).toBe('In Ordnung, wir rufen Sie nicht mehr an. Kann ich sonst noch helfen?');
    expect(await status()).toEqual([
      ['declined', 'the customer asked not to be called'],
      ['dropped', 'the customer asked not to be called'],
    ]);
    const customer = await suite.t.dataSource.getRepository(Customer).findOneByOrFail({ phoneE164: CUSTOMER });
    expect(customer.doNotCall).toBe(true);
    await rig.tick(berlin(dayFromNow(5), '12:00'));
    expect(retell.placed).toHaveLength(1);
  });

  it('tries again after no answer and a voicemail, inside the window, and ends as the last try did', async () => {
    await rig.ended(await placed(), 'dial_no_answer', at(1));
    expect(await rig.reminders()).toMatchObject([
      { status: 'retry', nextAt: at(61), reason: 'no_answer; calling again' },
    ]);
    await rig.tick(at(61));
    const second = (await rig.reminders())[0].retellCallId!;
    await rig.ended(second, 'user_hangup', at(62));
    await rig.ended(second, 'user_hangup', at(62), 'call_analyzed', { in_voicemail: true });
    expect(await rig.reminders()).toMatchObject([{ status: 'retry', nextAt: at(122), attempts: 2 }]);
    await rig.tick(at(122));
    await rig.ended((await rig.reminders())[0].retellCallId!, 'voicemail_reached', at(123));
    expect(await status()).toEqual([['voicemail', 'voicemail_reached']]);
    expect(retell.placed).toHaveLength(3);
  });

  it('counts an answered call without a yes as declined, and lists every reminder with its outcome', async () => {
    await rig.ended(await placed(), 'agent_hangup', at(3));
    expect(await status()).toEqual([['declined', 'answered; nothing confirmed, moved or cancelled']]);
    const admin = { authorization: `Bearer ${suite.t.adminToken}` };
    const listed = await request(suite.t.server)
      .get('/api/admin/reminders?status=declined,confirmed')
      .set(admin)
      .expect(200);
    expect(listed.body).toMatchObject([{ appointmentId, status: 'declined', attempts: 1, leadMinutes: 1440 }]);
    await request(suite.t.server).get('/api/admin/reminders?status=nope').set(admin).expect(400);
    const metrics = await request(suite.t.server).get('/metrics').set(admin);
    expect(metrics.text).toMatch(/reminders_total\{outcome="placed"\} [1-9]/);
    expect(metrics.text).toMatch(/reminders_total\{outcome="declined"\} [1-9]/);
  });
});
