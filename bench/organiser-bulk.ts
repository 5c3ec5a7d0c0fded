/**
 * The organisers' bulk actions at 1,000 and 4,000 registrations (not a test). Starts its
 * own Convene API (bench/support/server-process, statements counted) on BULK_PORT and
 * drives the web console as an organiser would, signed in with a session cookie and the
 * forms' CSRF token (bench/support/web-session):
 *
 * - approve: POST /console/events/:id/registrations/bulk, action=approve, BATCH pending;
 * - visa letters: POST /console/events/:id/visas/letters, the same BATCH people, now
 *   confirmed, each with a travel plan whose letter was asked for (withoutDetails=on);
 * - cancel: the bulk form again, action=cancel with a reason, on the same BATCH.
 *
 * Two events are seeded straight into the database, SIZES registrations each (and as many
 * travel plans, a quarter of them with their letter issued already, TNG27-0001...), the
 * organiser in their event_staff. Each round takes the next BATCH untouched pending people
 * of each event through the three actions, the events' order alternating between rounds,
 * after an unmeasured warm-up on a third event. The batch is the same size at both
 * sizes, so each action's time should not grow with the event: growth (ms on the larger
 * event / ms on the smaller) close to 1, and the same statements per person at both.
 * Every batch is checked (the page's summary and the rows in the database); exit 1 if one
 * was not done in full. Prints the figures and writes bench/results/organiser-bulk.json.
 *
 *   DATABASE_URL=... ROUNDS=3 BATCH=200 SIZES=1000,4000 BULK_PORT=3940 node dist/bench/organiser-bulk.js
 *
 * BULK_PORT defaults to PORT + 1 when PORT is set (bench/run.sh sets it to its own API's).
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { removeRun } from './support/remove-run.js';
import { apiEnv, ServerProcess } from './support/server-process.js';
import { serverFlags } from './support/start-flags.js';
import { WebSession } from './support/web-session.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** The console takes at most 200 ticks in one submit. */
const BATCH = Number(process.env.BATCH ?? 200);
const SIZES = (process.env.SIZES ?? '1000,4000').split(',').map(Number);
const PORT = Number(
  process.env.BULK_PORT ?? (process.env.PORT ? Number(process.env.PORT) + 1 : 3940),
);
const OUT = resolve(process.env.OUT ?? 'bench/results/organiser-bulk.json');
const DIST = new URL('..', import.meta.url).pathname;
const PASSWORD = 'a-long-bench-password';
const ACTIONS = ['approve', 'letters', 'cancel'] as const;
type Action = (typeof ACTIONS)[number];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface SeededEvent {
  id: string;
  size: number;
  /** BATCH pending registration ids per round, untouched until their round. */
  batches: string[][];
}

/**
 * One event of `size` registrations, the organiser in its staff: `batches` x BATCH pending
 * (a travel plan each, letter asked for, passport given), a quarter confirmed with their
 * letter issued (TNG27-0001...), the rest mostly confirmed (one in ten pending, one in
 * twenty cancelled) with visas not needed, not required or asked for.
 */
