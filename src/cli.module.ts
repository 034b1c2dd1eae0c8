import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configNamespaces } from './config/configuration';
import { DatabaseModule } from './database/database.module';
import { DiagnosticsModule } from './modules/diagnostics/diagnostics.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { REDIS } from './redis/redis.module';
import { ThrottlingModule } from './throttling/throttling.module';

/** The commands never serve HTTP, so they need no Redis; the guards Nest still builds for the controllers count in process. */
@Global()
@Module({ providers: [{ provide: REDIS, useValue: null }], exports: [REDIS] })
class NoRedisModule {}

/** What the operator commands need: configuration, the database and the domain services; no HTTP, no Redis. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces }),
    DatabaseModule,
    NoRedisModule,
    ThrottlingModule,
    TenantsModule,
    DiagnosticsModule,
  ],
})
export class CliModule {}
