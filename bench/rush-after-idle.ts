/**
 * A registration that opens to an idle API (not a test). Registration opens at an
 * announced hour, to an API that has answered nothing for a while: with pg's defaults its
 * pool has closed every idle connection (after 10 s), and the first wave of arrivals waits
 * for new PostgreSQL backends as well as for its own work. DATABASE_POOL_MIN keeps
 * connections open and opens them at start (libs/core/src/database/warm-pool.ts).
 *
 * Starts two Convene APIs on one database, the same build with the same flags: `lazy`
 * (DATABASE_POOL_MIN=0, pg's defaults, as before) and `kept` (DATABASE_POOL_MIN=POOL_MIN).
 * Each first answers one unmeasured rush, so that both have their HTTP connections and
 * compiled code, and only their pools differ. Then, in each round and for each API (the
 * order alternating): a fresh event of M seats and N people, IDLE_S seconds of silence,
 * and the rush (CONCURRENCY at once). Prints requests/s, p50, p99, the first wave's
 * median (the first CONCURRENCY requests sent) and the time requests waited for a pool
 * connection; writes bench/results/rush-after-idle.json. Exits 1 if a rush confirmed more
 * or fewer people than seats.
 *
 *   DATABASE_URL=... N=1000 M=50 CONCURRENCY=200 ROUNDS=3 IDLE_S=15 POOL_MIN=20 node dist/bench/rush-after-idle.js
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DEVELOPMENT_JWT_SECRET } from '#core';
import { accessTokenFor, must, timedRegistration } from './support/api-calls.js';
import { median, percentile, round1, round2, withConcurrency } from './support/http-load.js';
import { removeRun } from './support/remove-run.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { startFlags } from './support/start-flags.js';
import { writeReport } from './support/write-report.js';

const N = Number(process.env.N ?? 1000);
const M = Number(process.env.M ?? 50);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** Longer than pg's idleTimeoutMillis (10 s), as any quiet spell before an opening is. */
const IDLE_S = Number(process.env.IDLE_S ?? 15);
const POOL_MIN = Number(process.env.POOL_MIN ?? 20);
const PORTS = [
  Number(process.env.IDLE_LAZY_PORT ?? 3940),
  Number(process.env.IDLE_KEPT_PORT ?? 3941),
];
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const JWT_SECRET = process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
const OUT = resolve(process.env.OUT ?? 'bench/results/rush-after-idle.json');
const DIST = new URL('..', import.meta.url).pathname;

interface RushResult {
  target: string;
  round: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Median of the first CONCURRENCY requests sent: the wave that meets the pool first. */
  firstWaveP50: number;
  confirmed: number;
  byHttpStatus: Record<string, number>;
  poolWaitMs: { mean: number; longest: number; queuedPeak: number };
}

