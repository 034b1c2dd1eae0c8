import { createHmac, timingSafeEqual } from 'node:crypto';

/** Retell signs `rawBody + String(v)` with an API key: `x-retell-signature: v=<ms>,d=<hex HMAC-SHA256>`. */
const HEADER = /^v=(\d+),d=([0-9a-f]{64})$/i;
const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

export function computeRetellDigest(rawBody: Buffer | string, key: string, timestamp: string | number): string {
  return createHmac('sha256', key).update(rawBody).update(String(timestamp)).digest('hex');
}

export function signRetellBody(rawBody: Buffer | string, key: string, now = Date.now()): string {
  return `v=${now},d=${computeRetellDigest(rawBody, key, now)}`;
}

/**
 * True when the header is a well-formed signature, no more than five minutes off either way (exactly five is
 * accepted), made with one of the keys. Compares in constant time; any malformed input is simply false.
 */
export function verifyRetellSignature(
  rawBody: Buffer | undefined,
  header: unknown,
  keys: readonly string[],
  now = Date.now(),
): boolean {
  return signingKey(rawBody, header, keys, now) !== null;
}

/** The key of `keys` that made this signature, or null (malformed, too old or too new, or made with another key). */
export function signingKey(
  rawBody: Buffer | undefined,
  header: unknown,
  keys: readonly string[],
  now = Date.now(),
): string | null {
  if (typeof header !== 'string' || keys.length === 0) return null;
  const match = HEADER.exec(header);
  if (!match) return null;
  const timestamp = Number(match[1]);
  if (!Number.isSafeInteger(timestamp) || Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_MS) return null;
  const presented = Buffer.from(match[2].toLowerCase(), 'hex');
  const body = rawBody ?? Buffer.alloc(0);
  let found: string | null = null;
  // Every key is tried, so the time taken does not tell which key (if any) matched.
  for (const key of keys) {
    const expected = Buffer.from(computeRetellDigest(body, key, match[1]), 'hex');
    if (timingSafeEqual(expected, presented) && found === null) found = key;
  }
  return found;
}
