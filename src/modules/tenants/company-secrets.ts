import type { SecretBox } from '../../secrets/secret-box';
import type { Company } from './company.entity';

/** A company's secrets as the admin API and the import take them: plain, write-only, `null` or `[]` to remove. */
export interface CompanySecretsInput {
  calcomApiKey?: string | null;
  retellApiKeys?: string[] | null;
}

/**
 * The columns to store for the secrets a write names, sealed; what it leaves out stays as it is. Nothing plain
 * reaches the database, so no backup, dump or data folder holds a key.
 */
export function sealedSecrets(
  box: SecretBox,
  input: CompanySecretsInput,
): Partial<Pick<Company, 'calcomApiKey' | 'retellApiKeys'>> {
  const sealed: Partial<Pick<Company, 'calcomApiKey' | 'retellApiKeys'>> = {};
  if (input.calcomApiKey !== undefined)
    sealed.calcomApiKey = input.calcomApiKey ? box.seal(input.calcomApiKey, 'calcomApiKey') : null;
  if (input.retellApiKeys !== undefined) {
    const keys = [...new Set(input.retellApiKeys ?? [])];
    sealed.retellApiKeys = keys.length > 0 ? box.sealList(keys, 'retellApiKeys') : null;
  }
  return sealed;
}
