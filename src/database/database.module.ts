import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, DatabaseConfig } from '../config/configuration';
import { EmbeddedDatabaseBusyError } from './embedded-lock';
import { baseDataSourceOptions, createDataSource, GatewayDataSourceOptions } from './data-source.factory';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => ({
        ...baseDataSourceOptions(config),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
        // A folder held by another process stays held: say so at once instead of retrying.
        toRetry: (error: unknown) => !(error instanceof EmbeddedDatabaseBusyError),
      }),
      dataSourceFactory: async (options) => createDataSource(options as GatewayDataSourceOptions).initialize(),
    }),
  ],
})
export class DatabaseModule {}
