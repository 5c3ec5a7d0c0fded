import pg from 'pg';
import {
  DataSource,
  type DataSourceOptions,
  type EntitySubscriberInterface,
  EventSubscriber,
  QueryFailedError,
} from 'typeorm';
import { PoolQueryDataSource } from './pool-query-data-source.js';

const URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = `pool_query_${process.pid}_${Date.now().toString(36)}`;
const T = `${SCHEMA}.items`;

interface PoolCounts {
  totalCount: number;
  idleCount: number;
}

const options = (extra: Partial<DataSourceOptions> = {}) =>
  ({ type: 'postgres', url: URL, poolSize: 3, ...extra }) as DataSourceOptions;

describe('PoolQueryDataSource', () => {
  let direct: PoolQueryDataSource;
  let typeorm: DataSource;
  let admin: pg.Client;
  const pool = () => (direct.driver as unknown as { master: PoolCounts }).master;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    direct = await new PoolQueryDataSource(options({ applicationName: SCHEMA })).initialize();
    typeorm = await new DataSource(options()).initialize();
  });
  afterAll(async () => {
    await direct?.destroy();
    await typeorm?.destroy();
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.end();
  });
  beforeEach(async () => {
    await admin.query(`DROP TABLE IF EXISTS ${T}`);
    await admin.query(`CREATE TABLE ${T} (id int PRIMARY KEY, name text NOT NULL)`);
  });

  it('answers every kind of statement as TypeORM does (UPDATE and DELETE as [rows, count])', async () => {
    const statements: Array<[string, unknown[]?]> = [
      [`INSERT INTO ${T} VALUES ($1, $2), ($3, $4) RETURNING id`, [1, 'Aïcha', 2, 'Nguyễn']],
      [`SELECT id, name FROM ${T} WHERE id = ANY($1) ORDER BY id`, [[1, 2]]],
      [`UPDATE ${T} SET name = upper(name) WHERE id = $1 RETURNING name`, [1]],
      [`UPDATE ${T} SET name = name WHERE id > 0`],
      [`DELETE FROM ${T} WHERE id = $1 RETURNING id`, [2]],
      [`SELECT count(*)::int AS n FROM ${T}`],
    ];
    const reset = async (sql: string) => {
      await admin.query(`TRUNCATE ${T}`);
      if (!sql.startsWith('INSERT'))
        await admin.query(`INSERT INTO ${T} VALUES (1, 'Aïcha'), (2, 'Nguyễn')`);
    };
    for (const [sql, params] of statements) {
      await reset(sql);
      const expected: unknown = await typeorm.query(sql, params);
      await reset(sql);
      expect(await direct.query(sql, params)).toEqual(expected);
    }
    expect(await direct.query(`UPDATE ${T} SET name = name WHERE id = 1`)).toEqual([[], 1]);
  });

  it('turns a refused statement into QueryFailedError with pg error, keeping the connection', async () => {
    await direct.query(`INSERT INTO ${T} VALUES (1, 'a')`);
    const before = pool().totalCount;
    const failure = await direct.query(`INSERT INTO ${T} VALUES (1, 'b')`).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe(
      '23505',
    );
    expect((failure as QueryFailedError).query).toBe(`INSERT INTO ${T} VALUES (1, 'b')`);
    // A constraint refusing a row is an answer, not a broken connection: it goes back idle.
    expect(pool().totalCount).toBe(before);
    expect(pool().idleCount).toBe(before);
    await expect(direct.query(`SELECT name FROM ${T}`)).resolves.toEqual([{ name: 'a' }]);
  });

  it('survives a connection killed during its statement and opens another for the next', async () => {
    const running = direct.query('SELECT pg_sleep(30)').catch((e: unknown) => e);
    let pid: number | undefined;
    for (let i = 0; i < 100 && pid === undefined; i++) {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE '%pg_sleep(30)%'`,
        [SCHEMA],
      );
      pid = rows[0]?.pid;
      if (pid === undefined) await new Promise((r) => setTimeout(r, 20));
    }
    expect(pid).toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    const failure = await running;
    expect(failure).toBeInstanceOf(QueryFailedError);
    // The dying connection left the pool at once: the very next statement, sent before
    // pg has read the socket's end, gets a live one (TypeORM's runner handed it back).
    const [next] = await direct.query<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
    expect(next.pid).not.toBe(pid);
  });

  it("leaves a transaction's statements on the transaction's own connection", async () => {
    await direct.transaction(async (m) => {
      await m.query(`INSERT INTO ${T} VALUES (7, 'inside')`);
      // Sent on another connection, this would not see the uncommitted row.
      expect(await m.query(`SELECT name FROM ${T} WHERE id = 7`)).toEqual([{ name: 'inside' }]);
      expect(await direct.query(`SELECT name FROM ${T} WHERE id = 7`)).toEqual([]);
    });
  });

  it('goes through TypeORM when something listens to queries', async () => {
    const seen: string[] = [];
    @EventSubscriber()
    class Listener implements EntitySubscriberInterface {
      beforeQuery(event: { query: string }) {
        seen.push(event.query);
      }
    }
    const listened = await new PoolQueryDataSource(
      options({ subscribers: [Listener] }),
    ).initialize();
    try {
      await listened.query('SELECT 42 AS n');
      expect(seen).toEqual(['SELECT 42 AS n']);
    } finally {
      await listened.destroy();
    }
  });
});
