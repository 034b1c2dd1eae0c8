import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { IsNull, Not, Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { calcomConfig, CalcomConfig, retellConfig, RetellConfig } from '../../config/configuration';
import { SecretBox, SecretKeyError } from '../../secrets/secret-box';
import type { CalcomAccount } from '../calcom/calcom.types';
import { Company } from './company.entity';
import { RetellKeyring } from './retell-keyring';
import { TenantChangesService } from './tenant-changes.service';

/** A key changed on another instance applies here within this time; on this instance at once. */
const KEPT_MS = 30_000;
const NONE = 'none' as const;

/** Which Cal.com account a request goes to: its own id, so breakers and caches are never shared across accounts. */
const calcomAccountId = (baseUrl: string, apiKey: string) =>
  createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 16);

/**
 * Each company's vendor accounts, with their secrets opened only here, when a request needs them: its Cal.com (base
 * URL and key) and the Retell keys that sign for it. Kept in this process only (a secret stays out of the shared
 * cache) for a short while, and dropped at once when the company changes on this instance.
 */
@Injectable()
export class CompanyAccountsService {
  private readonly logger = new Logger(CompanyAccountsService.name);
  private readonly calcom = new LRUCache<string, CalcomAccount | typeof NONE>({ max: 10_000, ttl: KEPT_MS });
  private retell: { keyring: Promise<RetellKeyring>; until: number } | undefined;
  /** The last keyring read, for while the database is away. */
  private lastRetell: RetellKeyring | undefined;

  constructor(
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    private readonly box: SecretBox,
    @Inject(calcomConfig.KEY) private readonly calcomDefaults: CalcomConfig,
    @Inject(retellConfig.KEY) private readonly retellDefaults: RetellConfig,
    changes: TenantChangesService,
  ) {
    changes.subscribe((ids) => this.forget(ids));
  }

  forget(companyIds?: string[]): void {
    if (companyIds) for (const id of companyIds) this.calcom.delete(id);
    else this.calcom.clear();
    this.retell = undefined;
  }

  /** The deployment's Cal.com unless the company has its own. */
  calcomBaseUrlOf(company: Pick<Company, 'calcomBaseUrl'>): string {
    return company.calcomBaseUrl ?? this.calcomDefaults.baseUrl;
  }

  /** The company's Cal.com account, or null without a key. A key that cannot be opened is a configuration error. */
  async calcomAccount(companyId: string): Promise<CalcomAccount | null> {
    const known = this.calcom.get(companyId);
    if (known) return known === NONE ? null : known;
    const company = await this.companies.findOne({
      where: { id: companyId },
      select: { id: true, slug: true, calcomApiKey: true, calcomBaseUrl: true },
    });
    const account = company?.calcomApiKey ? this.openCalcom(company) : null;
    this.calcom.set(companyId, account ?? NONE);
    return account;
  }

  /**
   * Which keys sign for which company, read once for every request of the next few seconds. While the database is
   * away: the last one read, else the deployment's keys alone (requests then act for no company until it is back).
   */
  retellKeyring(): Promise<RetellKeyring> {
    if (this.retell && this.retell.until > Date.now()) return this.retell.keyring;
    const keyring = this.loadRetellKeyring().then(
      (loaded) => (this.lastRetell = loaded),
      (error: Error) => {
        this.retell = undefined;
        this.logger.warn({ error: error.message }, "Could not read the companies' Retell keys");
        return this.lastRetell ?? new RetellKeyring(this.retellDefaults.apiKeys, new Map());
      },
    );
    this.retell = { keyring, until: Date.now() + KEPT_MS };
    return keyring;
  }

  private openCalcom(company: Company): CalcomAccount {
    const stored = company.calcomApiKey!;
    const apiKey = SecretBox.isSealed(stored)
      ? this.attempt(company, () => this.box.open(stored, 'calcomApiKey'))
      : this.unsealed(company, stored);
    if (apiKey === null)
      throw new DomainError('CALCOM_MISCONFIGURED', `Company ${company.slug}: its Cal.com API key cannot be decrypted`);
    const baseUrl = this.calcomBaseUrlOf(company);
    return { id: calcomAccountId(baseUrl, apiKey), companyId: company.id, baseUrl, apiKey };
  }

  private async loadRetellKeyring(): Promise<RetellKeyring> {
    const rows = await this.companies.find({
      where: { retellApiKeys: Not(IsNull()) },
      select: { id: true, slug: true, retellApiKeys: true },
    });
    const own = new Map<string, string[]>();
    for (const company of rows) {
      // A company whose keys cannot be opened keeps an empty list: the deployment's keys never stand in for its own.
      const keys = this.attempt(company, () => this.box.openList(company.retellApiKeys!, 'retellApiKeys'));
      own.set(company.id, keys ?? []);
    }
    return new RetellKeyring(this.retellDefaults.apiKeys, own);
  }

  /** Opens a sealed value; says which company's secret failed and why, never the value. */
  private attempt<T>(company: Company, open: () => T): T | null {
    try {
      return open();
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      const message = `Company ${company.slug}: a stored secret cannot be decrypted: ${error.message}`;
      this.logger.error({ company: company.slug, keyId: error.keyId }, message);
      return null;
    }
  }

  /** A Cal.com key an earlier version stored in plain text (before its migration ran): used, and reported. */
  private unsealed(company: Company, stored: string): string {
    this.logger.warn({ company: company.slug }, 'A Cal.com key is stored unencrypted: run `npm run secrets:rotate`');
    return stored;
  }
}
