import 'reflect-metadata';
import type { PGlite } from '@electric-sql/pglite';
import { DataSource, DataSourceOptions } from 'typeorm';
import { baseDataSourceOptions } from './data-source.factory';
import { ensureEmbeddedTemplate, templatePaths } from './embedded-template';
import { pgliteSession } from './pglite-connection';

/** Runs the app's migrations on the template cluster, through the same connection the app uses. */
async function migrate(pglite: PGlite): Promise<void> {
  const options = baseDataSourceOptions({ url: undefined, dataDir: 'memory://', migrationsRun: false });
  const dataSource = new DataSource({ ...options, extra: { ...pgliteSession(pglite), max: 1 } } as DataSourceOptions);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}

/** `npm run build` ends here: the initialised embedded cluster, made once per PGlite version and schema. */
void ensureEmbeddedTemplate(migrate).then(
  (outcome) => {
    if (outcome === 'made') process.stdout.write(`Embedded database template written to ${templatePaths().folder}\n`);
  },
  (error: Error) => {
    // Not fatal: without the template a first start runs initdb and the migrations, as before.
    process.stderr.write(`Could not make the embedded database template: ${error.message}\n`);
  },
);
