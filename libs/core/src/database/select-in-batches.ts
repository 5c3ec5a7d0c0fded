import type { DataSource } from 'typeorm';

/** Rows per FETCH: large enough that round trips cost little, small enough to die young. */
export const SELECT_BATCH_ROWS = 1_000;

/** The cursor's name; one cursor per transaction, so it never meets another. */
const CURSOR = 'convene_batches';

/**
 * The rows of one SELECT, a batch at a time, read through a server-side cursor in a
 * read-only transaction: one statement, so one snapshot, as the plain query would see.
 *
 * Why: 10,000 rows read at once (a CSV export) were all alive together and outlived the
 * young generation: each export grew the old generation by 6-11 MB, for the collector to
 * compact later (bench/README.md, "The CSV export read in batches"). A batch of 1,000 is
 * dead before the next is read.
 *
 * `cursor_tuple_fraction = 1` because the whole result is read: the planner then picks the
 * plan of the plain query, not one that returns its first rows fastest.
 *
 * Stopping early (a `break`, an error in the consumer) rolls the transaction back and
 * gives the connection back; one that died meanwhile is no longer queryable, and the pool
 * drops it rather than lending it again.
 */
export async function* selectInBatches<T>(
  dataSource: DataSource,
  sql: string,
  params: readonly unknown[],
  batchRows: number = SELECT_BATCH_ROWS,
): AsyncGenerator<T[], void, undefined> {
  const size = Math.max(1, Math.trunc(batchRows));
  const runner = dataSource.createQueryRunner();
  let open = false;
  try {
    await runner.query('START TRANSACTION READ ONLY');
    open = true;
    await runner.query('SET LOCAL cursor_tuple_fraction = 1');
    await runner.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, [...params]);
    for (;;) {
      const rows = (await runner.query(`FETCH ${size} FROM ${CURSOR}`)) as T[];
      if (rows.length > 0) yield rows;
      if (rows.length < size) break;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    if (open) {
      // A failed rollback means a dead connection; the reader's own error is the one to tell.
      await runner.query('ROLLBACK').catch(() => undefined);
    }
    await runner.release();
  }
}
