import { keyIdOf, SecretBox, SecretKeyError } from './secret-box';

const OLD = Buffer.alloc(32, 1);
const NEW = Buffer.alloc(32, 2);
const SECRET = 'cal_fixture_0123456789abcdef';

describe(SecretBox.name, () => {
  const sut = new SecretBox([OLD]);

  it('seals with AES-256-GCM under a fresh IV, naming its key, and opens again', () => {
    const first = sut.seal(SECRET, 'calcomApiKey');
    const second = sut.seal(SECRET, 'calcomApiKey');
    expect(first).toMatch(new RegExp(`^enc:v1:${keyIdOf(OLD)}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$`));
    expect(first).not.toEqual(second);
    expect(first).not.toContain(SECRET);
    expect(Buffer.from(first.split(':').pop()!, 'base64url').toString('latin1')).not.toContain('cal_fixture');
    expect(sut.open(first, 'calcomApiKey')).toBe(SECRET);
  });

  it('opens what an older key sealed, seals with the first key only', () => {
    const rotated = new SecretBox([NEW, OLD]);
    const old = sut.seal(SECRET, 'calcomApiKey');
    expect(rotated.open(old, 'calcomApiKey')).toBe(SECRET);
    expect(rotated.isCurrent(old)).toBe(false);
    const resealed = rotated.seal(SECRET, 'calcomApiKey');
    expect(rotated.isCurrent(resealed)).toBe(true);
    expect(() => sut.open(resealed, 'calcomApiKey')).toThrow(
      `it is encrypted with key ${keyIdOf(NEW)}, which ENCRYPTION_KEY does not hold`,
    );
  });

  it('refuses a value sealed for another purpose, a changed byte, and plain text, without echoing them', () => {
    const sealed = sut.seal(SECRET, 'calcomApiKey');
    expect(() => sut.open(sealed, 'retellApiKeys')).toThrow(SecretKeyError);
    const body = Buffer.from(sealed.split(':').pop()!, 'base64url');
    body[0] ^= 1;
    const tampered = [...sealed.split(':').slice(0, -1), body.toString('base64url')].join(':');
    expect(() => sut.open(tampered, 'calcomApiKey')).toThrow(/does not decrypt with key/);
    for (const attempt of [() => sut.open(tampered, 'calcomApiKey'), () => sut.open(SECRET, 'calcomApiKey')]) {
      expect(attempt).toThrow(SecretKeyError);
      expect(attempt).not.toThrow(new RegExp(SECRET));
    }
  });

  it('seals a list of keys as one value', () => {
    const sealed = sut.sealList(['key_a', 'key_b'], 'retellApiKeys');
    expect(sut.openList(sealed, 'retellApiKeys')).toEqual(['key_a', 'key_b']);
    expect(() => sut.openList(sut.seal('"key_a"', 'retellApiKeys'), 'retellApiKeys')).toThrow(SecretKeyError);
  });

  it('tells sealed values from plain ones', () => {
    expect(SecretBox.isSealed(sut.seal(SECRET, 'calcomApiKey'))).toBe(true);
    expect(SecretBox.isSealed(SECRET)).toBe(false);
  });

  it('takes 32-byte keys only', () => {
    expect(() => new SecretBox([])).toThrow('at least one key');
    expect(() => new SecretBox([Buffer.alloc(16)])).toThrow('32 bytes');
  });
});
