/**
 * Registration rush: N people register at once for M seats, against Convene and against
 * a bare Fastify + pg server doing the same statements (bench/baseline), both started
 * here on the same database, in interleaved rounds (the order alternates). Each round
 * rushes an empty event and an event already holding PREFILL registrations. Not a test:
 * it prints the figures and writes bench/results/registration-rush.json. Exits 1 if any
 * rush confirmed more or fewer people than seats.
 *
 *   DATABASE_URL=... N=1000 M=50 CONCURRENCY=200 ROUNDS=3 PREFILL=10000 POOL_MIN=20 node dist/bench/registration-rush.js
 *
 * PROFILE_DIR=var/profiles records a CPU profile of each server during each rush (and only
 * then); summarise one with `node dist/bench/support/profile-top.js <file>`. Profiling
 * slows both servers: take the ratios from a run without it. PROFILE_KIND=allocations
 * samples what each server allocates instead (.heapprofile; `allocation-top.js <file> N`
 * gives bytes per registration).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { must, timedRegistration } from './support/api-calls.js';
import { withConcurrency } from './support/http-load.js';
import { removeRun } from './support/remove-run.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { serverFlags } from './support/start-flags.js';
import { writeReport } from './support/write-report.js';

const N = Number(process.env.N ?? 1000);
const M = Number(process.env.M ?? 50);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PREFILL = Number(process.env.PREFILL ?? 10000);
const POOL_MIN = Number(process.env.POOL_MIN ?? 20);
const SETUP_CONCURRENCY = Number(process.env.SETUP_CONCURRENCY ?? 32);
const CONVENE_PORT = Number(process.env.RUSH_CONVENE_PORT ?? 3910);
const BARE_PORT = Number(process.env.RUSH_BARE_PORT ?? 3911);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const OUT = resolve(process.env.OUT ?? 'bench/results/registration-rush.json');
const PROFILE_DIR = process.env.PROFILE_DIR ? resolve(process.env.PROFILE_DIR) : undefined;
const PROFILE_KIND = process.env.PROFILE_KIND === 'allocations' ? 'allocations' : 'cpu';
const DIST = new URL('..', import.meta.url).pathname;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface RushResult {
  target: string;
  scenario: 'empty' | 'prefilled';
  round: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  cpuMsPerRequest: number;
  statementsPerRequest: number;
  /** The rush's statements by their first words (which kind a slow rush sent more of). */
  statementsByHead: Record<string, number>;
  readCallsPerRequest: number;
  writeCallsPerRequest: number;
  confirmed: number;
  byHttpStatus: Record<string, number>;
  latencyByPlacement: Record<string, { count: number; p50: number; p99: number }>;
  slowest: Array<{ sentAtMs: number; ms: number; placed: string }>;
}

