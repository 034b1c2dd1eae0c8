import type { SecretBox } from '../../secrets/secret-box';
import type { Company } from './company.entity';

/** A company's secrets as the admin API and the import take them: plain, write-only, `null` or `[]` to remove. */
export interface CompanySecretsInput {
  calcomApiKey?: string | null;
  retellApiKeys?: string[] | null;
  calcomWebhookSecret?: string | null;
}

type Sealed = Partial<Pick<Company, 'calcomApiKey' | 'retellApiKeys' | 'calcomWebhookSecret'>>;

/**
 * The columns to store for the secrets a write names, sealed; what it leaves out stays as it is. Nothing plain
 * reaches the database, so no backup, dump or data folder holds a key.
 */
export function sealedSecrets(box: SecretBox, input: CompanySecretsInput): Sealed {
  const sealed: Sealed = {};
  if (input.calcomApiKey !== undefined)
    sealed.calcomApiKey = input.calcomApiKey ? box.seal(input.calcomApiKey, 'calcomApiKey') : null;
  if (input.calcomWebhookSecret !== undefined)
    sealed.calcomWebhookSecret = input.calcomWebhookSecret
      ? box.seal(input.calcomWebhookSecret, 'calcomWebhookSecret')
      : null;
  if (input.retellApiKeys !== undefined) {
    const keys = [...new Set(input.retellApiKeys ?? [])];
    sealed.retellApiKeys = keys.length > 0 ? box.sealList(keys, 'retellApiKeys') : null;
  }
  return sealed;
}
