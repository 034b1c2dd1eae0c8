import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configNamespaces } from './config/configuration';
import { DatabaseModule } from './database/database.module';
import { AccessModule } from './modules/access/access.module';
import { TenantsModule } from './modules/tenants/tenants.module';

/** What the operator commands need: configuration, the database and the domain services; no HTTP, no Redis. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces }),
    DatabaseModule,
    TenantsModule,
    AccessModule,
  ],
})
export class CliModule {}
