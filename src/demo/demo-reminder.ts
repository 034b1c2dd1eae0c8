import { DateTime } from 'luxon';
import type { RetellApiFake } from '../retell-fake/retell-api-fake';
import { DemoTarget, DemoTurn, eventTurn, functionTurn } from './demo-call';

const ZONE = 'Europe/Berlin';
const DEMO_NUMBER = '+493000000000';
const CUSTOMER = '+4915112345678';
export const REMINDER_AGENT = 'agent_demo_reminder';

type Report = (turn: DemoTurn) => void;

/** How the reminder falls due: in tests the clock is moved to `due`; on a real gateway its worker is waited for. */
export type Advance = (due: Date) => Promise<void>;

const admin = (target: DemoTarget) => ({
  authorization: `Bearer ${target.adminToken}`,
  'content-type': 'application/json',
});

async function salonId(target: DemoTarget): Promise<string> {
  const companies = (await (
    await fetch(`${target.url}/api/admin/companies`, { headers: admin(target) })
  ).json()) as Array<{
    id: string;
    slug: string;
  }>;
  return companies.find((company) => company.slug === 'demo-salon')!.id;
}

/** Books the appointment the reminder is about, as the customer did on an inbound call a while ago. */
async function bookFirst(target: DemoTarget, report: Report): Promise<{ start: DateTime; bookedAt: number }> {
  const start = DateTime.now().setZone(ZONE).plus({ days: 2 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  const day = start.weekday === 7 ? start.plus({ days: 1 }) : start;
  const args = { service: 'Haarschnitt', date: day.toISODate(), time: '10:00', name: 'Mia Muster' };
  const turn = await functionTurn(
    target,
    `call_demo_booking_${Date.now()}`,
    'Einen Haarschnitt bitte.',
    'book-appointment',
    args,
  );
  report(turn);
  if (turn.status !== 200 || !(turn.answer as { success: boolean }).success) throw new Error('the booking failed');
  return { start: day, bookedAt: Date.now() };
}

/** The salon calls its customers a whole number of minutes before: due at the first minute after the booking. */
async function configure(target: DemoTarget, start: DateTime, bookedAt: number): Promise<Date> {
  const lead = Math.floor((start.toMillis() - bookedAt) / 60_000);
  const reminders = { leadMinutes: [lead], window: { from: '00:00', to: '24:00' }, agentId: REMINDER_AGENT };
  const res = await fetch(`${target.url}/api/admin/companies/${await salonId(target)}`, {
    method: 'PATCH',
    headers: admin(target),
    body: JSON.stringify({ reminders }),
  });
  if (res.status !== 200) throw new Error(`setting reminders failed: ${await res.text()}`);
  return new Date(start.toMillis() - lead * 60_000);
}

/**
 * A reminder call end to end: the appointment, the company's reminder settings, the request the gateway sends to
 * Retell's API (shown as Retell received it), then the outbound conversation through the signed function routes
 * (Retell calls them as on an inbound call, with the customer as `to_number`): the customer hears the appointment,
 * confirms, and the call ends. Returns the reminder as the admin API lists it.
 */
export async function playReminderCall(target: DemoTarget, retell: RetellApiFake, onTurn: Report, advance: Advance) {
  const { start, bookedAt } = await bookFirst(target, onTurn);
  const due = await configure(target, start, bookedAt);
  await advance(due);
  const request = retell.placed.at(-1);
  if (!request) throw new Error('no reminder call was placed');
  onTurn({
    step: 'create-phone-call',
    request: { path: '/v2/create-phone-call', args: request.body },
    status: 201,
    answer: null,
    ms: 0,
  });
  const callId = (await retellCallId(target)) ?? '';
  const call = { direction: 'outbound', from_number: DEMO_NUMBER, to_number: CUSTOMER, agent_id: REMINDER_AGENT };
  onTurn(await eventTurn(target, callId, 'call_started', { ...call, call_status: 'ongoing' }));
  const variables = request.body.retell_llm_dynamic_variables as Record<string, string>;
  const said = `Ja, hallo? … Ach so, der Termin am ${variables.appointment_date}.`;
  const customer = (turn: DemoTurn) => onTurn({ ...turn, caller: 'Customer' });
  customer(await functionTurn(target, callId, said, 'query-customer-appointments', {}, call));
  const yes = { appointment_id: variables.appointment_id };
  customer(await functionTurn(target, callId, 'Ja, ich komme, danke!', 'confirm-appointment', yes, call));
  const ended = { ...call, call_status: 'ended', end_timestamp: Date.now(), disconnection_reason: 'user_hangup' };
  onTurn(await eventTurn(target, callId, 'call_ended', ended));
  const list = await fetch(`${target.url}/api/admin/reminders`, { headers: admin(target) });
  return ((await list.json()) as unknown[])[0];
}

async function retellCallId(target: DemoTarget): Promise<string | null> {
  const list = await fetch(`${target.url}/api/admin/reminders?status=placed`, { headers: admin(target) });
  const [reminder] = (await list.json()) as Array<{ retellCallId: string | null }>;
  return reminder?.retellCallId ?? null;
}

/** Waits for a gateway's own worker to place the call (it looks every REMINDER_TICK_MS). */
export function waitForCall(retell: RetellApiFake, timeoutMs = 90_000): Advance {
  return async () => {
    const deadline = Date.now() + timeoutMs;
    while (retell.placed.length === 0) {
      if (Date.now() > deadline) throw new Error('the gateway placed no reminder call');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
}
