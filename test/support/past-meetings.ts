import type { Actor } from '#core';
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

/** The people the history tests share: two organisations, everyone, and the organiser. */
export interface Network {
  /** Maison des Familles (Ouagadougou), then Bana Mboka (Kinshasa). */
  organisationIds: [string, string];
  /** Nadia Benali, an organiser only where a test makes her one. */
  organiser: Actor;
}

/**
 * Accounts p000@example.org... named `Person 000`... (`people` of them, zero-padded to three
 * digits in the name), two organisations and the organiser's own account.
 */
export async function seedNetwork(ds: DataSource, people: number): Promise<Network> {
  const orgs = (await ds.query(
    `INSERT INTO organisations (name, country, city)
     VALUES ('Maison des Familles', 'BF', 'Ouagadougou'), ('Bana Mboka', 'CD', 'Kinshasa')
     RETURNING id`,
  )) as Array<{ id: string }>;
  await ds.query(
    `INSERT INTO accounts (email, name)
     SELECT 'p' || lpad(i::text, 3, '0') || '@example.org', 'Person ' || lpad(i::text, 3, '0')
       FROM generate_series(0, $1::int - 1) i`,
    [people],
  );
  const [nadia] = (await ds.query(
    `INSERT INTO accounts (email, name) VALUES ('nadia@example.org', 'Nadia Benali') RETURNING id`,
  )) as Array<{ id: string }>;
  return {
    organisationIds: [orgs[0].id, orgs[1].id],
    organiser: { accountId: nadia.id, platformRole: 'member' },
  };
}
