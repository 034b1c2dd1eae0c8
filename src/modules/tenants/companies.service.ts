import { DomainError } from '../../common/domain-error';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { definedOnly } from '../../common/objects';
import type { CalcomAccount } from '../calcom/calcom.types';
import { CatalogCacheService } from './catalog-cache.service';
import { Company } from './company.entity';
import { TenantChangesService } from './tenant-changes.service';
import { CreateCompanyDto, ListQueryDto, UpdateCompanyDto } from './tenants.dto';

/** What the admin API shows of a company: everything but the Cal.com key, of which only its presence. */
export interface CompanyView {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  dateOrder: string | null;
  retellAgentIds: string[];
  hasCalcomApiKey: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const ACCOUNT_TTL_MS = 30_000;

const WITH_KEY = {
  calcomApiKey: true,
  id: true,
  slug: true,
  name: true,
  timezone: true,
  locale: true,
  dateOrder: true,
  retellAgentIds: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function toCompanyView({ calcomApiKey, ...company }: Company): CompanyView {
  return { ...company, hasCalcomApiKey: Boolean(calcomApiKey) };
}

@Injectable()
export class CompaniesService {
  private readonly accounts = new Map<string, { account: CalcomAccount | null; until: number }>();

  constructor(
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    private readonly catalog: CatalogCacheService,
    private readonly changes: TenantChangesService,
  ) {}

  async list(query: ListQueryDto): Promise<CompanyView[]> {
    const rows = await this.companies.find({
      select: WITH_KEY,
      order: { name: 'ASC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
    return rows.map(toCompanyView);
  }

  async get(id: string): Promise<CompanyView> {
    return toCompanyView(await this.findOrFail(id));
  }

  async create(dto: CreateCompanyDto): Promise<CompanyView> {
    const company = this.companies.create({
      slug: dto.slug,
      name: dto.name,
      timezone: dto.timezone ?? 'Europe/Berlin',
      locale: dto.locale ?? 'de',
      dateOrder: dto.dateOrder ?? null,
      calcomApiKey: dto.calcomApiKey ?? null,
      retellAgentIds: dto.retellAgentIds ?? [],
    });
    const saved = await this.companies.save(company);
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
        calcomApiKey: dto.calcomApiKey,
        retellAgentIds: dto.retellAgentIds,
      }),
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
    for (const id of ids) this.accounts.delete(id);
    this.changes.changed(ids);
    await this.catalog.invalidate(...ids);
  }

  /**
   * The company's Cal.com credentials. Kept in this process only (a secret stays out of the shared cache) for
   * `ACCOUNT_TTL_MS`: a key changed on this instance applies at once, on the others within that time.
   */
  async calcomAccount(companyId: string): Promise<CalcomAccount | null> {
    const known = this.accounts.get(companyId);
    if (known && known.until > Date.now()) return known.account;
    const company = await this.companies.findOne({
      where: { id: companyId },
      select: { id: true, calcomApiKey: true },
    });
    const account = company?.calcomApiKey ? { companyId, apiKey: company.calcomApiKey } : null;
    if (this.accounts.size >= 10_000) this.accounts.clear();
    this.accounts.set(companyId, { account, until: Date.now() + ACCOUNT_TTL_MS });
    return account;
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.companies.existsBy({ id }))) throw new DomainError('NOT_FOUND', `Company ${id} not found`);
  }

  private async findOrFail(id: string): Promise<Company> {
    const company = await this.companies.findOne({ where: { id }, select: WITH_KEY });
    if (!company) throw new DomainError('NOT_FOUND', `Company ${id} not found`);
    return company;
  }
}
