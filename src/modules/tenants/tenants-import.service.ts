import { DomainError } from '../../common/domain-error';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { flattenValidationErrors } from '../../common/vendor-payload';
import { SecretBox } from '../../secrets/secret-box';
import { CompaniesService } from './companies.service';
import { CompanyImport, ImportSummary } from './company-import';
import { TenantImportDto } from './tenants-import.dto';

export type { ImportSummary };

/** Loads whole tenants from a JSON document. Idempotent (matched by natural keys) and all-or-nothing. */
@Injectable()
export class TenantsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly box: SecretBox,
  ) {}

  async importDocument(document: unknown): Promise<ImportSummary> {
    const dto = plainToInstance(TenantImportDto, document);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    const problems = flattenValidationErrors(errors);
    if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems.join('; '), problems);
    const summary: ImportSummary = { companies: 0, branches: 0, phoneNumbers: 0, services: 0 };
    const ids: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const company of dto.companies) ids.push(await new CompanyImport(manager, this.box, company, summary).run());
    });
    await this.companies.changed(...ids);
    return summary;
  }
}
