/**
 * Agenda benchmark (not a test).
 *
 * 1. Conflict detection, the pure sweep, on 2,000 sessions, 100 rooms and 5,000
 *    sign-ups (time and memory), and how it grows from 500 to 8,000 sessions.
 * 2. GET /api/events/:id/agenda requests/s under load against an API that is already
 *    running on 127.0.0.1 (skipped with a message when none answers).
 *
 *   node dist/bench/agenda.js            (node --expose-gc for steadier memory figures)
 *   BASE_URL=http://127.0.0.1:3900 DURATION_S=10 CONCURRENCY=50 node dist/bench/agenda.js
 *
 * Prints the figures and writes bench/results/agenda.json.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ConflictInput, type ConflictSession, detectConflicts } from '#agenda';
import { writeReport } from './support/write-report.js';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const DURATION_S = Number(process.env.DURATION_S ?? 10);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const AGENDA_SESSIONS = Number(process.env.AGENDA_SESSIONS ?? 120);
const OUT = resolve(process.env.OUT ?? 'bench/results/agenda.json');

/** A deterministic pseudo-random generator, so every run measures the same agenda. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A congress: sessions of 30 min to 3 h over six days, 08:00-20:00, in `rooms` rooms. */
function congress(sessions: number, rooms: number, signups: number): ConflictInput {
  const rand = rng(sessions * 7 + rooms);
  const day0 = Date.UTC(2027, 9, 25, 8);
  const list: ConflictSession[] = [];
  for (let i = 0; i < sessions; i++) {
    const day = Math.floor(rand() * 6);
    const start = day0 + day * 86_400_000 + Math.floor(rand() * 24) * 1_800_000;
    const length = (1 + Math.floor(rand() * 6)) * 1_800_000;
    const facilitators = [`f${Math.floor(rand() * (sessions / 4))}`];
    if (rand() < 0.2) facilitators.push(`guest:g${Math.floor(rand() * 50)}`);
    list.push({
      id: `s${i}`,
      start,
      end: start + length,
      roomId: `r${Math.floor(rand() * rooms)}`,
      capacity: 10 + Math.floor(rand() * 60),
      facilitators,
    });
  }
  const people = Math.max(1, Math.floor(signups / 5));
  return {
    sessions: list,
    rooms: Array.from({ length: rooms }, (_, i) => ({ id: `r${i}`, capacity: 20 + (i % 5) * 10 })),
    signups: Array.from({ length: signups }, () => ({
      sessionId: `s${Math.floor(rand() * sessions)}`,
      accountId: `p${Math.floor(rand() * people)}`,
    })),
    window: { start: day0 - 8 * 3_600_000, end: day0 + 5 * 86_400_000 + 12 * 3_600_000 },
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

function measure(input: ConflictInput, runs = 7) {
  detectConflicts(input); // warm-up
  const times: number[] = [];
  let conflicts = 0;
  let heapDelta = 0;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    conflicts = detectConflicts(input).length;
    times.push(performance.now() - t0);
    heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - heapBefore);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: round(times[Math.floor(times.length / 2)]),
    minMs: round(times[0]),
    maxMs: round(times[times.length - 1]),
    conflicts,
    heapDeltaMB: round(heapDelta / 1024 / 1024),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

function conflictBench() {
  const main = congress(2000, 100, 5000);
  const headline = { sessions: 2000, rooms: 100, signups: 5000, ...measure(main) };
  const growth = [500, 1000, 2000, 4000, 8000].map((n) => {
    const r = measure(congress(n, Math.max(25, Math.round(n / 20)), Math.round(n * 2.5)));
    return {
      sessions: n,
      rooms: Math.max(25, Math.round(n / 20)),
      signups: Math.round(n * 2.5),
      ...r,
    };
  });
  // Time per session stays near flat for n log n (+ clashes found); all-pairs would grow 16x.
  const ratio8000over500 = round(growth[growth.length - 1].medianMs / growth[0].medianMs);
  return { headline, growth, ratio8000over500, gcExposed: Boolean(gc) };
}

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300)
    throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function agendaLoad(): Promise<Record<string, unknown>> {
  const host = new URL(BASE_URL).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') {
    return {
      skipped: `BASE_URL ${BASE_URL} is not on 127.0.0.1; this bench only loads a local API`,
    };
  }
  try {
    const res = await fetch(`${BASE_URL}/api/health/live`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) throw new Error(`health ${res.status}`);
  } catch {
    return {
      skipped: `no API answers at ${BASE_URL}; start one (npm run start:api) to measure GET agenda`,
    };
  }

  const login = await call('POST', '/auth/login', undefined, {
    email: ADMIN_EMAIL,
    password: ADMIN_PASSWORD,
  });
  const token = login.accessToken as string;
  const stamp = Date.now().toString(36);
  const event = await call('POST', '/events', token, {
    name: `Agenda bench ${stamp}`,
    kind: 'meeting',
    timezone: 'Africa/Casablanca',
    startDate: '2027-10-25',
    endDate: '2027-10-30',
    capacity: 500,
    languages: ['fr', 'en', 'es'],
  });
  const eventId = event.id as string;
  await call('POST', `/events/${eventId}/publish`, token);
  const rooms: string[] = [];
  for (let i = 0; i < 8; i++) {
    rooms.push(
      (await call('POST', `/events/${eventId}/rooms`, token, { name: `Room ${i}`, capacity: 40 }))
        .id as string,
    );
  }
  const kinds = ['plenary', 'workshop', 'workshop', 'meal', 'social', 'break'];
  for (let i = 0; i < AGENDA_SESSIONS; i++) {
    const day = 25 + (i % 6);
    const hour = 8 + (Math.floor(i / 6) % 12);
    await call('POST', `/events/${eventId}/sessions`, token, {
      kind: kinds[i % kinds.length],
      title: `Session ${i}`,
      theme: i % 2 ? 'How can we support families differently?' : 'Rights',
      startsAt: `2027-10-${day}T${String(hour).padStart(2, '0')}:00`,
      endsAt: `2027-10-${day}T${String(hour).padStart(2, '0')}:50`,
      roomId: rooms[i % rooms.length],
      capacity: 30,
      signupRequired: i % 6 === 1,
      language: ['fr', 'en', 'es'][i % 3],
      status: 'published',
      force: true,
    });
  }

  const path = `${BASE_URL}/api/events/${eventId}/agenda`;
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await fetch(path);
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]);
  return {
    baseUrl: BASE_URL,
    sessionsInAgenda: AGENDA_SESSIONS,
    concurrency: CONCURRENCY,
    durationS: DURATION_S,
    requests: latencies.length,
    errors,
    requestsPerSecond: round(latencies.length / DURATION_S),
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    p99Ms: pct(0.99),
  };
}