async function seedEvent(
  db: pg.Client,
  run: string,
  label: string,
  size: number,
  batches: number,
  organiserId: string,
): Promise<SeededEvent> {
  const batchRows = batches * BATCH;
  const issued = Math.floor(size / 4);
  if (batchRows + issued > size) {
    throw new Error(
      `${size} registrations cannot hold ${batches} batches of ${BATCH} next to ${issued} letters issued: lower ROUNDS or BATCH`,
    );
  }
  const {
    rows: [event],
  } = await db.query<{ id: string }>(
    `INSERT INTO events (slug, name, kind, timezone, start_date, end_date, venue_city,
                         venue_country, capacity, requires_approval, languages, status, published_at)
     VALUES ($1, $2, 'meeting', 'Africa/Casablanca', '2027-10-25', '2027-10-30', 'Tanger', 'MA',
             $3, true, '{fr,en,es}', 'published', now()) RETURNING id`,
    [`bulk-${label}-${run}`, `Bulk bench ${label}`, size * 2],
  );
  await db.query(
    `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
    [event.id, organiserId],
  );
  const people = `bulk-${run}-${label}`;
  await db.query(
    `INSERT INTO accounts (email, name, locale, email_verified_at)
     SELECT $1 || '-' || lpad(i::text, 6, '0') || '@bench.convene.test',
            (ARRAY['Émilie','Nguyễn Thị','Youssef','Aïcha','Sokha','Pierre'])[1 + i % 6] || ' ' || i,
            (ARRAY['fr','en','es'])[1 + i % 3], now()
       FROM generate_series(1, $2::int) i`,
    [people, size],
  );
  await db.query(
    `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
                                languages, phone, consent_data_processing_at, created_at,
                                status_changed_at)
     SELECT $1, a.id, (SELECT array_agg(id) FROM organisations WHERE name LIKE 'Bulk partner % ' || $2)[1 + n % 60],
            CASE WHEN n <= $4 THEN 'pending' WHEN n <= $4 + $5 THEN 'confirmed'
                 WHEN n % 20 = 0 THEN 'cancelled' WHEN n % 10 = 0 THEN 'pending' ELSE 'confirmed' END,
            'social_worker', '{fr,en}', '+212600' || lpad(n::text, 6, '0'), now(),
            now() - ((20000 - n) || ' seconds')::interval, now()
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM accounts
              WHERE email LIKE $3 || '-%') a`,
    [event.id, run, people, batchRows, issued],
  );
  await db.query(
    `INSERT INTO travel_plans (registration_id, event_id, passport_nationality,
                               passport_number_encrypted, passport_expires_on, visa_status,
                               visa_status_changed_at, letter_issued_at, letter_issued_by,
                               letter_reference, letter_code)
     SELECT id, $1, (ARRAY['SN','VN','KH','MA'])[1 + n % 4], 'v1.bench-' || n, '2031-06-30',
            CASE WHEN n <= $2 THEN 'letter_requested' WHEN n <= $2 + $3 THEN 'letter_issued'
                 ELSE (ARRAY['not_required','letter_requested',NULL])[1 + n % 3] END,
            now(),
            CASE WHEN n > $2 AND n <= $2 + $3 THEN now() END,
            CASE WHEN n > $2 AND n <= $2 + $3 THEN $4::uuid END,
            CASE WHEN n > $2 AND n <= $2 + $3 THEN 'TNG27-' || lpad((n - $2)::text, 4, '0') END,
            CASE WHEN n > $2 AND n <= $2 + $3 THEN substr(replace(gen_random_uuid()::text, '-', ''), 1, 22) END
       FROM (SELECT r.id, row_number() OVER (ORDER BY a.email) AS n
               FROM registrations r JOIN accounts a ON a.id = r.account_id
              WHERE r.event_id = $1) r`,
    [event.id, batchRows, issued, organiserId],
  );
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
      WHERE r.event_id = $1 ORDER BY a.email LIMIT $2`,
    [event.id, batchRows],
  );
  const ids = rows.map((r) => r.id);
  return {
    id: event.id,
    size,
    batches: Array.from({ length: batches }, (_, i) => ids.slice(i * BATCH, (i + 1) * BATCH)),
  };
}

interface ActionResult {
  round: number;
  size: number;
  action: Action;
  ms: number;
  statementsPerPerson: number;
  serverCpuMs: number;
  /** The page said every one was done and the database agrees. */
  done: boolean;
}

