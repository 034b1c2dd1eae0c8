import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { CacheModule } from './cache/cache.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { AppValidationPipe, VendorPayloadPipe } from './common/vendor-payload';
import { appConfig, AppConfig, configNamespaces } from './config/configuration';
import { DatabaseModule } from './database/database.module';
import { SecretsModule } from './secrets/secrets.module';
import { HealthModule } from './health/health.module';
import { loggerOptions } from './logging/logger.options';
import { MetricsModule } from './metrics/metrics.module';
import { AdminModule } from './modules/admin/admin.module';
import { AccessModule } from './modules/access/access.module';
import { DemoSeederService } from './modules/tenants/demo-seeder.service';
import { CalcomWebhooksModule } from './modules/calcom-webhooks/calcom-webhooks.module';
import { McpModule } from './modules/mcp/mcp.module';
import { RetellModule } from './modules/retell/retell.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { RedisModule } from './redis/redis.module';
import { ThrottlingModule } from './throttling/throttling.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces }),
    LoggerModule.forRootAsync({ inject: [appConfig.KEY], useFactory: (app: AppConfig) => loggerOptions(app) }),
    DatabaseModule,
    SecretsModule,
    RedisModule,
    CacheModule,
    MetricsModule,
    HealthModule,
    TenantsModule,
    AccessModule,
    ThrottlingModule,
    RetellModule,
    RemindersModule,
    McpModule,
    CalcomWebhooksModule,
    AdminModule,
  ],
  providers: [
    DemoSeederService,
    { provide: APP_PIPE, useClass: AppValidationPipe },
    { provide: APP_PIPE, useClass: VendorPayloadPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
