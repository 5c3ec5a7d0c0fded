import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#core';
import { HIGHEST_LETTER_NUMBER_SQL } from '#travel';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The highest letter number of an event, which every issued letter reads under a lock:
 * numeric (10000 after 9999), per event, and read from its index rather than by parsing
 * every plan of the event.
 */
describe('letter numbers', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const events: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('letter_number');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const [org] = await ds.query(
      `INSERT INTO organisations (name, country, city) VALUES ('Darna', 'MA', 'Tangier') RETURNING id`,
    );
    for (const slug of ['letters-a', 'letters-b']) {
      const [e] = await ds.query(
        `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
         VALUES ($1, $1, 'meeting', '2027-10-25', '2027-10-30', 'Africa/Casablanca', 100000, 'published')
         RETURNING id`,
        [slug],
      );
      events.push(e.id);
    }
    // 2,000 plans in the first event (references 1 to 2000, one 10000), 3 in the second.
    const plans = async (eventId: string, numbers: Array<number | null>) => {
      const accounts = await ds.query(
        `INSERT INTO accounts (email, name) SELECT $1 || i || '@example.org', 'P' || i
           FROM generate_series(1, $2::int) i RETURNING id`,
        [eventId, numbers.length],
      );
      const regs = await ds.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           consent_data_processing_at)
         SELECT $1, a, $2, 'confirmed', 'social_worker', now() FROM unnest($3::uuid[]) a
         RETURNING id`,
        [eventId, org.id, accounts.map((a: { id: string }) => a.id)],
      );
      await ds.query(
        `INSERT INTO travel_plans (registration_id, event_id, letter_reference)
         SELECT r, $1, CASE WHEN n IS NULL THEN NULL ELSE 'TNG27-' || lpad(n::text, greatest(4, length(n::text)), '0') END
           FROM unnest($2::uuid[], $3::int[]) AS x(r, n)`,
        [eventId, regs.map((r: { id: string }) => r.id), numbers],
      );
    };
    await plans(events[0], [...Array.from({ length: 1999 }, (_, i) => i + 1), 10000, null, null]);
    await plans(events[1], [7, 12, null]);
    await ds.query('ANALYZE travel_plans');
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('is the highest number, compared as a number, of this event only', async () => {
    const highest = async (eventId: string) =>
      ((await ds.query(HIGHEST_LETTER_NUMBER_SQL, [eventId])) as Array<{ n: number }>)[0].n;
    expect(await highest(events[0])).toBe(10000);
    expect(await highest(events[1])).toBe(12);
    const [empty] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       VALUES ('letters-c', 'c', 'meeting', '2027-10-25', '2027-10-30', 'UTC', 10, 'published') RETURNING id`,
    );
    expect(await highest(empty.id)).toBe(0);
  });

  it('reads one entry of its index, not every plan of the event', async () => {
    const plan = await ds.transaction(async (m) => {
      // Without a matching index the planner has nothing but a scan, even when told not to.
      await m.query('SET LOCAL enable_seqscan = off');
      await m.query('SET LOCAL enable_bitmapscan = off');
      const [row] = await m.query(`EXPLAIN (FORMAT JSON) ${HIGHEST_LETTER_NUMBER_SQL}`, [
        events[0],
      ]);
      return JSON.stringify(row['QUERY PLAN']);
    });
    expect(plan).toContain('"Index Name":"travel_plans_letter_number_idx"');
    expect(plan).toContain('"Scan Direction":"Backward"');
    expect(plan).not.toContain('Seq Scan');
  });
});
