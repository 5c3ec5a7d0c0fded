import { DataSource } from 'typeorm';
import { type Actor, dataSourceOptions } from '#core';
import type { EventAccess } from '#events';
import { type ListRegistrationsQueryDto, RegistrationReports } from '#registrations';
import { analyzedPlan, planNodes } from './support/plan-reads.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The organisers' registrations list in its default order (oldest first, then the waiting
 * list, then the id) is read from registrations_event_created_idx: page 1 reads about 50
 * index entries instead of sorting the whole event.
 */
describe('registrations list order', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let eventId: string;
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  let reports: RegistrationReports;
  const admin: Actor = { accountId: '00000000-0000-4000-8000-000000000000', platformRole: 'admin' };
  const COUNT = 3000;

  beforeAll(async () => {
    db = await createTestDatabase('registration_list_order');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const [org] = await ds.query(
      `INSERT INTO organisations (name, country, city) VALUES ('Darna', 'MA', 'Tangier') RETURNING id`,
    );
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       VALUES ('list-order', 'List order', 'meeting', '2027-10-25', '2027-10-30', 'Africa/Casablanca', 2400, 'published')
       RETURNING id`,
    );
    eventId = event.id;
    await ds.query(
      `INSERT INTO accounts (email, name) SELECT 'order' || i || '@example.org', 'P' || i
         FROM generate_series(1, $1::int) i`,
      [COUNT],
    );
    // Three people to a second, so ties on created_at are broken by the waiting list and the id.
    await ds.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
         consent_data_processing_at, waitlist_seq, created_at)
       SELECT $1, a.id, $2, CASE WHEN n % 5 = 0 THEN 'waitlisted' ELSE 'confirmed' END,
              'social_worker', now(), CASE WHEN n % 5 = 0 THEN n END,
              timestamptz '2027-06-01 08:00Z' + ((n / 3) || ' seconds')::interval
         FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM accounts
                WHERE email LIKE 'order%') a`,
      [eventId, org.id],
    );
    await ds.query('ANALYZE registrations');
    const recording = {
      query: (sql: string, params: unknown[] = []) => {
        statements.push({ sql, params });
        return ds.query(sql, params);
      },
    } as unknown as DataSource;
    const access = {
      requireOrganiser: async () => ({ timezone: 'Africa/Casablanca', slug: 'list-order' }),
    } as unknown as EventAccess;
    reports = new RegistrationReports(recording, access);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('gives the pages in the default order, ties broken by the waiting list and the id', async () => {
    const expected = (
      (await ds.query(
        `SELECT id FROM registrations WHERE event_id = $1
          ORDER BY created_at, waitlist_seq NULLS FIRST, id`,
        [eventId],
      )) as Array<{ id: string }>
    ).map((r) => r.id);
    const first = await reports.list(admin, eventId, { pageSize: 50 } as ListRegistrationsQueryDto);
    const last = await reports.list(admin, eventId, {
      pageSize: 50,
      page: COUNT / 50,
    } as ListRegistrationsQueryDto);
    expect(first.total).toBe(COUNT);
    expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, 50));
    expect(last.items.map((i) => i.id)).toEqual(expected.slice(-50));
  });

  it('reads page 1 from the index in that order instead of sorting the event', async () => {
    statements.length = 0;
    await reports.list(admin, eventId, { pageSize: 50 } as ListRegistrationsQueryDto);
    const page = statements.find((s) => s.sql.includes('row_number() OVER'));
    expect(page).toBeDefined();
    const plan = await analyzedPlan(ds, page!);
    // The page's own LIMIT, the plan's only one (the planner may drop the subquery's node).
    const pageNode = planNodes(plan).find((n) => n['Node Type'] === 'Limit');
    expect(pageNode).toBeDefined();
    const inside = planNodes(pageNode!);
    expect(inside.map((n) => n['Node Type'])).not.toContain('Sort');
    const scan = inside.find((n) => n['Relation Name'] === 'registrations');
    expect(scan?.['Index Name']).toBe('registrations_event_created_idx');
    expect(scan?.['Actual Rows']).toBeLessThanOrEqual(51);
  });
});
