import type { SecretsConfig } from '../config/configuration';
import { MAKE_A_KEY } from '../config/encryption-key';
import { embeddedKey } from './encryption-keys';
import { keyIdOf, SecretBox } from './secret-box';

/** The key ring of this deployment, and a line for the start banner saying where its key came from. */
export interface KeyRing {
  box: SecretBox;
  origin: string;
}

/**
 * ENCRYPTION_KEY when set (several for a rotation: the first seals); otherwise, on the embedded database only, its own
 * key in the data folder, made on first use. A shared database without a key is refused before it gets here.
 */
export function openKeyRing(config: Pick<SecretsConfig, 'keys' | 'dataDir' | 'shared'>): KeyRing {
  if (config.keys.length > 0) {
    const box = new SecretBox(config.keys);
    const more = config.keys.length > 1 ? ` (+${config.keys.length - 1} older)` : '';
    return { box, origin: `secrets sealed with ENCRYPTION_KEY ${box.currentKeyId}${more}` };
  }
  if (config.shared) throw new Error(`ENCRYPTION_KEY is required with DATABASE_URL: make one with \`${MAKE_A_KEY}\``);
  const { key, file, created } = embeddedKey(config.dataDir);
  const where = file ? `${created ? 'generated in' : 'from'} ${file}` : 'in memory';
  return { box: new SecretBox([key]), origin: `secrets sealed with key ${keyIdOf(key)} ${where}` };
}
