import type { DataSource } from 'typeorm';

export interface PastMeetings {
  /** One meeting a year, slugs `past-<year>`, in Tangier time, 20 to 25 October. */
  years: [first: number, last: number];
  organisationId: string;
  /** Who came to each: every account whose email matches this LIKE pattern... */
  emails?: string;
  /** ...and these accounts. */
  accountIds?: string[];
  /** Workshops a meeting, titled `Past <n>`, one an hour from the first day. */
  sessions?: number;
}

/**
 * The network's history for the tests that check a statement for one event reads only that
 * event's rows: earlier meetings, everyone confirmed, optionally with their workshops. The
 * tests add the rows of their own tables (attendance, plans, costs...) to these meetings,
 * whose slugs all start with `past-`.
 */
export async function seedPastMeetings(
  db: Pick<DataSource, 'query'>,
  past: PastMeetings,
): Promise<void> {
  await db.query(
    `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
     SELECT 'past-' || y, 'Tangier ' || y, 'meeting', make_date(y, 10, 20), make_date(y, 10, 25),
            'Africa/Casablanca', 5000, 'published'
       FROM generate_series($1::int, $2::int) y`,
    past.years,
  );
  await db.query(
    `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
       consent_data_processing_at)
     SELECT e.id, a.id, $1, 'confirmed', 'social_worker', now()
       FROM events e CROSS JOIN accounts a
      WHERE e.slug LIKE 'past-%' AND (a.email LIKE $2 OR a.id = ANY($3::uuid[]))`,
    [past.organisationId, past.emails ?? '', past.accountIds ?? []],
  );
  if (past.sessions) {
    await db.query(
      `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, status)
       SELECT e.id, 'workshop', 'Past ' || n, e.start_date + n * interval '1 hour',
              e.start_date + n * interval '1 hour' + interval '50 minutes', 'published'
         FROM events e CROSS JOIN generate_series(1, $1::int) n WHERE e.slug LIKE 'past-%'`,
      [past.sessions],
    );
  }
}
