/**
 * Two builds of Convene side by side on the organisers' biggest pages (not a test): this
 * build and BASELINE, another build (a folder holding its `dist` and `package.json`, with
 * `node_modules` beside them or a link to these), on one meeting of PEOPLE people. A change
 * to a page is measured against the build before it in the same run, on the same data, at
 * the same moment: on these shared two-core machines the same page's time moves by half
 * from one run to the next, more than most changes.
 *
 * - One scratch database, <db>_builds<PEOPLE>, migrated by this build and seeded as
 *   bench/console-pages seeds its meetings; two APIs, each with `npm run start:api`'s flags;
 *   the organiser signs in on each, in French.
 * - Each page must answer 200 with the same HTML from both builds (the form tokens taken
 *   out) unless DIFFERENT=1: a change meant to make a page faster must not change it.
 *   Exit 1 otherwise.
 * - ROUNDS interleaved rounds (the builds' order alternating), each with both APIs started
 *   afresh; per round, page and build, WARMUP views (3), then REQUESTS sequential views: the median ms on 127.0.0.1 and the
 *   API's CPU ms per view from /proc. Per page, the medians of the rounds and the median
 *   of the rounds' ratios (this build over BASELINE; under 1 is faster); each build's peak
 *   resident memory over its rounds.
 *
 * Writes bench/results/console-pages-builds.json; the database is dropped at the end
 * unless KEEP_DATABASES=1 (REUSE=1 then uses it again without seeding).
 *
 *   BASELINE=/work/base DATABASE_URL=postgres://postgres@127.0.0.1:5432/convene_bench \
 *     PEOPLE=1000 ROUNDS=5 REQUESTS=12 node dist/bench/console-pages-builds.js
 *
 * A baseline from an earlier commit: `git worktree add /work/base <commit>`, then in it
 * `ln -s "$PWD/node_modules" /work/base/node_modules` (from this checkout) and
 * `(cd /work/base && npm run build)`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, round1, round2 } from './support/http-load.js';
import {
  databaseUrl,
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
const BASELINE = process.env.BASELINE ? resolve(process.env.BASELINE) : '';
const PEOPLE = Number(process.env.PEOPLE ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const REQUESTS = Number(process.env.REQUESTS ?? 12);
const WARMUP = Number(process.env.WARMUP ?? 3);
const PORT = Number(process.env.BUILDS_PORT ?? 3950);
const KEEP_DATABASES = process.env.KEEP_DATABASES === '1';
const REUSE = process.env.REUSE === '1';
const DIFFERENT = process.env.DIFFERENT === '1';
const OUT = resolve(process.env.OUT ?? 'bench/results/console-pages-builds.json');
const DIST = new URL('..', import.meta.url).pathname;

/** The pages that grow with the people (bench/console-pages), by the seed's ids. */
function pages(ids: Awaited<ReturnType<typeof meetingIds>>): Array<[string, string]> {
  const e = `/console/events/${ids.event}`;
  const all: Array<[string, string]> = [
    ['accommodation', `${e}/accommodation`],
    ['hotel', `${e}/accommodation/hotels/${ids.hotel}`],
    ['rooming list', `${e}/accommodation/hotels/${ids.hotel}/rooming-list`],
    ['finance', `${e}/finance`],
    ['certificates', `${e}/certificates`],
    ['agenda', `${e}/agenda`],
    ['session', `${e}/agenda/sessions/${ids.session}`],
    ['arrivals', `${e}/arrivals`],
  ];
  const only = process.env.PAGES?.split(',').map((p) => p.trim());
  return only ? all.filter(([name]) => only.includes(name)) : all;
}

/** The page as both builds should write it: form tokens differ per session. */
const comparable = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');

interface Build {
  name: string;
  server: ServerProcess;
  web: WebSession;
}

