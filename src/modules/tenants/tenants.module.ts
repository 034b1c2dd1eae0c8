import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Branch } from './branch.entity';
import { BranchesController } from './branches.controller';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { Company } from './company.entity';
import { Customer } from './customer.entity';
import { PhoneNumber } from './phone-number.entity';
import { PhoneNumbersController } from './phone-numbers.controller';
import { Service } from './service.entity';
import { ServicesController } from './services.controller';
import { TenantResourcesService } from './tenant-resources.service';
import { TenantsImportService } from './tenants-import.service';
import { CatalogService } from './catalog.service';
import { CustomersService } from './customers.service';
import { TenantResolverService } from './tenant-resolver.service';

@Module({
  imports: [TypeOrmModule.forFeature([Company, Branch, PhoneNumber, Service, Customer])],
  controllers: [CompaniesController, BranchesController, PhoneNumbersController, ServicesController],
  providers: [
    CompaniesService,
    TenantResourcesService,
    TenantsImportService,
    CatalogService,
    CustomersService,
    TenantResolverService,
  ],
  exports: [
    CompaniesService,
    TenantResourcesService,
    TenantsImportService,
    CatalogService,
    CustomersService,
    TenantResolverService,
    TypeOrmModule,
  ],
})
export class TenantsModule {}
