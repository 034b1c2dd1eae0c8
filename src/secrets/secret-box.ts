import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What a sealed value is for: bound into its ciphertext, so a Cal.com key can never be opened as a Retell key. */
export type SecretPurpose = 'calcomApiKey' | 'retellApiKeys' | 'calcomWebhookSecret';

const PREFIX = 'enc:v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]+)$/;

/** A key's id: the first 8 hex digits of its SHA-256. Names the key in each ciphertext without revealing it. */
export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** A sealed value could not be opened: its key is not configured, or it was changed. Never carries the value. */
export class SecretKeyError extends Error {
  constructor(
    message: string,
    readonly keyId: string | null,
  ) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

/**
 * AES-256-GCM with a key ring: the first key seals, any key of the ring opens what names it. A sealed value reads
 * `enc:v1:<key id>:<iv>:<ciphertext and tag>` (base64url), so one column can hold values of several keys while a
 * rotation runs. Opening a value whose key is missing or whose bytes changed throws: never a garbled secret.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    for (const key of keys) if (key.length !== 32) throw new Error('Encryption keys are 32 bytes');
    this.keys = new Map(keys.map((key) => [keyIdOf(key), key]));
    this.currentKeyId = keyIdOf(keys[0]);
  }

  seal(plain: string, purpose: SecretPurpose): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}:${this.currentKeyId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
  }

  open(sealed: string, purpose: SecretPurpose): string {
    const match = SEALED.exec(sealed);
    if (!match) throw new SecretKeyError('the stored value is not an encrypted secret', null);
    const [, keyId, iv, body] = match;
    const key = this.keys.get(keyId);
    if (!key) throw new SecretKeyError(`it is encrypted with key ${keyId}, which ENCRYPTION_KEY does not hold`, keyId);
    const bytes = Buffer.from(body, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretKeyError(`it does not decrypt with key ${keyId} (the key or the stored value changed)`, keyId);
    }
  }

  /** Whether a stored value is sealed at all (values stored before encryption are plain text). */
  static isSealed(value: string): boolean {
    return value.startsWith(`${PREFIX}:`);
  }

  /** Whether the value is sealed with the current key (a rotation leaves it alone then). */
  isCurrent(sealed: string): boolean {
    return SEALED.exec(sealed)?.[1] === this.currentKeyId;
  }

  /** A list sealed as one value (a company's Retell keys, several for rotation). */
  sealList(values: readonly string[], purpose: SecretPurpose): string {
    return this.seal(JSON.stringify(values), purpose);
  }

  openList(sealed: string, purpose: SecretPurpose): string[] {
    const parsed: unknown = JSON.parse(this.open(sealed, purpose));
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string'))
      throw new SecretKeyError('the decrypted value is not a list of keys', null);
    return parsed;
  }
}
