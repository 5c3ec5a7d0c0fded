import type { DataSource, QueryRunner } from 'typeorm';
import { PoolQueryDataSource } from '#core';

/** A node of `EXPLAIN (ANALYZE, FORMAT JSON)`, the fields these checks read. */
export interface PlanNode {
  'Node Type': string;
  Alias?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The node and every node under it. */
export const planNodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(planNodes)];

/** The statement run under EXPLAIN ANALYZE: its plan's root. */
export async function analyzedPlan(ds: DataSource, statement: Statement): Promise<PlanNode> {
  const [row] = await ds.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.params);
  return (row['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0].Plan;
}

/**
 * Rows a node took from its table, kept or filtered out, over all its loops (EXPLAIN gives
 * a loop's average rounded, so a node of few rows per loop may read as a few more).
 */
const rowsOf = (n: PlanNode) =>
  ((n['Actual Rows'] ?? 0) +
    (n['Rows Removed by Filter'] ?? 0) +
    (n['Rows Removed by Index Recheck'] ?? 0)) *
  (n['Actual Loops'] ?? 1);

/**
 * What the statement took from each table when run: rows, and how many times a scan of it
 * was started (loops). Rows show a statement for one event reading every event's rows (a
 * sequential scan, a hash over a whole table); loops show a probe per pair (people times
 * sessions), each cheap but together growing faster than the event.
 */
export async function readsByTable(
  ds: DataSource,
  statement: Statement,
): Promise<Map<string, { rows: number; loops: number }>> {
  const out = new Map<string, { rows: number; loops: number }>();
  for (const n of planNodes(await analyzedPlan(ds, statement))) {
    const table = n['Relation Name'];
    if (!table) continue;
    const seen = out.get(table) ?? { rows: 0, loops: 0 };
    out.set(table, { rows: seen.rows + rowsOf(n), loops: seen.loops + (n['Actual Loops'] ?? 1) });
  }
  return out;
}

/** Transaction control, which EXPLAIN cannot run and which reads nothing. */
const TRANSACTION_CONTROL = /^\s*(START|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * What each recorded statement read from each table, one row per statement and table
 * (see readsByTable), for the tests that bound a service's reads beside a long history.
 * Each statement runs again under EXPLAIN ANALYZE: a write finds nothing left to change
 * but reads as it did.
 */
export async function readsOfStatements(
  ds: DataSource,
  statements: Statement[],
): Promise<Array<{ sql: string; table: string; rows: number }>> {
  const out: Array<{ sql: string; table: string; rows: number }> = [];
  for (const statement of statements) {
    if (TRANSACTION_CONTROL.test(statement.sql)) continue;
    for (const [table, { rows }] of await readsByTable(ds, statement)) {
      out.push({ sql: statement.sql, table, rows });
    }
  }
  return out;
}

/** Rows the statement read from each table when run (see readsByTable). */
export async function rowsReadByTable(
  ds: DataSource,
  statement: Statement,
): Promise<Map<string, number>> {
  const reads = await readsByTable(ds, statement);
  return new Map([...reads].map(([table, r]) => [table, r.rows]));
}

/**
 * Every statement sent through the data source's query runners (its own `query`, its
 * managers, repositories and transactions) or straight to its pool (PoolQueryDataSource's
 * plain statements) until `stop()`, so a test can run a service
 * as it is and then look at what it asked the database.
 */
export function recordStatements(ds: DataSource): { statements: Statement[]; stop(): void } {
  const statements: Statement[] = [];
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>): QueryRunner => {
    const runner = create(...args);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, params?: unknown[], ...rest: unknown[]) => {
      statements.push({ sql, params: params ?? [] });
      return (query as (...a: unknown[]) => Promise<unknown>)(sql, params, ...rest);
    }) as QueryRunner['query'];
    return runner;
  };
  // Plain statements that skip the query runners (PoolQueryDataSource) are recorded too.
  const direct = ds instanceof PoolQueryDataSource ? ds : undefined;
  const send = direct?.sendOnPool;
  if (direct && send)
    direct.sendOnPool = (pool, sql, params) => {
      statements.push({ sql, params: params ?? [] });
      return send.call(direct, pool, sql, params);
    };
  return {
    statements,
    stop: () => {
      ds.createQueryRunner = create;
      if (direct && send) direct.sendOnPool = send;
    },
  };
}
