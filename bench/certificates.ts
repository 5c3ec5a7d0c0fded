/**
 * Who attended what, for certificates (not a test): `attendedSessions` for a whole event
 * (the organisers' certificates page and the ZIP) and for one person (a certificate),
 * against the single statement it replaced, run side by side on the same database.
 *
 * Seeds PAST earlier meetings of 1,000 people (the network's history) and one event for
 * each of SIZES people, each with SESSIONS training sessions, three in eight of them
 * recorded at the door and one in sixteen as an attended sign-up. Then, in interleaved
 * rounds (the order alternating): for each size, the whole event and one person, new and
 * before, milliseconds on a pg pool (the statements, the rows' parsing and the map), and
 * the statements' own execution time under EXPLAIN ANALYZE. Both must give the same
 * attendance (exit 1 otherwise). The whole event should grow with its own attendance
 * (growth close to the ratio of sizes), not with people times sessions or the history.
 *
 * Prints a table and writes bench/results/certificates.json.
 *
 *   DATABASE_URL=... ROUNDS=3 SIZES=1000,4000 PAST=3 node dist/bench/certificates.js
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { type AttendanceByRegistration, attendedSessions, CERTIFIED_KINDS } from '#certificates';
import { CONNECTION_SETTINGS } from '#core';
import { median, round1, round2 } from './support/http-load.js';
import { pgDataSource } from './support/pg-data-source.js';
import { removeRun } from './support/remove-run.js';
import { writeReport } from './support/write-report.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SIZES = (process.env.SIZES ?? '1000,4000').split(',').map(Number);
const PAST = Number(process.env.PAST ?? 3);
const SESSIONS = Number(process.env.SESSIONS ?? 100);
const REPEAT = Number(process.env.REPEAT ?? 3);
const OUT = resolve(process.env.OUT ?? 'bench/results/certificates.json');

/** The statement the whole event and one person were read with before (2026-12-02). */
const BEFORE = `
  SELECT r.id AS registration_id, s.id AS session_id, s.title, s.titles, s.kind, s.starts_at, s.ends_at
    FROM registrations r
    JOIN sessions s ON s.event_id = r.event_id
   WHERE r.event_id = $1 AND r.status = 'confirmed'
     AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))
     AND s.status <> 'cancelled' AND s.kind = ANY($3::text[])
     AND (EXISTS (SELECT 1 FROM session_attendance sa
                   WHERE sa.session_id = s.id AND sa.account_id = r.account_id)
          OR EXISTS (SELECT 1 FROM signups su
                      WHERE su.session_id = s.id AND su.account_id = r.account_id
                        AND su.status = 'confirmed' AND su.attended))
   ORDER BY r.id, s.starts_at, s.id`;

type Reader = (eventId: string, ids?: string[]) => Promise<AttendanceByRegistration>;

function readers(pool: pg.Pool) {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  const db = pgDataSource(pool, (sql, params) => statements.push({ sql, params }));
  const now: Reader = (eventId, ids) => attendedSessions(db, eventId, ids);
  const before: Reader = async (eventId, ids) => {
    statements.push({ sql: BEFORE, params: [eventId, ids ?? null, CERTIFIED_KINDS] });
    const { rows } = await pool.query(BEFORE, [eventId, ids ?? null, CERTIFIED_KINDS]);
    const out: AttendanceByRegistration = new Map();
    for (const row of rows) {
      const list = out.get(row.registration_id) ?? [];
      list.push({
        sessionId: row.session_id,
        title: row.title,
        titles: row.titles ?? {},
        kind: row.kind,
        startsAt: new Date(row.starts_at),
        endsAt: new Date(row.ends_at),
      });
      out.set(row.registration_id, list);
    }
    return out;
  };
  return { statements, now, before };
}

