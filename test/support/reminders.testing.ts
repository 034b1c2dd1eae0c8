import { RetellApiFake } from '../../src/retell-fake/retell-api-fake';
import { Reminder } from '../../src/modules/reminders/reminder.entity';
import { ReminderWorkerService } from '../../src/modules/reminders/reminder-worker.service';
import { useBookingSuite } from './booking-suite.testing';
import { berlin, BOOKING_NUMBER, bookingTenant, callFunction } from './calcom';
import { callObject, signedPost } from './retell';

export const REMINDER_AGENT = 'agent_reminder';
export const CUSTOMER = '+4915112345678';
/** The key Retell's API is called with: the deployment's first (the booking tenant has none of its own). */
export const WORKSPACE_KEY = 'key_old_rotated_out';
export const REMINDERS = {
  leadMinutes: [1440],
  window: { from: '09:00', to: '19:00' },
  agentId: REMINDER_AGENT,
  maxAttempts: 3,
};

/** A booking suite whose tenant has reminders, with Retell's API faked and the reminder clock in the test's hand. */
export function useReminderSuite(settings: object = REMINDERS) {
  const env: Record<string, string> = { REMINDER_TICK_MS: '0' };
  const retell = new RetellApiFake([{ apiKey: WORKSPACE_KEY, numbers: [BOOKING_NUMBER], agents: [REMINDER_AGENT] }]);
  beforeAll(async () => {
    env.RETELL_API_BASE_URL = await retell.start();
  });
  const suite = useBookingSuite({ env, tenants: () => [{ ...bookingTenant(), reminders: settings }] });
  afterEach(() => void retell.calls.splice(0));
  afterAll(() => retell.stop());

  const rig = {
    suite,
    retell,
    /** Books through an inbound call, as a caller would; the appointment's id. */
    book: async (day: string, time: string, caller = CUSTOMER): Promise<string> => {
      const args = { service: 'Haarschnitt', date: day, time, name: 'Mia Muster' };
      const res = await callFunction(suite.t, 'book-appointment', args, {
        call_id: `in_${day}_${time}_${caller}`,
        from_number: caller,
      });
      if (!res.body.success) throw new Error(`booking failed: ${JSON.stringify(res.body)}`);
      return res.body.data.appointment_id as string;
    },
    /** One reminder round at that time (Berlin wall clock on that day, or an instant). */
    tick: (day: string | Date, time = '00:00') =>
      suite.t.app.get(ReminderWorkerService).tick(typeof day === 'string' ? berlin(day, time) : day),
    reminders: () => suite.t.dataSource.getRepository(Reminder).find({ order: { dueAt: 'ASC', leadMinutes: 'DESC' } }),
    /** A function of the reminder's outbound call: the business calls, the customer is `to_number`. */
    outbound: (name: string, args: object, callId: string, customer = CUSTOMER) =>
      callFunction(suite.t, name, args, {
        call_id: callId,
        direction: 'outbound',
        from_number: BOOKING_NUMBER,
        to_number: customer,
      }),
    /** Retell's `call_ended` (or `call_analyzed`) of the outbound call. */
    ended: (callId: string, reason: string, endedAt: Date, event = 'call_ended', analysis?: object) =>
      signedPost(suite.t, '/api/webhooks/retell', {
        event,
        call: callObject({
          call_id: callId,
          direction: 'outbound',
          from_number: BOOKING_NUMBER,
          to_number: CUSTOMER,
          call_status: 'ended',
          disconnection_reason: reason,
          end_timestamp: endedAt.getTime(),
          ...(analysis ? { call_analysis: analysis } : {}),
        }),
      }).expect(204),
  };
  return rig;
}
