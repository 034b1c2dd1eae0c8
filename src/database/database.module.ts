import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, DatabaseConfig } from '../config/configuration';
import { baseDataSourceOptions, createDataSource, GatewayDataSourceOptions } from './data-source.factory';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => ({
        ...baseDataSourceOptions(config),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
      dataSourceFactory: async (options) => createDataSource(options as GatewayDataSourceOptions).initialize(),
    }),
  ],
})
export class DatabaseModule {}