async function seed(
  pool: pg.Pool,
  tag: string,
): Promise<Array<{ size: number; eventId: string; one: string }>> {
  const accounts = Math.max(1000, ...SIZES);
  await pool.query(
    `INSERT INTO accounts (email, name)
     SELECT $1 || '-' || i || '@example.org', 'P' || i FROM generate_series(1, $2::int) i`,
    [tag, accounts],
  );
  const [{ id: org }] = (
    await pool.query(
      `INSERT INTO organisations (name, country, city) VALUES ($1, 'MA', 'Tangier') RETURNING id`,
      [tag],
    )
  ).rows;
  const plan = [...Array.from({ length: PAST }, () => 1000), ...SIZES];
  const events: Array<{ size: number; eventId: string; one: string }> = [];
  for (const [i, size] of plan.entries()) {
    const [{ id }] = (
      await pool.query(
        `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
         VALUES ($1, $1, 'meeting', date '2020-10-20' + $2::int * 365, date '2020-10-25' + $2::int * 365,
                 'Africa/Casablanca', $3, 'published') RETURNING id`,
        [`${tag}-${i}`, i, size],
      )
    ).rows;
    await pool.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession, consent_data_processing_at)
       SELECT $1::uuid, id, $2, 'confirmed', 'social_worker', now() FROM accounts
        WHERE email LIKE $3 || '-%' ORDER BY md5(id::text || $1::text) LIMIT $4`,
      [id, org, tag, size],
    );
    await pool.query(
      `INSERT INTO sessions (event_id, kind, title, titles, starts_at, ends_at, status)
       SELECT $1, 'workshop', 'Atelier ' || n, jsonb_build_object('fr', 'Atelier ' || n, 'en', 'Workshop ' || n),
              e.start_date + n * interval '1 hour', e.start_date + n * interval '1 hour' + interval '50 minutes',
              'published'
         FROM events e CROSS JOIN generate_series(1, $2::int) n WHERE e.id = $1`,
      [id, SESSIONS],
    );
    await pool.query(
      `INSERT INTO session_attendance (session_id, account_id, source)
       SELECT s.id, r.account_id, 'door' FROM registrations r JOIN sessions s USING (event_id)
        WHERE r.event_id = $1 AND (hashtext(r.id::text || s.id::text) & 7) < 3`,
      [id],
    );
    await pool.query(
      `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at, attended)
       SELECT s.id, s.event_id, r.id, r.account_id, 'confirmed', s.starts_at, s.ends_at, true
         FROM registrations r JOIN sessions s USING (event_id)
        WHERE r.event_id = $1 AND (hashtext(s.id::text || r.id::text) & 15) = 1`,
      [id],
    );
    if (i >= PAST) {
      const { rows } = await pool.query(
        `SELECT id FROM registrations WHERE event_id = $1 ORDER BY id LIMIT 1`,
        [id],
      );
      events.push({ size, eventId: id, one: rows[0].id });
    }
  }
  await pool.query('VACUUM ANALYZE');
  return events;
}

const shape = (m: AttendanceByRegistration) =>
  JSON.stringify([...m].map(([id, list]) => [id, list.map((s) => s.sessionId)]));

async function timed(read: () => Promise<AttendanceByRegistration>) {
  const times: number[] = [];
  let pairs = 0;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    const m = await read();
    times.push(performance.now() - t0);
    pairs = [...m.values()].reduce((sum, list) => sum + list.length, 0);
  }
  return { ms: median(times), pairs };
}

/** Execution time of each statement a read sends, best of REPEAT (JIT off, as the app). */
async function explained(pool: pg.Pool, statements: Array<{ sql: string; params: unknown[] }>) {
  let total = 0;
  for (const s of statements) {
    const times: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const { rows } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.sql}`, s.params);
      times.push(rows[0]['QUERY PLAN'][0]['Execution Time'] as number);
    }
    total += Math.min(...times);
  }
  return total;
}

async function main() {
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: 2,
    options: CONNECTION_SETTINGS,
  });
  console.log(`seeding ${PAST} earlier meetings of 1000 and events of ${SIZES.join(', ')} people`);
  const tag = `cert-${Date.now().toString(36)}`;
  const events = await seed(pool, tag);
  const { statements, now, before } = readers(pool);

  for (const e of events) {
    if (shape(await now(e.eventId)) !== shape(await before(e.eventId))) {
      console.error(`whole event of ${e.size}: the two reads disagree`);
      process.exit(1);
    }
    if (shape(await now(e.eventId, [e.one])) !== shape(await before(e.eventId, [e.one]))) {
      console.error(`one person of ${e.size}: the two reads disagree`);
      process.exit(1);
    }
  }

  type Key = `${'now' | 'before'} ${'event' | 'person'} ${number}`;
  const rounds = new Map<Key, Array<{ ms: number; sqlMs: number; pairs: number }>>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['now', 'before'] as const) : (['before', 'now'] as const);
    for (const e of events) {
      for (const which of order) {
        const read = which === 'now' ? now : before;
        for (const scope of ['event', 'person'] as const) {
          const ids = scope === 'person' ? [e.one] : undefined;
          const { ms, pairs } = await timed(() => read(e.eventId, ids));
          statements.length = 0;
          await read(e.eventId, ids);
          const sqlMs = await explained(pool, [...statements]);
          const key: Key = `${which} ${scope} ${e.size}`;
          rounds.set(key, [...(rounds.get(key) ?? []), { ms, sqlMs, pairs }]);
        }
      }
    }
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }

  const row = (key: Key) => {
    const r = rounds.get(key)!;
    return {
      ms: round1(median(r.map((x) => x.ms))),
      sqlMs: round2(median(r.map((x) => x.sqlMs))),
      pairs: r[0].pairs,
    };
  };
  const table: Record<string, unknown> = {};
  const [small, big] = [SIZES[0], SIZES[SIZES.length - 1]];
  for (const scope of ['event', 'person'] as const) {
    for (const which of ['before', 'now'] as const) {
      const a = row(`${which} ${scope} ${small}`);
      const b = row(`${which} ${scope} ${big}`);
      table[`${scope === 'event' ? 'whole event' : 'one person'}, ${which}`] = {
        [`ms at ${small}`]: a.ms,
        [`ms at ${big}`]: b.ms,
        growth: round2(b.ms / a.ms),
        [`sql ms at ${small}`]: a.sqlMs,
        [`sql ms at ${big}`]: b.sqlMs,
        'sql growth': round2(b.sqlMs / a.sqlMs),
        [`pairs at ${big}`]: b.pairs,
      };
    }
  }
  console.log(
    `\nattendedSessions, median of ${ROUNDS} rounds (each the median of ${REPEAT}); sizes x${round2(big / small)}; ${PAST} earlier meetings of 1000 people`,
  );
  console.table(table);
  await writeReport(OUT, {
    when: new Date().toISOString(),
    rounds: ROUNDS,
    sizes: SIZES,
    past: PAST,
    sessions: SESSIONS,
    table,
  });
  await removeRun(pool, {
    eventSlugs: [`${tag}-%`],
    accountEmails: [`${tag}-%@example.org`],
    organisationNames: [tag],
  });
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
