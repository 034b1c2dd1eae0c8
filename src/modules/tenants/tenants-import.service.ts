import { DomainError } from '../../common/domain-error';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { flattenValidationErrors } from '../../common/vendor-payload';
import { Branch } from './branch.entity';
import { Company } from './company.entity';
import { PhoneNumber } from './phone-number.entity';
import { Service } from './service.entity';
import { ImportCompanyDto, TenantImportDto } from './tenants.dto';

export interface ImportSummary {
  companies: number;
  branches: number;
  phoneNumbers: number;
  services: number;
}

/** Loads whole tenants from a JSON document. Idempotent (matched by natural keys) and all-or-nothing. */
@Injectable()
export class TenantsImportService {
  constructor(private readonly dataSource: DataSource) {}

  async importDocument(document: unknown): Promise<ImportSummary> {
    const dto = plainToInstance(TenantImportDto, document);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    const problems = flattenValidationErrors(errors);
    if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('; '), problems);
    return this.dataSource.transaction(async (manager) => {
      const summary: ImportSummary = { companies: 0, branches: 0, phoneNumbers: 0, services: 0 };
      for (const company of dto.companies) await this.importCompany(manager, company, summary);
      return summary;
    });
  }

  private async importCompany(manager: EntityManager, dto: ImportCompanyDto, summary: ImportSummary): Promise<void> {
    const existing = await manager.findOneBy(Company, { slug: dto.slug });
    const company = await manager.save(
      manager.merge(Company, existing ?? manager.create(Company), {
        slug: dto.slug,
        name: dto.name,
        timezone: dto.timezone ?? existing?.timezone ?? 'Europe/Berlin',
        locale: dto.locale ?? existing?.locale ?? 'de',
        dateOrder: dto.dateOrder !== undefined ? dto.dateOrder : (existing?.dateOrder ?? null),
        retellAgentIds: dto.retellAgentIds ?? existing?.retellAgentIds ?? [],
        ...(dto.calcomApiKey !== undefined ? { calcomApiKey: dto.calcomApiKey } : {}),
      }),
    );
    summary.companies++;

    const branchIds = new Map<string, string>();
    for (const branch of dto.branches ?? []) {
      const row =
        (await manager.findOneBy(Branch, { companyId: company.id, name: branch.name })) ?? manager.create(Branch);
      const saved = await manager.save(
        manager.merge(Branch, row, {
          companyId: company.id,
          name: branch.name,
          address: branch.address ?? null,
          openingHours: branch.openingHours ?? {},
        }),
      );
      branchIds.set(branch.name, saved.id);
      summary.branches++;
    }
    const branchId = async (name: string | undefined) => {
      if (!name) return null;
      const id = branchIds.get(name) ?? (await manager.findOneBy(Branch, { companyId: company.id, name }))?.id;
      if (!id) throw new DomainError('INVALID_INPUT', `Company ${dto.slug}: unknown branch "${name}"`);
      return id;
    };

    for (const phone of dto.phoneNumbers ?? []) {
      const row = await manager.findOneBy(PhoneNumber, { e164: phone.e164 });
      if (row && row.companyId !== company.id) {
        throw new DomainError('CONFLICT', `Company ${dto.slug}: phone number already belongs to another company`);
      }
      await manager.save(
        manager.merge(PhoneNumber, row ?? manager.create(PhoneNumber), {
          companyId: company.id,
          e164: phone.e164,
          branchId: await branchId(phone.branch),
          label: phone.label ?? null,
        }),
      );
      summary.phoneNumbers++;
    }

    for (const service of dto.services ?? []) {
      const serviceBranchId = await branchId(service.branch);
      const row = await manager
        .createQueryBuilder(Service, 's')
        .where(
          's.company_id = :companyId AND s.branch_id IS NOT DISTINCT FROM :branchId AND lower(s.name) = lower(:name)',
          {
            companyId: company.id,
            branchId: serviceBranchId,
            name: service.name,
          },
        )
        .getOne();
      await manager.save(
        manager.merge(Service, row ?? manager.create(Service), {
          companyId: company.id,
          branchId: serviceBranchId,
          name: service.name,
          synonyms: service.synonyms ?? [],
          calcomEventTypeId: service.calcomEventTypeId,
          durationMinutes: service.durationMinutes,
          multiHost: service.multiHost ?? false,
          active: service.active ?? true,
        }),
      );
      summary.services++;
    }
  }
}
