/**
 * Preloaded (`node --import`) into a server a benchmark starts: counts the statements
 * the process sends to PostgreSQL through pg, by their first characters, and answers the
 * parent's `statements` message over IPC with those counts (ServerProcess totals and
 * tidies them, outside the measured process). It also times how long the server waited
 * for a connection from its pg pools (`pool` message: acquisitions, total wait, the
 * longest, and the most requests queued for a connection at once). Nothing else changes
 * in the server.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';

/**
 * Statements by their raw first characters, so a bench can tell which ones a slow run
 * added. Kept raw on the hot path: normalising every statement's text in place cost 1 %
 * of a rush's CPU, in both servers.
 */
const byPrefix = new Map<string, number>();
const prefixOf = (q: unknown): string => {
  const text = typeof q === 'string' ? q : (q as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text.slice(0, 96) : '?';
};
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  const prefix = prefixOf(args[0]);
  byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + 1);
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const pool = { acquisitions: 0, waitMs: 0, longestMs: 0, queuedPeak: 0, loopDelayMaxMs: 0 };
// How late the event loop ran (a process starved of CPU answers nothing meanwhile).
const loop = monitorEventLoopDelay({ resolution: 20 });
loop.enable();
type Done = (err: Error | undefined, client: pg.PoolClient, release: () => void) => void;
const connect = pg.Pool.prototype.connect as (this: pg.Pool, cb?: Done) => unknown;
pg.Pool.prototype.connect = function timed(this: pg.Pool, cb?: Done) {
  const t0 = performance.now();
  // Every connection busy and the pool at its size: this one queues behind the others.
  if (this.idleCount === 0 && this.totalCount >= (this.options.max ?? 10))
    pool.queuedPeak = Math.max(pool.queuedPeak, this.waitingCount + 1);
  const got = () => {
    const ms = performance.now() - t0;
    pool.acquisitions++;
    pool.waitMs += ms;
    pool.longestMs = Math.max(pool.longestMs, ms);
  };
  if (typeof cb === 'function')
    return connect.call(this, (err, client, release) => {
      got();
      cb(err, client, release);
    });
  return (connect.call(this) as Promise<pg.PoolClient>).then((client) => {
    got();
    return client;
  });
} as typeof pg.Pool.prototype.connect;

process.on('message', (message: unknown) => {
  if (message === 'statements') process.send?.({ statements: Object.fromEntries(byPrefix) });
  if (message === 'pool') {
    process.send?.({ pool: { ...pool, loopDelayMaxMs: loop.max / 1e6 } });
    Object.assign(pool, { acquisitions: 0, waitMs: 0, longestMs: 0, queuedPeak: 0 });
    loop.reset();
  }
});
