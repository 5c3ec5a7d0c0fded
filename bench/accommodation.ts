/**
 * Rooms at 250 and 1,000 guests (not a test), against the API already running at BASE_URL
 * (bench/run.sh accommodation starts one).
 *
 * Seeds two events straight into the database (bench/support/read-seed: 300 and 1,200
 * registrations, of which 252 and 1,008 confirmed), books one hotel for each through the API
 * (singles, twins and doubles, up to 200 of each a night) and lets the suggestion place
 * everyone. Then, one request at a time, median of REQUESTS:
 *
 * - the organisers' rooms view (GET /api/events/:id/accommodation): every guest, room and
 *   night, after settling everyone's nights against their flights;
 * - one person's stay (GET /api/registrations/:id/stay), as a participant's travel page
 *   reads it: it settles that person's nights only.
 *
 * The baseline is the smaller event in the same run: with four times the guests, the rooms
 * view should take at most about four times as long (linear), and one person's stay about
 * the same. Prints the figures and writes bench/results/accommodation.json.
 *
 *   DATABASE_URL=... BASE_URL=http://127.0.0.1:3900 node dist/bench/accommodation.js
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { accessToken } from './support/login.js';
import { seedRegistrations } from './support/read-seed.js';
import { writeReport } from './support/write-report.js';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const REQUESTS = Number(process.env.REQUESTS ?? 9);
const OUT = resolve(process.env.OUT ?? 'bench/results/accommodation.json');
const NIGHTS = ['2027-10-25', '2027-10-26', '2027-10-27', '2027-10-28', '2027-10-29'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const round1 = (n: number) => Math.round(n * 10) / 10;

async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ ms: number; json: unknown }> {
  const started = performance.now();
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return { ms, json };
}

/** One hotel holding everyone it can, and the suggestion run: the time it took. */
async function bookAndPlace(token: string, eventId: string, guests: number): Promise<number> {
  const hotel = (
    await call(token, 'POST', `/api/events/${eventId}/accommodation/hotels`, {
      name: 'Hôtel Continental',
      address: '36 Rue Dar El Baroud',
      city: 'Tanger',
    })
  ).json as { id: string };
  // Beds for everyone, within the 200 rooms of a type a night a hotel may hold.
  const twins = Math.min(200, Math.ceil(guests / 4));
  const doubles = Math.min(200, Math.ceil(guests / 4));
  const singles = Math.min(200, Math.max(0, guests - 2 * (twins + doubles)));
  await call(token, 'PUT', `/api/events/${eventId}/accommodation/hotels/${hotel.id}/inventory`, {
    cells: NIGHTS.flatMap((night) => [
      { roomType: 'single', night, rooms: singles },
      { roomType: 'twin', night, rooms: twins },
      { roomType: 'double', night, rooms: doubles },
    ]),
  });
  return (await call(token, 'POST', `/api/events/${eventId}/accommodation/suggestion`)).ms;
}

async function times(token: string, path: string): Promise<number> {
  await call(token, 'GET', path); // warm
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) ms.push((await call(token, 'GET', path)).ms);
  return round1(median(ms));
}

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  // The larger first: it creates the people, the smaller one reuses some of them.
  const sizes = [
    { name: 'big', registrations: 1200, reuse: false },
    { name: 'small', registrations: 300, reuse: true },
  ];
  const events: Record<string, { id: string; guests: number; someone: string }> = {};
  for (const s of sizes) {
    const id = await seedRegistrations(db, run, `acc-${s.name}`, s.registrations, s.reuse);
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM registrations WHERE event_id = $1 AND status = 'confirmed' ORDER BY id`,
      [id],
    );
    events[s.name] = { id, guests: rows.length, someone: rows[Math.floor(rows.length / 2)].id };
  }
  await db.query('ANALYZE');
  await db.end();

  const token = await accessToken(BASE_URL, ADMIN_EMAIL, ADMIN_PASSWORD);
  const result: Record<string, Record<string, number>> = {};
  for (const name of ['small', 'big']) {
    const e = events[name];
    const suggestionMs = round1(await bookAndPlace(token, e.id, e.guests));
    const occupancy = (await call(token, 'GET', `/api/events/${e.id}/accommodation`)).json as {
      unassigned: unknown[];
    };
    result[name] = {
      guests: e.guests,
      unassigned: occupancy.unassigned.length,
      suggestionMs,
      roomsViewMs: await times(token, `/api/events/${e.id}/accommodation`),
      oneStayMs: await times(token, `/api/registrations/${e.someone}/stay`),
    };
  }
  const growth = (key: string) => round1(result.big[key] / Math.max(0.1, result.small[key]));
  const report = {
    at: new Date().toISOString(),
    baseUrl: BASE_URL,
    requests: REQUESTS,
    sizes: result,
    growth: {
      guests: growth('guests'),
      roomsView: growth('roomsViewMs'),
      oneStay: growth('oneStayMs'),
      suggestion: growth('suggestionMs'),
    },
  };
  console.table(result);
  console.log('growth from the small event to the big one:', report.growth);
  await writeReport(OUT, report);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
