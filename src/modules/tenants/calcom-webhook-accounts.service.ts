import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { SecretBox, SecretKeyError } from '../../secrets/secret-box';
import { Company } from './company.entity';
import { TenantChangesService } from './tenant-changes.service';

/** The company a Cal.com webhook URL names, and the secret its deliveries are signed with (null: none usable). */
export interface CalcomWebhookAccount {
  companyId: string;
  slug: string;
  timezone: string;
  secret: string | null;
}

const KEPT_MS = 30_000;
const FLOWING_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Each company's Cal.com webhook subscription as the gateway keeps it: its secret (opened only to check a delivery)
 * and whether deliveries flow. Kept in this process a short while; dropped at once when the company changes here.
 */
@Injectable()
export class CalcomWebhookAccountsService {
  private readonly logger = new Logger(CalcomWebhookAccountsService.name);
  private readonly bySlug = new LRUCache<string, { account: CalcomWebhookAccount | null }>({
    max: 10_000,
    ttl: KEPT_MS,
  });
  private readonly lastAt = new LRUCache<string, { at: Date | null }>({ max: 10_000, ttl: KEPT_MS });

  constructor(
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    private readonly box: SecretBox,
    changes: TenantChangesService,
  ) {
    changes.subscribe(() => {
      this.bySlug.clear();
      this.lastAt.clear();
    });
  }

  /** The company with this slug, or null when there is none. */
  async forSlug(slug: string): Promise<CalcomWebhookAccount | null> {
    const known = this.bySlug.get(slug);
    if (known) return known.account;
    const company = await this.companies.findOne({
      where: { slug },
      select: { id: true, slug: true, timezone: true, calcomWebhookSecret: true },
    });
    const account = company
      ? { companyId: company.id, slug, timezone: company.timezone, secret: this.open(company) }
      : null;
    this.bySlug.set(slug, { account });
    return account;
  }

  /** Whether webhooks keep the company's appointments fresh: a secret is stored and a delivery came this week. */
  async flowing(companyId: string, now = new Date()): Promise<boolean> {
    let known = this.lastAt.get(companyId);
    if (!known) {
      const company = await this.companies.findOne({
        where: { id: companyId },
        select: { id: true, calcomWebhookSecret: true, calcomWebhookLastAt: true },
      });
      known = { at: company?.calcomWebhookSecret ? company.calcomWebhookLastAt : null };
      this.lastAt.set(companyId, known);
    }
    return known.at !== null && now.getTime() - known.at.getTime() < FLOWING_MS;
  }

  private open(company: Company): string | null {
    if (!company.calcomWebhookSecret) return null;
    try {
      return this.box.open(company.calcomWebhookSecret, 'calcomWebhookSecret');
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      const message = `Company ${company.slug}: its Cal.com webhook secret cannot be decrypted: ${error.message}`;
      this.logger.error({ company: company.slug, keyId: error.keyId }, message);
      return null;
    }
  }
}
