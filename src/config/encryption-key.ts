/** How to make a key, in every message that asks for one. */
export const MAKE_A_KEY = 'openssl rand -base64 32';

/** One key as ENCRYPTION_KEY writes it: 32 bytes in base64 (44 characters) or hex (64). Null when it is neither. */
export function parseEncryptionKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return null;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === 32 ? bytes : null;
}
