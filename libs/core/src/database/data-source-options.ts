import { type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { usePgCallbackQueries } from './pg-callback-queries.js';
import { useFastTimestamptzParser } from './timestamptz-parser.js';

/**
 * Settings every Convene connection starts with (a startup parameter, no extra round trip;
 * a DATABASE_URL with its own ?options= still wins). The bare baselines in bench/ start
 * theirs with the same, so they plan the same SQL the same way.
 *
 * - `jit=off`: PostgreSQL's JIT (on by default since 12) costs 40 ms to 1 s compiling the
 *   large report queries on small machines and saves nothing on these OLTP-sized plans.
 * - `random_page_cost=1.1`: the default (4) prices a page read at random as a disk seek. A
 *   network's database (tens of thousands of accounts, a few hundred thousand sign-ups)
 *   sits in memory or on SSD, where a random read costs about what a sequential one does.
 *   At 4 the planner hashed the whole address book to name one event's 850 people (36 ms
 *   at 40,000 accounts) rather than look each up by its key (9 ms): whole-event lists then
 *   grew with the network's accounts, not with the event.
 */
export const CONNECTION_SETTINGS = '-c jit=off -c random_page_cost=1.1';

/**
 * How every pg client of this process reads and sends: timestamptz read by hand, promise
 * queries through pg's callback form (see each). Process-wide and idempotent; the data
 * source options install it, and the bare baselines in bench/ too, so both sides do the
 * same work.
 */
export function configurePgClients(): void {
  useFastTimestamptzParser();
  usePgCallbackQueries();
}

/**
 * The one definition of how Convene talks to PostgreSQL, used by both apps, the
 * migrate script and the tests. Schema changes only ever come from migrations.
 */
export function dataSourceOptions(
  databaseUrl: string,
  poolSize = 20,
  poolMin = 0,
): DataSourceOptions {
  configurePgClients();
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // The pool's size is per process (DATABASE_POOL_SIZE): two APIs and two workers at 20
    // may hold 80 of PostgreSQL's connections (max_connections is 100 by default, shared
    // with everything else on the server). A full server refuses the next connection and
    // the request that needed it is a 503: bench/scale met that on a shared server. In its
    // rush the database's backends were idle in the pools most of the time (under two at
    // work on average, at most 11 in a sample of all four processes at 10 each).
    // `min`: connections pg keeps when idle instead of closing them after 10 s (warmPool
    // opens them at start).
    extra: { max: poolSize, min: poolMin, options: CONNECTION_SETTINGS },
    // A server that accepts the connection but never answers (host gone, network cut)
    // would hold each request until the OS gives up, minutes later: after 10 s the pool
    // says so and the request is answered 503 (errors/outage.ts).
    connectTimeoutMS: 10_000,
  };
}
