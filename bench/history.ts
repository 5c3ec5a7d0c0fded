/**
 * An organiser's pages with and without the network's history (not a test). The SQL audit
 * found statements that read the rows of every past meeting in the shared tables
 * (registrations, signups, session_attendance, travel_plans, cost_items,
 * feedback_answers...), so pages slowed down as meetings piled up; those were fixed
 * (each with a plan test). This measures the whole thing through the real API: the same
 * event in two databases, one holding nothing else and one holding PAST earlier meetings
 * of the same size, each behind its own Convene API, and the same organiser asking both.
 *
 * - Two scratch databases on DATABASE_URL's server, <db>_hist0 and <db>_hist<PAST>
 *   (dropped and created). <db>_hist0 is migrated and seeded by bench/support/history-seed.sql
 *   with the target meeting (TARGET people, 120 sessions, travel, hotels, costs, feedback,
 *   directory; dates in the past, so it has ended), organiser user0@example.org given a
 *   password hashed by #accounts' own hashPassword. <db>_hist<PAST> is a copy of it
 *   (CREATE DATABASE ... TEMPLATE), so the target's rows are the very same, plus PAST earlier
 *   meetings of TARGET people. VACUUM ANALYZE on both.
 * - Two APIs (dist/apps/api/src/main.js as `npm run start:api` starts it) on HIST_PORT and
 *   HIST_PORT + 1, one per database; the organiser logs in through POST /api/auth/login
 *   (the certificates overview, a console page only, through the web sign-in form).
 * - Every read must answer 200 with a non-trivial body, byte-identical on both servers (the
 *   console page's per-session CSRF token aside); exit 1 otherwise.
 * - ROUNDS interleaved rounds (the servers' order alternating); per round, read and server,
 *   one warm-up then REQUESTS sequential requests, median ms on 127.0.0.1. Per read: ms
 *   without history, ms with it, and their ratio (1 = the history costs nothing), the
 *   median of the rounds' ratios.
 *
 * Prints the shared tables' rows in each database and a table of the reads, and writes
 * bench/results/history.json. The scratch databases are dropped at the end unless
 * KEEP_DATABASES=1.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/convene_bench ROUNDS=3 REQUESTS=5 \
 *     TARGET=1000 PAST=16 HIST_PORT=3945 node dist/bench/history.js
 *
 * HIST_PORT defaults to PORT + 2 when PORT is set (bench/run.sh sets it to its own API's).
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Answer, get, median, round1, round2 } from './support/http-load.js';
import { accessToken } from './support/login.js';
import {
  databaseUrl as meetingDatabaseUrl,
  drop,
  MEETING_START,
  meetingIds,
  ORGANISER_EMAIL,
  ORGANISER_PASSWORD,
  recreate,
  seedMeetingDatabase,
  withClient,
} from './support/meeting-db.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { serverFlags } from './support/start-flags.js';
import { WebSession } from './support/web-session.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REQUESTS = Number(process.env.REQUESTS ?? 5);
const TARGET = Number(process.env.TARGET ?? 1000);
const PAST = Number(process.env.PAST ?? 16);
const PORT = Number(
  process.env.HIST_PORT ?? (process.env.PORT ? Number(process.env.PORT) + 2 : 3945),
);
const KEEP_DATABASES = process.env.KEEP_DATABASES === '1';
const OUT = resolve(process.env.OUT ?? 'bench/results/history.json');
const DIST = new URL('..', import.meta.url).pathname;
const TARGET_START = MEETING_START;
/** Earlier meetings every MEETING_GAP_DAYS before it. */
const MEETING_GAP_DAYS = 35;

const SHARED_TABLES = [
  'events',
  'sessions',
  'registrations',
  'signups',
  'session_attendance',
  'travel_plans',
  'accommodation_stays',
  'room_assignments',
  'cost_items',
  'cost_status_changes',
  'cost_receipts',
  'feedback_responses',
  'feedback_answers',
  'directory_listings',
];

interface Read {
  name: string;
  path: string;
  /** A console page, read with the web session's cookie rather than the bearer token. */
  console?: boolean;
  /** The least a real answer holds: the seeded event gives far more. */
  minBytes: number;
}

const databaseUrl = (name: string) => meetingDatabaseUrl(DATABASE_URL, name);

/**
 * <base>_hist0: migrated, the target meeting seeded, the organiser's password set; then
 * <base>_hist<PAST>: a copy with PAST earlier meetings added. Both vacuumed and analysed.
 */
