/**
 * Preloaded (`node --import`) into a server a benchmark starts: counts the statements
 * the process sends to PostgreSQL through pg, and answers the parent's `statements`
 * message over IPC. Nothing else changes in the server.
 */
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on('message', (message: unknown) => {
  if (message === 'statements') process.send?.({ statements });
});
