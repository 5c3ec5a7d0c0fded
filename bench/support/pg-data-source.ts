import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

export type StatementListener = (sql: string, params: unknown[]) => void;

/**
 * What Convene's readers call on a TypeORM data source, over pg alone: `query(sql,
 * params)` giving rows, and a query runner (selectInBatches reads a cursor on one
 * connection). The bare baselines run Convene's own readers through it, with the very
 * statements Convene sends; `onStatement` sees each of them (the read-paths EXPLAINs).
 *
 * On a pool, each query runner holds one connection from its first statement to its
 * release; on a single client, everything runs on that client.
 */
export function pgDataSource(
  db: pg.Pool | pg.Client,
  onStatement: StatementListener = () => undefined,
): DataSource & EntityManager {
  const run = async (on: pg.Pool | pg.PoolClient | pg.Client, sql: string, params: unknown[]) => {
    onStatement(sql, params);
    return (await on.query(sql, params)).rows;
  };
  const source = {
    query: (sql: string, params: unknown[] = []) => run(db, sql, params),
    createQueryRunner() {
      if (!(db instanceof pg.Pool)) {
        return {
          query: (sql: string, params: unknown[] = []) => run(db, sql, params),
          release: async () => undefined,
        };
      }
      let client: Promise<pg.PoolClient> | undefined;
      return {
        query: async (sql: string, params: unknown[] = []) =>
          run(await (client ??= db.connect()), sql, params),
        release: async () => (await client)?.release(),
      };
    },
    get manager(): unknown {
      return source;
    },
  };
  return source as unknown as DataSource & EntityManager;
}
