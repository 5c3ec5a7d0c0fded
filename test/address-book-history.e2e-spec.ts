import { DataSource } from 'typeorm';
import { loginAdmin, type Session } from './support/factories.js';
import { readsOfStatements, recordStatements, type Statement } from './support/plan-reads.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The network's address book: everyone who ever registered for a meeting, signed up or was
 * invited keeps an account, so it grows every year while one event stays a few hundred
 * people. This event's people are spread through it, as the years mix them.
 */
const ACCOUNTS = 21_000;
const PEOPLE = 150;
/** Every ACCOUNTS / PEOPLE-th account comes this year. */
const STRIDE = ACCOUNTS / PEOPLE;
/**
 * The most a statement may read of `accounts`: the event's people twice (a page sorted by
 * name reads everyone to sort, then its page again to show it) and the organiser's own.
 */
const MOST_ACCOUNTS = 2 * PEOPLE + 3;

/**
 * An organiser's whole-event lists name each person from the network's shared `accounts`.
 * Priced with PostgreSQL's default random_page_cost (4, a disk seek), the planner hashed
 * the whole address book to name the event's people; with the connection's setting
 * (CONNECTION_SETTINGS in #core) it looks each one up by key, so these lists follow the
 * event, not the network. Checked on what the real API sends, under EXPLAIN ANALYZE.
 */
describe('whole-event lists beside a large address book', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp('abh_address_book');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const [org] = await ds.query(
      `INSERT INTO organisations (name, country, city) VALUES ('Darna', 'MA', 'Tangier') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO accounts (email, name, locale)
       SELECT 'p' || i || '@example.org', 'Person ' || lpad(i::text, 5, '0'), 'fr'
         FROM generate_series(1, $1::int) i`,
      [ACCOUNTS],
    );
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status, venue_city)
       VALUES ('tangier-2027', 'Tangier 2027', 'meeting', '2027-10-25', '2027-10-30',
               'Africa/Casablanca', 1000, 'published', 'Tangier') RETURNING id`,
    );
    eventId = event.id;
    await ds.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
         consent_data_processing_at, phone)
       SELECT $1, a.id, $2, 'confirmed', 'social_worker', now(), '+212 600 000 000'
         FROM accounts a
        WHERE a.email ~ '^p[0-9]+@' AND split_part(substr(a.email, 2), '@', 1)::int % $3 = 0`,
      [eventId, org.id, STRIDE],
    );
    await ds.query(
      `INSERT INTO travel_plans (registration_id, event_id, arrival_flight, arrival_airport, arrival_at,
         departure_flight, departure_airport, departure_at, visa_status)
       SELECT r.id, r.event_id, 'AT1', 'TNG', '2027-10-24 10:00Z', 'AT2', 'TNG', '2027-10-31 10:00Z',
              'letter_issued'
         FROM registrations r WHERE r.event_id = $1`,
      [eventId],
    );
    await ds.query(
      `INSERT INTO cost_items (registration_id, event_id, kind, amount_minor, currency, payer,
         advanced_by, status, status_changed_by, created_by)
       SELECT r.id, r.event_id, 'flight', 45000, 'EUR', 'network', 'network', 'to_pay', $2, $2
         FROM registrations r WHERE r.event_id = $1`,
      [eventId, admin.id],
    );
    await ds.query('ANALYZE');
  });

  afterAll(() => t?.close());

  it.each([
    ['finance report', 'finance'],
    ['registrations CSV', 'registrations?format=csv'],
    ['registrations page', 'registrations?pageSize=50&sort=name'],
    ['visa board', 'visas'],
    ['rooms (accommodation guests)', 'accommodation'],
  ])("%s reads the accounts of the event's people, not the address book", async (_, path) => {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM registrations WHERE event_id = $1`,
      [eventId],
    );
    expect(n).toBe(PEOPLE);
    const rec = recordStatements(ds);
    let statements: Statement[];
    try {
      const res = await t.http().get(`/api/events/${eventId}/${path}`).set(admin.auth).expect(200);
      // The answer names this year's people, so the accounts were really read.
      expect(res.text).toContain('Person 00140');
      statements = rec.statements.filter((s) => /\baccounts\b/.test(s.sql));
    } finally {
      rec.stop();
    }
    expect(statements.length).toBeGreaterThan(0);
    const tooMany = (await readsOfStatements(ds, statements)).filter(
      (r) => r.table === 'accounts' && r.rows > MOST_ACCOUNTS,
    );
    expect(tooMany).toEqual([]);
  });
});