async function main(): Promise<void> {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const flags = startFlags('start:api', `${DIST}../package.json`);
  const env = (min: number) =>
    apiEnv(DATABASE_URL, {
      JWT_SECRET,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      DATABASE_POOL_MIN: String(min),
    });
  const lazy = await ServerProcess.start(
    'lazy',
    `${DIST}apps/api/src/main.js`,
    PORTS[0],
    '/api/health/ready',
    env(0),
    flags,
  );
  const kept = await ServerProcess.start(
    'kept',
    `${DIST}apps/api/src/main.js`,
    PORTS[1],
    '/api/health/ready',
    env(POOL_MIN),
    flags,
  );
  try {
    const admin = (await must(lazy.baseUrl, 'POST', '/auth/login', undefined, {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    })) as { accessToken: string };
    const organisation = await must(lazy.baseUrl, 'POST', '/organisations', admin.accessToken, {
      name: `Idle partner ${run}`,
      country: 'MA',
      city: 'Tangier',
    });

    const body = {
      organisationId: organisation.id,
      profession: 'social_worker',
      languages: ['fr'],
      consent: { dataProcessing: true },
    };
    let events = 0;
    /** A published event of M seats and N new people with their tokens, made through `via`. */
    async function prepare(via: ServerProcess) {
      const label = `${run}-${++events}`;
      const { rows: people } = await db.query<{ id: string; token_version: number }>(
        `INSERT INTO accounts (email, name, locale, organisation_id, email_verified_at)
         SELECT 'idle-' || $1 || '-' || i || '@bench.convene.test', 'Idle ' || i,
                (ARRAY['fr','en','es'])[1 + i % 3], $2, now()
           FROM generate_series(1, $3::int) i RETURNING id, token_version`,
        [label, organisation.id, N],
      );
      const event = await must(via.baseUrl, 'POST', '/events', admin.accessToken, {
        name: `Idle ${label}`,
        kind: 'meeting',
        timezone: 'Africa/Casablanca',
        startDate: '2027-10-25',
        endDate: '2027-10-30',
        capacity: M,
        requiresApproval: false,
        languages: ['fr', 'en', 'es'],
      });
      const eventId = String(event.id);
      await must(via.baseUrl, 'POST', `/events/${eventId}/publish`, admin.accessToken);
      return {
        eventId,
        tokens: people.map((p) => accessTokenFor(p.id, p.token_version, JWT_SECRET)),
      };
    }

    /** The people's registrations, CONCURRENCY at a time: each one's time and status, in order. */
    function fire(target: ServerProcess, eventId: string, tokens: string[]) {
      return withConcurrency(tokens.length, CONCURRENCY, (i) =>
        timedRegistration(target.baseUrl, eventId, tokens[i], body),
      );
    }

    async function rush(target: ServerProcess, round: number): Promise<RushResult> {
      const { eventId, tokens } = await prepare(target);
      await sleep(IDLE_S * 1000);
      await target.poolWaits(); // from here on
      const start = performance.now();
      const sent = await fire(target, eventId, tokens);
      const seconds = (performance.now() - start) / 1000;
      const waits = await target.poolWaits();
      const { rows } = await db.query<{ confirmed: number }>(
        `SELECT count(*)::int AS confirmed FROM registrations WHERE event_id = $1 AND status = 'confirmed'`,
        [eventId],
      );
      const all = sent.map((s) => s.ms).sort((a, b) => a - b);
      const firstWave = sent
        .slice(0, CONCURRENCY)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      const byHttpStatus: Record<string, number> = {};
      for (const s of sent) byHttpStatus[s.status] = (byHttpStatus[s.status] ?? 0) + 1;
      const result: RushResult = {
        target: target.name,
        round,
        requestsPerSecond: round1(N / seconds),
        p50: round1(percentile(all, 50)),
        p99: round1(percentile(all, 99)),
        max: round1(all[all.length - 1]),
        firstWaveP50: round1(percentile(firstWave, 50)),
        confirmed: rows[0].confirmed,
        byHttpStatus,
        poolWaitMs: {
          mean: round2(waits.waitMs / Math.max(1, waits.acquisitions)),
          longest: round1(waits.longestMs),
          queuedPeak: waits.queuedPeak,
        },
      };
      console.log(
        `round ${round} ${target.name.padEnd(4)} ${String(result.requestsPerSecond).padStart(6)} req/s  ` +
          `p50 ${result.p50} ms  p99 ${result.p99} ms  first wave p50 ${result.firstWaveP50} ms  ` +
          `pool wait mean ${result.poolWaitMs.mean} ms (longest ${result.poolWaitMs.longest})  ` +
          `confirmed ${result.confirmed}/${M}`,
      );
      return result;
    }

    // Unmeasured: each API's first rush opens its HTTP connections and compiles its code.
    for (const target of [lazy, kept]) {
      const { eventId, tokens } = await prepare(target);
      await fire(target, eventId, tokens);
    }

    const results: RushResult[] = [];
    for (let round = 1; round <= ROUNDS; round++)
      for (const target of round % 2 === 1 ? [lazy, kept] : [kept, lazy])
        results.push(await rush(target, round));

    const summary = (name: string) => {
      const rs = results.filter((r) => r.target === name);
      return {
        requestsPerSecond: round1(median(rs.map((r) => r.requestsPerSecond))),
        p50: round1(median(rs.map((r) => r.p50))),
        p99: round1(median(rs.map((r) => r.p99))),
        firstWaveP50: round1(median(rs.map((r) => r.firstWaveP50))),
        poolWaitMeanMs: round2(median(rs.map((r) => r.poolWaitMs.mean))),
      };
    };
    const l = summary('lazy');
    const k = summary('kept');
    const report = {
      at: new Date().toISOString(),
      accounts: N,
      seats: M,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      idleSeconds: IDLE_S,
      poolMin: POOL_MIN,
      medians: { lazy: l, kept: k },
      ratios: {
        throughputKeptOverLazy: round2(k.requestsPerSecond / l.requestsPerSecond),
        p99KeptOverLazy: round2(k.p99 / l.p99),
        firstWaveP50KeptOverLazy: round2(k.firstWaveP50 / l.firstWaveP50),
      },
      exactSeats: results.every((r) => r.confirmed === M),
      results,
    };
    console.log(JSON.stringify({ ...report, results: undefined }, null, 2));
    await writeReport(OUT, report);
    if (!report.exactSeats) process.exitCode = 1;
  } finally {
    await Promise.all([lazy.stop(), kept.stop()]);
    await removeRun(db, {
      eventSlugs: [`idle-${run}-%`],
      accountEmails: [`idle-${run}-%@bench.convene.test`],
      organisationNames: [`Idle partner ${run}`],
    });
    await db.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
