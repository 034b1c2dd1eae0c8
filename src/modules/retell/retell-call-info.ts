import type { Request } from 'express';
import { callFieldsOf } from '../../common/call-fields';
import { callInfoOf } from '../agent-tools/call-info';
import type { CallInfo } from '../agent-tools/tool-context';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value.slice(0, 255) : undefined);

/**
 * Retell's default body `{ name, call, args }`, or the bare args ("Payload: args only"). In args-only mode the call
 * id comes from a signed argument (`call_id`, a const `{{call_id}}`) or, unsigned, from the URL or a header.
 */
export function callFromRequest(request: Pick<Request, 'body' | 'query' | 'headers'>): {
  call: CallInfo;
  args: Json;
  /** The call id the body names, if any (the signature covers it; not the URL's). */
  bodyCallId?: string;
} {
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
      bodyCallId: pick('call_id'),
    };
  }
  const bodyCallId = text(body.call_id);
  return { call: callInfoOf(callFieldsOf(request), bodyCallId), args: body, bodyCallId };
}
