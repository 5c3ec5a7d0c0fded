import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/*
 * A light HTTP client for the benches: node:http with keep-alive, so the client (on the
 * same two cores as the servers) costs less than fetch would and weighs on every server
 * alike. Bodies are asked uncompressed: the bare baselines do not gzip.
 */

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface Answer {
  status: number;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent, headers: { 'accept-encoding': 'identity', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export interface LoadResult {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** `concurrency` clients asking `url` back to back for `durationS` seconds. */
export async function load(
  url: string,
  headers: Record<string, string>,
  durationS: number,
  concurrency: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const { errors, seconds } = await drive(url, headers, durationS, concurrency, latencies);
  return summarise(latencies, errors, seconds);
}

export interface LoadTarget {
  url: string;
  /** The server's CPU time so far, read around each of its slices. */
  cpuMs: () => number;
  /** The statements it has sent so far, if counted, read around each of its slices. */
  statements?: () => Promise<number>;
}

/**
 * Several servers under the same load, `slices` short turns each, the order alternating
 * from turn to turn: a slow moment of a shared machine then falls on every server alike,
 * where back-to-back loads of `durationS` each put seconds between the two sides of a
 * ratio (bench/README, "Benches that leave the database as they found it").
 */
export async function interleavedLoad(
  targets: LoadTarget[],
  headers: Record<string, string>,
  durationS: number,
  concurrency: number,
  slices: number,
): Promise<Array<LoadResult & { cpuMs: number; statements: number }>> {
  const runs = targets.map(() => ({
    latencies: [] as number[],
    errors: 0,
    seconds: 0,
    cpuMs: 0,
    statements: 0,
  }));
  const turns = Math.max(1, Math.trunc(slices));
  for (let turn = 0; turn < turns; turn++) {
    const order = targets.map((_, i) => i);
    if (turn % 2) order.reverse();
    for (const i of order) {
      const run = runs[i];
      const statements0 = (await targets[i].statements?.()) ?? 0;
      const cpu0 = targets[i].cpuMs();
      const { errors, seconds } = await drive(
        targets[i].url,
        headers,
        durationS / turns,
        concurrency,
        run.latencies,
      );
      run.cpuMs += targets[i].cpuMs() - cpu0;
      run.statements += ((await targets[i].statements?.()) ?? 0) - statements0;
      run.errors += errors;
      run.seconds += seconds;
    }
  }
  return runs.map((run) => ({
    ...summarise(run.latencies, run.errors, run.seconds),
    cpuMs: run.cpuMs,
    statements: run.statements,
  }));
}

/**
 * `requests` requests in all, `concurrency` at a time, none measured: a server fresh from
 * its start compiles its hot paths over its first few thousand requests (Convene's list
 * page took 2.0, 1.3 and 1.1 ms of CPU in its first three rounds of 2 s, then 0.9; the bare
 * server's 1.1, 0.8, 0.7, then 0.6). A count rather than a duration, so the slower server
 * is not warmed less. Throws on any answer but 200: a wrong setup, not a measure.
 */
export async function warmUp(
  url: string,
  headers: Record<string, string>,
  requests: number,
  concurrency: number,
): Promise<void> {
  await withConcurrency(requests, concurrency, async () => {
    const res = await get(url, headers);
    if (res.status !== 200)
      throw new Error(`warming ${url}: ${res.status} ${res.body.toString().slice(0, 200)}`);
  });
}

/** Runs `task` for 0..count-1 with at most `limit` in flight; results keep the order. */
export async function withConcurrency<T>(
  count: number,
  limit: number,
  task: (i: number) => Promise<T>,
) {
  const out = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function drive(
  url: string,
  headers: Record<string, string>,
  durationS: number,
  concurrency: number,
  latencies: number[],
): Promise<{ errors: number; seconds: number }> {
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await get(url, headers);
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { errors, seconds: (performance.now() - started) / 1000 };
}

function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    requestsPerSecond: round1(latencies.length / seconds),
    p50Ms: round1(percentile(latencies, 50)),
    p99Ms: round1(percentile(latencies, 99)),
  };
}

/** Sequential requests: the median time of one, which on 127.0.0.1 is the server's time. */
export async function sequential(
  url: string,
  headers: Record<string, string>,
  times: number,
  check: (a: Answer) => void = () => {},
): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const a = await get(url, headers);
    ms.push(performance.now() - t0);
    if (a.status !== 200) throw new Error(`${url}: ${a.status} ${a.body.toString().slice(0, 300)}`);
    check(a);
  }
  return median(ms);
}
