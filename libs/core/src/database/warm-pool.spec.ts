import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema.js';
import { dataSourceOptions } from './data-source-options.js';
import { pgPoolOf, PoolWarmer, warmPool } from './warm-pool.js';

const URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface PoolState {
  totalCount: number;
  idleCount: number;
  options: { idleTimeoutMillis: number };
  connect(): Promise<{ release(): void }>;
}

describe('warmPool and DATABASE_POOL_MIN', () => {
  const sources: DataSource[] = [];
  let admin: pg.Client;
  const run = `warm-${process.pid}-${Date.now().toString(36)}`;

  /** A data source as the apps make it, named so its backends can be counted. */
  async function source(name: string, size: number, min: number, url = URL) {
    const ds = new DataSource({
      ...dataSourceOptions(url, size, min),
      migrations: [],
      applicationName: `${run}-${name}`,
    } as ConstructorParameters<typeof DataSource>[0]);
    await ds.initialize();
    sources.push(ds);
    return { ds, pool: (ds.driver as unknown as { master: PoolState }).master };
  }

  /** Backends PostgreSQL itself holds open for that data source. */
  async function backends(name: string) {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
      [`${run}-${name}`],
    );
    return rows[0].n;
  }

  /** Asks again for up to 10 s (a closed backend leaves pg_stat_activity a moment later). */
  async function settled<T>(read: () => Promise<T> | T, expected: T): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (value === expected) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    return read();
  }

  async function busyThenIdle(pool: PoolState, clients: number) {
    // Short idle timeout so the test does not wait pg's 10 s.
    pool.options.idleTimeoutMillis = 50;
    const held = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
    for (const c of held) c.release();
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: URL });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(sources.map((ds) => ds.destroy()));
    await admin.end();
  });

  it('opens the asked connections at once, and PostgreSQL holds them', async () => {
    const { ds, pool } = await source('opened', 6, 4);
    await expect(warmPool(pgPoolOf(ds), 4)).resolves.toBe(4);
    expect(pool.totalCount).toBe(4);
    expect(pool.idleCount).toBe(4);
    expect(await backends('opened')).toBe(4);
  });

  it('keeps DATABASE_POOL_MIN connections open through idleness; without it the pool empties', async () => {
    const kept = await source('kept', 6, 3);
    const closed = await source('closed', 6, 0);
    await Promise.all([busyThenIdle(kept.pool, 6), busyThenIdle(closed.pool, 6)]);
    // Once the pool without a minimum has closed all six, the other has had as long.
    expect(await settled(() => closed.pool.totalCount, 0)).toBe(0);
    expect(await settled(() => backends('closed'), 0)).toBe(0);
    expect(await settled(() => kept.pool.totalCount, 3)).toBe(3);
    // And stays there: three idle timeouts later, still three.
    await new Promise((r) => setTimeout(r, 300));
    expect(kept.pool.totalCount).toBe(3);
    expect(await settled(() => backends('kept'), 3)).toBe(3);
  });

  it('never asks for more than the pool holds (it would wait for itself)', async () => {
    const { ds, pool } = await source('capped', 2, 2);
    await expect(warmPool(pgPoolOf(ds), 5)).resolves.toBe(2);
    expect(pool.totalCount).toBe(2);
  });

  it('starts anyway when PostgreSQL refuses some connections, leaving them to open on demand', async () => {
    // A role PostgreSQL lets hold two connections: the server "full" for this pool.
    const role = `warm_limited_${process.pid}`;
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 2`);
    try {
      const url = new globalThis.URL(URL);
      url.username = role;
      const { ds, pool } = await source('refused', 6, 6, url.toString());
      await new PoolWarmer(ds, { databasePoolMin: 6 } as AppConfig).onApplicationBootstrap();
      expect(pool.totalCount).toBe(2);
      expect(await backends('refused')).toBe(2);
      await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
      await ds.destroy();
      sources.splice(sources.indexOf(ds), 1);
    } finally {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
    }
  });

  it('warms at start-up to DATABASE_POOL_MIN, and does nothing at 0', async () => {
    const warmed = await source('bootstrap', 8, 5);
    await new PoolWarmer(warmed.ds, { databasePoolMin: 5 } as AppConfig).onApplicationBootstrap();
    expect(await backends('bootstrap')).toBe(5);

    const lazy = await source('lazy', 8, 0);
    const before = lazy.pool.totalCount;
    await new PoolWarmer(lazy.ds, { databasePoolMin: 0 } as AppConfig).onApplicationBootstrap();
    expect(lazy.pool.totalCount).toBe(before);
  });
});
