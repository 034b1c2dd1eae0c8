import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox, SecretKeyError, SecretPurpose } from '../../secrets/secret-box';
import { Company } from './company.entity';
import { TenantChangesService } from './tenant-changes.service';

/** The secret columns of a company: each sealed under its purpose. */
const SEALED_COLUMNS = [
  ['calcomApiKey', 'calcomApiKey'],
  ['retellApiKeys', 'retellApiKeys'],
  ['calcomWebhookSecret', 'calcomWebhookSecret'],
] as const satisfies ReadonlyArray<readonly [keyof Company, SecretPurpose]>;

export interface RotationReport {
  /** Secrets sealed anew under the first key (older keys, or plain text from before encryption). */
  resealed: number;
  /** Secrets already under the first key. */
  current: number;
  /** Companies with a secret that no configured key opens: left as they are. */
  failed: Array<{ company: string; reason: string }>;
}

/**
 * `npm run secrets:rotate`: every stored secret sealed under ENCRYPTION_KEY's first key, company by company in one
 * transaction each. Put the new key first and keep the old ones after it until this has run; then drop them.
 */
@Injectable()
export class SecretsRotationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly changes: TenantChangesService,
  ) {}

  async rotate(): Promise<RotationReport> {
    const report: RotationReport = { resealed: 0, current: 0, failed: [] };
    const ids = await this.dataSource.getRepository(Company).find({ select: { id: true } });
    for (const { id } of ids) await this.dataSource.transaction((manager) => this.rotateOne(manager, id, report));
    this.changes.changed(ids.map(({ id }) => id));
    return report;
  }

  private async rotateOne(manager: DataSource['manager'], id: string, report: RotationReport): Promise<void> {
    const company = await manager.findOne(Company, {
      where: { id },
      select: { id: true, slug: true, calcomApiKey: true, retellApiKeys: true, calcomWebhookSecret: true },
      lock: { mode: 'pessimistic_write' },
    });
    if (!company) return;
    const changed: Partial<Company> = {};
    try {
      for (const [column, purpose] of SEALED_COLUMNS) {
        const stored = company[column];
        if (!stored) continue;
        if (SecretBox.isSealed(stored) && this.box.isCurrent(stored)) report.current++;
        else changed[column] = this.box.seal(this.plain(stored, purpose), purpose);
      }
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      report.failed.push({ company: company.slug, reason: error.message });
      return;
    }
    if (Object.keys(changed).length === 0) return;
    await manager.update(Company, { id }, changed);
    report.resealed += Object.keys(changed).length;
  }

  /** What a stored value holds: opened with any key of the ring, or as it is when an earlier version stored it plain. */
  private plain(stored: string, purpose: SecretPurpose): string {
    if (SecretBox.isSealed(stored)) return this.box.open(stored, purpose);
    if (purpose === 'calcomApiKey') return stored;
    throw new SecretKeyError('the stored value is not an encrypted secret', null);
  }
}