async function main(): Promise<void> {
  if (!Number.isInteger(BATCH) || BATCH < 2 || BATCH > 200) throw new Error('BATCH: 2 to 200');
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const flags = serverFlags(`${DIST}../package.json`).convene;
  const server = await ServerProcess.start(
    'convene',
    `${DIST}apps/api/src/main.js`,
    PORT,
    '/api/health/ready',
    apiEnv(DATABASE_URL),
    flags,
  );
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  try {
    const email = `bulk-organiser-${run}@bench.convene.test`;
    const signup = await fetch(`${server.baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, name: 'Organisatrice Bulk', password: PASSWORD, locale: 'en' }),
    });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
    const {
      rows: [organiser],
    } = await db.query<{ id: string }>(
      `UPDATE accounts SET email_verified_at = now() WHERE email = $1 RETURNING id`,
      [email],
    );
    await db.query(
      `INSERT INTO organisations (name, country)
       SELECT 'Bulk partner ' || i || ' ' || $1, (ARRAY['MA','FR','ES','SN','TN','BE','VN','KH'])[1 + i % 8]
         FROM generate_series(1, 60) i`,
      [run],
    );
    const started = performance.now();
    const warm = await seedEvent(db, run, 'warm', 2 * BATCH, 1, organiser.id);
    const events: SeededEvent[] = [];
    for (const size of SIZES) {
      events.push(await seedEvent(db, run, String(size), size, ROUNDS, organiser.id));
    }
    await db.query('ANALYZE');
    console.log(
      `seeded ${SIZES.join(' and ')} registrations in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `batch ${BATCH}, ${ROUNDS} rounds, API on ${server.baseUrl} (${flags.join(' ') || 'default flags'})`,
    );

    const web = new WebSession(server.baseUrl);
    await web.signIn(email, PASSWORD, 'en');
    // A console page for the session's CSRF token (and proof the organiser may use it).
    const page = await web.get(`/console/events/${warm.id}/registrations`);
    if (page.status !== 200 || !web.csrf) throw new Error(`console page: ${page.status}`);

    async function act(event: SeededEvent, ids: string[], action: Action) {
      const registrations = `/console/events/${event.id}/registrations`;
      const [path, form, expected]: [string, Record<string, string | string[]>, string] =
        action === 'letters'
          ? [
              `/console/events/${event.id}/visas/letters`,
              { registrationId: ids, withoutDetails: 'on', back: '' },
              `${ids.length} letters issued out of ${ids.length} requested.`,
            ]
          : action === 'approve'
            ? [
                `${registrations}/bulk`,
                { action, ids, back: registrations },
                `>${ids.length} approved<`,
              ]
            : [
                `${registrations}/bulk`,
                { action, ids, reason: 'Cancelled by the bench', back: registrations },
                `>${ids.length} cancelled<`,
              ];
      const statements0 = await server.statements();
      const cpu0 = server.cpuMs();
      const t0 = performance.now();
      const res = await web.post(path, form);
      const ms = performance.now() - t0;
      const cpu = server.cpuMs() - cpu0;
      const statements = (await server.statements()) - statements0;
      if (res.status !== 200) {
        throw new Error(`${action} on ${event.size}: ${res.status} ${res.text.slice(0, 500)}`);
      }
      const { rows } = await db.query<{ n: number }>(
        action === 'letters'
          ? `SELECT count(*)::int AS n FROM travel_plans
              WHERE registration_id = ANY($1::uuid[]) AND visa_status = 'letter_issued'
                AND letter_reference IS NOT NULL`
          : `SELECT count(*)::int AS n FROM registrations WHERE id = ANY($1::uuid[]) AND status = $2`,
        action === 'letters' ? [ids] : [ids, action === 'approve' ? 'confirmed' : 'cancelled'],
      );
      const done = res.text.includes(expected) && rows[0].n === ids.length;
      if (!done) {
        console.error(
          `${action} on ${event.size}: ${rows[0].n} of ${ids.length} in the database, ` +
            `"${expected}" ${res.text.includes(expected) ? 'on' : 'not on'} the page`,
        );
      }
      return { ms, statements, cpu, done };
    }

    // Unmeasured: the first batch warms the code paths and the pools.
    for (const action of ACTIONS) {
      if (!(await act(warm, warm.batches[0], action)).done) process.exitCode = 1;
    }

    const results: ActionResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? events : [...events].reverse();
      for (const event of order) {
        const ids = event.batches[round - 1];
        for (const action of ACTIONS) {
          const r = await act(event, ids, action);
          const result: ActionResult = {
            round,
            size: event.size,
            action,
            ms: round1(r.ms),
            statementsPerPerson: round2(r.statements / ids.length),
            serverCpuMs: Math.round(r.cpu),
            done: r.done,
          };
          results.push(result);
          console.log(
            `round ${round} ${String(event.size).padStart(5)} ${action.padEnd(7)} ${String(result.ms).padStart(8)} ms  ` +
              `${result.statementsPerPerson} statements/person  ${result.serverCpuMs} ms API CPU${r.done ? '' : '  NOT DONE'}`,
          );
        }
      }
    }

    const medians: Record<string, Record<string, unknown>> = {};
    const growth: Record<string, number> = {};
    const statementsGrowth: Record<string, number> = {};
    const table: Record<string, Record<string, number | string>> = {};
    const [small, big] = [SIZES[0], SIZES[SIZES.length - 1]];
    for (const action of ACTIONS) {
      const at: Record<
        string,
        { ms: number; msPerPerson: number; statementsPerPerson: number; serverCpuMs: number }
      > = {};
      for (const size of SIZES) {
        const rs = results.filter((r) => r.action === action && r.size === size);
        const ms = round1(median(rs.map((r) => r.ms)));
        at[size] = {
          ms,
          msPerPerson: round2(ms / BATCH),
          statementsPerPerson: round2(median(rs.map((r) => r.statementsPerPerson))),
          serverCpuMs: Math.round(median(rs.map((r) => r.serverCpuMs))),
        };
        table[`${action} at ${size}`] = { ...at[size], rounds: rs.map((r) => r.ms).join(', ') };
      }
      growth[action] = round2(at[big].ms / at[small].ms);
      statementsGrowth[action] = round2(
        at[big].statementsPerPerson - at[small].statementsPerPerson,
      );
      medians[action] = { ...at, growth: growth[action] };
    }
    const report = {
      at: new Date().toISOString(),
      sizes: SIZES,
      batch: BATCH,
      rounds: ROUNDS,
      medians,
      growth,
      /** Statements per person at the larger event minus at the smaller one. */
      statementsPerPersonAdded: statementsGrowth,
      goals: {
        everyBatchDone: results.every((r) => r.done),
        growthUnder1_5: Object.values(growth).every((g) => g < 1.5),
        sameStatementsAtBothSizes: Object.values(statementsGrowth).every((d) => Math.abs(d) < 0.05),
      },
      nodeFlags: flags,
      results,
    };
    console.table(table);
    console.log(`growth from ${small} to ${big} registrations (same batch of ${BATCH}):`, growth);
    console.log('goals:', report.goals);
    await writeReport(OUT, report);
    if (!report.goals.everyBatchDone) process.exitCode = 1;
  } finally {
    await server.stop();
    await removeRun(db, {
      eventSlugs: [`bulk-%-${run}`],
      accountEmails: [
        `bulk-${run}-%@bench.convene.test`,
        `bulk-organiser-${run}@bench.convene.test`,
      ],
      organisationNames: [`Bulk partner % ${run}`],
    });
    await db.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
