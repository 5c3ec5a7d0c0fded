/**
 * What the framework costs on the two hottest reads (not a test): Convene (Nest on
 * Express, dist/apps/api/src/main.js), the same reads on Nest over Fastify
 * (bench/baseline/nest-fastify-read-server.ts) and the bare Fastify + pg server
 * (bench/baseline/read-server.ts), all started with Convene's own Node flags so garbage
 * collection settings are not part of the difference. Convene minus Nest-on-Fastify is
 * Express and its middleware; Nest-on-Fastify minus bare is Nest, its guards and pipes,
 * and TypeORM's query path. A fourth server, Nest-on-Fastify with a 16 MiB
 * semi-space (Node's default), shows what the GC setting adds (GC_VARIANT=0 leaves it out).
 *
 * Seeds read-paths' agenda and its 10,000-registration event, requires byte-identical
 * answers from every server (exit 1 otherwise), then measures in interleaved rounds, the
 * order rotating each round:
 *
 * - GET /api/events/:id/agenda, anonymous, and
 * - GET /api/events/:id/registrations?pageSize=50 as the admin:
 *   requests/s with CONCURRENCY clients for DURATION_S, in SLICES turns per server taken
 *   in alternating order (interleavedLoad), and the server's CPU ms per request.
 *
 * Each server first answers WARMUP_REQUESTS of each read, unmeasured (the same count for
 * all), and each measured load is preceded by WARMUP_S of it, unmeasured. Prints each
 * round (with the statements sent to PostgreSQL per request) and the medians, with ratios
 * to bare, and splits Convene's CPU per request above bare's into Express and Nest;
 * PROFILE_DIR=dir adds a CPU profile per server and read. Writes
 * bench/results/framework-cost.json.
 *
 *   DATABASE_URL=... ROUNDS=3 DURATION_S=5 CONCURRENCY=16 node dist/bench/framework-cost.js
 */
