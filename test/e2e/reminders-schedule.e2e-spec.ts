import request from 'supertest';
import { DateTime } from 'luxon';
import { Customer } from '../../src/modules/tenants/customer.entity';
import { berlin, BOOKING_NUMBER, callFunction, dayFromNow, ZONE } from '../support/calcom';
import { CUSTOMER, REMINDER_AGENT, useReminderSuite, WORKSPACE_KEY } from '../support/reminders.testing';

/** Reminder calls, planned with their appointments and placed once, at the due time, inside the calling window. */
describe('Reminder calls: scheduling', () => {
  const rig = useReminderSuite();
  const { suite, retell } = rig;
  const day = dayFromNow(4);
  const dayBefore = dayFromNow(3);

  it('calls once at the due time with the appointment in the company language, never before, never twice', async () => {
    const appointmentId = await rig.book(day, '10:00');
    await rig.tick(dayBefore, '09:59');
    expect(retell.calls).toEqual([]);
    expect(await rig.reminders()).toMatchObject([{ status: 'scheduled', leadMinutes: 1440, attempts: 0 }]);
    await rig.tick(dayBefore, '10:00');
    await rig.tick(dayBefore, '10:01');
    const [reminder] = await rig.reminders();
    const spoken = DateTime.fromISO(day, { zone: ZONE }).setLocale('de').toFormat('cccc, d. LLLL');
    expect(retell.calls).toEqual([
      {
        auth: `Bearer ${WORKSPACE_KEY}`,
        status: 201,
        body: {
          from_number: BOOKING_NUMBER,
          to_number: CUSTOMER,
          override_agent_id: REMINDER_AGENT,
          retell_llm_dynamic_variables: {
            customer_name: 'Mia Muster',
            company_name: 'Salon salon',
            service: 'Haarschnitt',
            appointment_date: spoken,
            appointment_time: '10 Uhr',
            appointment_id: appointmentId,
            reminder_id: reminder.id,
            current_timezone: ZONE,
          },
          metadata: { reminder_id: reminder.id, appointment_id: appointmentId, company_id: reminder.companyId },
        },
      },
    ]);
    expect(reminder).toMatchObject({ status: 'placed', attempts: 1, retellCallId: expect.stringMatching(/^call_/) });
  });

  it('waits for the calling window, and calls at its opening', async () => {
    await rig.book(day, '08:30');
    await rig.tick(dayBefore, '08:31');
    expect(retell.calls).toEqual([]);
    expect((await rig.reminders())[0].nextAt).toEqual(berlin(dayBefore, '09:00'));
    await rig.tick(dayBefore, '09:00');
    expect(retell.placed).toHaveLength(1);
  });

  it('moves the reminder with the appointment, and drops it with a cancellation', async () => {
    await rig.book(day, '10:00');
    await rig.tick(dayFromNow(0), '00:00');
    const moved = await callFunction(suite.t, 'reschedule-appointment', { new_date: dayFromNow(5), new_time: '11:00' });
    expect(moved.body.success).toBe(true);
    await rig.tick(dayBefore, '10:00');
    expect(retell.calls).toEqual([]);
    expect(await rig.reminders()).toMatchObject([{ status: 'scheduled', dueAt: berlin(dayFromNow(4), '11:00') }]);
    await callFunction(suite.t, 'cancel-appointment', {});
    await rig.tick(dayFromNow(4), '11:00');
    expect(retell.calls).toEqual([]);
    expect(await rig.reminders()).toMatchObject([{ status: 'dropped' }]);
  });

  it('plans none when booked after the reminder time, and none to a customer who asked not to be called', async () => {
    const admin = { authorization: `Bearer ${suite.t.adminToken}` };
    const [company] = (await request(suite.t.server).get('/api/admin/companies').set(admin)).body;
    // Two days ahead: tomorrow's appointment is booked after its reminder time.
    const reminders = { ...company.reminders, leadMinutes: [2880] };
    await request(suite.t.server)
      .patch(`/api/admin/companies/${company.id}`)
      .set(admin)
      .send({ reminders })
      .expect(200);
    await rig.book(dayFromNow(1), '10:00');
    await rig.book(day, '09:30', '+4915100000009');
    await suite.t.dataSource.getRepository(Customer).update({ phoneE164: '+4915100000009' }, { doNotCall: true });
    await rig.tick(new Date());
    expect(await rig.reminders()).toEqual([]);
  });

  it('keeps the settings valid: lead times, a window that opens before it closes, E.164 numbers', async () => {
    const [company] = (
      await request(suite.t.server).get('/api/admin/companies').set('authorization', `Bearer ${suite.t.adminToken}`)
    ).body;
    expect(company.reminders).toEqual({
      leadMinutes: [1440],
      window: { from: '09:00', to: '19:00' },
      agentId: REMINDER_AGENT,
      fromNumber: null,
      maxAttempts: 3,
    });
    const patch = (reminders: object | null) =>
      request(suite.t.server)
        .patch(`/api/admin/companies/${company.id}`)
        .set('authorization', `Bearer ${suite.t.adminToken}`)
        .send({ reminders });
    await patch({ ...company.reminders, window: { from: '19:00', to: '09:00' } }).expect(400);
    await patch({ ...company.reminders, leadMinutes: [5] }).expect(400);
    await patch({ ...company.reminders, fromNumber: '030 1234' }).expect(400);
    await patch({ ...company.reminders, maxAttempts: 9 }).expect(400);
    const off = await patch(null).expect(200);
    expect(off.body.reminders).toBeNull();
  });
});
