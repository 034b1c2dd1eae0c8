import type { Request } from 'express';
import type { CallInfo } from './call-context.service';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value.slice(0, 255) : undefined);

/**
 * Call context a tool may pass outside the body, for Retell's "Payload: args only" mode: query parameters in the
 * tool's URL, or custom headers, filled by Retell's system dynamic variables (docs.retellai.com/build/dynamic-variables:
 * `{{call_id}}`, `{{direction}}`, `{{user_number}}` the caller, `{{agent_number}}` the business). `agent_id` has
 * no system variable: put the literal id in the URL.
 */
const OUTSIDE_BODY = {
  call_id: ['call_id', 'x-retell-call-id'],
  agent_id: ['agent_id', 'x-retell-agent-id'],
  direction: ['direction', 'x-retell-direction'],
  user_number: ['user_number', 'x-retell-user-number'],
  agent_number: ['agent_number', 'x-retell-agent-number'],
  from_number: ['from_number', 'x-retell-from-number'],
  to_number: ['to_number', 'x-retell-to-number'],
} as const;

/**
 * Retell's default body `{ name, call, args }`, or the bare args ("Payload: args only"). In args-only mode the call
 * id comes from a signed argument (`call_id`, a const `{{call_id}}`) or, unsigned, from the URL or a header.
 */
export function callFromRequest(request: Pick<Request, 'body' | 'query' | 'headers'>): { call: CallInfo; args: Json } {
  const body = isObject(request.body) ? request.body : {};
  if (isObject(body.args) && (isObject(body.call) || typeof body.name === 'string')) {
    const call = isObject(body.call) ? body.call : {};
    const pick = (key: keyof CallInfo) => text(call[key]);
    return {
      call: {
        call_id: pick('call_id'),
        agent_id: pick('agent_id'),
        direction: pick('direction'),
        from_number: pick('from_number'),
        to_number: pick('to_number'),
        call_type: pick('call_type'),
      },
      args: body.args,
    };
  }
  return { call: outsideBody(request, text(body.call_id)), args: body };
}

function outsideBody(request: Pick<Request, 'query' | 'headers'>, signedCallId: string | undefined): CallInfo {
  const read = (name: keyof typeof OUTSIDE_BODY) => {
    const [query, header] = OUTSIDE_BODY[name];
    return text(isObject(request.query) ? request.query[query] : undefined) ?? text(request.headers[header]);
  };
  const direction = read('direction') === 'outbound' ? 'outbound' : read('direction') ? 'inbound' : undefined;
  const [user, agent] = [read('user_number'), read('agent_number')];
  const outbound = direction === 'outbound';
  const callId = signedCallId ?? read('call_id');
  return {
    call_id: callId,
    unsignedCallId: signedCallId === undefined && callId !== undefined,
    agent_id: read('agent_id'),
    direction,
    from_number: read('from_number') ?? (outbound ? agent : user),
    to_number: read('to_number') ?? (outbound ? user : agent),
  };
}
