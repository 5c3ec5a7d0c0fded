import type pg from 'pg';
import { DataSource, type ObjectLiteral, QueryFailedError, type QueryRunner } from 'typeorm';
import { isOutage } from '../errors/outage.js';

/** What TypeORM's PostgreSQL driver holds that a plain statement needs. */
interface PostgresDriverParts {
  master?: pg.Pool;
  isReplicated?: boolean;
}

/**
 * A data source whose plain statements (`dataSource.query`, and `query` on a repository or
 * the default entity manager, outside a transaction) go to pg's pool in one callback, as
 * the bare baselines in bench/ send theirs, instead of through a query runner made for
 * each: its constructor and broadcaster, an `error` listener added and removed, and five
 * promise turns (connect, the BeforeQuery broadcast, the statement, the AfterQuery wait,
 * the release). Every authenticated request sends at least one such statement (its
 * account), every request on an event another (the event and the reader's roles).
 *
 * The same for callers: the same result shapes (UPDATE and DELETE give `[rows, count]`),
 * a failed statement is TypeORM's QueryFailedError around pg's error (the error filter and
 * isOutage read its driverError), a connection that cannot be had is pg's own error, and
 * the connection goes back to the pool kept unless it broke. Broken includes a statement
 * refused because the server is ending the connection (an administrator's terminate, a
 * restart): pg reads that answer before the socket's end, so TypeORM's query runner gave
 * the dying connection back to the pool, and the next statement failed on it too.
 *
 * Whenever TypeORM would do more than send the statement (query logging, slow-query
 * logging, subscribers listening to queries, replicas, named parameters, a caller's own
 * query runner, as in a transaction), TypeORM does it.
 */
export class PoolQueryDataSource extends DataSource {
  private direct: pg.Pool | null | undefined;

  override query<T = unknown>(
    query: string,
    parameters?: unknown[] | ObjectLiteral,
    queryRunner?: QueryRunner,
  ): Promise<T> {
    const pool = queryRunner ? null : this.directPool();
    if (!pool || (parameters !== undefined && !Array.isArray(parameters)))
      return super.query<T>(query, parameters, queryRunner);
    return this.sendOnPool(pool, query, parameters) as Promise<T>;
  }

  /** Where every statement that skips TypeORM goes (tests record them here). */
  sendOnPool(pool: pg.Pool, query: string, parameters: unknown[] | undefined): Promise<unknown> {
    return sendStatement(pool, query, parameters);
  }

  /** The pool, when a plain statement needs nothing of TypeORM; decided once, initialised. */
  private directPool(): pg.Pool | null {
    if (this.direct !== undefined) return this.direct;
    if (!this.isInitialized) return null;
    const driver = this.driver as unknown as PostgresDriverParts;
    const { logging, logger, maxQueryExecutionTime } = this.options as {
      logging?: unknown;
      logger?: unknown;
      maxQueryExecutionTime?: number;
    };
    const listened = this.subscribers.some(
      (s) => typeof s.beforeQuery === 'function' || typeof s.afterQuery === 'function',
    );
    const plain =
      this.options.type === 'postgres' &&
      driver.master !== undefined &&
      !driver.isReplicated &&
      !logging &&
      logger === undefined &&
      !maxQueryExecutionTime &&
      !listened;
    return (this.direct = plain ? (driver.master ?? null) : null);
  }
}

/** `raw` as TypeORM's PostgresQueryRunner gives it to `dataSource.query`. */
function resultOf(raw: pg.QueryResult | undefined): unknown {
  if (!raw) return undefined;
  return raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows;
}

/** One statement on a connection of the pool, given back as soon as it is answered. */
function sendStatement(
  pool: pg.Pool,
  query: string,
  parameters: unknown[] | undefined,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    pool.connect((connectError, client, release) => {
      if (connectError || !client) {
        reject(connectError ?? new Error('No PostgreSQL connection'));
        return;
      }
      let released = false;
      const giveBack = (broken?: Error) => {
        if (released) return;
        released = true;
        client.removeListener('error', onError);
        release(broken);
      };
      // A connection that dies while checked out emits `error`: with no listener that
      // would end the process. It is released broken (pg closes it); the statement's own
      // callback then reports the failure.
      const onError = (error: Error) => giveBack(error);
      client.on('error', onError);
      const done = (error: Error | null, raw?: pg.QueryResult) => {
        giveBack(error && isOutage(error) ? error : undefined);
        if (error) reject(new QueryFailedError(query, parameters, error));
        else resolve(resultOf(raw));
      };
      try {
        client.query(query, parameters ?? [], done);
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
