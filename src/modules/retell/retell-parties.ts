import type { Request } from 'express';
import { CallParties, partiesOf } from '../tenants/tenant-resolver.service';
import { callFromRequest } from './retell-call-info';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max = 64) => (typeof value === 'string' ? value.slice(0, max) : null);

/**
 * What a request names: the call's numbers and agent, and its call id where the body carries it (a call id in the URL
 * or a header is not covered by Retell's signature, so a replayed body could be pointed at any call with it).
 */
export interface Named {
  parties: CallParties;
  callId: string | null;
}

/**
 * The numbers, agent and call a Retell request names, read where each route's handler reads them: a function's call
 * object (or, args only, its arguments, URL and headers), an event's `call` or `chat`, the inbound webhook's
 * `call_inbound` or `chat_inbound` (always inbound). What the request may act for is decided on exactly these.
 */
export function namedBy(request: Pick<Request, 'path' | 'body' | 'query' | 'headers'>): Named {
  if (request.path.startsWith('/api/retell/')) {
    const { call, bodyCallId } = callFromRequest(request);
    return { parties: partiesOf(call), callId: bodyCallId ?? null };
  }
  const body = isObject(request.body) ? request.body : {};
  const inbound = [body.call_inbound, body.chat_inbound].find(isObject);
  const fields = inbound ?? [body.call, body.chat].find(isObject) ?? {};
  const parties = partiesOf({
    direction: inbound ? 'inbound' : text(fields.direction),
    from_number: text(fields.from_number),
    to_number: text(fields.to_number),
    agent_id: text(fields.agent_id),
  });
  return { parties, callId: inbound ? null : (text(fields.call_id, 255) ?? text(fields.chat_id, 255)) };
}
