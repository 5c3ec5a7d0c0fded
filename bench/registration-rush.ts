/**
 * Registration rush: N people register at once for M seats, over HTTP, against an
 * API that is already running. Not a test: it prints figures and writes them to
 * bench/results/registration-rush.json. Exits 1 if the seats were oversold.
 *
 *   BASE_URL=http://127.0.0.1:3100 N=1000 M=50 CONCURRENCY=200 node dist/bench/registration-rush.js
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const N = Number(process.env.N ?? 1000);
const M = Number(process.env.M ?? 50);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
const SETUP_CONCURRENCY = Number(process.env.SETUP_CONCURRENCY ?? 32);
const OUT = resolve(process.env.OUT ?? 'bench/results/registration-rush.json');

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function call(method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function must(method: string, path: string, token?: string, body?: unknown) {
  const r = await call(method, path, token, body);
  if (r.status >= 300)
    throw new Error(`${method} ${path} -> ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Runs `tasks` with at most `limit` in flight; results keep the input order. */
async function pool<T>(
  count: number,
  limit: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  });
  await Promise.all(workers);
  return out;
}

/** The confirmation link emailed to each bench account, by address (from the outbox). */
async function confirmationLinks(prefix: string): Promise<Map<string, string>> {
  const { default: pg } = await import('pg');
  const db = new pg.Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene',
  });
  await db.connect();
  try {
    const { rows } = await db.query<{ email: string; link: string }>(
      `SELECT recipient_email AS email, payload->>'link' AS link FROM messages
        WHERE template = 'email_verification' AND recipient_email LIKE $1`,
      [`${prefix}%`],
    );
    return new Map(rows.map((r) => [r.email, r.link]));
  } finally {
    await db.end();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const host = new URL(BASE_URL).hostname;
  if (host !== '127.0.0.1') throw new Error(`BASE_URL must point at 127.0.0.1, not ${host}`);
  if (!(N > 0 && M > 0)) throw new Error('N and M must be positive');

  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = (await must('POST', '/auth/login', undefined, {
    email: ADMIN_EMAIL,
    password: ADMIN_PASSWORD,
  })) as { accessToken: string };
  const organisation = await must('POST', '/organisations', admin.accessToken, {
    name: `Bench partner ${run}`,
    country: 'MA',
    city: 'Tangier',
  });
  const event = await must('POST', '/events', admin.accessToken, {
    name: `Registration rush ${run}`,
    kind: 'meeting',
    timezone: 'Africa/Casablanca',
    startDate: '2027-10-25',
    endDate: '2027-10-30',
    capacity: M,
    requiresApproval: false,
    languages: ['fr', 'en', 'es'],
  });
  await must('POST', `/events/${String(event.id)}/publish`, admin.accessToken);

  // Setup: accounts without a password (no argon2 per signup). Such a sign-up gets no
  // token: each confirms its address with the link it was emailed (read from the outbox,
  // DATABASE_URL), which hands out the token.
  const setupStart = performance.now();
  await pool(N, SETUP_CONCURRENCY, async (i) => {
    await must('POST', '/auth/signup', undefined, {
      email: `rush-${run}-${i}@bench.convene.test`,
      name: `Rush ${i}`,
      locale: 'en',
      organisationId: organisation.id,
    });
  });
  const links = await confirmationLinks(`rush-${run}-`);
  const tokens = await pool(N, SETUP_CONCURRENCY, async (i) => {
    const link = links.get(`rush-${run}-${i}@bench.convene.test`);
    if (!link) throw new Error(`no confirmation link for account ${i}`);
    const token = new URL(link).searchParams.get('token');
    const r = (await must('POST', '/auth/verify-email', undefined, { token })) as {
      accessToken: string;
    };
    return r.accessToken;
  });
  const setupSeconds = (performance.now() - setupStart) / 1000;
  console.log(`created ${N} accounts in ${setupSeconds.toFixed(1)} s`);

  // The rush.
  const body = {
    organisationId: organisation.id,
    profession: 'social_worker',
    languages: ['fr'],
    consent: { dataProcessing: true },
  };
  const rushStart = performance.now();
  const results = await pool(N, CONCURRENCY, async (i) => {
    const t0 = performance.now();
    try {
      const r = await call('POST', `/events/${String(event.id)}/registrations`, tokens[i], body);
      return { ms: performance.now() - t0, status: r.status, outcome: String(r.body.status ?? '') };
    } catch (e) {
      return { ms: performance.now() - t0, status: 0, outcome: (e as Error).message };
    }
  });
  const wallSeconds = (performance.now() - rushStart) / 1000;

  const stats = await must('GET', `/events/${String(event.id)}/stats`, admin.accessToken);
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const byHttpStatus: Record<string, number> = {};
  for (const r of results) byHttpStatus[r.status] = (byHttpStatus[r.status] ?? 0) + 1;
  const answered = results.filter((r) => r.status === 201);
  const report = {
    at: new Date().toISOString(),
    baseUrl: BASE_URL,
    accounts: N,
    seats: M,
    concurrency: CONCURRENCY,
    confirmed: stats.participants as number,
    waitlisted: stats.waitlist as number,
    confirmedInResponses: answered.filter((r) => r.outcome === 'confirmed').length,
    waitlistedInResponses: answered.filter((r) => r.outcome === 'waitlisted').length,
    byHttpStatus,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1]),
      mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    },
    requestsPerSecond: round(N / wallSeconds),
    wallSeconds: round(wallSeconds),
    setupSeconds: round(setupSeconds),
    oversold: (stats.participants as number) > M,
    ok: stats.participants === M && byHttpStatus['201'] === N,
  };
  console.log(JSON.stringify(report, null, 2));
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written to ${OUT}`);
  if (!report.ok) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