async function main() {
  const conflicts = conflictBench();
  console.log('Conflict detection (pure sweep):');
  console.log(
    `  2,000 sessions / 100 rooms / 5,000 sign-ups: median ${conflicts.headline.medianMs} ms, ` +
      `heap +${conflicts.headline.heapDeltaMB} MB, ${conflicts.headline.conflicts} conflicts`,
  );
  for (const g of conflicts.growth) {
    console.log(
      `  ${String(g.sessions).padStart(5)} sessions: median ${g.medianMs} ms (${round((g.medianMs * 1000) / g.sessions)} µs/session), heap +${g.heapDeltaMB} MB, ${g.conflicts} conflicts`,
    );
  }
  console.log(`  8,000 / 500 time ratio: ${conflicts.ratio8000over500}x (sessions x16)`);

  const agenda = await agendaLoad();
  if ('skipped' in agenda) console.log(`GET agenda: skipped, ${String(agenda.skipped)}`);
  else
    console.log(
      `GET agenda (${AGENDA_SESSIONS} sessions, ${CONCURRENCY} concurrent, ${DURATION_S}s): ` +
        `${String(agenda.requestsPerSecond)} req/s, p50 ${String(agenda.p50Ms)} ms, p95 ${String(agenda.p95Ms)} ms, errors ${String(agenda.errors)}`,
    );

  const result = {
    at: new Date().toISOString(),
    node: process.version,
    conflicts,
    agenda,
  };
  await writeReport(OUT, result);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
