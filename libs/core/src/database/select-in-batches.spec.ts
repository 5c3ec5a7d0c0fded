import pg from 'pg';
import { DataSource } from 'typeorm';
import { selectInBatches } from './select-in-batches.js';

const URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface PoolCounts {
  totalCount: number;
  idleCount: number;
}

describe('selectInBatches', () => {
  let ds: DataSource;
  let admin: pg.Client;
  const pool = () => (ds.driver as unknown as { master: PoolCounts }).master;

  beforeAll(async () => {
    ds = new DataSource({ type: 'postgres', url: URL, poolSize: 3, applicationName: 'batches' });
    await ds.initialize();
    admin = new pg.Client({ connectionString: URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await ds.destroy();
  });

  const collect = async <T>(batches: AsyncIterable<T[]>) => {
    const sizes: number[] = [];
    const rows: T[] = [];
    for await (const batch of batches) {
      sizes.push(batch.length);
      rows.push(...batch);
    }
    return { sizes, rows };
  };

  it('gives every row once, in order, in batches of the size asked, parameters bound', async () => {
    const { sizes, rows } = await collect(
      selectInBatches<{ n: number }>(
        ds,
        'SELECT n FROM generate_series(1, $1::int) n ORDER BY n DESC',
        [2_500],
        1_000,
      ),
    );
    expect(sizes).toEqual([1_000, 1_000, 500]);
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 2_500 }, (_, i) => 2_500 - i));
  });

  it('ends without an empty batch on an exact multiple, and yields nothing for no rows', async () => {
    const exact = await collect(
      selectInBatches(ds, 'SELECT n FROM generate_series(1, 2000) n', [], 1_000),
    );
    expect(exact.sizes).toEqual([1_000, 1_000]);
    const none = await collect(selectInBatches(ds, 'SELECT 1 AS n WHERE false', [], 1_000));
    expect(none.sizes).toEqual([]);
  });

  it('reads in one read-only transaction, planned for the whole result', async () => {
    const { rows } = await collect(
      selectInBatches<{ ro: string; fraction: string; xid: string }>(
        ds,
        `SELECT current_setting('transaction_read_only') AS ro,
                current_setting('cursor_tuple_fraction') AS fraction,
                txid_current_if_assigned()::text AS xid, pg_backend_pid() AS pid
           FROM generate_series(1, 3)`,
        [],
        2,
      ),
    );
    expect(rows.map((r) => [r.ro, r.fraction])).toEqual([
      ['on', '1'],
      ['on', '1'],
      ['on', '1'],
    ]);
    // The setting was the transaction's own: the pool's connections are as before.
    const [after] = (await ds.query(`SELECT current_setting('cursor_tuple_fraction') AS f`)) as [
      { f: string },
    ];
    expect(after.f).toBe('0.1');
  });

  it('gives the connection back, out of any transaction, when the reader stops early', async () => {
    for await (const batch of selectInBatches<{ n: number }>(
      ds,
      'SELECT n FROM generate_series(1, 5000) n',
      [],
      100,
    )) {
      expect(batch[0].n).toBe(1);
      break;
    }
    expect(pool().idleCount).toBe(pool().totalCount);
    const open = (await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'batches' AND state LIKE 'idle in transaction%'`,
    )) as pg.QueryResult<{ n: number }>;
    expect(open.rows[0].n).toBe(0);
  });

  it("rejects with PostgreSQL's error and leaves the connection usable", async () => {
    await expect(
      collect(selectInBatches(ds, 'SELECT 1 / (n - 3) FROM generate_series(1, 5) n', [], 1)),
    ).rejects.toMatchObject({ driverError: { code: '22012' } });
    expect(pool().idleCount).toBe(pool().totalCount);
    for (let i = 0; i < 4; i++) {
      await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    }
  });

  it('drops a connection that died mid-read instead of pooling it', async () => {
    const reading = selectInBatches<{ pid: number; n: number }>(
      ds,
      'SELECT pg_backend_pid() AS pid, n FROM generate_series(1, 3000) n',
      [],
      1_000,
    );
    const first = await reading.next();
    const { pid } = (first.value as Array<{ pid: number }>)[0];
    const before = pool().totalCount;
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect(reading.next()).rejects.toThrow();
    expect(pool().totalCount).toBe(before - 1);
    await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });
});
