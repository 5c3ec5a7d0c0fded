import { type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * The one definition of how Convene talks to PostgreSQL, used by both apps, the
 * migrate script and the tests. Schema changes only ever come from migrations.
 */
export function dataSourceOptions(databaseUrl: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // PostgreSQL JIT (on by default since 12) costs 40 ms to 1 s compiling the large
    // report queries on small machines and saves nothing on these OLTP-sized plans:
    // off for this session (a startup parameter, no extra round trip). A DATABASE_URL
    // with its own ?options= still wins.
    //
    // The pool's size is per process (DATABASE_POOL_SIZE): two APIs and two workers at 20
    // may hold 80 of PostgreSQL's connections (max_connections is 100 by default, shared
    // with everything else on the server). A full server refuses the next connection and
    // the request that needed it is a 503: bench/scale met that on a shared server. In its
    // rush the database's backends were idle in the pools most of the time (under two at
    // work on average, at most 11 in a sample of all four processes at 10 each).
    extra: { max: poolSize, options: '-c jit=off' },
    // A server that accepts the connection but never answers (host gone, network cut)
    // would hold each request until the OS gives up, minutes later: after 10 s the pool
    // says so and the request is answered 503 (errors/outage.ts).
    connectTimeoutMS: 10_000,
  };
}