async function seed(base: string): Promise<{ without: string; with: string; ms: number }> {
  const started = performance.now();
  const without = `${base}_hist0`;
  const withHistory = `${base}_hist${PAST}`;
  await seedMeetingDatabase(DATABASE_URL, without, TARGET, TARGET_START);
  // A copy: the target meeting's rows, defaults and all, are the same bytes in both.
  await recreate(DATABASE_URL, withHistory, without);
  await withClient(databaseUrl(withHistory), async (db) => {
    for (let i = 1; i <= PAST; i++) {
      await db.query(`SELECT history_seed_event($1, $2, $3::date - $4::int, true)`, [
        i,
        TARGET,
        TARGET_START,
        i * MEETING_GAP_DAYS,
      ]);
    }
    await db.query('VACUUM ANALYZE');
  });
  return { without, with: withHistory, ms: performance.now() - started };
}

async function tableRows(url: string): Promise<Record<string, number>> {
  return withClient(url, async (db) => {
    const out: Record<string, number> = {};
    for (const table of SHARED_TABLES) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      out[table] = rows[0].n;
    }
    return out;
  });
}

/** The console's forms carry the web session's CSRF token: one per sign-in, not per answer. */
const normalise = (read: Read, body: Buffer): Buffer =>
  read.console
    ? Buffer.from(body.toString().replace(/(name="_csrf" value=")[^"]*"/g, '$1…"'))
    : body;

interface Side {
  label: 'without' | 'with';
  server: ServerProcess;
  auth: Record<string, string>;
  web: WebSession;
}

async function ask(side: Side, read: Read): Promise<Answer> {
  if (!read.console) return get(`${side.server.baseUrl}${read.path}`, side.auth);
  const res = await side.web.get(read.path);
  return { status: res.status, body: Buffer.from(res.text), headers: {} };
}

/** One warm-up, then REQUESTS one after the other: the median ms. */
async function timed(side: Side, read: Read): Promise<number> {
  await ask(side, read);
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const a = await ask(side, read);
    ms.push(performance.now() - t0);
    if (a.status !== 200) throw new Error(`${side.label} ${read.name}: ${a.status}`);
  }
  return median(ms);
}

async function main(): Promise<void> {
  const base = new URL(DATABASE_URL).pathname.slice(1) || 'convene_bench';
  const runStarted = performance.now();
  console.log(`seeding a meeting of ${TARGET} people, and ${PAST} earlier ones beside it`);
  const dbs = await seed(base);
  console.log(`seeded ${dbs.without} and ${dbs.with} in ${(dbs.ms / 1000).toFixed(1)} s`);
  const rows = {
    without: await tableRows(databaseUrl(dbs.without)),
    with: await tableRows(databaseUrl(dbs.with)),
  };
  console.log(`\nrows of the shared tables (${dbs.without} / ${dbs.with})`);
  console.table(
    Object.fromEntries(
      SHARED_TABLES.map((t) => [
        t,
        {
          [dbs.without]: rows.without[t],
          [dbs.with]: rows.with[t],
          'x target': round1(rows.with[t] / Math.max(1, rows.without[t])),
        },
      ]),
    ),
  );
  const ids = await meetingIds(databaseUrl(dbs.without));

  const flags = serverFlags(`${DIST}../package.json`).convene;
  const servers: ServerProcess[] = [];
  const failures: string[] = [];
  try {
    for (const [i, name] of [dbs.without, dbs.with].entries()) {
      servers.push(
        await ServerProcess.start(
          i === 0 ? 'without' : 'with',
          `${DIST}apps/api/src/main.js`,
          PORT + i,
          '/api/health/ready',
          apiEnv(databaseUrl(name), { REDIS_PREFIX: `convene-bench-${name}` }),
          flags,
        ),
      );
    }
    const sides: Side[] = [];
    for (const [i, server] of servers.entries()) {
      const web = new WebSession(server.baseUrl);
      await web.signIn(ORGANISER_EMAIL, ORGANISER_PASSWORD, 'en');
      const token = await accessToken(server.baseUrl, ORGANISER_EMAIL, ORGANISER_PASSWORD);
      sides.push({
        label: i === 0 ? 'without' : 'with',
        server,
        auth: { authorization: `Bearer ${token}` },
        web,
      });
    }

    const event = `/api/events/${ids.event}`;
    const reads: Read[] = [
      { name: 'registrations page 1', path: `${event}/registrations?pageSize=50`, minBytes: 5000 },
      { name: 'registrations CSV', path: `${event}/registrations?format=csv`, minBytes: 50_000 },
      { name: 'stats', path: `${event}/stats`, minBytes: 200 },
      { name: 'visa board', path: `${event}/visas`, minBytes: 2000 },
      { name: 'airport arrivals', path: `${event}/arrivals`, minBytes: 2000 },
      { name: 'accommodation', path: `${event}/accommodation`, minBytes: 10_000 },
      {
        name: 'rooming list (hotel 0)',
        path: `${event}/accommodation/hotels/${ids.hotel}/rooming-list`,
        minBytes: 2000,
      },
      { name: 'finance report', path: `${event}/finance`, minBytes: 2000 },
      {
        name: 'feedback results (event form)',
        path: `/api/feedback-forms/${ids.form}/results`,
        minBytes: 500,
      },
      {
        name: 'feedback responses CSV',
        path: `/api/feedback-forms/${ids.form}/responses.csv`,
        minBytes: 10_000,
      },
      { name: 'agenda conflicts', path: `${event}/conflicts`, minBytes: 500 },
      {
        name: 'certificates overview (console)',
        path: `/console/events/${ids.event}/certificates`,
        console: true,
        minBytes: 10_000,
      },
      { name: 'directory', path: `${event}/directory`, minBytes: 2000 },
    ];

    // The same event on both sides: the same bytes, or the comparison means nothing.
    const bytes: Record<string, number> = {};
    for (const read of reads) {
      const [a, b] = await Promise.all(sides.map((s) => ask(s, read)));
      bytes[read.name] = a.body.length;
      if (a.status !== 200 || b.status !== 200) {
        failures.push(`${read.name}: status ${a.status} without history, ${b.status} with`);
      } else if (a.body.length < read.minBytes) {
        failures.push(`${read.name}: ${a.body.length} bytes, expected ${read.minBytes} or more`);
      } else if (!normalise(read, a.body).equals(normalise(read, b.body))) {
        failures.push(
          `${read.name}: the bodies differ (${a.body.length} vs ${b.body.length} bytes)`,
        );
      }
    }
    if (failures.length) {
      console.error(`WRONG ANSWERS:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    console.log(`\nsame answers from both servers for all ${reads.length} reads`);

    const samples: Record<string, { without: number[]; with: number[] }> = {};
    for (const read of reads) samples[read.name] = { without: [], with: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? sides : [...sides].reverse();
      for (const read of reads) {
        for (const side of order) samples[read.name][side.label].push(await timed(side, read));
      }
      console.log(`round ${round}/${ROUNDS} done (${order.map((s) => s.label).join(' first, ')})`);
    }

    const table: Record<string, Record<string, number | string>> = {};
    for (const read of reads) {
      const s = samples[read.name];
      // Per round, then the median: a busy moment weighs on both sides of one ratio.
      const ratios = s.with.map((ms, i) => ms / s.without[i]);
      table[read.name] = {
        'ms without': round1(median(s.without)),
        [`ms with ${PAST}`]: round1(median(s.with)),
        ratio: round2(median(ratios)),
        rounds: ratios.map(round2).join(', '),
        bytes: bytes[read.name],
      };
    }
    console.log(
      `\nAn organiser's reads of one meeting of ${TARGET} people, without and with ${PAST} earlier meetings ` +
        `(median of ${ROUNDS} rounds, each the median of ${REQUESTS}; ratio = with / without, 1 = history costs nothing)`,
    );
    console.table(table);
    const totalS = (performance.now() - runStarted) / 1000;
    console.log(`seeding ${(dbs.ms / 1000).toFixed(1)} s, whole run ${totalS.toFixed(1)} s`);
    await writeReport(OUT, {
      at: new Date().toISOString(),
      rounds: ROUNDS,
      requests: REQUESTS,
      target: TARGET,
      past: PAST,
      databases: dbs,
      rows,
      nodeFlags: flags,
      sameAnswers: true,
      table,
      samples,
      seedSeconds: round1(dbs.ms / 1000),
      runSeconds: round1(totalS),
    });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (!KEEP_DATABASES) {
      await drop(DATABASE_URL, dbs.without);
      await drop(DATABASE_URL, dbs.with);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
