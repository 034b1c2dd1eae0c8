import { sign, verify } from 'retell-sdk/lib/webhook_auth';
import { computeRetellDigest, signRetellBody, verifyRetellSignature } from './retell-signature';

const KEY = 'test-api-key';
const BODY = '{"event":"call_ended"}';
const NOW = 1_700_000_000_000;
const VECTOR = 'v=1700000000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e';

describe(verifyRetellSignature.name, () => {
  const sut = (header: unknown, body: string = BODY, now = NOW, keys = [KEY]) =>
    verifyRetellSignature(Buffer.from(body), header, keys, now);

  it('accepts the test vector of the Retell SDK', () => {
    expect(computeRetellDigest(BODY, KEY, NOW)).toBe(VECTOR.split('d=')[1]);
    expect(sut(VECTOR)).toBe(true);
  });

  it('refuses the digest of timestamp-then-body', () => {
    const reversed = computeRetellDigest(`${NOW}${BODY}`, KEY, '');
    expect(reversed.startsWith('08dbe373')).toBe(true);
    expect(sut(`v=${NOW},d=${reversed}`)).toBe(false);
  });

  it('refuses a tampered body and a wrong key', () => {
    expect(sut(VECTOR, '{"event":"call_started"}')).toBe(false);
    expect(sut(VECTOR, BODY, NOW, ['other-key'])).toBe(false);
    expect(sut(VECTOR, BODY, NOW, [])).toBe(false);
  });

  it('accepts any of several keys, for rotation', () => {
    expect(sut(VECTOR, BODY, NOW, ['old-key', KEY])).toBe(true);
  });

  it.each([
    ['exactly five minutes old', NOW + 300_000, true],
    ['exactly five minutes ahead', NOW - 300_000, true],
    ['five minutes and 1 ms old', NOW + 300_001, false],
    ['five minutes and 1 ms in the future', NOW - 300_001, false],
  ])('timestamp %s → %s', (_label, now, expected) => {
    expect(sut(VECTOR, BODY, now)).toBe(expected);
  });

  it('accepts upper-case hex like the SDK does', () => {
    expect(sut(VECTOR.toUpperCase().replace('V=', 'v=').replace(',D=', ',d='))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['missing d', `v=${NOW}`],
    ['reversed order', `d=${VECTOR.split('d=')[1]},v=${NOW}`],
    ['62 hex characters', VECTOR.slice(0, -2)],
    ['non-hex', VECTOR.slice(0, -1) + 'g'],
    ['prefix garbage', `x${VECTOR}`],
    ['suffix garbage', `${VECTOR} `],
    ['spaces', VECTOR.replace(',', ', ')],
    ['an array', [VECTOR]],
    ['undefined', undefined],
    ['a huge timestamp', `v=${'9'.repeat(400)},d=${VECTOR.split('d=')[1]}`],
  ])('refuses a malformed header (%s) without throwing', (_label, header) => {
    expect(sut(header)).toBe(false);
  });

  it('signs the empty body of GET tools as just the timestamp', () => {
    const header = signRetellBody('', KEY, NOW);
    expect(header).toBe(`v=${NOW},d=${computeRetellDigest(String(NOW), KEY, '')}`);
    expect(verifyRetellSignature(undefined, header, [KEY], NOW)).toBe(true);
  });

  it('agrees with retell-sdk in both directions', async () => {
    const now = Date.now();
    const sdkHeader = await sign(BODY, KEY);
    expect(verifyRetellSignature(Buffer.from(BODY), sdkHeader, [KEY], now)).toBe(true);
    expect(await verify(BODY, KEY, signRetellBody(BODY, KEY, now))).toBe(true);
    expect(await verify(BODY, KEY, signRetellBody(BODY, 'other', now))).toBe(false);
  });
});
