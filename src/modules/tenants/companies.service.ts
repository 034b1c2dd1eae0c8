import { DomainError } from '../../common/domain-error';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { definedOnly } from '../../common/objects';
import { SecretBox } from '../../secrets/secret-box';
import { CatalogCacheService } from './catalog-cache.service';
import { CompanyAccountsService } from './company-accounts.service';
import { sealedSecrets } from './company-secrets';
import { Company, ReminderSettings } from './company.entity';
import { reminderSettings } from './reminder-settings';
import { TenantChangesService } from './tenant-changes.service';
import { CreateCompanyDto, UpdateCompanyDto } from './companies.dto';
import { ListQueryDto } from './tenants.dto';

/** What the admin API shows of a company: everything but its secrets, of which only their presence. */
export interface CompanyView {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  dateOrder: string | null;
  holdMinutes: number;
  reminders: ReminderSettings | null;
  retellAgentIds: string[];
  calcomBaseUrl: string;
  hasCalcomApiKey: boolean;
  hasRetellApiKeys: boolean;
  hasCalcomWebhookSecret: boolean;
  /** When a verified Cal.com webhook delivery last arrived; null: never. */
  calcomWebhookLastAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const WITH_SECRETS = {
  calcomApiKey: true,
  retellApiKeys: true,
  calcomWebhookSecret: true,
  calcomWebhookLastAt: true,
  calcomBaseUrl: true,
  id: true,
  slug: true,
  name: true,
  timezone: true,
  locale: true,
  dateOrder: true,
  holdMinutes: true,
  reminders: true,
  retellAgentIds: true,
  createdAt: true,
  updatedAt: true,
} as const;

@Injectable()
export class CompaniesService {
  constructor(
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    private readonly box: SecretBox,
    private readonly accounts: CompanyAccountsService,
    private readonly catalog: CatalogCacheService,
    private readonly changes: TenantChangesService,
  ) {}

  async list(query: ListQueryDto): Promise<CompanyView[]> {
    const rows = await this.companies.find({
      select: WITH_SECRETS,
      order: { name: 'ASC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
    return rows.map((row) => this.view(row));
  }

  async get(id: string): Promise<CompanyView> {
    return this.view(await this.findOrFail(id));
  }

  async create(dto: CreateCompanyDto): Promise<CompanyView> {
    const company = this.companies.create({
      slug: dto.slug,
      name: dto.name,
      timezone: dto.timezone ?? 'Europe/Berlin',
      locale: dto.locale ?? 'de',
      dateOrder: dto.dateOrder ?? null,
      holdMinutes: dto.holdMinutes ?? 5,
      reminders: reminderSettings(dto.reminders) ?? null,
      calcomBaseUrl: dto.calcomBaseUrl ?? null,
      retellAgentIds: dto.retellAgentIds ?? [],
      ...sealedSecrets(this.box, dto),
    });
    const saved = await this.companies.save(company);
    await this.changed(saved.id);
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateCompanyDto): Promise<CompanyView> {
    const company = await this.findOrFail(id);
    this.companies.merge(
      company,
      definedOnly({
        slug: dto.slug,
        name: dto.name,
        timezone: dto.timezone,
        locale: dto.locale,
        dateOrder: dto.dateOrder,
        holdMinutes: dto.holdMinutes,
        reminders: reminderSettings(dto.reminders),
        calcomBaseUrl: dto.calcomBaseUrl,
        retellAgentIds: dto.retellAgentIds,
      }),
      sealedSecrets(this.box, dto),
    );
    await this.companies.save(company);
    await this.changed(id);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const result = await this.companies.delete({ id });
    if (!result.affected) throw new DomainError('NOT_FOUND', `Company ${id} not found`);
    await this.changed(id);
  }

  /** After any write to a company or what it offers: its catalog and credentials are read afresh. */
  async changed(...ids: string[]): Promise<void> {
    this.changes.changed(ids);
    await this.catalog.invalidate(...ids);
  }

  /** Whether no company exists at all (a fresh database). */
  async none(): Promise<boolean> {
    return !(await this.companies.exists());
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.companies.existsBy({ id }))) throw new DomainError('NOT_FOUND', `Company ${id} not found`);
  }

  private view({ calcomApiKey, retellApiKeys, calcomWebhookSecret, calcomBaseUrl, ...company }: Company): CompanyView {
    return {
      ...company,
      calcomBaseUrl: this.accounts.calcomBaseUrlOf({ calcomBaseUrl }),
      hasCalcomApiKey: Boolean(calcomApiKey),
      hasRetellApiKeys: Boolean(retellApiKeys),
      hasCalcomWebhookSecret: Boolean(calcomWebhookSecret),
    };
  }

  /** A verified Cal.com delivery arrived: webhooks flow for this company (written at most once a minute). */
  async heardFromCalcom(id: string, at = new Date()): Promise<void> {
    await this.companies
      .createQueryBuilder()
      .update()
      .set({ calcomWebhookLastAt: at })
      .where('id = :id AND (calcom_webhook_last_at IS NULL OR calcom_webhook_last_at < :due)', {
        id,
        due: new Date(at.getTime() - 60_000),
      })
      .execute();
  }

  private async findOrFail(id: string): Promise<Company> {
    const company = await this.companies.findOne({ where: { id }, select: WITH_SECRETS });
    if (!company) throw new DomainError('NOT_FOUND', `Company ${id} not found`);
    return company;
  }
}
