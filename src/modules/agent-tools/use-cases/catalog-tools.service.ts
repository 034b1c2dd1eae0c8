import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/domain-error';
import { CatalogService } from '../../tenants/catalog.service';
import type { ListServicesArgs } from '../agent-tools.dto';
import type { ToolContext } from '../tool-context';
import type { ToolResult } from '../tool-results';

/** What the business offers: its services (optionally of one branch) and its branches. */
@Injectable()
export class CatalogToolsService {
  constructor(private readonly catalog: CatalogService) {}

  async listServices({ company }: ToolContext, args: ListServicesArgs): Promise<ToolResult> {
    const services = await this.catalog.listServices(company.id, args.branch);
    if (services.length === 0) throw new DomainError('NOT_FOUND', 'No services');
    return {
      kind: 'services',
      services: services.map((s) => ({ name: s.name, durationMinutes: s.durationMinutes, branch: s.branchName })),
    };
  }

  async getBranches({ company }: ToolContext): Promise<ToolResult> {
    const branches = await this.catalog.listBranches(company.id);
    if (branches.length === 0) throw new DomainError('NOT_FOUND', 'No branches');
    return {
      kind: 'branches',
      branches: branches.map((b) => ({ name: b.name, address: b.address, openingHours: b.openingHours })),
    };
  }
}
