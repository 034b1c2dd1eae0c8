import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Branch } from './branch.entity';
import { CompaniesService } from './companies.service';
import { CompanyScopedRepository } from './company-scoped.repository';
import { PhoneNumber } from './phone-number.entity';
import { Service } from './service.entity';
import {
  CreateBranchDto,
  CreatePhoneNumberDto,
  CreateServiceDto,
  ListQueryDto,
  UpdateBranchDto,
  UpdatePhoneNumberDto,
  UpdateServiceDto,
} from './tenants.dto';

/** Branches, phone numbers and services of a company; request DTOs are mapped field by field, never spread. */
@Injectable()
export class TenantResourcesService {
  readonly branches: CompanyScopedRepository<Branch>;
  readonly phoneNumbers: CompanyScopedRepository<PhoneNumber>;
  readonly services: CompanyScopedRepository<Service>;

  constructor(
    private readonly companies: CompaniesService,
    @InjectRepository(Branch) branchRows: Repository<Branch>,
    @InjectRepository(PhoneNumber) phoneRows: Repository<PhoneNumber>,
    @InjectRepository(Service) serviceRows: Repository<Service>,
  ) {
    const changed = (companyId: string) => companies.changed(companyId);
    this.branches = new CompanyScopedRepository(branchRows, branchRows, 'Branch', changed);
    this.phoneNumbers = new CompanyScopedRepository(phoneRows, branchRows, 'Phone number', changed);
    this.services = new CompanyScopedRepository(serviceRows, branchRows, 'Service', changed);
  }

  async list<K extends 'branches' | 'phoneNumbers' | 'services'>(kind: K, companyId: string, query: ListQueryDto) {
    await this.companies.assertExists(companyId);
    return this[kind].list(companyId, query.limit, query.offset) as ReturnType<this[K]['list']>;
  }

  async createBranch(companyId: string, dto: CreateBranchDto): Promise<Branch> {
    await this.companies.assertExists(companyId);
    return this.branches.create(companyId, {
      name: dto.name,
      address: dto.address ?? null,
      openingHours: dto.openingHours ?? {},
    });
  }

  updateBranch(companyId: string, id: string, dto: UpdateBranchDto): Promise<Branch> {
    return this.branches.update(companyId, id, {
      name: dto.name,
      address: dto.address,
      openingHours: dto.openingHours,
    });
  }

  async createPhoneNumber(companyId: string, dto: CreatePhoneNumberDto): Promise<PhoneNumber> {
    await this.companies.assertExists(companyId);
    return this.phoneNumbers.create(companyId, {
      e164: dto.e164,
      branchId: dto.branchId ?? null,
      label: dto.label ?? null,
    });
  }

  updatePhoneNumber(companyId: string, id: string, dto: UpdatePhoneNumberDto): Promise<PhoneNumber> {
    return this.phoneNumbers.update(companyId, id, { e164: dto.e164, branchId: dto.branchId, label: dto.label });
  }

  async createService(companyId: string, dto: CreateServiceDto): Promise<Service> {
    await this.companies.assertExists(companyId);
    return this.services.create(companyId, {
      name: dto.name,
      synonyms: dto.synonyms ?? [],
      calcomEventTypeId: dto.calcomEventTypeId,
      durationMinutes: dto.durationMinutes,
      branchId: dto.branchId ?? null,
      multiHost: dto.multiHost ?? false,
      active: dto.active ?? true,
    });
  }

  updateService(companyId: string, id: string, dto: UpdateServiceDto): Promise<Service> {
    return this.services.update(companyId, id, {
      name: dto.name,
      synonyms: dto.synonyms,
      calcomEventTypeId: dto.calcomEventTypeId,
      durationMinutes: dto.durationMinutes,
      branchId: dto.branchId,
      multiHost: dto.multiHost,
      active: dto.active,
    });
  }
}
