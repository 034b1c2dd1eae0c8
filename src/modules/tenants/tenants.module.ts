import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Branch } from './branch.entity';
import { CompaniesService } from './companies.service';
import { CompanyAccountsService } from './company-accounts.service';
import { CalcomWebhookAccountsService } from './calcom-webhook-accounts.service';
import { SecretsRotationService } from './secrets-rotation.service';
import { Company } from './company.entity';
import { Customer } from './customer.entity';
import { PhoneNumber } from './phone-number.entity';
import { Service } from './service.entity';
import { TenantResourcesService } from './tenant-resources.service';
import { TenantsImportService } from './tenants-import.service';
import { CatalogService } from './catalog.service';
import { CatalogCacheService } from './catalog-cache.service';
import { TenantChangesService } from './tenant-changes.service';
import { CustomersService } from './customers.service';
import { TenantResolverService } from './tenant-resolver.service';

/** Every service of the module is part of what it offers: the domain's tenants, for the faces and the CLI. */
const SERVICES = [
  TenantChangesService,
  CatalogCacheService,
  CompaniesService,
  CompanyAccountsService,
  CalcomWebhookAccountsService,
  SecretsRotationService,
  TenantResourcesService,
  TenantsImportService,
  CatalogService,
  CustomersService,
  TenantResolverService,
];

@Module({
  imports: [TypeOrmModule.forFeature([Company, Branch, PhoneNumber, Service, Customer])],
  providers: SERVICES,
  exports: SERVICES,
})
export class TenantsModule {}
