import { SetMetadata } from '@nestjs/common';

/** Retell's routes: they take long calls' transcripts, so their bodies may be larger (see app.setup). */
export const RETELL_PATHS = ['/api/retell', '/api/webhooks/retell'];

const VITAL = 'retell:vital';

/**
 * The requests of a route that are never rate limited: those of these events, or all (`'*'`). Refusing a lifecycle
 * event loses a call record, and refusing the inbound webhook leaves a caller unrecognised, once Retell's few quick
 * retries are spent; their credential already proves they are Retell's (or the company's). Busy streams
 * (`transcript_updated` on every turn, transfer events) count against the webhook limit.
 */
export const Vital = (events: readonly string[] | '*') => SetMetadata(VITAL, events);

/** Whether this request is vital by its route's `@Vital()`. */
export function isVital(handler: object, body: unknown): boolean {
  const events = Reflect.getMetadata(VITAL, handler) as readonly string[] | '*' | undefined;
  if (events === '*') return true;
  const event = (body as { event?: unknown } | undefined)?.event;
  return events !== undefined && typeof event === 'string' && events.includes(event);
}
