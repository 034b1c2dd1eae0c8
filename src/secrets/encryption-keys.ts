import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MAKE_A_KEY, parseEncryptionKey } from '../config/encryption-key';

/** The key file of an embedded deployment without ENCRYPTION_KEY, beside the database in its data folder. */
export const KEY_FILE = 'encryption.key';

export interface EmbeddedKey {
  key: Buffer;
  /** Where it lives, or null for an in-memory database (its key dies with it). */
  file: string | null;
  /** True when this call made it. */
  created: boolean;
}

const memoryKey = randomBytes(32);

/**
 * The embedded database's own key: read from the data folder, or made there once, readable by its owner only. An
 * in-memory database gets one key per process, which lives exactly as long as the data it protects.
 */
export function embeddedKey(dataDir: string): EmbeddedKey {
  if (dataDir.startsWith('memory://')) return { key: memoryKey, file: null, created: false };
  const file = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    const fd = openSync(file, 'wx', 0o600);
    const key = randomBytes(32);
    try {
      writeSync(fd, `${key.toString('base64')}\n`);
    } finally {
      closeSync(fd);
    }
    return { key, file, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = parseEncryptionKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte key (make one with: ${MAKE_A_KEY})`);
  return { key, file, created: false };
}
