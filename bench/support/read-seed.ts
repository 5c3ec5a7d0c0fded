import type pg from 'pg';
import { removeRun } from './remove-run.js';

/*
 * The data bench/read-paths and bench/framework-cost read: one agenda and events of many
 * registrations, inserted in a few statements. `run` keeps each run's rows apart.
 */

/** A published agenda of `count` sessions in 8 rooms over 6 days, with facilitators. */
export async function seedAgenda(db: pg.Client, run: string, count: number): Promise<string> {
  const {
    rows: [event],
  } = await db.query<{ id: string }>(
    `INSERT INTO events (slug, name, names, kind, timezone, start_date, end_date, capacity,
                         requires_approval, languages, status, published_at)
     VALUES ($1, 'Agenda bench', '{"en":"Agenda bench","es":"Agenda de prueba"}', 'meeting',
             'Africa/Casablanca', '2027-10-25', '2027-10-30', 500, false, '{fr,en,es}',
             'published', now()) RETURNING id`,
    [`read-agenda-${run}`],
  );
  const { rows: rooms } = await db.query<{ id: string }>(
    `INSERT INTO rooms (event_id, name, capacity)
     SELECT $1, 'Salle ' || i, 20 + i * 5 FROM generate_series(1, 8) i RETURNING id`,
    [event.id],
  );
  // Six days from 08:00 local, twelve slots a day; one in six needs a sign-up.
  const { rows: sessions } = await db.query<{ id: string }>(
    `INSERT INTO sessions (event_id, kind, title, titles, description, theme, starts_at, ends_at,
                           room_id, language, interpretation_languages, capacity,
                           signup_required, status, published_at)
     SELECT $1, (ARRAY['plenary','workshop','workshop','meal','social','break'])[1 + i % 6],
            'Session ' || i, jsonb_build_object('en', 'Session ' || i, 'es', 'Sesión ' || i),
            CASE WHEN i % 2 = 0 THEN 'Échanges de pratiques entre les partenaires, atelier ' || i END,
            CASE WHEN i % 2 = 1 THEN 'How can we support families differently?' ELSE 'Rights' END,
            timestamptz '2027-10-25 08:00Z' + ((i % 6) || ' days')::interval + ((i / 6 % 12) || ' hours')::interval,
            timestamptz '2027-10-25 08:50Z' + ((i % 6) || ' days')::interval + ((i / 6 % 12) || ' hours')::interval,
            ($2::uuid[])[1 + i % 8], (ARRAY['fr','en','es'])[1 + i % 3], '{ar}', 30,
            i % 6 = 1, 'published', now()
       FROM generate_series(0, $3::int - 1) i RETURNING id`,
    [event.id, rooms.map((r) => r.id), count],
  );
  await db.query(
    `WITH f AS (
       INSERT INTO accounts (email, name, locale)
       SELECT 'read-fac-' || $2 || '-' || i || '@bench.convene.test', 'Facilitator ' || i, 'fr'
         FROM generate_series(1, 20) i RETURNING id)
     INSERT INTO session_facilitators (session_id, account_id)
     SELECT s.id, f.id FROM unnest($1::uuid[]) WITH ORDINALITY s(id, n)
       JOIN (SELECT id, row_number() OVER () AS k FROM f) f ON f.k = 1 + s.n % 20`,
    [sessions.map((s) => s.id), run],
  );
  return event.id;
}

/**
 * An event of `count` registrations: confirmed first, one in twenty cancelled, the rest
 * waitlisted in order. People who already have registrations elsewhere (`reuse`) come back.
 */
export async function seedRegistrations(
  db: pg.Client,
  run: string,
  label: string,
  count: number,
  reuse: boolean,
): Promise<string> {
  const confirmed = Math.round(count * 0.84);
  const {
    rows: [event],
  } = await db.query<{ id: string }>(
    `INSERT INTO events (slug, name, kind, timezone, start_date, end_date, capacity,
                         requires_approval, languages, status, published_at)
     VALUES ($1, $2, 'meeting', 'Africa/Casablanca', '2027-10-25', '2027-10-30', $3, false,
             '{fr,en,es}', 'published', now()) RETURNING id`,
    [`read-${label}-${run}`, `Read bench ${label}`, confirmed],
  );
  if (!reuse) {
    await db.query(
      `INSERT INTO organisations (name, country)
       SELECT 'Read partner ' || i || ' ' || $1, (ARRAY['MA','FR','ES','SN','TN','BE','VN','KH'])[1 + i % 8]
         FROM generate_series(1, 60) i`,
      [run],
    );
    await db.query(
      `INSERT INTO accounts (email, name, locale)
       SELECT 'read-' || $1 || '-' || lpad(i::text, 6, '0') || '@bench.convene.test',
              (ARRAY['Émilie','Nguyễn Thị','Youssef','Aïcha','Sokha','=Pierre'])[1 + i % 6] || ' ' || i,
              (ARRAY['fr','en','es'])[1 + i % 3]
         FROM generate_series(1, $2::int) i`,
      [run, count],
    );
  }
  await db.query(
    `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
                                languages, dietary, phone, consent_data_processing_at,
                                waitlist_seq, created_at, status_changed_at)
     SELECT $1, a.id, (SELECT array_agg(id) FROM organisations WHERE name LIKE 'Read partner % ' || $2)[1 + n % 60],
            CASE WHEN n <= $3 THEN 'confirmed' WHEN n % 20 = 0 THEN 'cancelled' ELSE 'waitlisted' END,
            'social_worker', '{fr,en}', CASE WHEN n % 7 = 0 THEN 'halal' END, '+212600' || lpad(n::text, 6, '0'),
            now(), CASE WHEN n > $3 AND n % 20 <> 0 THEN n END,
            now() - ((20000 - n) || ' seconds')::interval, now()
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM accounts
              WHERE email LIKE 'read-' || $2 || '-%' ORDER BY email LIMIT $4) a`,
    [event.id, run, confirmed, count],
  );
  return event.id;
}

/**
 * Deletes what seedAgenda and seedRegistrations inserted for `run`: the events (their rooms,
 * sessions and registrations go with them), the accounts and the organisations. Each run
 * used to leave them behind; on a database holding 17 runs' worth (144,500 registrations)
 * the last page by name took 110 ms instead of 22 on a fresh one, so runs stopped being
 * comparable with each other.
 */
export async function removeSeeded(db: pg.Client, run: string): Promise<void> {
  await removeRun(db, {
    eventSlugs: ['agenda', 'big', 'small'].map((label) => `read-${label}-${run}`),
    // Participants (read-<run>-n) and facilitators (read-fac-<run>-n).
    accountEmails: [`read-%${run}-%@bench.convene.test`],
    organisationNames: [`Read partner % ${run}`],
  });
}
