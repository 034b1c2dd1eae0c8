import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import type { SecretBox } from '../../secrets/secret-box';
import { Branch } from './branch.entity';
import { reminderSettings } from './reminder-settings';
import { sealedSecrets } from './company-secrets';
import { Company } from './company.entity';
import { PhoneNumber } from './phone-number.entity';
import { Service } from './service.entity';
import type { ImportCompanyDto } from './tenants-import.dto';

export interface ImportSummary {
  companies: number;
  branches: number;
  phoneNumbers: number;
  services: number;
}

/** One company of an import document, inside the import's transaction: matched by natural keys, so it can repeat. */
export class CompanyImport {
  private readonly branchIds = new Map<string, string>();
  private companyId = '';

  constructor(
    private readonly manager: EntityManager,
    private readonly box: SecretBox,
    private readonly dto: ImportCompanyDto,
    private readonly summary: ImportSummary,
  ) {}

  /** Imports the company and what it offers; its id. */
  async run(): Promise<string> {
    await this.company();
    for (const branch of this.dto.branches ?? []) await this.branch(branch);
    for (const phone of this.dto.phoneNumbers ?? []) await this.phoneNumber(phone);
    for (const service of this.dto.services ?? []) await this.service(service);
    return this.companyId;
  }

  private async company(): Promise<void> {
    const { manager, dto } = this;
    const existing = await manager.findOneBy(Company, { slug: dto.slug });
    const company = await manager.save(
      manager.merge(Company, existing ?? manager.create(Company), {
        slug: dto.slug,
        name: dto.name,
        timezone: dto.timezone ?? existing?.timezone ?? 'Europe/Berlin',
        locale: dto.locale ?? existing?.locale ?? 'de',
        dateOrder: dto.dateOrder !== undefined ? dto.dateOrder : (existing?.dateOrder ?? null),
        holdMinutes: dto.holdMinutes ?? existing?.holdMinutes ?? 5,
        reminders: dto.reminders !== undefined ? reminderSettings(dto.reminders) : (existing?.reminders ?? null),
        retellAgentIds: dto.retellAgentIds ?? existing?.retellAgentIds ?? [],
        calcomBaseUrl: dto.calcomBaseUrl !== undefined ? dto.calcomBaseUrl : (existing?.calcomBaseUrl ?? null),
        ...sealedSecrets(this.box, dto),
      }),
    );
    this.companyId = company.id;
    this.summary.companies++;
  }

  private async branch(branch: NonNullable<ImportCompanyDto['branches']>[number]): Promise<void> {
    const { manager, companyId } = this;
    const row = (await manager.findOneBy(Branch, { companyId, name: branch.name })) ?? manager.create(Branch);
    const saved = await manager.save(
      manager.merge(Branch, row, {
        companyId,
        name: branch.name,
        address: branch.address ?? null,
        openingHours: branch.openingHours ?? {},
      }),
    );
    this.branchIds.set(branch.name, saved.id);
    this.summary.branches++;
  }

  private async phoneNumber(phone: NonNullable<ImportCompanyDto['phoneNumbers']>[number]): Promise<void> {
    const { manager, companyId } = this;
    const row = await manager.findOneBy(PhoneNumber, { e164: phone.e164 });
    if (row && row.companyId !== companyId)
      throw new DomainError('CONFLICT', `Company ${this.dto.slug}: phone number already belongs to another company`);
    await manager.save(
      manager.merge(PhoneNumber, row ?? manager.create(PhoneNumber), {
        companyId,
        e164: phone.e164,
        branchId: await this.branchId(phone.branch),
        label: phone.label ?? null,
      }),
    );
    this.summary.phoneNumbers++;
  }

  private async service(service: NonNullable<ImportCompanyDto['services']>[number]): Promise<void> {
    const { manager, companyId } = this;
    const branchId = await this.branchId(service.branch);
    const row = await manager
      .createQueryBuilder(Service, 's')
      .where(
        's.company_id = :companyId AND s.branch_id IS NOT DISTINCT FROM :branchId AND lower(s.name) = lower(:name)',
        {
          companyId,
          branchId,
          name: service.name,
        },
      )
      .getOne();
    await manager.save(
      manager.merge(Service, row ?? manager.create(Service), {
        companyId,
        branchId,
        name: service.name,
        synonyms: service.synonyms ?? [],
        calcomEventTypeId: service.calcomEventTypeId,
        durationMinutes: service.durationMinutes,
        multiHost: service.multiHost ?? false,
        active: service.active ?? true,
      }),
    );
    this.summary.services++;
  }

  private async branchId(name: string | undefined): Promise<string | null> {
    if (!name) return null;
    const known = this.branchIds.get(name);
    const id = known ?? (await this.manager.findOneBy(Branch, { companyId: this.companyId, name }))?.id;
    if (!id) throw new DomainError('INVALID_INPUT', `Company ${this.dto.slug}: unknown branch "${name}"`);
    return id;
  }
}
