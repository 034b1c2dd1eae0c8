import type { Request } from 'express';
import type { CallInfo } from './tool-context';

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value.slice(0, 255) : undefined);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Call context a tool call may carry outside its body (Retell's "Payload: args only" mode, an MCP server's headers
 * and query parameters): query parameters in the URL, or custom headers, filled by Retell's system dynamic variables
 * (docs.retellai.com/build/dynamic-variables:
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
 * The call a request names in its URL or headers. `signedCallId` (from the body) wins over both. Retell's signature
 * does not cover the URL or headers, so whatever they name is only ever looked up within the company the request's
 * credential acts for.
 */
export function callInfoOutsideBody(request: Pick<Request, 'query' | 'headers'>, signedCallId?: string): CallInfo {
  const read = (name: keyof typeof OUTSIDE_BODY) => {
    const [query, header] = OUTSIDE_BODY[name];
    return text(isObject(request.query) ? request.query[query] : undefined) ?? text(request.headers[header]);
  };
  const direction = read('direction') === 'outbound' ? 'outbound' : read('direction') ? 'inbound' : undefined;
  const [user, agent] = [read('user_number'), read('agent_number')];
  const outbound = direction === 'outbound';
  return {
    call_id: signedCallId ?? read('call_id'),
    agent_id: read('agent_id'),
    direction,
    from_number: read('from_number') ?? (outbound ? agent : user),
    to_number: read('to_number') ?? (outbound ? user : agent),
  };
}
