import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { migrations } from '../../migrations';

/**
 * PGlite settings for the gateway. Postgres sizes `shared_buffers` (128 MB) for a server of its own; in the gateway's
 * process it is WebAssembly memory that is never given back, and PGlite reads its files through the OS page cache
 * anyway. Measured on a copy of the template (RSS right after opening / after 4,000 inserts of 20 KB and 200 scans;
 * insert time): 128 MB: 282 / 457 MB, 3.1 s; 32 MB: 177 / 399 MB, 2.8 s; 16 MB: 159 / 379 MB, 2.5 s.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=16MB'];

const startParams = () => [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS.flatMap((setting) => ['-c', setting])];

/**
 * The initialised and migrated cluster of this PGlite version and migration list, kept beside the installed packages
 * (`node_modules/.cache`, made by `npm run build`) as a folder and as a tarball, so a first start copies a cluster
 * instead of running initdb and every migration (about 5 s of WebAssembly and a peak of several hundred MB): a data
 * folder gets a copy of the folder, an in-memory database (the tests) loads the tarball. Released migrations never
 * change, so their names identify the schema; a new migration gives a new template.
 */
export function templatePaths(): { folder: string; tarball: string } {
  const entry = require.resolve('@electric-sql/pglite');
  const modules = entry.slice(0, entry.lastIndexOf('node_modules') + 'node_modules'.length);
  const manifest = join(modules, '@electric-sql', 'pglite', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const schema = createHash('sha256')
    .update(migrations.map((migration) => migration.name).join())
    .digest('hex')
    .slice(0, 12);
  const folder = join(modules, '.cache', 'voice-booking-gateway', `pglite-${version}-${schema}`);
  return { folder, tarball: `${folder}.tar.gz` };
}

/** Options to open the embedded database, after seeding a fresh data folder from the template when there is one. */
export function embeddedOptions(dataDir: string, { folder, tarball } = templatePaths()): PGliteOptions {
  const options = { startParams: startParams() };
  if (dataDir.startsWith('memory://'))
    return existsSync(tarball) ? { ...options, loadDataDir: new Blob([readFileSync(tarball)]) } : options;
  if (!existsSync(join(dataDir, 'PG_VERSION')) && existsSync(join(folder, 'PG_VERSION')))
    cpSync(folder, dataDir, { recursive: true });
  return options;
}

/**
 * Makes the template once; a second call finds it and returns at once. `migrate` applies the schema to the open
 * database (the builder passes the app's own migrations run, see embedded-template.main).
 */
export async function ensureEmbeddedTemplate(
  migrate: (pglite: PGlite) => Promise<void>,
  { folder, tarball } = templatePaths(),
): Promise<'made' | 'present'> {
  if (existsSync(join(folder, 'PG_VERSION')) && existsSync(tarball)) return 'present';
  const partial = `${folder}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const pglite = await PGlite.create(partial, { startParams: startParams() });
  try {
    await migrate(pglite);
    writeFileSync(`${partial}.tar.gz`, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
  } finally {
    await pglite.close();
  }
  rmSync(folder, { recursive: true, force: true });
  renameSync(partial, folder);
  renameSync(`${partial}.tar.gz`, tarball);
  return 'made';
}
