import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/*
 * The seat counters on the event row (migration 1763703000000) are what every seat
 * decision reads: they must equal a count of the registrations after any mix of
 * inserts, status changes, waitlist renumbering, deletions and moves between events,
 * whoever writes them.
 */
describe('seat counters on the event row', () => {
  let t: TestDatabase;
  let db: pg.Client;
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestDatabase('seat_counts');
    db = new pg.Client({ connectionString: t.url });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organisations (name, country, city) VALUES ('Kogl Taaba', 'BF', 'Ouagadougou') RETURNING id`,
    );
    organisationId = rows[0].id;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await t?.drop();
  });

  async function event(): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO events (slug, name, kind, timezone, start_date, end_date, capacity, languages, status)
       VALUES ('e-' || md5(random()::text), 'Counted', 'meeting', 'Africa/Casablanca',
               '2027-10-25', '2027-10-30', 100, '{fr}', 'published') RETURNING id`,
    );
    return rows[0].id;
  }

  async function people(n: number): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO accounts (email, name) SELECT 'p' || md5(random()::text) || '@t.test', 'P' || g
         FROM generate_series(1, $1) g RETURNING id`,
      [n],
    );
    return rows.map((r) => r.id);
  }

  async function counters(eventId: string) {
    const { rows } = await db.query<{
      stored: [number, number, number];
      counted: [number, number, number];
    }>(
      `SELECT ARRAY[e.seats_confirmed, e.seats_waitlisted, e.last_waitlist_seq] AS stored,
              ARRAY[(SELECT count(*)::int FROM registrations WHERE event_id = e.id AND status = 'confirmed'),
                    (SELECT count(*)::int FROM registrations WHERE event_id = e.id AND status = 'waitlisted'),
                    (SELECT coalesce(max(waitlist_seq), 0) FROM registrations WHERE event_id = e.id)] AS counted
         FROM events e WHERE e.id = $1`,
      [eventId],
    );
    return rows[0];
  }

  it('follow inserts, status changes, deletions and moves between events', async () => {
    const [a, b] = [await event(), await event()];
    const ids = await people(12);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession, languages,
         waitlist_seq, status_changed_at, consent_data_processing_at)
       SELECT $1, p, $2, s, 'social_worker', '{fr}',
              CASE WHEN s = 'waitlisted' THEN row_number() OVER (PARTITION BY s ORDER BY p) END, now(),
              CASE WHEN s <> 'awaiting_consent' THEN now() END
         FROM unnest($3::uuid[], $4::text[]) AS u(p, s) RETURNING id`,
      [
        a,
        organisationId,
        ids,
        [
          'confirmed',
          'confirmed',
          'confirmed',
          'waitlisted',
          'waitlisted',
          'waitlisted',
          'pending',
          'pending',
          'cancelled',
          'rejected',
          'awaiting_consent',
          'confirmed',
        ],
      ],
    );
    let c = await counters(a);
    expect(c.stored).toEqual([4, 3, 3]);
    expect(c.stored).toEqual(c.counted);

    // One statement changing many rows (a bulk approval, a promotion, a cancellation).
    await db.query(
      `UPDATE registrations SET status = 'confirmed', waitlist_seq = NULL
        WHERE event_id = $1 AND status IN ('pending', 'waitlisted')`,
      [a],
    );
    await db.query(
      `UPDATE registrations SET status = 'cancelled'
        WHERE id = (SELECT id FROM registrations WHERE event_id = $1 AND status = 'confirmed' LIMIT 1)`,
      [a],
    );
    // An edit of a person's details leaves the counters (and the row lock) alone.
    await db.query(`UPDATE registrations SET dietary = 'halal' WHERE event_id = $1`, [a]);
    c = await counters(a);
    expect(c.stored.slice(0, 2)).toEqual(c.counted.slice(0, 2));
    expect(c.stored[0]).toBe(8);

    // Moved to another event, then deleted: both events stay true.
    // Three of a's confirmed, never the row deleted next (LIMIT alone picks any three, and
    // whichever PostgreSQL finds first depends on where earlier updates left the rows).
    const deleted = rows[rows.length - 1].id;
    await db.query(
      `UPDATE registrations SET event_id = $2
        WHERE id IN (SELECT id FROM registrations
                      WHERE event_id = $1 AND status = 'confirmed' AND id <> $3 LIMIT 3)`,
      [a, b, deleted],
    );
    await db.query(`DELETE FROM registrations WHERE id = $1`, [deleted]);
    for (const e of [a, b]) {
      const now = await counters(e);
      expect(now.stored.slice(0, 2)).toEqual(now.counted.slice(0, 2));
    }
    expect((await counters(b)).stored.slice(0, 2)).toEqual([3, 0]);
  });

  it('hand out waitlist numbers that never repeat, even after the waitlist empties', async () => {
    const e = await event();
    const [p1, p2, p3] = await people(3);
    const insert = (p: string, seq: number) =>
      db.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           languages, waitlist_seq, status_changed_at, consent_data_processing_at)
         VALUES ($1, $2, $3, 'waitlisted', 'social_worker', '{fr}', $4, now(), now())`,
        [e, p, organisationId, seq],
      );
    await insert(p1, 1);
    await insert(p2, 2);
    await db.query(`DELETE FROM registrations WHERE event_id = $1`, [e]);
    // Nobody waits any more, but the next arrival is number 3, not 1 again.
    expect((await counters(e)).stored).toEqual([0, 0, 2]);
    await insert(p3, 3);
    expect((await counters(e)).stored).toEqual([0, 1, 3]);
  });

  it('refuse to go below zero (a counter out of step fails loudly instead of overselling)', async () => {
    const e = await event();
    await expect(
      db.query(`UPDATE events SET seats_confirmed = -1 WHERE id = $1`, [e]),
    ).rejects.toThrow(/events_seat_counts_not_negative/);
  });
});
