import { PGlite } from '@electric-sql/pglite';
import { DatabaseError, Pool } from 'pg';
import { pgliteSession } from './pglite-connection';

describe('PGliteConnection (pg over an in-process PGlite)', () => {
  let db: PGlite;
  let pool: Pool;

  beforeAll(async () => {
    db = new PGlite('memory://');
    pool = new Pool({ ...pgliteSession(db), max: 1 });
    await pool.query('CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, tags jsonb)');
  });
  afterAll(async () => {
    await pool.end();
    await db.close();
  });

  it('runs parameterized queries and reads typed rows back', async () => {
    await pool.query('INSERT INTO items VALUES ($1, $2, $3)', [1, 'Haarschnitt', JSON.stringify(['a', 'b'])]);
    const { rows } = await pool.query('SELECT id, name, tags, now() AS at FROM items WHERE id = $1', [1]);
    expect(rows).toEqual([{ id: 1, name: 'Haarschnitt', tags: ['a', 'b'], at: expect.any(Date) }]);
  });

  it('sends the messages of one query to PGlite in one call', async () => {
    const calls = jest.spyOn(db, 'execProtocolRaw');
    await pool.query('SELECT $1::int + 1 AS n', [41]);
    expect(calls).toHaveBeenCalledTimes(1);
    calls.mockRestore();
  });

  it("reports Postgres' error as pg does (class, code, message) and keeps working after it", async () => {
    const failed = await pool.query('INSERT INTO items VALUES (1, $1)', ['again']).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(DatabaseError);
    expect(failed).toMatchObject({ code: '23505', message: expect.stringContaining('items_pkey') });
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM items');
    expect(rows[0].n).toBe(1);
  });

  it('keeps a transaction on its one session and rolls it back', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO items VALUES (2, $1)', ['Färben']);
      expect((await client.query('SELECT count(*)::int AS n FROM items')).rows[0].n).toBe(2);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await pool.query('SELECT count(*)::int AS n FROM items')).rows[0].n).toBe(1);
  });

  it('answers queries sent together in the order they were sent', async () => {
    const answers = await Promise.all([3, 4, 5].map((n) => pool.query('SELECT $1::int * 2 AS n', [n])));
    expect(answers.map((answer) => answer.rows[0].n)).toEqual([6, 8, 10]);
  });
});
