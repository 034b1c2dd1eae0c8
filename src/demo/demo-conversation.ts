import { DateTime } from 'luxon';
import { callObject, DemoTarget, DemoTurn, eventTurn, functionTurn, signedPost, storedCall } from './demo-call';

const GREETING = 'Demo Salon, guten Tag! Wie kann ich helfen?';
const FAREWELL = 'Gern, ist verschoben. Bis dann!';

type Report = (turn: DemoTurn) => void;

/** Reports each turn and writes the transcript as Retell would: what the caller said and what the agent said back. */
function transcribing(report: Report) {
  const lines = [`Agent: ${GREETING}`];
  const record: Report = (turn) => {
    const message = (turn.answer as { message?: unknown } | null)?.message;
    if (turn.said && !turn.caller) lines.push(`User: ${turn.said}`);
    if (turn.said && !turn.caller && typeof message === 'string') lines.push(`Agent: ${message}`);
    report(turn);
  };
  return { record, transcript: () => [...lines, `Agent: ${FAREWELL}`].join('\n') };
}

const alternativesOf = (turn: DemoTurn) =>
  ((turn.answer as { data?: { alternatives?: string[] } }).data?.alternatives ?? []) as string[];

/** The conversation up to the booking: the call rings, starts, and the caller asks and picks a time. */
async function untilBooked(target: DemoTarget, callId: string, report: Report): Promise<void> {
  const inbound = await signedPost(target, '/api/webhooks/retell/inbound', {
    event: 'call_inbound',
    call_inbound: {
      agent_id: 'agent_demo',
      from_number: callObject(callId).from_number,
      to_number: callObject(callId).to_number,
    },
  });
  report({ step: 'call_inbound', request: { path: '/api/webhooks/retell/inbound' }, ...inbound });
  report(await eventTurn(target, callId, 'call_started', { call_status: 'ongoing', start_timestamp: Date.now() }));
  report(await functionTurn(target, callId, 'Welche Leistungen bieten Sie an?', 'list-services', {}));
  // Earlier that day another caller took Tuesday 10:00, so this caller hears alternatives.
  const erik = { service: 'Haarschnitt', date: 'nächsten Dienstag', time: '10 Uhr', name: 'Erik Beispiel' };
  const other = await functionTurn(target, `${callId}_other`, '', 'book-appointment', erik, {
    from_number: '+4915199999999',
  });
  if (other.status !== 200) throw new Error(`setting the scene failed: ${JSON.stringify(other.answer)}`);
  const asked = 'Ist nächsten Dienstag um 10 Uhr etwas frei für einen Haarschnitt?';
  const check = await functionTurn(target, callId, asked, 'check-availability', {
    service: 'Haarschnitt',
    date: 'nächsten Dienstag',
    time: '10 Uhr',
  });
  report(check);
  const [first] = alternativesOf(check);
  if (!first) throw new Error('the gateway offered no alternatives');
  await holdAndBook(target, callId, first, report);
}

/**
 * The read-back holds the time while the caller decides; another caller asking for it meanwhile hears it is taken;
 * the caller's yes books it.
 */
async function holdAndBook(target: DemoTarget, callId: string, start: string, report: Report): Promise<void> {
  const at = DateTime.fromISO(start, { zone: 'Europe/Berlin' });
  const wish = { service: 'Haarschnitt', date: at.toISODate()!, time: at.toFormat('HH:mm'), name: 'Mia Muster' };
  const picked = 'Dann nehme ich den ersten Termin, den Sie haben. Mia Muster.';
  report(await functionTurn(target, callId, picked, 'collect-appointment-data', { ...wish, confirm: false }));
  const rival = `Ich hätte gern einen Haarschnitt am ${at.setLocale('de').toFormat('d. MMMM')} um ${wish.time}.`;
  const other = await functionTurn(
    target,
    `${callId}_rival`,
    rival,
    'collect-appointment-data',
    { ...wish, name: 'Rita Rival', confirm: false },
    { from_number: '+4915188888888' },
  );
  report({ ...other, caller: 'Another caller, meanwhile' });
  report(
    await functionTurn(target, callId, 'Ja, bitte buchen.', 'collect-appointment-data', { ...wish, confirm: true }),
  );
}

/**
 * A whole phone call with the demo salon, signed as Retell signs it: inbound webhook, call_started, the caller's
 * questions and the functions the agent calls, a taken slot with alternatives, the booking, the caller's lookup, a
 * move, call_ended and call_analyzed. Each turn goes to `report`; the stored call is returned.
 */
export async function playDemoCall(target: DemoTarget, onTurn: Report, callId = `call_demo_${Date.now()}`) {
  const { record: report, transcript } = transcribing(onTurn);
  await untilBooked(target, callId, report);
  report(await functionTurn(target, callId, 'Welche Termine habe ich jetzt?', 'query-customer-appointments', {}));
  const move = 'Können wir das auf nächsten Mittwoch um 11 verschieben?';
  report(
    await functionTurn(target, callId, move, 'reschedule-appointment', {
      new_date: 'nächsten Mittwoch',
      new_time: '11 Uhr',
    }),
  );
  const ended = {
    call_status: 'ended',
    end_timestamp: Date.now(),
    duration_ms: 94_000,
    disconnection_reason: 'user_hangup',
  };
  report(await eventTurn(target, callId, 'call_ended', { ...ended, transcript: transcript() }));
  const analysis = {
    call_summary: 'Haarschnitt gebucht und auf Mittwoch 11 Uhr verschoben.',
    user_sentiment: 'Positive',
    call_successful: true,
  };
  const cost = {
    combined_cost: 12.4,
    total_duration_seconds: 94,
    product_costs: [{ product: 'retell_platform', unit_price: 0.1, cost: 9.4 }],
  };
  report(
    await eventTurn(target, callId, 'call_analyzed', {
      ...ended,
      transcript: transcript(),
      call_analysis: analysis,
      call_cost: cost,
    }),
  );
  return storedCall(target, callId);
}
