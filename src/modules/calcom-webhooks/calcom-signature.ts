import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/**
 * Cal.com's `X-Cal-Signature-256`: the hex HMAC-SHA256 of the raw body with the subscription's secret, no prefix and
 * no timestamp (calcom/cal.com packages/features/webhooks/lib/sendPayload.ts, `createWebhookSignature`). Without a
 * secret Cal.com sends the literal `no-secret-provided`, which never verifies here. Compared in constant time, after
 * a length check: a malformed header is simply false.
 */
export function verifyCalcomSignature(rawBody: Buffer | undefined, header: unknown, secret: string): boolean {
  if (typeof header !== 'string' || !HEX_DIGEST.test(header)) return false;
  const expected = createHmac('sha256', secret)
    .update(rawBody ?? Buffer.alloc(0))
    .digest();
  return timingSafeEqual(expected, Buffer.from(header.toLowerCase(), 'hex'));
}

export function signCalcomBody(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}
