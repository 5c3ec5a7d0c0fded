/**
 * What a plain statement costs the API's process on its way to PostgreSQL and back (a
 * benchmark, not a test), by the path it takes:
 *
 * - `query runner`: TypeORM's DataSource.query, a query runner made for each statement
 *   (how every `dataSource.query` went before PoolQueryDataSource);
 * - `pool`: PoolQueryDataSource, the pool's connection and one callback (how they go now);
 * - `bare pg`: pg's own `pool.query`, as the bare baselines of bench/ send theirs.
 *
 * The statement is the one every authenticated request sends (the account's row by its
 * key), CONCURRENCY at a time as the benches' clients, STATEMENTS per round; the three
 * paths in one process on one database, pools of the same size, rounds interleaved (the
 * order rotating). CPU is the process's own (user + system) per statement; wall time is
 * per statement with CONCURRENCY in flight. Prints the medians and writes
 * bench/results/statement-path.json.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/convene_bench ROUNDS=8 node dist/bench/statement-path.js
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CONNECTION_SETTINGS, dataSourceOptions, PoolQueryDataSource } from '#core';
import { median, round1, round2, withConcurrency } from './support/http-load.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ROUNDS = Number(process.env.ROUNDS ?? 8);
const STATEMENTS = Number(process.env.STATEMENTS ?? 10_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const OUT = resolve(process.env.OUT ?? 'bench/results/statement-path.json');

const STATEMENT = `SELECT id, platform_role, token_version, erased_at FROM accounts WHERE id = $1`;

type Send = (sql: string, params: unknown[]) => Promise<unknown>;

async function timed(send: Send, params: unknown[], count: number) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await withConcurrency(count, CONCURRENCY, () => send(STATEMENT, params));
  const cpu = process.cpuUsage(cpu0);
  return {
    cpuUs: (cpu.user + cpu.system) / count,
    wallUs: ((performance.now() - t0) * 1000) / count,
  };
}

async function main(): Promise<void> {
  const options = dataSourceOptions(DATABASE_URL, CONCURRENCY);
  const runner = await new DataSource(options).initialize();
  const direct = await new PoolQueryDataSource(options).initialize();
  const bare = new pg.Pool({
    connectionString: DATABASE_URL,
    max: CONCURRENCY,
    options: CONNECTION_SETTINGS,
  });
  try {
    const [account] = (await runner.query('SELECT id FROM accounts LIMIT 1')) as Array<{
      id: string;
    }>;
    if (!account) throw new Error('No account to read: run the migrations and the seed first');
    const params = [account.id];
    const paths: Array<[string, Send]> = [
      ['query runner', (sql, p) => runner.query(sql, p)],
      ['pool', (sql, p) => direct.query(sql, p)],
      ['bare pg', async (sql, p) => (await bare.query(sql, p)).rows],
    ];
    // Every answer alike first, or the comparison means nothing.
    const answers = await Promise.all(paths.map(([, send]) => send(STATEMENT, params)));
    if (answers.some((a) => JSON.stringify(a) !== JSON.stringify(answers[0])))
      throw new Error('The paths answered differently');
    // Warm: every pool opened to its size and the code compiled.
    for (const [, send] of paths) await timed(send, params, STATEMENTS / 2);

    const samples: Record<string, { cpuUs: number[]; wallUs: number[] }> = {};
    for (let r = 0; r < ROUNDS; r++) {
      const order = paths.map((_, i) => paths[(i + r) % paths.length]);
      for (const [name, send] of order) {
        const { cpuUs, wallUs } = await timed(send, params, STATEMENTS);
        const s = (samples[name] ??= { cpuUs: [], wallUs: [] });
        s.cpuUs.push(cpuUs);
        s.wallUs.push(wallUs);
      }
      console.log(`round ${r + 1}/${ROUNDS} done`);
    }
    const table = Object.fromEntries(
      paths.map(([name]) => {
        const s = samples[name];
        return [
          name,
          {
            'cpu us/statement': round1(median(s.cpuUs)),
            'wall us/statement': round1(median(s.wallUs)),
            'cpu vs query runner': round2(median(s.cpuUs) / median(samples['query runner'].cpuUs)),
          },
        ];
      }),
    );
    console.log(
      `\n${STATEMENTS} statements a round, ${CONCURRENCY} at a time, medians of ${ROUNDS} rounds`,
    );
    console.table(table);
    await writeReport(OUT, {
      date: new Date().toISOString(),
      statement: STATEMENT,
      rounds: ROUNDS,
      statementsPerRound: STATEMENTS,
      concurrency: CONCURRENCY,
      table,
      samples,
    });
  } finally {
    await runner.destroy();
    await direct.destroy();
    await bare.end();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
