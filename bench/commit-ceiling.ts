/**
 * What bounds a registration rush inside PostgreSQL (a benchmark, not a test): each
 * admission is one autocommitted statement that holds its event's lock until its commit
 * record is flushed, so one event admits at most one person per commit flush, whatever
 * the API does. This runs pgbench on a scratch database with statements of that shape
 * (an advisory lock per event, then an insert) and measures commits per second:
 *
 * - with no lock at all (the disk's ceiling with group commit),
 * - one event and four events, each with and without a NOTIFY in the transaction (the
 *   outbox trigger's, before OutboxWake moved it after the commit).
 *
 * Interleaved rounds (the order rotates); prints the medians and writes
 * bench/results/commit-ceiling.json. Needs pgbench (PostgreSQL's client package).
 *
 *   ROUNDS=3 DURATION_S=5 CLIENTS=32 node dist/bench/commit-ceiling.js
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DURATION_S = Number(process.env.DURATION_S ?? 5);
const CLIENTS = Number(process.env.CLIENTS ?? 32);
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'convene_bench_commits';
const OUT = resolve(process.env.OUT ?? 'bench/results/commit-ceiling.json');

const SCENARIOS: Record<string, string> = {
  'no lock': `INSERT INTO plain (v) VALUES ('x');`,
  'one event': `WITH l AS (SELECT pg_advisory_xact_lock(1)) INSERT INTO plain (v) SELECT 'x' FROM l;`,
  'one event + NOTIFY': `WITH l AS (SELECT pg_advisory_xact_lock(1)) INSERT INTO notifying (v) SELECT 'x' FROM l;`,
  'four events': `\\set k random(1, 4)\nWITH l AS (SELECT pg_advisory_xact_lock(:k)) INSERT INTO plain (v) SELECT 'x' FROM l;`,
  'four events + NOTIFY': `\\set k random(1, 4)\nWITH l AS (SELECT pg_advisory_xact_lock(:k)) INSERT INTO notifying (v) SELECT 'x' FROM l;`,
};

async function prepare(): Promise<URL> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  await db.query(`CREATE TABLE plain (id bigserial PRIMARY KEY, v text)`);
  await db.query(`CREATE TABLE notifying (id bigserial PRIMARY KEY, v text)`);
  // As the outbox's trigger before migration 1763704000000: one NOTIFY per statement.
  await db.query(`CREATE FUNCTION wake() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('messages_outbox', ''); RETURN NULL; END $$`);
  await db.query(`CREATE TRIGGER wake AFTER INSERT ON notifying
    FOR EACH STATEMENT EXECUTE FUNCTION wake()`);
  await db.end();
  return url;
}

function pgbench(url: URL, script: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'commit-ceiling-'));
  const file = join(dir, 'script.sql');
  writeFileSync(file, `${script}\n`);
  const out = execFileSync(
    'pgbench',
    ['-n', '-c', String(CLIENTS), '-j', '2', '-T', String(DURATION_S), '-f', file],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        PGHOST: url.hostname,
        PGPORT: url.port || '5432',
        PGUSER: decodeURIComponent(url.username) || 'postgres',
        PGDATABASE: DB,
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const tps = /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(tps[1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const url = await prepare();
  const names = Object.keys(SCENARIOS);
  const runs: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) runs[name].push(pgbench(url, SCENARIOS[name]));
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }
  const medians = Object.fromEntries(names.map((n) => [n, Math.round(median(runs[n]))]));
  console.table(
    Object.fromEntries(
      names.map((n) => [n, { 'commits/s': medians[n], rounds: runs[n].map(Math.round) }]),
    ),
  );
  const result = {
    at: new Date().toISOString(),
    clients: CLIENTS,
    durationS: DURATION_S,
    rounds: ROUNDS,
    commitsPerSecond: medians,
    runs,
    notifyCost: {
      oneEvent: +(medians['one event + NOTIFY'] / medians['one event']).toFixed(2),
      fourEvents: +(medians['four events + NOTIFY'] / medians['four events']).toFixed(2),
    },
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${OUT}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.end();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