async function timed(build: Build, path: string): Promise<{ ms: number; cpu: number }> {
  for (let i = 0; i < WARMUP; i++) await build.web.get(path);
  const ms: number[] = [];
  const cpu0 = build.server.cpuMs();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await build.web.get(path);
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${build.name}, ${path}: ${res.status}`);
  }
  return { ms: median(ms), cpu: (build.server.cpuMs() - cpu0) / REQUESTS };
}

async function main(): Promise<void> {
  const baselineMain = join(BASELINE, 'dist/apps/api/src/main.js');
  if (!BASELINE || !existsSync(baselineMain)) {
    throw new Error(`BASELINE must be a folder holding a build (no ${baselineMain})`);
  }
  const name = `${new URL(DATABASE_URL).pathname.slice(1)}_builds${PEOPLE}`;
  const url = REUSE
    ? databaseUrl(DATABASE_URL, name)
    : await seedMeetingDatabase(DATABASE_URL, name, PEOPLE, MEETING_START);
  const list = pages(await meetingIds(url));
  const flags = serverFlags(`${DIST}../package.json`).convene;
  const mains = [
    ['this build', `${DIST}apps/api/src/main.js`],
    ['baseline', baselineMain],
  ] as const;
  const start = async (i: number): Promise<Build> => {
    const [label, main] = mains[i];
    const server = await ServerProcess.start(
      label,
      main,
      PORT + i,
      '/api/health/ready',
      apiEnv(url, { REDIS_PREFIX: `convene-bench-builds-${i}` }),
      flags,
    );
    const web = new WebSession(server.baseUrl);
    await web.signIn(ORGANISER_EMAIL, ORGANISER_PASSWORD, 'fr');
    return { name: label, server, web };
  };
  let builds: Build[] = [];
  const stopAll = async () => {
    for (const b of builds) await b.server.stop();
    builds = [];
  };
  try {
    builds = [await start(0), await start(1)];
    const differing: string[] = [];
    for (const [page, path] of list) {
      const [mine, theirs] = await Promise.all(builds.map((b) => b.web.get(path)));
      if (mine.status !== 200 || theirs.status !== 200) {
        throw new Error(`${page}: ${mine.status} and ${theirs.status}`);
      }
      if (comparable(mine.text) !== comparable(theirs.text)) differing.push(page);
    }
    if (differing.length > 0) {
      console.log(`not the same HTML from both builds: ${differing.join(', ')}`);
      if (!DIFFERENT) process.exitCode = 1;
    }

    // Two processes of one build differ by up to 15 % on a page (their compiler's and
    // collector's choices): each round starts both afresh, so that luck is a round's, and
    // the median of the rounds' ratios leaves it out.
    const samples = new Map(
      list.map(([page]) => [page, mains.map(() => [] as Array<{ ms: number; cpu: number }>)]),
    );
    const peaks = mains.map(() => 0);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      if (round > 0) {
        await stopAll();
        const started: Build[] = [];
        for (const i of order) started[i] = await start(i);
        builds = started;
      }
      for (const [page, path] of list) {
        for (const i of order) samples.get(page)![i].push(await timed(builds[i], path));
      }
      builds.forEach((b, i) => (peaks[i] = Math.max(peaks[i], b.server.memoryMiB().peak)));
      console.log(`round ${round + 1}/${ROUNDS} done`);
    }

    const rows = list.map(([page]) => {
      const [mine, base] = samples.get(page)!;
      // Per round, then the median: a busy moment weighs on both sides of one ratio.
      const ratio = (key: 'ms' | 'cpu') =>
        round2(median(mine.map((s, r) => s[key] / Math.max(base[r][key], 0.1))));
      return {
        page,
        'ms, this build': round1(median(mine.map((s) => s.ms))),
        'ms, baseline': round1(median(base.map((s) => s.ms))),
        'ms ratio': ratio('ms'),
        'cpu ms, this build': round1(median(mine.map((s) => s.cpu))),
        'cpu ms, baseline': round1(median(base.map((s) => s.cpu))),
        'cpu ratio': ratio('cpu'),
      };
    });
    console.log(
      `\nThis build against ${BASELINE}, one meeting of ${PEOPLE} people (median of ${ROUNDS} ` +
        `interleaved rounds, each the median of ${REQUESTS} views; ratio = this build over the baseline)`,
    );
    console.table(rows);
    const memory = Object.fromEntries(mains.map(([label], i) => [label, peaks[i]]));
    console.log(`peak resident memory MiB: ${JSON.stringify(memory)}`);
    await writeReport(OUT, {
      at: new Date().toISOString(),
      baseline: BASELINE,
      people: PEOPLE,
      rounds: ROUNDS,
      requests: REQUESTS,
      sameHtml: differing.length === 0,
      differing,
      pages: rows,
      peakMiB: memory,
    });
  } finally {
    await stopAll();
    if (!KEEP_DATABASES) await drop(DATABASE_URL, name);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
