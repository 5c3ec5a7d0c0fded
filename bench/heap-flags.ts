/**
 * Node heap settings for the API, side by side (not a test). Starts one Convene API per
 * flag set on one database, seeds an agenda of AGENDA_SESSIONS sessions and an event of
 * REGISTRATIONS, then in interleaved rounds (the order rotating) runs the same phases on
 * each API in turn:
 *
 * - GET the agenda, anonymous, CONCURRENCY clients for DURATION_S (after WARMUP_S of it,
 *   unmeasured, as every load here);
 * - GET the registrations list page 1 as the admin, the same;
 * - CSV_REQUESTS exports of the whole event, one at a time.
 *
 * For each flag set: CPU ms per request of each load and per export (medians of the
 * rounds, CPU from /proc), requests/s, and the resident peak over the whole run (VmHWM,
 * never reset: the API's real peak across every phase). The memory goal is 200 MiB.
 *
 * HEAP_FLAG_SETS lists the sets, `|` between sets, spaces between flags; a word such as
 * `MALLOC_ARENA_MAX=2` goes into that API's environment instead (glibc's malloc reads its
 * settings there). The default: `npm run start:api`'s words as they are, the same without
 * the malloc setting, and the API's settings before 2026-12-04 (an 8 MiB semi-space, V8's
 * own heap growing, glibc's default arenas).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/convene_bench ROUNDS=4 node dist/bench/heap-flags.js
 */
import { resolve } from 'node:path';
import pg from 'pg';
import { get, load, median, round1, round2 } from './support/http-load.js';
import { accessToken } from './support/login.js';
import { seedAgenda, seedRegistrations } from './support/read-seed.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { startFlags } from './support/start-flags.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const DURATION_S = Number(process.env.DURATION_S ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const WARMUP_S = Number(process.env.WARMUP_S ?? 2);
const CSV_REQUESTS = Number(process.env.CSV_REQUESTS ?? 6);
const AGENDA_SESSIONS = Number(process.env.AGENDA_SESSIONS ?? 120);
const REGISTRATIONS = Number(process.env.REGISTRATIONS ?? 10_000);
const FIRST_PORT = Number(process.env.HEAP_FLAGS_PORT ?? 3930);
const OUT = resolve(process.env.OUT ?? 'bench/results/heap-flags.json');
const DIST = new URL('..', import.meta.url).pathname;

function flagSets(): string[][] {
  const split = (set: string) => set.split(' ').filter(Boolean);
  if (process.env.HEAP_FLAG_SETS) return process.env.HEAP_FLAG_SETS.split('|').map(split);
  const start = startFlags('start:api', `${DIST}../package.json`);
  return [
    start,
    start.filter((word) => !word.startsWith('MALLOC_')),
    ['--max-old-space-size=512', '--max-semi-space-size=8'],
  ];
}

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const agendaId = await seedAgenda(db, run, AGENDA_SESSIONS);
  const eventId = await seedRegistrations(db, run, 'heap', REGISTRATIONS, false);
  await db.query('ANALYZE');
  await db.end();

  const sets = flagSets();
  const servers: ServerProcess[] = [];
  try {
    for (const [i, set] of sets.entries()) {
      servers.push(
        await ServerProcess.start(
          set.join(' ') || '(defaults)',
          `${DIST}apps/api/src/main.js`,
          FIRST_PORT + i,
          '/api/health/ready',
          apiEnv(DATABASE_URL),
          set,
        ),
      );
    }
    const auth = {
      authorization: `Bearer ${await accessToken(servers[0].baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD)}`,
    };
    const paths = {
      agenda: `/api/events/${agendaId}/agenda`,
      page1: `/api/events/${eventId}/registrations?pageSize=50`,
      csv: `/api/events/${eventId}/registrations?format=csv`,
    };
    const samples = new Map<ServerProcess, Record<string, number[]>>(servers.map((s) => [s, {}]));
    const add = (s: ServerProcess, key: string, v: number) => (samples.get(s)![key] ??= []).push(v);

    for (let r = 0; r < ROUNDS; r++) {
      const order = servers.map((_, i) => servers[(i + r) % servers.length]);
      for (const s of order) {
        for (const [what, path, headers] of [
          ['agenda', paths.agenda, {}],
          ['list page 1', paths.page1, auth],
        ] as const) {
          // Not measured: an API that sat idle while the others were measured starts cold.
          await load(`${s.baseUrl}${path}`, headers, WARMUP_S, CONCURRENCY);
          const cpu0 = s.cpuMs();
          const result = await load(`${s.baseUrl}${path}`, headers, DURATION_S, CONCURRENCY);
          if (result.errors > 0) throw new Error(`${s.name} ${what}: ${result.errors} errors`);
          add(s, `${what} req/s`, result.requestsPerSecond);
          add(s, `${what} cpu ms/req`, (s.cpuMs() - cpu0) / Math.max(1, result.requests));
        }
        const cpu0 = s.cpuMs();
        for (let i = 0; i < CSV_REQUESTS; i++) {
          const answer = await get(`${s.baseUrl}${paths.csv}`, auth);
          if (answer.status !== 200) throw new Error(`${s.name} csv: ${answer.status}`);
        }
        add(s, 'csv cpu ms', (s.cpuMs() - cpu0) / CSV_REQUESTS);
      }
      console.log(`round ${r + 1}/${ROUNDS} done`);
    }

    const table = Object.fromEntries(
      servers.map((s) => {
        const m = samples.get(s)!;
        return [
          s.name,
          {
            'agenda cpu ms/req': round2(median(m['agenda cpu ms/req'])),
            'agenda req/s': round1(median(m['agenda req/s'])),
            'list cpu ms/req': round2(median(m['list page 1 cpu ms/req'])),
            'list req/s': round1(median(m['list page 1 req/s'])),
            'csv cpu ms': round1(median(m['csv cpu ms'])),
            'peak MiB': s.memoryMiB().peak,
          },
        ];
      }),
    );
    console.table(table);
    const perRound = Object.fromEntries(
      servers.map((s) => [
        s.name,
        Object.fromEntries(Object.entries(samples.get(s)!).map(([k, v]) => [k, v.map(round2)])),
      ]),
    );
    await writeReport(OUT, {
      at: new Date().toISOString(),
      rounds: ROUNDS,
      durationS: DURATION_S,
      concurrency: CONCURRENCY,
      agendaSessions: AGENDA_SESSIONS,
      registrations: REGISTRATIONS,
      table,
      perRound,
    });
  } finally {
    for (const s of servers) await s.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