import { mkdir, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import {
  get,
  interleavedLoad,
  load,
  type LoadResult,
  median,
  round1,
  round2,
  warmUp,
} from './support/http-load.js';
import { accessToken } from './support/login.js';
import { removeSeeded, seedAgenda, seedRegistrations } from './support/read-seed.js';
import { type TopItem, topOf } from './support/profile-top.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { serverFlags } from './support/start-flags.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DURATION_S = Number(process.env.DURATION_S ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const AGENDA_SESSIONS = Number(process.env.AGENDA_SESSIONS ?? 120);
const REGISTRATIONS = Number(process.env.REGISTRATIONS ?? 10_000);
const PORT = Number(process.env.FRAMEWORK_PORT ?? 3970);
const GC_VARIANT = process.env.GC_VARIANT !== '0';
const WARMUP_S = Number(process.env.WARMUP_S ?? 2);
const WARMUP_REQUESTS = Number(process.env.WARMUP_REQUESTS ?? 4000);
const SLICES = Number(process.env.SLICES ?? 5);
/** When set, one more load per server and read under V8's profiler: self time by package. */
const PROFILE_DIR = process.env.PROFILE_DIR;
const OUT = resolve(process.env.OUT ?? 'bench/results/framework-cost.json');
const DIST = new URL('..', import.meta.url).pathname;

const READS = ['agenda', 'list page 1'] as const;
type Read = (typeof READS)[number];

const load1 = () => round2(loadavg()[0]);

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const agendaId = await seedAgenda(db, run, AGENDA_SESSIONS);
  // Only the big event: the list's page 1 is all this bench reads of registrations.
  const eventId = await seedRegistrations(db, run, 'big', REGISTRATIONS, false);
  await db.query('ANALYZE');
  await db.end();
  console.log(`seeded an agenda of ${AGENDA_SESSIONS} sessions and ${REGISTRATIONS} registrations`);

  const env = apiEnv(DATABASE_URL);
  // Everyone gets Convene's flags (npm run start:api) unless CONVENE_NODE_ARGS says otherwise.
  const flags = serverFlags(`${DIST}../package.json`).convene;
  const semi16 = [
    ...flags.filter((f) => !f.startsWith('--max-semi-space-size')),
    '--max-semi-space-size=16',
  ];
  const specs: Array<[string, string, string, string[]]> = [
    ['convene', 'apps/api/src/main.js', '/api/health/ready', flags],
    ['nest-fastify', 'bench/baseline/nest-fastify-read-server.js', '/api/health', flags],
    ['bare', 'bench/baseline/read-server.js', '/health', flags],
  ];
  // Left out when Convene's own flags already give 16 MiB: it would be a second nest-fastify.
  if (GC_VARIANT && !flags.includes('--max-semi-space-size=16'))
    specs.push([
      'nest-fastify semi16',
      'bench/baseline/nest-fastify-read-server.js',
      '/api/health',
      semi16,
    ]);
  const servers: ServerProcess[] = [];
  try {
    // One at a time: four Nest boots at once on two cores would only slow each other.
    for (const [i, [name, script, health, args]] of specs.entries()) {
      servers.push(
        await ServerProcess.start(name, `${DIST}${script}`, PORT + i, health, env, args),
      );
      console.log(`${name}: ${args.join(' ') || '(Node defaults)'}`);
    }
    const token = await accessToken(servers[0].baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const auth = { authorization: `Bearer ${token}` };
    const paths: Record<Read, string> = {
      agenda: `/api/events/${agendaId}/agenda`,
      'list page 1': `/api/events/${eventId}/registrations?pageSize=50`,
    };
    const headersFor = (read: Read) => (read === 'agenda' ? {} : auth);

    // The same bytes from every server, or the comparison means nothing. Two more
    // questions than the measured ones exercise the query DTOs (a language, a sort).
    const checks: Array<[string, string, Record<string, string>]> = [
      ...READS.map((r): [string, string, Record<string, string>] => [r, paths[r], headersFor(r)]),
      ['agenda in Spanish', `${paths.agenda}?lang=es`, {}],
      [
        'list page 3 by name',
        `/api/events/${eventId}/registrations?pageSize=50&page=3&sort=name`,
        auth,
      ],
    ];
    const differences: string[] = [];
    for (const [name, path, headers] of checks) {
      const answers = await Promise.all(servers.map((s) => get(`${s.baseUrl}${path}`, headers)));
      for (const [i, a] of answers.entries()) {
        if (a.status !== 200) differences.push(`${name}: ${servers[i].name} answered ${a.status}`);
        else if (!a.body.equals(answers[0].body))
          differences.push(`${name}: ${servers[i].name}'s body differs from Convene's`);
      }
    }
    console.log(
      differences.length
        ? `ANSWERS DIFFER: ${differences.join('; ')}`
        : `identical bodies from all ${servers.length} servers (${checks.length} questions)`,
    );

    // samples[server][read] = one entry per round.
    const samples: Record<
      string,
      Record<string, Array<{ rps: number; cpu: number; statements: number }>>
    > = {};
    const loads: Record<string, LoadResult[]> = {};
    const machineLoad: number[] = [load1()];
    const rounds: Array<Record<string, string | number>> = [];
    // Past the requests that compile the hot paths (http-load.ts, warmUp).
    for (const s of servers)
      for (const read of READS)
        await warmUp(`${s.baseUrl}${paths[read]}`, headersFor(read), WARMUP_REQUESTS, CONCURRENCY);
    for (let r = 0; r < ROUNDS; r++) {
      const order = [...servers.slice(r % servers.length), ...servers.slice(0, r % servers.length)];
      for (const read of READS) {
        // Not measured: a server that sat idle while the others were measured starts
        // cold, as one just started does (bench/README, read-paths).
        for (const s of order)
          await load(`${s.baseUrl}${paths[read]}`, headersFor(read), WARMUP_S, CONCURRENCY);
        // In turns, so a slow moment of the machine falls on every server alike.
        const results = await interleavedLoad(
          order.map((s) => ({
            url: `${s.baseUrl}${paths[read]}`,
            cpuMs: () => s.cpuMs(),
            statements: () => s.statements(),
          })),
          headersFor(read),
          DURATION_S,
          CONCURRENCY,
          SLICES,
        );
        for (const [i, s] of order.entries()) {
          const { cpuMs, statements, ...result } = results[i];
          const n = Math.max(1, result.requests);
          ((samples[s.name] ??= {})[read] ??= []).push({
            rps: result.requestsPerSecond,
            cpu: cpuMs / n,
            statements: statements / n,
          });
          (loads[`${s.name} ${read}`] ??= []).push(result);
          if (result.errors) console.warn(`${s.name} ${read}: ${result.errors} errors`);
        }
      }
      machineLoad.push(load1());
      for (const s of servers)
        for (const read of READS) {
          const mine = samples[s.name][read][r];
          const bare = samples.bare[read][r];
          rounds.push({
            round: r + 1,
            server: s.name,
            read,
            'req/s': round1(mine.rps),
            'cpu ms/req': round2(mine.cpu),
            'req/s vs bare': round2(mine.rps / bare.rps),
            'cpu: bare/this': round2(bare.cpu / mine.cpu),
            'statements/req': round2(mine.statements),
          });
        }
      console.log(
        `round ${r + 1}/${ROUNDS} done (order ${order.map((s) => s.name).join(', ')}; load ${load1()})`,
      );
    }

    console.log('\nPer round (ratios against bare in the same round):');
    console.table(rounds);
    const summary: Array<Record<string, string | number>> = [];
    for (const read of READS)
      for (const s of servers) {
        const mine = samples[s.name][read];
        const bare = samples.bare[read];
        summary.push({
          read,
          server: s.name,
          'req/s': round1(median(mine.map((x) => x.rps))),
          'cpu ms/req': round2(median(mine.map((x) => x.cpu))),
          // Per round, then the median: a busy moment weighs on both sides of one ratio.
          'req/s vs bare': round2(median(mine.map((x, i) => x.rps / bare[i].rps))),
          'cpu: bare/this': round2(median(mine.map((x, i) => bare[i].cpu / x.cpu))),
        });
      }
    console.log('\nMedians over rounds:');
    console.table(summary);

    // The split of Convene's CPU per request above bare's, from the medians.
    const cpuOf = (name: string, read: Read) => median(samples[name][read].map((x) => x.cpu));
    const split = READS.map((read) => {
      const gap = cpuOf('convene', read) - cpuOf('bare', read);
      const express = cpuOf('convene', read) - cpuOf('nest-fastify', read);
      return {
        read,
        'gap cpu ms/req': round2(gap),
        'Express + middleware ms': round2(express),
        'Nest (+TypeORM) ms': round2(gap - express),
        'Express share': round2(express / gap),
      };
    });
    console.log("\nConvene's CPU per request above bare's, split:");
    console.table(split);
    const profiles: Record<string, TopItem[]> = {};
    if (PROFILE_DIR) {
      await mkdir(PROFILE_DIR, { recursive: true });
      for (const s of servers)
        for (const read of READS) {
          const file = resolve(PROFILE_DIR, `${s.name}-${read}.cpuprofile`.replace(/ /g, '-'));
          await s.startProfile();
          await load(`${s.baseUrl}${paths[read]}`, headersFor(read), DURATION_S, CONCURRENCY);
          await s.stopProfile(file);
          const top = topOf(JSON.parse(await readFile(file, 'utf8')), 12).packages;
          profiles[`${s.name} ${read}`] = top;
          console.log(
            `\n${s.name}, ${read}: self time by package, %: ${top.map((t) => `${t.name} ${t.percent}`).join(', ')}`,
          );
        }
    }
    const memory = Object.fromEntries(servers.map((s) => [s.name, s.memoryMiB()]));
    console.log(`resident memory MiB: ${JSON.stringify(memory)}`);
    console.log(
      `1-minute load average at the start and after each round: ${machineLoad.join(', ')}`,
    );

    const report = {
      at: new Date().toISOString(),
      rounds: ROUNDS,
      durationS: DURATION_S,
      concurrency: CONCURRENCY,
      nodeFlags: Object.fromEntries(specs.map(([name, , , args]) => [name, args])),
      sameAnswers: differences.length === 0,
      differences,
      machineLoad,
      note: 'client on the same machine; bodies uncompressed (accept-encoding: identity)',
      perRound: rounds,
      summary,
      split,
      memoryMiB: memory,
      profiles,
      samples,
      loads,
    };
    await writeReport(OUT, report);
    if (differences.length) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    const cleanup = new pg.Client({ connectionString: DATABASE_URL });
    await cleanup.connect();
    await removeSeeded(cleanup, run);
    await cleanup.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
