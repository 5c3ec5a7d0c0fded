import type { DataSource, QueryRunner } from 'typeorm';

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

/** Rows a node took from its table, kept or filtered out, over all its loops. */
const rowsOf = (n: PlanNode) =>
  ((n['Actual Rows'] ?? 0) +
    (n['Rows Removed by Filter'] ?? 0) +
    (n['Rows Removed by Index Recheck'] ?? 0)) *
  (n['Actual Loops'] ?? 1);

/**
 * Rows the statement read from each table when run: what shows a statement for one event
 * reading every event's rows (a sequential scan, a hash over a whole table, a probe per
 * pair) whatever its indexes.
 */
export async function rowsReadByTable(
  ds: DataSource,
  statement: Statement,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const n of planNodes(await analyzedPlan(ds, statement))) {
    const table = n['Relation Name'];
    if (table) out.set(table, (out.get(table) ?? 0) + rowsOf(n));
  }
  return out;
}

/**
 * Every statement sent through the data source's query runners (its own `query`, its
 * managers, repositories and transactions) until `stop()`, so a test can run a service
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
  return {
    statements,
    stop: () => {
      ds.createQueryRunner = create;
    },
  };
}
