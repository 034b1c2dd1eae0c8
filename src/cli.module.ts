import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configNamespaces } from './config/configuration';
import { CacheModule } from './cache/cache.module';
import { DatabaseModule } from './database/database.module';
import { SecretsModule } from './secrets/secrets.module';
import { MetricsModule } from './metrics/metrics.module';
import { AccessModule } from './modules/access/access.module';
import { CalcomModule } from './modules/calcom/calcom.module';
import { CalcomSubscriptionsModule } from './modules/calcom-webhooks/calcom-subscriptions.module';
import { TenantsModule } from './modules/tenants/tenants.module';

/**
 * What the operator commands need: configuration, the database and the domain services; no HTTP; Redis only as the
 * shared cache, when configured.
 */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces }),
    DatabaseModule,
    SecretsModule,
    // So an import drops the catalog the servers cache (in Redis, when configured).
    CacheModule,
    TenantsModule,
    AccessModule,
    // calcom:event-types asks Cal.com through the same client (metrics are collected, never served).
    MetricsModule,
    CalcomModule,
    // calcom:webhooks manages the company's subscription through Cal.com's API v2.
    CalcomSubscriptionsModule,
  ],
})
export class CliModule {}
