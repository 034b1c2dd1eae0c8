import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { databaseConfig, DatabaseConfig } from '../../config/configuration';
import { CompaniesService } from './companies.service';
import { DEMO_TENANT } from './demo-tenant';
import { TenantsImportService } from './tenants-import.service';

/** On an empty embedded database, loads the demo tenant. A shared Postgres is never seeded implicitly. */
@Injectable()
export class DemoSeederService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeederService.name);

  constructor(
    @Inject(databaseConfig.KEY) private readonly config: DatabaseConfig,
    private readonly companies: CompaniesService,
    private readonly importer: TenantsImportService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.url || !this.config.demoSeed || !(await this.companies.none())) return;
    await this.importer.importDocument(DEMO_TENANT);
    this.logger.log(
      { companies: DEMO_TENANT.companies.map((company) => company.slug) },
      'Empty embedded database: demo tenant created',
    );
  }
}
