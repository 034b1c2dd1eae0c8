import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { embeddedOptions, ensureEmbeddedTemplate } from './embedded-template';

describe('the embedded database template', () => {
  const root = mkdtempSync(join(tmpdir(), 'vbg-template-'));
  const paths = { folder: join(root, 'cluster'), tarball: join(root, 'cluster.tar.gz') };
  const marked = async (pglite: PGlite) => (await pglite.query<{ note: string }>('SELECT note FROM marker')).rows;

  beforeAll(async () => {
    const outcome = await ensureEmbeddedTemplate(async (pglite) => {
      await pglite.exec("CREATE TABLE marker (note text); INSERT INTO marker VALUES ('from the template')");
    }, paths);
    expect(outcome).toBe('made');
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is made once: a second call finds it', async () => {
    expect(existsSync(join(paths.folder, 'PG_VERSION'))).toBe(true);
    expect(existsSync(paths.tarball)).toBe(true);
    await expect(ensureEmbeddedTemplate(() => Promise.reject(new Error('must not run')), paths)).resolves.toBe(
      'present',
    );
  });

  it('seeds a fresh data folder with a copy, and leaves a used one alone', async () => {
    const dataDir = join(root, 'data');
    const first = await PGlite.create(dataDir, embeddedOptions(dataDir, paths));
    expect(await marked(first)).toEqual([{ note: 'from the template' }]);
    await first.exec("UPDATE marker SET note = 'written since'");
    await first.close();
    const again = await PGlite.create(dataDir, embeddedOptions(dataDir, paths));
    expect(await marked(again)).toEqual([{ note: 'written since' }]);
    await again.close();
  }, 30_000);

  it('loads an in-memory database from the tarball, and runs with a smaller shared_buffers', async () => {
    const pglite = await PGlite.create('memory://', embeddedOptions('memory://', paths));
    expect(await marked(pglite)).toEqual([{ note: 'from the template' }]);
    expect((await pglite.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows).toEqual([
      { shared_buffers: '16MB' },
    ]);
    await pglite.close();
  }, 30_000);

  it('falls back to initdb where no template was made', () => {
    const none = { folder: join(root, 'missing'), tarball: join(root, 'missing.tar.gz') };
    expect(embeddedOptions('memory://', none)).not.toHaveProperty('loadDataDir');
    const dataDir = join(root, 'other');
    embeddedOptions(dataDir, none);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
  });
});
