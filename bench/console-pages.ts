/**
 * The organisers' console pages of one meeting at two sizes (not a test). bench/web times
 * the pages on the demo's small events; an organiser of the Tangier week opens the same
 * pages on a meeting of a thousand people. Four times the people should cost at most about
 * four times as much on any page, and no page should keep an organiser waiting.
 *
 * - Two scratch databases on DATABASE_URL's server, <db>_pages<SMALL> and <db>_pages<BIG>,
 *   each migrated and seeded with one meeting (bench/support/history-seed.sql: 120
 *   sessions, travel, hotels, costs, feedback, directory) of SMALL and of BIG people.
 * - Two APIs (dist/apps/api/src/main.js with `npm run start:api`'s flags), one per
 *   database; the organiser signs in through the web form on each, in French.
 * - Every page must answer 200 with a whole HTML page; exit 1 otherwise.
 * - ROUNDS interleaved rounds (the servers' order alternating); per round, page and
 *   server, one warm-up then REQUESTS sequential requests: median ms on 127.0.0.1, and the
 *   API's CPU ms per request from /proc. Per page: both sizes, and the growth (BIG over
 *   SMALL, median of the rounds' ratios; BIG / SMALL = 4 is linear).
 * - The HTML's bytes at BIG, raw and gzipped (what the API sends an organiser's browser),
 *   the API's peak resident memory while it served each page at BIG, and the statements
 *   each page sends to PostgreSQL at both sizes (bench/support/count-statements.ts).
 *
 * Prints the table; the pages that grew faster than the people (growth above 1.25 times
 * BIG / SMALL), send more statements for more people, or took over BUDGET_MS at BIG; each
 * API's peak resident memory; and writes bench/results/console-pages.json. The databases are dropped at the end unless
 * KEEP_DATABASES=1.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/convene_bench ROUNDS=3 REQUESTS=5 \
 *     SMALL=250 BIG=1000 PAGES_PORT=3947 node dist/bench/console-pages.js
 *
 * PAGES_PORT defaults to PORT + 4 when PORT is set (bench/run.sh sets it to its own API's).
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { median, round1, round2 } from './support/http-load.js';
import {
  drop,
  MEETING_START,
  meetingIds,
  ORGANISER_EMAIL,
  ORGANISER_PASSWORD,
  seedMeetingDatabase,
} from './support/meeting-db.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { serverFlags } from './support/start-flags.js';
import { WebSession } from './support/web-session.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REQUESTS = Number(process.env.REQUESTS ?? 5);
const SMALL = Number(process.env.SMALL ?? 250);
const BIG = Number(process.env.BIG ?? 1000);
const BUDGET_MS = Number(process.env.BUDGET_MS ?? 300);
const PORT = Number(
  process.env.PAGES_PORT ?? (process.env.PORT ? Number(process.env.PORT) + 4 : 3947),
);
const KEEP_DATABASES = process.env.KEEP_DATABASES === '1';
const OUT = resolve(process.env.OUT ?? 'bench/results/console-pages.json');
const DIST = new URL('..', import.meta.url).pathname;

type Ids = Awaited<ReturnType<typeof meetingIds>>;

/** Every console page of one event an organiser opens, by the seed's ids. */
function pages(ids: Ids): Array<{ name: string; path: string }> {
  const e = `/console/events/${ids.event}`;
  const list: Array<[string, string]> = [
    ['dashboard', ''],
    ['registrations', '/registrations'],
    ['registrations, page 5 by name', '/registrations?sort=name&page=5'],
    ['registration', `/registrations/${ids.registration}`],
    ['visas', '/visas'],
    ['visa rules', '/visas/rules'],
    ['visa of one person', `/visas/${ids.registration}`],
    ['arrivals', '/arrivals'],
    ['letter settings', '/letter'],
    ['accommodation', '/accommodation'],
    ['accommodation of one person', `/accommodation/people/${ids.registration}`],
    ['hotel', `/accommodation/hotels/${ids.hotel}`],
    ['rooming list', `/accommodation/hotels/${ids.hotel}/rooming-list`],
    ['finance', '/finance'],
    ['finance coverage', '/finance/coverage'],
    ['finance of one person', `/finance/${ids.registration}`],
    ['agenda', '/agenda'],
    ['agenda review', '/agenda/review'],
    ['agenda rooms', '/agenda/rooms'],
    ['session', `/agenda/sessions/${ids.session}`],
    ['site visit bus list', `/agenda/sessions/${ids.siteVisit}/bus-list`],
    ['certificates', '/certificates'],
    ['check-in', '/check-in'],
    ['check-in of a session', `/check-in/sessions/${ids.session}`],
    ['feedback', '/feedback'],
    ['feedback form', `/feedback/${ids.form}`],
    ['feedback results', `/feedback/${ids.form}/results`],
    ['messages', '/messages'],
    ['announcements', '/announcements'],
    ['materials', '/materials'],
    ['settings', '/settings'],
    ['staff', '/staff'],
  ];
  return list.map(([name, path]) => ({ name, path: `${e}${path}` }));
}

