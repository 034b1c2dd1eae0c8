import { baseDataSourceOptions, createDataSource } from './src/database/data-source.factory';
import { loadEnv } from './src/config/configuration';

/** Data source for the TypeORM CLI (`npm run migration:*`): the same options as the application. */
const env = loadEnv();
export default createDataSource(
  baseDataSourceOptions({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, migrationsRun: false }),
);
