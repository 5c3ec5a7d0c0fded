import pg from 'pg';

type QueryCallback = (err: Error | null, result?: unknown) => void;
type ClientQuery = (
  this: pg.Client,
  config: unknown,
  values?: unknown,
  callback?: unknown,
) => unknown;

const INSTALLED = Symbol.for('convene.pgCallbackQueries');

/** What `client.query(config, values)` does without a callback, through its callback form. */
function queryThroughCallback(
  this: pg.Client,
  original: ClientQuery,
  config: unknown,
  values: unknown,
): Promise<unknown> {
  const PromiseCtor = ((this as unknown as { _Promise?: PromiseConstructor })._Promise ??
    Promise) as PromiseConstructor;
  return new PromiseCtor((resolve, reject) => {
    const done: QueryCallback = (err, result) => (err ? reject(err) : resolve(result));
    original.call(this, config, values, done);
  }).catch((err: unknown) => {
    // As pg does: the stack of a failed statement then leads back to whoever awaited it,
    // not to the socket read that delivered the error.
    if (err instanceof Error) Error.captureStackTrace(err);
    throw err;
  });
}

/**
 * Makes every promise-style `client.query(text, values)` (TypeORM's only way in) run as
 * `client.query(text, values, callback)`, as `pool.query` already does. Same statements,
 * same results and errors; what changes is how long V8 keeps the rows. Given the promise
 * form, pg builds its Query without a callback and attaches one afterwards, and the rows
 * of those queries outlive the young generation: on the agenda's sessions statement (120
 * rows), 184 KB promoted to the old generation per call against 8 KB with a callback at
 * construction, scavenges 4-5 times as long, and seven mark-compacts for every one
 * (bench/pg-query-forms; in the API the agenda's CPU per request fell by about a third).
 * Why V8 keeps them is not established; the measure is.
 *
 * Submittables (cursors, streams, a Query object) and calls that bring their own callback
 * go to pg untouched. Idempotent: installing twice wraps once.
 */
export function usePgCallbackQueries(): void {
  const proto = pg.Client.prototype as unknown as Record<symbol, unknown> & {
    query: ClientQuery;
  };
  if (proto[INSTALLED]) return;
  const original = proto.query;
  proto.query = function query(
    this: pg.Client,
    config: unknown,
    values?: unknown,
    callback?: unknown,
  ) {
    if (
      callback !== undefined ||
      typeof values === 'function' ||
      config === null ||
      config === undefined ||
      (typeof config === 'object' &&
        (typeof (config as { submit?: unknown }).submit === 'function' ||
          typeof (config as { callback?: unknown }).callback === 'function'))
    )
      return original.call(this, config, values, callback);
    return queryThroughCallback.call(this, original, config, values);
  };
  proto[INSTALLED] = true;
}
