/**
 * What every request costs before its own work (not a test): Convene's GET
 * /api/health/live (no database, `{"status":"ok"}`) against the bare Fastify server's GET
 * /health (the same body), both started with Convene's Node flags. The difference is Node's
 * HTTP server plus Express, the middleware (request log, compression, helmet, CORS, body
 * parsers, localised errors) and Nest's guards, which every page and API call pays.
 *
 * Interleaved rounds, order alternating, after an unmeasured warm-up: requests/s with
 * CONCURRENCY clients for DURATION_S, and each server's CPU ms per request from /proc.
 * Writes bench/results/route-floor.json.
 *
 *   DATABASE_URL=... ROUNDS=5 DURATION_S=4 CONCURRENCY=16 node dist/bench/route-floor.js
 */
import { resolve } from 'node:path';
import { get, load, median, round1, round2 } from './support/http-load.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { serverFlags } from './support/start-flags.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const DURATION_S = Number(process.env.DURATION_S ?? 4);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const WARMUP_S = Number(process.env.WARMUP_S ?? 2);
const PORT = Number(process.env.ROUTE_FLOOR_PORT ?? 3980);
const OUT = resolve(process.env.OUT ?? 'bench/results/route-floor.json');
const DIST = new URL('..', import.meta.url).pathname;

async function main(): Promise<void> {
  const flags = serverFlags(`${DIST}../package.json`).convene;
  const env = apiEnv(DATABASE_URL);
  const specs: Array<[string, string, string]> = [
    ['convene', 'apps/api/src/main.js', '/api/health/live'],
    ['bare', 'bench/baseline/read-server.js', '/health'],
  ];
  const servers: Array<{ server: ServerProcess; path: string }> = [];
  try {
    for (const [i, [name, script, path]] of specs.entries())
      servers.push({
        server: await ServerProcess.start(name, `${DIST}${script}`, PORT + i, path, env, flags),
        path,
      });
    const bodies = await Promise.all(
      servers.map(({ server, path }) => get(`${server.baseUrl}${path}`)),
    );
    if (!bodies.every((b) => b.status === 200 && b.body.equals(bodies[0].body)))
      throw new Error('the two servers do not give the same answer');

    for (const { server, path } of servers)
      await load(`${server.baseUrl}${path}`, {}, WARMUP_S, CONCURRENCY);
    const samples: Record<string, Array<{ rps: number; cpu: number }>> = {};
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 ? [...servers].reverse() : servers;
      for (const { server, path } of order) {
        const cpu0 = server.cpuMs();
        const result = await load(`${server.baseUrl}${path}`, {}, DURATION_S, CONCURRENCY);
        const cpu = (server.cpuMs() - cpu0) / Math.max(1, result.requests);
        (samples[server.name] ??= []).push({ rps: result.requestsPerSecond, cpu });
        if (result.errors) console.warn(`${server.name}: ${result.errors} errors`);
      }
      console.log(`round ${r + 1}/${ROUNDS} done`);
    }

    const rounds = samples.convene.map((c, i) => ({
      round: i + 1,
      'convene cpu ms/req': round2(c.cpu),
      'bare cpu ms/req': round2(samples.bare[i].cpu),
      'convene extra ms/req': round2(c.cpu - samples.bare[i].cpu),
      'req/s vs bare': round2(c.rps / samples.bare[i].rps),
    }));
    console.table(rounds);
    const summary = {
      conveneCpuMsPerRequest: round2(median(samples.convene.map((x) => x.cpu))),
      bareCpuMsPerRequest: round2(median(samples.bare.map((x) => x.cpu))),
      conveneExtraMsPerRequest: round2(median(rounds.map((x) => x['convene extra ms/req']))),
      conveneRequestsPerSecond: round1(median(samples.convene.map((x) => x.rps))),
      bareRequestsPerSecond: round1(median(samples.bare.map((x) => x.rps))),
      throughputVsBare: round2(median(rounds.map((x) => x['req/s vs bare']))),
    };
    console.log(summary);
    await writeReport(OUT, {
      rounds: ROUNDS,
      durationS: DURATION_S,
      concurrency: CONCURRENCY,
      flags,
      summary,
      perRound: rounds,
    });
  } finally {
    for (const { server } of servers) await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
