import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { DatabaseConfig } from '../config/configuration';
import { lockEmbeddedDatabase } from './embedded-lock';
import { embeddedOptions } from './embedded-template';
import { pgliteSession } from './pglite-connection';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type DatabaseSettings = Pick<DatabaseConfig, 'url' | 'dataDir' | 'migrationsRun'>;

/** TypeORM ignores keys it does not know; this one carries the embedded data folder to the data source factory. */
export type GatewayDataSourceOptions = Extract<DataSourceOptions, { type: 'postgres' }> & { embeddedDataDir: string };

/**
 * Options shared by the app and the TypeORM CLI (ormconfig.ts). The app registers each module's entities itself
 * (`autoLoadEntities`, from the modules' `forFeature`); the CLI only migrates; a test rig names what it needs.
 */
export function baseDataSourceOptions(
  settings: DatabaseSettings,
  entities: NonNullable<DataSourceOptions['entities']> = [],
): GatewayDataSourceOptions {
  return {
    type: 'postgres',
    embeddedDataDir: settings.dataDir,
    url: settings.url,
    entities,
    migrations,
    migrationsRun: settings.migrationsRun,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: 10, application_name: 'voice-booking-gateway' },
  };
}

/**
 * The embedded default: PGlite (Postgres compiled to WASM) in DATA_DIR, driven through the real `pg` client over
 * `PGliteConnection`. `max: 1` makes pg's pool hand the single session to one holder at a time, so
 * overlapping transactions queue instead of sharing one transaction (the data-loss bug of typeorm-pglite's pool).
 */
class EmbeddedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly pglite: PGlite,
    private readonly unlock: () => void = () => undefined,
  ) {
    super({
      ...options,
      // A caller that waits this long for the one session is a bug (a query outside its transaction): fail, don't hang.
      extra: { ...pgliteSession(pglite), max: 1, idleTimeoutMillis: 0, connectionTimeoutMillis: 15_000 },
    } as DataSourceOptions);
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    await this.pglite.close();
    this.unlock();
  }
}

/** Postgres when a URL is configured, otherwise the embedded database in its data folder. */
export function createDataSource(options: GatewayDataSourceOptions): DataSource {
  if (options.url) return new DataSource(options);
  const dataDir = options.embeddedDataDir;
  if (dataDir.startsWith('memory://'))
    return new EmbeddedDataSource(options, new PGlite(dataDir, embeddedOptions(dataDir)));
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockEmbeddedDatabase(dataDir, process.argv[1]?.endsWith('cli.js') ? 'a command' : 'the gateway');
  return new EmbeddedDataSource(options, new PGlite(dataDir, embeddedOptions(dataDir)), unlock);
}
