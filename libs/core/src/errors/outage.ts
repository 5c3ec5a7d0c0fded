/**
 * Telling an outage (PostgreSQL or Redis unreachable, restarting or refusing connections)
 * from a bug. An outage is answered 503 with Retry-After, by the API and by the pages,
 * and needs nothing from anyone: pg's pool and ioredis reconnect by themselves.
 */

/** What the API and the pages put in Retry-After while PostgreSQL or Redis is away. */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

/** Socket errors on the way to a server that is not there (or not any more). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that say the server cannot serve now, whatever the query: class 08
 * (connection exception), 57P01-57P03 (administrator or crash shutdown, starting up:
 * "terminating connection due to administrator command"), 53300 (too many connections).
 */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;

/** Errors with no code: pg's pool and client, ioredis with its offline queue off. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly|Client has encountered a connection error|Connection is closed|Stream isn't writeable|Reached the max retries per request limit|connect ECONNREFUSED|getaddrinfo EAI_AGAIN/;

/**
 * True when `e`, or what it wraps (TypeORM's driverError, an Error's cause, the
 * attempts of an AggregateError), says a database or Redis server is unreachable.
 */
export function isOutage(e: unknown, depth = 0): boolean {
  if (depth > 4 || e === null || typeof e !== 'object') return false;
  const err = e as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof err.code === 'string') {
    if (NETWORK_CODES.has(err.code) || PG_UNAVAILABLE.test(err.code)) return true;
  }
  if (err.name === 'MaxRetriesPerRequestError') return true;
  if (typeof err.message === 'string' && MESSAGES.test(err.message)) return true;
  const inner = [err.driverError, err.cause, ...(Array.isArray(err.errors) ? err.errors : [])];
  return inner.some((x) => x !== e && isOutage(x, depth + 1));
}