async function main(): Promise<void> {
  if (PROFILE_DIR) await mkdir(PROFILE_DIR, { recursive: true });
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  // Both pools as production's API keeps its own (README, Deployment): opened at start and
  // kept through the pauses between a server's rushes, which are longer than pg's 10 s.
  const env = apiEnv(DATABASE_URL, { DATABASE_POOL_MIN: String(POOL_MIN) });
  const flags = serverFlags(`${DIST}../package.json`);
  console.log(
    `Node flags: Convene ${flags.convene.join(' ') || '(defaults)'}, bare ${flags.bare.join(' ') || '(defaults)'}`,
  );
  const convene = await ServerProcess.start(
    'convene',
    `${DIST}apps/api/src/main.js`,
    CONVENE_PORT,
    '/api/health/ready',
    env,
    flags.convene,
  );
  const bare = await ServerProcess.start(
    'bare',
    `${DIST}bench/baseline/registration-server.js`,
    BARE_PORT,
    '/health',
    env,
    flags.bare,
  );
  const idle = convene.memoryMiB();
  const api = convene.baseUrl;
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  try {
    const admin = (await must(api, 'POST', '/auth/login', undefined, {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    })) as { accessToken: string };
    const organisation = await must(api, 'POST', '/organisations', admin.accessToken, {
      name: `Bench partner ${run}`,
      country: 'MA',
      city: 'Tangier',
    });

    // The N people, through Convene's own sign-up and address confirmation.
    const setupStart = performance.now();
    await withConcurrency(N, SETUP_CONCURRENCY, (i) =>
      must(api, 'POST', '/auth/signup', undefined, {
        email: `rush-${run}-${i}@bench.convene.test`,
        name: `Rush ${i}`,
        locale: 'en',
        organisationId: organisation.id,
      }),
    );
    const { rows: links } = await db.query<{ email: string; link: string }>(
      `SELECT recipient_email AS email, payload->>'link' AS link FROM messages
        WHERE template = 'email_verification' AND recipient_email LIKE $1`,
      [`rush-${run}-%`],
    );
    const linkOf = new Map(links.map((l) => [l.email, l.link]));
    const tokens = await withConcurrency(N, SETUP_CONCURRENCY, async (i) => {
      const link = linkOf.get(`rush-${run}-${i}@bench.convene.test`);
      if (!link) throw new Error(`no confirmation link for account ${i}`);
      const token = new URL(link).searchParams.get('token');
      const r = await must(api, 'POST', '/auth/verify-email', undefined, { token });
      return r.accessToken as string;
    });
    console.log(`${N} accounts in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
    // The rushes' own peak, apart from the set-up's (N sign-ups and confirmations).
    const setup = convene.memoryMiB();
    convene.resetPeakMemory();

    let events = 0;
    async function newEvent(scenario: 'empty' | 'prefilled'): Promise<string> {
      const prefill = scenario === 'prefilled' ? PREFILL : 0;
      const event = await must(api, 'POST', '/events', admin.accessToken, {
        name: `Rush ${run} ${++events}`,
        kind: 'meeting',
        timezone: 'Africa/Casablanca',
        startDate: '2027-10-25',
        endDate: '2027-10-30',
        capacity: prefill + M,
        requiresApproval: false,
        languages: ['fr', 'en', 'es'],
      });
      const id = String(event.id);
      if (prefill > 0) {
        // Earlier registrations of other people, written directly (the triggers count them).
        await db.query(
          `WITH people AS (
             INSERT INTO accounts (email, name, locale, organisation_id, email_verified_at)
             SELECT 'prefill-' || $2 || '-' || g || '@bench.convene.test', 'Prefill ' || g, 'fr', $3, now()
               FROM generate_series(1, $4) g RETURNING id)
           INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
             languages, consent_data_processing_at, consent_version, consent_locale, status_changed_at)
           SELECT $1, id, $3, 'confirmed', 'social_worker', '{fr}', now(), '2026-12-01', 'fr', now()
             FROM people`,
          [id, `${run}-${events}`, organisation.id, prefill],
        );
      }
      await must(api, 'POST', `/events/${id}/publish`, admin.accessToken);
      return id;
    }

    async function rush(
      target: ServerProcess,
      scenario: 'empty' | 'prefilled',
      round: number,
    ): Promise<RushResult> {
      const eventId = await newEvent(scenario);
      const body = {
        organisationId: organisation.id,
        profession: 'social_worker',
        languages: ['fr'],
        consent: { dataProcessing: true },
      };
      if (PROFILE_DIR) await target.startProfile(PROFILE_KIND);
      const cpu0 = target.cpuMs();
      const statements0 = await target.statementsByHead();
      // After the statements question: its IPC exchange is the bench's, not the rush's.
      const syscalls0 = target.syscalls();
      const start = performance.now();
      const results = await withConcurrency(N, CONCURRENCY, async (i) => {
        const r = await timedRegistration(target.baseUrl, eventId, tokens[i], body);
        return {
          at: r.t0 - start,
          ms: r.ms,
          status: r.status,
          placed: String(r.body.status ?? ''),
        };
      });
      const seconds = (performance.now() - start) / 1000;
      const cpu = target.cpuMs() - cpu0;
      const syscalls1 = target.syscalls();
      const statements1 = await target.statementsByHead();
      const statements = statements1.total - statements0.total;
      const statementsByHead = Object.fromEntries(
        Object.entries(statements1.byHead)
          .map(([head, n]) => [head, n - (statements0.byHead[head] ?? 0)] as const)
          .filter(([, n]) => n > 0),
      );
      if (PROFILE_DIR)
        await target.stopProfile(
          join(
            PROFILE_DIR,
            `${target.name}-${scenario}-${round}.${PROFILE_KIND === 'cpu' ? 'cpuprofile' : 'heapprofile'}`,
          ),
        );
      const { rows } = await db.query<{ confirmed: number }>(
        `SELECT count(*)::int AS confirmed FROM registrations
          WHERE event_id = $1 AND status = 'confirmed' AND account_id = ANY(
            SELECT id FROM accounts WHERE email LIKE $2)`,
        [eventId, `rush-${run}-%`],
      );
      const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
      // Who waited: the seat decisions and the waiting list apart, and the slowest few with
      // when they were sent (a tail at the rush's start is not one at its end).
      const latencyByPlacement: Record<string, { count: number; p50: number; p99: number }> = {};
      for (const placed of new Set(results.map((r) => r.placed))) {
        const ms = results
          .filter((r) => r.placed === placed)
          .map((r) => r.ms)
          .sort((a, b) => a - b);
        latencyByPlacement[placed || 'none'] = {
          count: ms.length,
          p50: round1(percentile(ms, 50)),
          p99: round1(percentile(ms, 99)),
        };
      }
      const slowest = [...results]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((r) => ({ sentAtMs: round1(r.at), ms: round1(r.ms), placed: r.placed }));
      const byHttpStatus: Record<string, number> = {};
      for (const r of results) byHttpStatus[r.status] = (byHttpStatus[r.status] ?? 0) + 1;
      const result: RushResult = {
        target: target.name,
        scenario,
        round,
        requestsPerSecond: round1(N / seconds),
        p50: round1(percentile(latencies, 50)),
        p99: round1(percentile(latencies, 99)),
        max: round1(latencies[latencies.length - 1]),
        cpuMsPerRequest: round2(cpu / N),
        statementsPerRequest: round2(statements / N),
        statementsByHead,
        readCallsPerRequest: round2((syscalls1.reads - syscalls0.reads) / N),
        writeCallsPerRequest: round2((syscalls1.writes - syscalls0.writes) / N),
        confirmed: rows[0].confirmed,
        byHttpStatus,
        latencyByPlacement,
        slowest,
      };
      console.log(
        `round ${round} ${target.name.padEnd(7)} ${scenario.padEnd(9)} ${String(result.requestsPerSecond).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  ` +
          `${result.cpuMsPerRequest} ms CPU/req  ${result.statementsPerRequest} statements/req  ` +
          `${result.readCallsPerRequest}+${result.writeCallsPerRequest} read+write calls/req  confirmed ${result.confirmed}/${M}`,
      );
      console.log(
        `  statements: ${Object.entries(statementsByHead)
          .map(([head, n]) => `${n} × ${head}`)
          .join('; ')}`,
      );
      return result;
    }

    const results: RushResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? [convene, bare] : [bare, convene];
      for (const target of order) {
        results.push(await rush(target, 'empty', round));
        results.push(await rush(target, 'prefilled', round));
      }
    }

    const summary = (target: string, scenario: string) => {
      const rs = results.filter((r) => r.target === target && r.scenario === scenario);
      return {
        requestsPerSecond: round1(median(rs.map((r) => r.requestsPerSecond))),
        p50: round1(median(rs.map((r) => r.p50))),
        p99: round1(median(rs.map((r) => r.p99))),
        cpuMsPerRequest: round2(median(rs.map((r) => r.cpuMsPerRequest))),
        statementsPerRequest: round2(median(rs.map((r) => r.statementsPerRequest))),
        readCallsPerRequest: round2(median(rs.map((r) => r.readCallsPerRequest))),
        writeCallsPerRequest: round2(median(rs.map((r) => r.writeCallsPerRequest))),
      };
    };
    const c = summary('convene', 'empty');
    const b = summary('bare', 'empty');
    const cp = summary('convene', 'prefilled');
    const bp = summary('bare', 'prefilled');
    const memory = convene.memoryMiB();
    // Each round's pair (the two servers minutes apart) as well as the ratio of the
    // medians: the goal is judged on the latter, the stricter when one round ran slow.
    const byRound = (scenario: string) =>
      Array.from({ length: ROUNDS }, (_, i) => {
        const of = (target: string) =>
          results.find((r) => r.target === target && r.scenario === scenario && r.round === i + 1);
        return round2(of('convene')!.requestsPerSecond / of('bare')!.requestsPerSecond);
      });
    const report = {
      at: new Date().toISOString(),
      accounts: N,
      seats: M,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      poolMin: POOL_MIN,
      prefilled: PREFILL,
      medians: { convene: { empty: c, prefilled: cp }, bare: { empty: b, prefilled: bp } },
      ratios: {
        throughputVsBare: round2(c.requestsPerSecond / b.requestsPerSecond),
        throughputVsBarePrefilled: round2(cp.requestsPerSecond / bp.requestsPerSecond),
        p99VsBare: round2(c.p99 / b.p99),
        cpuVsBare: round2(c.cpuMsPerRequest / b.cpuMsPerRequest),
        prefilledSlowdown: round2(c.requestsPerSecond / cp.requestsPerSecond),
        throughputVsBareByRound: byRound('empty'),
        throughputVsBarePrefilledByRound: byRound('prefilled'),
      },
      goals: {
        exactSeats: results.every((r) => r.confirmed === M),
        throughputAtLeast085: c.requestsPerSecond / b.requestsPerSecond >= 0.85,
        p99Under1s: c.p99 < 1000,
        prefilledAtMost12xSlower: c.requestsPerSecond / cp.requestsPerSecond <= 1.2,
        memoryUnder200MiB: Math.max(setup.peak, memory.peak) < 200,
      },
      nodeFlags: flags,
      conveneMemoryMiB: {
        idle: idle.rss,
        afterSetup: setup.rss,
        peakDuringSetup: setup.peak,
        peakDuringRushes: memory.peak,
        peak: Math.max(setup.peak, memory.peak),
      },
      results,
    };
    console.log(JSON.stringify({ ...report, results: undefined }, null, 2));
    await writeReport(OUT, report);
    if (!report.goals.exactSeats) process.exitCode = 1;
  } finally {
    await Promise.all([convene.stop(), bare.stop()]);
    // Its 61,000 accounts and registrations changed the plans of the benches run after it.
    await removeRun(db, {
      eventSlugs: [`rush-${run}-%`],
      accountEmails: [`rush-${run}-%@bench.convene.test`, `prefill-${run}-%@bench.convene.test`],
      organisationNames: [`Bench partner ${run}`],
    });
    await db.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