interface Side {
  people: number;
  server: ServerProcess;
  web: WebSession;
}

/**
 * One warm-up, then REQUESTS one after the other: median ms, API CPU ms a request, and the
 * API's peak resident memory while it served this page (the peak is started over first).
 */
async function timed(
  side: Side,
  path: string,
): Promise<{ ms: number; cpu: number; peak: number; statements: number }> {
  side.server.resetPeakMemory();
  await side.web.get(path);
  const ms: number[] = [];
  const statements0 = await side.server.statements();
  const cpu0 = side.server.cpuMs();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await side.web.get(path);
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${side.people} people, ${path}: ${res.status}`);
  }
  const cpu = (side.server.cpuMs() - cpu0) / REQUESTS;
  return {
    ms: median(ms),
    cpu,
    peak: side.server.memoryMiB().peak,
    statements: ((await side.server.statements()) - statements0) / REQUESTS,
  };
}

async function main(): Promise<void> {
  const base = new URL(DATABASE_URL).pathname.slice(1) || 'convene_bench';
  const runStarted = performance.now();
  const names = [SMALL, BIG].map((n) => `${base}_pages${n}`);
  console.log(`seeding one meeting of ${SMALL} people and one of ${BIG}`);
  const urls: string[] = [];
  for (const [i, people] of [SMALL, BIG].entries()) {
    urls.push(await seedMeetingDatabase(DATABASE_URL, names[i], people, MEETING_START));
  }
  const seedS = (performance.now() - runStarted) / 1000;
  console.log(`seeded ${names.join(' and ')} in ${seedS.toFixed(1)} s`);
  const ids = await meetingIds(urls[0]);
  const list = pages(ids);

  const flags = serverFlags(`${DIST}../package.json`).convene;
  const servers: ServerProcess[] = [];
  try {
    for (const [i, url] of urls.entries()) {
      servers.push(
        await ServerProcess.start(
          `${[SMALL, BIG][i]} people`,
          `${DIST}apps/api/src/main.js`,
          PORT + i,
          '/api/health/ready',
          apiEnv(url, { REDIS_PREFIX: `convene-bench-${names[i]}` }),
          flags,
        ),
      );
    }
    const sides: Side[] = [];
    for (const [i, server] of servers.entries()) {
      const web = new WebSession(server.baseUrl);
      await web.signIn(ORGANISER_EMAIL, ORGANISER_PASSWORD, 'fr');
      sides.push({ people: [SMALL, BIG][i], server, web });
    }

    // Whole pages on both sides, or the timings mean nothing.
    const failures: string[] = [];
    const bytes: Record<string, { html: number; gzip: number }> = {};
    for (const page of list) {
      const answers = await Promise.all(sides.map((s) => s.web.get(page.path)));
      answers.forEach((a, i) => {
        if (a.status !== 200 || !a.text.includes('</html>')) {
          failures.push(`${page.name} at ${sides[i].people} people: status ${a.status}`);
        }
      });
      const html = Buffer.from(answers[1].text);
      bytes[page.name] = { html: html.length, gzip: gzipSync(html).length };
    }
    if (failures.length) {
      console.error(`PAGES THAT DID NOT ANSWER:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
      return;
    }

    type Samples = { ms: number[]; cpu: number[]; peak: number[]; statements: number[] };
    const samples: Record<string, Samples[]> = {};
    for (const page of list)
      samples[page.name] = sides.map(() => ({ ms: [], cpu: [], peak: [], statements: [] }));
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? [0, 1] : [1, 0];
      for (const page of list) {
        for (const i of order) {
          const t = await timed(sides[i], page.path);
          samples[page.name][i].ms.push(t.ms);
          samples[page.name][i].cpu.push(t.cpu);
          samples[page.name][i].peak.push(t.peak);
          samples[page.name][i].statements.push(t.statements);
        }
      }
      console.log(`round ${round}/${ROUNDS} done`);
    }

    const linear = BIG / SMALL;
    const table: Record<string, Record<string, number>> = {};
    const flagged: string[] = [];
    for (const page of list) {
      const [small, big] = samples[page.name];
      // Per round, then the median: a busy moment weighs on both sides of one ratio.
      const growth = median(big.ms.map((ms, r) => ms / small.ms[r]));
      const row = {
        [`ms ${SMALL}`]: round1(median(small.ms)),
        [`ms ${BIG}`]: round1(median(big.ms)),
        growth: round2(growth),
        [`cpu ms ${BIG}`]: round1(median(big.cpu)),
        [`peak MiB ${BIG}`]: Math.max(...big.peak),
        [`statements ${SMALL}`]: round1(median(small.statements)),
        [`statements ${BIG}`]: round1(median(big.statements)),
        [`KB ${BIG}`]: round1(bytes[page.name].html / 1024),
        [`gzip KB ${BIG}`]: round1(bytes[page.name].gzip / 1024),
      };
      table[page.name] = row;
      if (growth > linear * 1.25) flagged.push(`${page.name}: grew x${round2(growth)}`);
      // A statement per person (or per row) shows as more statements for more people.
      if (median(big.statements) > median(small.statements) + 1) {
        flagged.push(
          `${page.name}: ${median(small.statements)} statements at ${SMALL}, ${median(big.statements)} at ${BIG}`,
        );
      }
      if (median(big.ms) > BUDGET_MS) {
        flagged.push(`${page.name}: ${round1(median(big.ms))} ms at ${BIG} people`);
      }
    }
    // The highest of the per-page peaks: each page's started over from the resident size.
    const memory = Object.fromEntries(
      sides.map((s, i) => [
        s.people,
        {
          rss: s.server.memoryMiB().rss,
          peak: Math.max(...list.flatMap((page) => samples[page.name][i].peak)),
        },
      ]),
    );
    console.log(
      `\nAn organiser's console pages, one meeting of ${SMALL} and of ${BIG} people ` +
        `(median of ${ROUNDS} rounds, each the median of ${REQUESTS}; growth = ${BIG} over ${SMALL}, ` +
        `${round2(linear)} is linear)`,
    );
    console.table(table);
    console.log(
      flagged.length
        ? `faster than the people, more statements, or over ${BUDGET_MS} ms:\n  ${flagged.join('\n  ')}`
        : `every page linear or better, as many statements at both sizes, and under ${BUDGET_MS} ms at ${BIG} people`,
    );
    console.log(`resident memory MiB: ${JSON.stringify(memory)}`);
    const totalS = (performance.now() - runStarted) / 1000;
    console.log(`seeding ${seedS.toFixed(1)} s, whole run ${totalS.toFixed(1)} s`);
    await writeReport(OUT, {
      at: new Date().toISOString(),
      rounds: ROUNDS,
      requests: REQUESTS,
      small: SMALL,
      big: BIG,
      budgetMs: BUDGET_MS,
      nodeFlags: flags,
      table,
      flagged,
      memory,
      samples,
      seedSeconds: round1(seedS),
      runSeconds: round1(totalS),
    });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (!KEEP_DATABASES) for (const name of names) await drop(DATABASE_URL, name);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
