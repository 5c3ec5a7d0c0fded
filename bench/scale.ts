/**
 * One API against two (not a test). Starts two Convene API processes and two workers on
 * one PostgreSQL and one Redis, and a real SMTP server (smtp-server) that counts what it
 * is handed. Each round rushes a fresh event (N new people, M seats, CONCURRENCY at once)
 * once through the first API alone and once with the clients split between both (person
 * i asks API i mod 2), the order alternating from round to round. Two workers run
 * throughout, so the emails of a rush are sent by both at once.
 *
 * After each rush it checks the guarantees: exactly M confirmed and the rest waitlisted
 * (no oversell across processes), and, once the outbox has drained, exactly one email
 * per person at the SMTP server (no email lost or sent twice by the two workers).
 *
 * Prints requests/s, p50/p99 and the drain time per variant, and writes
 * bench/results/scale.json. Exits 1 when a guarantee is broken.
 *
 *   DATABASE_URL=... N=600 M=50 CONCURRENCY=100 ROUNDS=3 node dist/bench/scale.js
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DEVELOPMENT_JWT_SECRET } from '#core';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { accessTokenFor, must, timedRegistration } from './support/api-calls.js';
import { median, percentile, round1, round2 } from './support/http-load.js';
import { removeRun } from './support/remove-run.js';
import { RushMonitor, type RushReport } from './support/rush-monitor.js';
import { apiEnv, type PoolWaits, ServerProcess } from './support/server-process.js';
import { splitStartWords, startFlags } from './support/start-flags.js';
import { writeReport } from './support/write-report.js';

const N = Number(process.env.N ?? 600);
const M = Number(process.env.M ?? 50);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DRAIN_TIMEOUT_S = Number(process.env.DRAIN_TIMEOUT_S ?? 300);
const PORTS = [Number(process.env.SCALE_PORT_1 ?? 3930), Number(process.env.SCALE_PORT_2 ?? 3931)];
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const JWT_SECRET = process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
// Connections each API and worker may open: 10 unless set (four processes on a server that
// others may share; the product defaults to 20).
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const OUT = resolve(process.env.OUT ?? 'bench/results/scale.json');
const DIST = new URL('..', import.meta.url).pathname;

const OTHERS = ['everything else on the machine', 'idle'];
const stackCpu = (w: RushReport) =>
  Object.entries(w.cpuMsPerRequest)
    .filter(([k]) => !OTHERS.includes(k))
    .reduce((sum, [, v]) => sum + v, 0);
const stackCores = (w: RushReport) =>
  Object.entries(w.cores)
    .filter(([k]) => !OTHERS.includes(k))
    .reduce((sum, [, v]) => sum + v, 0);

/** A worker as production starts it (dist/apps/worker), sending through the sink. */
function startWorker(env: Record<string, string>): ChildProcess {
  const start = splitStartWords(startFlags('start:worker', `${DIST}../package.json`));
  return spawn(process.execPath, [...start.nodeArgs, `${DIST}apps/worker/src/main.js`], {
    env: { ...process.env, ...env, ...start.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

interface RoundResult {
  apis: 1 | 2;
  round: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  byHttpStatus: Record<string, number>;
  /** Why the client got no answer at all (the connection reset or refused), by cause. */
  clientErrors: Record<string, number>;
  /** When those happened (ms after the rush began), and whether it was a client's first request. */
  clientErrorTimes: Array<{ atMs: number; firstOfClient: boolean; why: string }>;
  /** CPU per process, PostgreSQL's backends by state, connections (see rush-monitor.ts). */
  where: RushReport;
  /** Each API's waits for a pg pool connection during the rush. */
  poolWaits: Array<PoolWaits & { meanMs: number }>;
  registered: number;
  confirmed: number;
  waitlisted: number;
  emailsAtSink: number;
  /** People with one email if registered, none if their request never got through. */
  peopleWithRightEmailCount: number;
  drainSeconds: number;
}

async function main(): Promise<void> {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const received = new Map<string, number>();
  const sink = await SmtpSink.start({
    store: false,
    onAccepted: (to) => {
      for (const address of to) received.set(address, (received.get(address) ?? 0) + 1);
    },
  });
  const env = apiEnv(DATABASE_URL, {
    REDIS_PREFIX: `convene-scale-${run}`,
    SMTP_URL: sink.url,
    SMTP_MAX_PER_SECOND: '10000',
    JWT_SECRET,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    // The API creates the admin the bench logs in with (an existing account is promoted).
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
  });
  // Two APIs and two workers may hold 4 pools' worth of connections on a server that others
  // share: when that does not fit, requests are 503s for want of a connection, not for Convene.
  const {
    rows: [room],
  } = await db.query<{ max: number; used: number }>(
    `SELECT current_setting('max_connections')::int AS max, count(*)::int AS used
       FROM pg_stat_activity WHERE backend_type = 'client backend'`,
  );
  const needed = 4 * POOL_SIZE + 1;
  console.log(
    `PostgreSQL connections: ${room.used} in use of ${room.max}; this bench may open ${needed} ` +
      `(4 processes x DATABASE_POOL_SIZE ${POOL_SIZE}, and its monitor)`,
  );
  if (room.used + needed > room.max)
    console.log(
      `  that may not fit: a request refused a connection is a 503 (PostgreSQL logs "too many clients")`,
    );
  const apis: ServerProcess[] = [];
  const workers: ChildProcess[] = [];
  const closers: Array<() => Promise<void>> = [];
  try {
    for (const [i, port] of PORTS.entries())
      apis.push(
        await ServerProcess.start(
          `api${i + 1}`,
          `${DIST}apps/api/src/main.js`,
          port,
          '/api/health/ready',
          env,
          startFlags('start:api', `${DIST}../package.json`),
        ),
      );
    workers.push(startWorker(env), startWorker(env));
    const monitor = await RushMonitor.open(DATABASE_URL, () => ({
      'API 1': [apis[0].pid],
      'API 2': [apis[1].pid],
      workers: workers.map((w) => w.pid ?? 0),
    }));
    closers.push(() => monitor.close());
    const base = apis[0].baseUrl;
    const admin = (await must(base, 'POST', '/auth/login', undefined, {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    })) as { accessToken: string };
    const organisation = await must(base, 'POST', '/organisations', admin.accessToken, {
      name: `Scale partner ${run}`,
      country: 'MA',
      city: 'Tangier',
    });

    let events = 0;
    async function rush(apiCount: 1 | 2, round: number): Promise<RoundResult> {
      const label = `${run}-${++events}`;
      // New people for every rush, confirmed already, so every email of theirs is this rush's.
      const { rows: people } = await db.query<{ id: string; email: string; token_version: number }>(
        `INSERT INTO accounts (email, name, locale, organisation_id, email_verified_at)
         SELECT 'scale-' || $1 || '-' || i || '@bench.convene.test', 'Scale ' || i,
                (ARRAY['fr','en','es'])[1 + i % 3], $2, now()
           FROM generate_series(1, $3::int) i RETURNING id, email, token_version`,
        [label, organisation.id, N],
      );
      const tokens = people.map((p) => accessTokenFor(p.id, p.token_version, JWT_SECRET));
      const event = await must(base, 'POST', '/events', admin.accessToken, {
        name: `Scale ${label}`,
        kind: 'meeting',
        timezone: 'Africa/Casablanca',
        startDate: '2027-10-25',
        endDate: '2027-10-30',
        capacity: M,
        requiresApproval: false,
        languages: ['fr', 'en', 'es'],
      });
      const eventId = String(event.id);
      await must(base, 'POST', `/events/${eventId}/publish`, admin.accessToken);
      const body = {
        organisationId: organisation.id,
        profession: 'social_worker',
        languages: ['fr'],
        consent: { dataProcessing: true },
      };

      const latencies: number[] = [];
      const byHttpStatus: Record<string, number> = {};
      const clientErrors: Record<string, number> = {};
      const clientErrorTimes: RoundResult['clientErrorTimes'] = [];
      let next = 0;
      await Promise.all(apis.map((a) => a.poolWaits()));
      await monitor.start();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          let firstOfClient = true;
          while (next < N) {
            const i = next++;
            const api = apis[i % apiCount];
            const r = await timedRegistration(api.baseUrl, eventId, tokens[i], body);
            if (r.error !== undefined) {
              const err = r.error as {
                cause?: { code?: string; message?: string };
                message?: string;
              };
              const why = err.cause?.code ?? err.cause?.message ?? err.message ?? String(r.error);
              clientErrors[why] = (clientErrors[why] ?? 0) + 1;
              clientErrorTimes.push({ atMs: Math.round(r.t0 - started), firstOfClient, why });
            }
            firstOfClient = false;
            latencies.push(r.ms);
            byHttpStatus[r.status] = (byHttpStatus[r.status] ?? 0) + 1;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const where = await monitor.stop(N);
      const poolWaits = (await Promise.all(apis.slice(0, apiCount).map((a) => a.poolWaits()))).map(
        (w) => ({ ...w, meanMs: round1(w.waitMs / Math.max(1, w.acquisitions)) }),
      );
      for (const a of [...apis.map((x) => x.exitCode), ...workers.map((w) => w.exitCode)])
        if (a !== null) throw new Error(`a server or worker exited (code ${a}) during the rush`);
      const {
        rows: [counts],
      } = await db.query<{ registered: number; confirmed: number; waitlisted: number }>(
        `SELECT count(*)::int AS registered,
                count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
           FROM registrations WHERE event_id = $1`,
        [eventId],
      );

      // Drain: the outbox rows of everyone who got a registration sent, then count at the sink.
      const drainStart = performance.now();
      const emails = people.map((p) => p.email);
      for (;;) {
        const {
          rows: [o],
        } = await db.query<{ waiting: number; total: number }>(
          `SELECT count(*) FILTER (WHERE status <> 'sent')::int AS waiting, count(*)::int AS total
             FROM messages WHERE recipient_email = ANY($1)`,
          [emails],
        );
        if (o.total >= counts.registered && o.waiting === 0) break;
        if (performance.now() - drainStart > DRAIN_TIMEOUT_S * 1000) {
          console.error(
            `outbox not drained after ${DRAIN_TIMEOUT_S} s: ${o.waiting} of ${o.total} waiting`,
          );
          break;
        }
        await sleep(250);
      }
      const drainSeconds = (performance.now() - drainStart) / 1000;
      // A second sent twice would arrive a moment after the first: give it time to show.
      await sleep(1000);
      const { rows: registeredRows } = await db.query<{ email: string }>(
        `SELECT a.email FROM registrations r JOIN accounts a ON a.id = r.account_id WHERE r.event_id = $1`,
        [eventId],
      );
      const registeredEmails = new Set(registeredRows.map((r) => r.email));
      const perPerson = emails.map((e) => received.get(e) ?? 0);
      // One email for each person registered, none for a request that never got through.
      const rightCount = emails.filter(
        (e) => (received.get(e) ?? 0) === (registeredEmails.has(e) ? 1 : 0),
      ).length;
      latencies.sort((a, b) => a - b);
      const result: RoundResult = {
        apis: apiCount,
        round,
        requestsPerSecond: round1(N / seconds),
        p50: round1(percentile(latencies, 50)),
        p99: round1(percentile(latencies, 99)),
        byHttpStatus,
        clientErrors,
        clientErrorTimes,
        where,
        poolWaits,
        registered: counts.registered,
        confirmed: counts.confirmed,
        waitlisted: counts.waitlisted,
        emailsAtSink: perPerson.reduce((a, b) => a + b, 0),
        peopleWithRightEmailCount: rightCount,
        drainSeconds: round1(drainSeconds),
      };
      console.log(
        `round ${round} ${apiCount} API${apiCount > 1 ? 's' : ' '} ${String(result.requestsPerSecond).padStart(6)} req/s  ` +
          `p50 ${result.p50} ms  p99 ${result.p99} ms  confirmed ${result.confirmed}/${M}  waitlisted ${result.waitlisted}  ` +
          `emails ${result.emailsAtSink} for ${result.registered} registered (${result.peopleWithRightEmailCount}/${N} people right), drained in ${result.drainSeconds} s` +
          (Object.keys(clientErrors).length
            ? `  client errors ${JSON.stringify(clientErrors)}`
            : ''),
      );
      const entries = (o: Record<string, number>) =>
        Object.entries(o)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
      console.log(
        `    CPU ms/request: ${entries(where.cpuMsPerRequest)}\n` +
          `    cores used: ${entries(where.cores)}\n` +
          `    database backends (average of ${where.samples} samples): ${entries(where.backends)}; at most ${where.activePeak} active at once\n` +
          `    pg pool waits per API: ${poolWaits.map((w) => `${w.meanMs} ms mean, ${round1(w.longestMs)} ms longest, ${w.queuedPeak} queued at most, event loop up to ${round1(w.loopDelayMaxMs)} ms late`).join('; ')}; ` +
          `PostgreSQL connections at most ${where.connectionsPeak}/${where.maxConnections}`,
      );
      return result;
    }

    const results: RoundResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order: Array<1 | 2> = round % 2 ? [1, 2] : [2, 1];
      for (const k of order) results.push(await rush(k, round));
    }

    const of = (k: 1 | 2) => results.filter((r) => r.apis === k);
    const summary = (k: 1 | 2) => ({
      requestsPerSecond: round1(median(of(k).map((r) => r.requestsPerSecond))),
      p50: round1(median(of(k).map((r) => r.p50))),
      p99: round1(median(of(k).map((r) => r.p99))),
      drainSeconds: round1(median(of(k).map((r) => r.drainSeconds))),
      // What the rush cost Convene's processes together (APIs, workers, PostgreSQL's
      // backends, the client) per request, and how much of the machine they got: on a
      // machine with no idle CPU left, throughput follows the cores the stack was given.
      stackCpuMsPerRequest: round1(median(of(k).map((r) => stackCpu(r.where)))),
      stackCores: round2(median(of(k).map((r) => stackCores(r.where)))),
      otherProgramsCores: round2(
        median(of(k).map((r) => r.where.cores['everything else on the machine'])),
      ),
      idleCores: round2(median(of(k).map((r) => r.where.cores.idle))),
    });
    const perRound = Array.from({ length: ROUNDS }, (_, i) => {
      const one = results.find((r) => r.apis === 1 && r.round === i + 1);
      const two = results.find((r) => r.apis === 2 && r.round === i + 1);
      return one && two ? two.requestsPerSecond / one.requestsPerSecond : NaN;
    });
    const guarantees = {
      // Every seat taken, none twice, and everyone registered either confirmed or waitlisted.
      exactSeats: results.every(
        (r) =>
          r.confirmed === Math.min(M, r.registered) && r.confirmed + r.waitlisted === r.registered,
      ),
      eachEmailOnce: results.every(
        (r) => r.peopleWithRightEmailCount === N && r.emailsAtSink === r.registered,
      ),
      everyRequestAnswered201: results.every((r) => r.byHttpStatus['201'] === N),
    };
    const report = {
      at: new Date().toISOString(),
      people: N,
      seats: M,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      workers: 2,
      poolSize: POOL_SIZE,
      oneApi: summary(1),
      twoApis: summary(2),
      speedup: Math.round(median(perRound) * 100) / 100,
      speedupPerRound: perRound.map((x) => Math.round(x * 100) / 100),
      guarantees,
      apiMemoryMiB: apis.map((a) => a.memoryMiB()),
      results,
    };
    console.log(JSON.stringify({ ...report, results: undefined }, null, 2));
    await writeReport(OUT, report);
    if (!guarantees.exactSeats || !guarantees.eachEmailOnce) process.exitCode = 1;
  } finally {
    for (const close of closers) await close();
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(apis.map((a) => a.stop()));
    await sink.close();
    await removeRun(db, {
      eventSlugs: [`scale-${run}-%`],
      accountEmails: [`scale-${run}-%@bench.convene.test`],
      organisationNames: [`Scale partner ${run}`],
    });
    await db.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
