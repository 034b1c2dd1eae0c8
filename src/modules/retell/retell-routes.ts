import type { Request } from 'express';
import { EVENT_RANK } from '../calls/call-merge';

const RETELL_EVENTS_PATH = '/api/webhooks/retell';
const RETELL_INBOUND_PATH = '/api/webhooks/retell/inbound';

/**
 * A lifecycle event or the inbound webhook: never rate limited. Refusing one loses a call record or leaves a caller
 * unrecognised once Retell's few quick retries are spent, and its credential already proves it is Retell's (or the
 * company's). Busy streams (`transcript_updated` on every turn, transfer events) count against the webhook limit.
 */
export function isVital(request: Pick<Request, 'path' | 'body'>): boolean {
  if (request.path === RETELL_INBOUND_PATH) return true;
  const event = (request.body as { event?: unknown } | undefined)?.event;
  return request.path === RETELL_EVENTS_PATH && typeof event === 'string' && EVENT_RANK[event] !== undefined;
}
