import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configNamespaces } from './config/configuration';
import { DatabaseModule } from './database/database.module';
import { DiagnosticsModule } from './modules/diagnostics/diagnostics.module';
import { TenantsModule } from './modules/tenants/tenants.module';

/** What the operator commands need: configuration, the database and the domain services; no HTTP, no Redis. */
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces }), DatabaseModule, TenantsModule, DiagnosticsModule],
})
export class CliModule {}
