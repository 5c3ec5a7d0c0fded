/**
 * Organisers' registrations list and CSV export at 10,000 registrations (not a test).
 *
 * Seeds one event with REGISTRATIONS registrations (CONFIRMED confirmed, then one in twenty
 * cancelled and the rest, about 1,500, waitlisted) straight into the database, then measures, in
 * interleaved rounds so that a busy shared machine weighs on every variant alike:
 *
 * - through each API given (BASE_URLS, e.g. `before=http://127.0.0.1:3901,after=...`,
 *   or BASE_URL alone): GET /api/events/:id/registrations page 1, the last page (sorted
 *   by name) and the CSV export (format=csv), client-side time on 127.0.0.1;
 * - bare pg baseline, same database, same run: the very SQL the API runs for these
 *   three answers (count + page, or the whole export), without HTTP, Nest or JSON. Both
 *   the old waitlist position (a count per row) and the new one (row_number() once), each
 *   with PostgreSQL's JIT on and off.
 *
 * Prints medians over rounds and writes bench/results/registrations-list.json.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/convene_bench \
 *   BASE_URLS=before=http://127.0.0.1:3901,after=http://127.0.0.1:3902 \
 *   ROUNDS=5 node dist/bench/registrations-list.js
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { accessToken } from './support/login.js';
import { removeRun } from './support/remove-run.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@convene.demo';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'convene-admin-2027';
const REGISTRATIONS = Number(process.env.REGISTRATIONS ?? 10_000);
const CONFIRMED = Number(process.env.CONFIRMED ?? 8_400);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PAGE_REQUESTS = Number(process.env.PAGE_REQUESTS ?? 5);
const EXPORT_REQUESTS = Number(process.env.EXPORT_REQUESTS ?? 1);
const OUT = resolve(process.env.OUT ?? 'bench/results/registrations-list.json');

const targets: Array<[string, string]> = process.env.BASE_URLS
  ? process.env.BASE_URLS.split(',').map((s) => {
      const [name, url] = s.split('=');
      return [name, url];
    })
  : [['api', process.env.BASE_URL ?? 'http://127.0.0.1:3000']];

// The SQL of libs/registrations/src/registration-reports.service.ts (list and csv), kept
// in step by hand; OLD_POSITION is the per-row count it used before issue 13.
const COLUMNS = `r.id, r.status, r.account_id, a.name AS account_name, a.email AS account_email,
    r.organisation_id, o.name AS organisation_name, o.country AS organisation_country,
    r.profession, r.profession_other, r.languages, r.dietary, r.accessibility, r.phone,
    r.emergency_contact_name, r.emergency_contact_phone, r.emergency_contact_relation,
    r.consent_data_processing_at, r.created_at, r.status_changed_at, tp.visa_status`;
const EDITIONS = `(SELECT count(*)::int FROM registrations p
      WHERE p.account_id = r.account_id AND p.event_id <> r.event_id) AS other_editions`;
const OLD_POSITION = `CASE WHEN r.status = 'waitlisted' THEN (
      SELECT count(*)::int FROM registrations w
       WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq)
    END AS waitlist_position`;
const FROM = `FROM registrations r JOIN accounts a ON a.id = r.account_id
  JOIN organisations o ON o.id = r.organisation_id
  LEFT JOIN travel_plans tp ON tp.registration_id = r.id`;
const POSITIONS = `LEFT JOIN (SELECT id, row_number() OVER (ORDER BY waitlist_seq)::int AS position
               FROM registrations WHERE event_id = $1 AND status = 'waitlisted') wp ON wp.id = r.id`;
const SQL = {
  old: `SELECT ${COLUMNS}, ${OLD_POSITION}, ${EDITIONS} ${FROM}`,
  new: `SELECT ${COLUMNS}, wp.position AS waitlist_position, ${EDITIONS} ${FROM} ${POSITIONS}`,
};
const ORDER = {
  createdAt: `r.created_at ASC, r.waitlist_seq ASC NULLS FIRST, r.created_at, r.id`,
  name: `convene_fold(a.name) ASC, r.waitlist_seq ASC NULLS FIRST, r.created_at, r.id`,
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

async function seed(db: pg.Client, run: string): Promise<{ eventId: string; waitlisted: number }> {
  const {
    rows: [admin],
  } = await db.query<{ id: string }>(`SELECT id FROM accounts WHERE email = $1`, [ADMIN_EMAIL]);
  if (!admin) throw new Error(`no ${ADMIN_EMAIL} in this database (run the migrations first)`);
  await db.query('BEGIN');
  const {
    rows: [event],
  } = await db.query<{ id: string }>(
    `INSERT INTO events (slug, name, kind, timezone, start_date, end_date, capacity,
                         requires_approval, languages, status)
     VALUES ($1, $2, 'meeting', 'Africa/Casablanca', '2027-10-25', '2027-10-30', $3, false,
             '{fr,en,es}', 'published') RETURNING id`,
    [`list-bench-${run}`, `List bench ${run}`, CONFIRMED],
  );
  // The admin organises it (platform admins see every event anyway).
  const { rows: orgs } = await db.query<{ id: string }>(
    `INSERT INTO organisations (name, country)
     SELECT 'Partner ' || i || ' ' || $1, (ARRAY['MA','FR','ES','SN','TN','BE','VN','KH'])[1 + i % 8]
       FROM generate_series(1, 60) i RETURNING id`,
    [run],
  );
  await db.query(
    `INSERT INTO accounts (email, name, locale)
     SELECT 'list-' || $1 || '-' || i || '@bench.convene.test',
            (ARRAY['Émilie','Nguyễn Thị','Youssef','Aïcha','Sokha','Pierre'])[1 + i % 6] || ' ' || i,
            (ARRAY['fr','en','es'])[1 + i % 3]
       FROM generate_series(1, $2::int) i`,
    [run, REGISTRATIONS],
  );
  // Confirmed first, then one in twenty cancelled, the rest waitlisted in order.
  const { rowCount } = await db.query(
    `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
                                languages, dietary, phone, consent_data_processing_at,
                                waitlist_seq, created_at, status_changed_at)
     SELECT $1, a.id, ($3::uuid[])[1 + n % array_length($3::uuid[], 1)],
            CASE WHEN n <= $4 THEN 'confirmed' WHEN n % 20 = 0 THEN 'cancelled' ELSE 'waitlisted' END,
            'social_worker', '{fr}', CASE WHEN n % 7 = 0 THEN 'halal' END, '+212600' || lpad(n::text, 6, '0'),
            now(), CASE WHEN n > $4 AND n % 20 <> 0 THEN n END,
            now() - (n || ' seconds')::interval, now()
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM accounts
              WHERE email LIKE 'list-' || $2 || '-%') a`,
    [event.id, run, orgs.map((o) => o.id), CONFIRMED],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE registrations; ANALYZE accounts; ANALYZE organisations');
  const {
    rows: [{ n }],
  } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND status = 'waitlisted'`,
    [event.id],
  );
  console.log(`seeded ${rowCount} registrations (${n} waitlisted) on event ${event.id}`);
  return { eventId: event.id, waitlisted: n };
}

type Sample = Record<string, number[]>;

async function timeIt(times: number, fn: () => Promise<void>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function main(): Promise<void> {
  for (const [, url] of targets) {
    const host = new URL(url).hostname;
    if (host !== '127.0.0.1') throw new Error(`API must be on 127.0.0.1, not ${host}`);
  }
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const { eventId, waitlisted } = await seed(db, run);
  const pageSize = 50;
  const lastPage = Math.ceil(REGISTRATIONS / pageSize);
  const tokens = new Map<string, string>();
  for (const [name, url] of targets)
    tokens.set(name, await accessToken(url, ADMIN_EMAIL, ADMIN_PASSWORD));

  const get = async (name: string, url: string, query: string, expectCsv = false) => {
    const res = await fetch(`${url}/api/events/${eventId}/registrations?${query}`, {
      headers: { Authorization: `Bearer ${tokens.get(name)}` },
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${name} ${query}: ${res.status} ${text}`);
    if (expectCsv && text.split('\n').length < REGISTRATIONS)
      throw new Error(`${name} csv: ${text.split('\n').length} lines`);
  };

  const bare = async (variant: 'old' | 'new', jit: boolean) => {
    await db.query(`SET jit = ${jit ? 'on' : 'off'}`);
    const page = async (order: string, offset: number) => {
      await db.query(`SELECT count(*)::int AS total ${FROM} WHERE r.event_id = $1`, [eventId]);
      const { rows } = await db.query(
        `${SQL[variant]} WHERE r.event_id = $1 ORDER BY ${order} LIMIT $2 OFFSET $3`,
        [eventId, pageSize, offset],
      );
      if (rows.length === 0) throw new Error('empty page');
    };
    return {
      page1: await timeIt(PAGE_REQUESTS, () => page(ORDER.createdAt, 0)),
      lastPage: await timeIt(PAGE_REQUESTS, () => page(ORDER.name, (lastPage - 1) * pageSize)),
      csv: await timeIt(EXPORT_REQUESTS, async () => {
        const { rows } = await db.query(
          `${SQL[variant]} WHERE r.event_id = $1 ORDER BY ${ORDER.createdAt}`,
          [eventId],
        );
        if (rows.length !== REGISTRATIONS) throw new Error(`csv rows ${rows.length}`);
      }),
    };
  };

  // Same positions both ways (the export's order), before anything is timed.
  await db.query('SET jit = off');
  const positions = async (variant: 'old' | 'new') =>
    (
      await db.query<{ id: string; waitlist_position: number | null }>(
        `${SQL[variant]} WHERE r.event_id = $1 ORDER BY ${ORDER.createdAt}`,
        [eventId],
      )
    ).rows
      .map((r) => `${r.id}:${r.waitlist_position}`)
      .join(',');
  const samePositions = (await positions('old')) === (await positions('new'));
  console.log(`old and new SQL give the same waitlist positions: ${samePositions}`);

  const samples: Sample = {};
  const add = (key: string, ms: number) => (samples[key] ??= []).push(ms);
  for (let r = 1; r <= ROUNDS; r++) {
    // Alternate the order of the variants from round to round.
    const steps: Array<() => Promise<void>> = [
      ...targets.map(([name, url]) => async () => {
        add(
          `api ${name} page 1`,
          await timeIt(PAGE_REQUESTS, () => get(name, url, `pageSize=${pageSize}`)),
        );
        add(
          `api ${name} last page by name`,
          await timeIt(PAGE_REQUESTS, () =>
            get(name, url, `pageSize=${pageSize}&page=${lastPage}&sort=name`),
          ),
        );
        add(
          `api ${name} csv export`,
          await timeIt(EXPORT_REQUESTS, () => get(name, url, 'format=csv', true)),
        );
      }),
      ...(['old', 'new'] as const).flatMap((variant) =>
        [true, false].map((jit) => async () => {
          const t = await bare(variant, jit);
          const label = `bare pg, ${variant} SQL, jit ${jit ? 'on' : 'off'}`;
          add(`${label}: page 1`, t.page1);
          add(`${label}: last page by name`, t.lastPage);
          add(`${label}: csv query`, t.csv);
        }),
      ),
    ];
    if (r % 2 === 0) steps.reverse();
    for (const step of steps) await step();
    console.log(`round ${r}/${ROUNDS} done`);
  }
  await removeRun(db, {
    eventSlugs: [`list-bench-${run}`],
    accountEmails: [`list-${run}-%@bench.convene.test`],
    organisationNames: [`Partner % ${run}`],
  });
  await db.end();

  const medians = Object.fromEntries(
    Object.entries(samples).map(([k, v]) => [
      k,
      { medianMs: round1(median(v)), rounds: v.map(round1) },
    ]),
  );
  const report = {
    at: new Date().toISOString(),
    registrations: REGISTRATIONS,
    waitlisted,
    rounds: ROUNDS,
    pageRequestsPerRound: PAGE_REQUESTS,
    exportRequestsPerRound: EXPORT_REQUESTS,
    targets: Object.fromEntries(targets),
    samePositions,
    note: 'medians over rounds of the per-round median, milliseconds; bare pg runs the SQL only',
    medians,
  };
  for (const [k, v] of Object.entries(medians))
    console.log(
      `${k.padEnd(44)} ${String(v.medianMs).padStart(8)} ms   rounds ${v.rounds.join(' ')}`,
    );
  await writeReport(OUT, report);
  if (!samePositions) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
