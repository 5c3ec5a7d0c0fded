import { DataSource } from 'typeorm';
import { readIcs } from '../libs/ics/src/testing/read-ics.js';
import { createOrganisation, loginAdmin, type Session, signup } from './support/factories.js';
import { seedPastMeetings } from './support/past-meetings.js';
import { readsByTable, recordStatements } from './support/plan-reads.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/**
 * A person's calendar, which a phone asks for many times a day, holds every session of
 * every meeting they came to. It shows no seats, so it must not count each of those
 * sessions' sign-ups (everyone's, at every past meeting); nor does the person's week on
 * /my/agenda, which shows their own place only. GET /me/agenda still counts.
 */
describe('a person’s calendar beside years of meetings', () => {
  let t: TestApp;
  let db: DataSource;
  let awa: Session;
  let held: number;

  beforeAll(async () => {
    t = await startTestApp('calendar_feed_history');
    db = t.app.get(DataSource);
    const admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Keoogo', country: 'BF' });
    awa = await signup(t, { name: 'Awa Traoré', locale: 'fr', organisationId: org.id });
    await db.query(
      `INSERT INTO accounts (email, name) SELECT 'past' || i || '@example.org', 'Past ' || i
         FROM generate_series(1, 300) i`,
    );
    // Six meetings of 300 people and Awa, twelve workshops each; everyone holds a seat in
    // each workshop of the meeting's first half.
    await seedPastMeetings(db, {
      years: [2020, 2025],
      organisationId: org.id,
      emails: 'past%',
      accountIds: [awa.id],
      sessions: 12,
    });
    await db.query(
      `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at, confirmed_at)
       SELECT s.id, s.event_id, r.id, r.account_id, 'confirmed', s.starts_at, s.ends_at, now()
         FROM registrations r JOIN sessions s USING (event_id)
        WHERE s.title IN ('Past 1', 'Past 2', 'Past 3', 'Past 4', 'Past 5', 'Past 6')`,
    );
    [{ held }] = await db.query(
      `SELECT count(*)::int AS held FROM signups WHERE account_id = $1 AND status = 'confirmed'`,
      [awa.id],
    );
    await db.query('VACUUM ANALYZE');
  });
  afterAll(() => t.close());

  it('lists every session held and reads no one else’s sign-ups', async () => {
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM signups`);
    expect(held).toBe(36);
    expect(total).toBeGreaterThan(100 * held);

    const recording = recordStatements(db);
    const res = await t.http().get('/api/me/calendar.ics').set(awa.auth).expect(200);
    recording.stop();
    const cal = readIcs(res.text);
    expect(cal.events).toHaveLength(held);
    expect(cal.events.map((e) => e.summary)).toContain('Past 6');

    let signupsRead = 0;
    for (const statement of recording.statements.filter((s) => /\bsignups\b/.test(s.sql))) {
      signupsRead += (await readsByTable(db, statement)).get('signups')?.rows ?? 0;
    }
    // Awa's own sign-ups, read once by the agenda and once for the cancelled ones.
    expect(signupsRead).toBeLessThanOrEqual(2 * held);
  });

  it('shows the person’s week on /my/agenda without counting everyone’s seats', async () => {
    const web = new WebClient(t);
    await web.signIn(awa.email, 'a-long-password');
    const recording = recordStatements(db);
    const page = await web.get('/my/agenda');
    recording.stop();
    expect(page.status).toBe(200);
    expect(page.text).toContain('Past 6');
    expect(page.text).toContain('Tangier 2020');
    let signupsRead = 0;
    for (const statement of recording.statements.filter((s) => /\bsignups\b/.test(s.sql))) {
      signupsRead += (await readsByTable(db, statement)).get('signups')?.rows ?? 0;
    }
    expect(signupsRead).toBeLessThanOrEqual(2 * held);
  });

  it('still counts the seats for GET /me/agenda', async () => {
    const res = await t.http().get('/api/me/agenda').set(awa.auth).expect(200);
    const sessions = res.body.sessions as Array<{ seats: { confirmed: number } }>;
    expect(sessions).toHaveLength(held);
    // 300 people and Awa in each.
    expect(new Set(sessions.map((s) => s.seats.confirmed))).toEqual(new Set([301]));
  });
});
