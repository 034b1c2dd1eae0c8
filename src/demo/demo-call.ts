import { signRetellBody } from '../modules/access/retell-signature';

/** Where the demo conversation goes: a gateway's URL, the Retell key it accepts and an admin token. */
export interface DemoTarget {
  url: string;
  retellKey: string;
  adminToken: string;
}

/** One turn as the caller lives it: what they said, what the agent called, what the gateway answered and when. */
export interface DemoTurn {
  step: string;
  /** Set for a turn of another call going on meanwhile (it is not in this call's transcript). */
  caller?: string;
  said?: string;
  request: { path: string; function?: string; args?: object };
  status: number;
  answer: unknown;
  ms: number;
}

export const DEMO_NUMBER = '+493000000000';
const CALLER = '+4915112345678';

/** A signed Retell request, as Retell sends it. */
export async function signedPost(
  target: DemoTarget,
  path: string,
  body: object,
): Promise<{ status: number; answer: unknown; ms: number }> {
  const raw = JSON.stringify(body);
  const started = performance.now();
  const res = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(raw, target.retellKey) },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, answer: text ? (JSON.parse(text) as unknown) : null, ms: performance.now() - started };
}

export function callObject(callId: string, extra: object = {}) {
  return {
    call_id: callId,
    agent_id: 'agent_demo',
    call_type: 'phone_call',
    direction: 'inbound',
    from_number: CALLER,
    to_number: DEMO_NUMBER,
    ...extra,
  };
}

/** The agent calls a function mid-conversation (Retell's default body: name, call, args). */
export async function functionTurn(
  target: DemoTarget,
  callId: string,
  said: string,
  name: string,
  args: object,
  call: object = {},
) {
  const path = `/api/retell/${name}`;
  const body = { name: name.replace(/-/g, '_'), call: callObject(callId, call), args };
  const result = await signedPost(target, path, body);
  return { step: name, said, request: { path, function: name, args }, ...result } satisfies DemoTurn;
}

/** Retell posts a call event (call_started, call_ended, call_analyzed). */
export async function eventTurn(target: DemoTarget, callId: string, event: string, extra: object = {}) {
  const path = '/api/webhooks/retell';
  const result = await signedPost(target, path, { event, call: callObject(callId, extra) });
  return { step: event, request: { path }, ...result } satisfies DemoTurn;
}

/** The stored call, as an operator reads it through the admin API. */
export async function storedCall(target: DemoTarget, retellCallId: string): Promise<unknown> {
  const headers = { authorization: `Bearer ${target.adminToken}` };
  const list = (await (await fetch(`${target.url}/api/admin/calls?limit=100`, { headers })).json()) as Array<{
    id: string;
    retellCallId: string;
  }>;
  const call = list.find((row) => row.retellCallId === retellCallId);
  if (!call) throw new Error(`call ${retellCallId} was not stored`);
  return (await fetch(`${target.url}/api/admin/calls/${call.id}`, { headers })).json();
}
