import { DataSource } from 'typeorm';
import { entities } from '../entities';
import { baseDataSourceOptions, createDataSource } from './data-source.factory';

/**
 * TypeORM cannot tell that a uuid primary key defaulting to gen_random_uuid() already has that default, so it drops
 * and re-sets it (and the foreign keys pointing at it) to identical values. Those pairs are no drift.
 */
function withoutNoOps(queries: string[]): string[] {
  const readded = new Set(
    queries.filter((q) => / ADD CONSTRAINT "FK_/.test(q)).map((q) => q.match(/CONSTRAINT "([^"]+)"/)?.[1]),
  );
  return queries.filter(
    (q) =>
      !/ALTER COLUMN "id" (DROP DEFAULT|SET DEFAULT gen_random_uuid\(\))$/.test(q) &&
      !readded.has(q.match(/CONSTRAINT "(FK_[^"]+)"/)?.[1]),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('embedded data source', () => {
  let sut: DataSource;

  beforeAll(async () => {
    sut = await createDataSource(
      baseDataSourceOptions({ url: undefined, dataDir: 'memory://', migrationsRun: true }, entities),
    ).initialize();
    await sut.query('CREATE TABLE probe (id int PRIMARY KEY)');
  });
  afterAll(() => sut.destroy());
  beforeEach(() => sut.query('DELETE FROM probe'));

  it('matches the entities exactly after the migrations ran', async () => {
    const pending = (await sut.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);
    expect(withoutNoOps(pending)).toEqual([]);
  });

  it('does not keep the row of a transaction that failed while another committed in between', async () => {
    const failing = sut
      .transaction(async (manager) => {
        await manager.query('INSERT INTO probe VALUES (1)');
        await sleep(30);
        throw new Error('A fails');
      })
      .catch((error: Error) => error.message);
    const committing = sut.transaction((manager) => manager.query('INSERT INTO probe VALUES (2)'));
    await Promise.all([failing, committing]);
    expect(await failing).toBe('A fails');
    expect(await sut.query('SELECT id FROM probe ORDER BY id')).toEqual([{ id: 2 }]);
  });

  it('keeps an acknowledged commit when an overlapping transaction fails afterwards', async () => {
    const failing = sut
      .transaction(async (manager) => {
        await sleep(5);
        await manager.query('INSERT INTO probe VALUES (3)');
        await sleep(20);
        throw new Error('A fails later');
      })
      .catch((error: Error) => error.message);
    const committing = sut.transaction(async (manager) => {
      await manager.query('INSERT INTO probe VALUES (4)');
      await sleep(40);
    });
    await Promise.all([failing, committing]);
    expect(await sut.query('SELECT id FROM probe ORDER BY id')).toEqual([{ id: 4 }]);
  });

  it('answers like node-postgres: affected rows and bigint as string', async () => {
    await sut.query('INSERT INTO probe VALUES (5), (6)');
    const [, affected] = await sut.query('UPDATE probe SET id = id + 10');
    expect(affected).toBe(2);
    expect(await sut.query('SELECT count(*) FROM probe')).toEqual([{ count: '2' }]);
  });
});
