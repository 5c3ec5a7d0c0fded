import { DataSource } from 'typeorm';
import { attendedSessions } from '#certificates';
import { dataSourceOptions } from '#core';
import { seedPastMeetings } from './support/past-meetings.js';
import { readsByTable, recordStatements } from './support/plan-reads.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const KINDS = [
  ...Array.from({ length: 20 }, () => 'workshop'),
  'plenary',
  'site_visit',
  'meal',
  'social',
];
const CANCELLED = 5; // a workshop, cancelled after people were marked at its door
const PEOPLE = 40;
const STATUS = (p: number) =>
  p === 3 || p === 17 ? 'waitlisted' : p === 9 ? 'cancelled' : 'confirmed';

/** Who is recorded where, as a pattern: each person a different mix of the two sources. */
const atDoor = (p: number, k: number) => (p * 7 + k * 3) % 5 === 0;
const signup = (p: number, k: number) =>
  (p + k) % 7 === 0
    ? { status: 'confirmed', attended: true }
    : (p + k) % 7 === 1
      ? { status: 'confirmed', attended: false }
      : (p + k) % 7 === 2
        ? { status: 'cancelled', attended: true }
        : null;

/**
 * Certificates: who attended which sessions. For a whole event the attendance is read from
 * the event's own sessions, so it grows with the event and not with the network's history
 * of past meetings; for a few people, each is checked against the event's sessions. Both
 * must say the same.
 */
describe('certificate attendance', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let eventId: string;
  const people: Array<{ registrationId: string; accountId: string; status: string }> = [];
  const sessions: string[] = [];
  let ownAttendance = 0;
  let ownSignups = 0;

  beforeAll(async () => {
    db = await createTestDatabase('certificate_attendance');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const [org] = await ds.query(
      `INSERT INTO organisations (name, country, city) VALUES ('Darna', 'MA', 'Tangier') RETURNING id`,
    );
    // The network's history: the same people and many more, at three earlier meetings.
    await ds.query(
      `INSERT INTO accounts (email, name) SELECT 'p' || i || '@example.org', 'P' || i
         FROM generate_series(1, 400) i`,
    );
    await seedPastMeetings(ds, {
      years: [2022, 2024],
      organisationId: org.id,
      emails: '%',
      sessions: 60,
    });
    await ds.query(
      `INSERT INTO session_attendance (session_id, account_id, source)
       SELECT s.id, r.account_id, 'door' FROM registrations r JOIN sessions s USING (event_id)
        WHERE (hashtext(r.id::text || s.id::text) & 7) < 3`,
    );
    await ds.query(
      `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at, attended)
       SELECT s.id, s.event_id, r.id, r.account_id, 'confirmed', s.starts_at, s.ends_at, true
         FROM registrations r JOIN sessions s USING (event_id)
        WHERE (hashtext(s.id::text || r.id::text) & 3) = 1`,
    );

    // This year's meeting.
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       VALUES ('tangier-2027', 'Tangier 2027', 'meeting', '2027-10-25', '2027-10-30',
               'Africa/Casablanca', 100, 'published') RETURNING id`,
    );
    eventId = event.id;
    for (const [k, kind] of KINDS.entries()) {
      const [row] = await ds.query(
        `INSERT INTO sessions (event_id, kind, title, titles, starts_at, ends_at, status)
         VALUES ($1, $2, $3, $4, timestamptz '2027-10-25 08:00Z' + $5 * interval '1 hour',
                 timestamptz '2027-10-25 08:45Z' + $5 * interval '1 hour', 'published') RETURNING id`,
        [eventId, kind, `Session ${k}`, { fr: `Séance ${k}`, en: `Session ${k}` }, k],
      );
      sessions.push(row.id);
    }
    const accounts = (await ds.query(`SELECT id FROM accounts ORDER BY email LIMIT $1`, [
      PEOPLE,
    ])) as Array<{ id: string }>;
    for (const [p, account] of accounts.entries()) {
      const [row] = await ds.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           consent_data_processing_at, waitlist_seq)
         VALUES ($1, $2, $3, $4, 'social_worker', now(), CASE WHEN $4 = 'waitlisted' THEN $5::int END)
         RETURNING id`,
        [eventId, account.id, org.id, STATUS(p), p],
      );
      people.push({ registrationId: row.id, accountId: account.id, status: STATUS(p) });
      for (const [k, sessionId] of sessions.entries()) {
        if (atDoor(p, k)) {
          ownAttendance++;
          await ds.query(
            `INSERT INTO session_attendance (session_id, account_id, source) VALUES ($1, $2, 'door')`,
            [sessionId, account.id],
          );
        }
        const s = signup(p, k);
        if (s) {
          ownSignups++;
          await ds.query(
            `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at, attended)
             SELECT id, event_id, $2, $3, $4, starts_at, ends_at, $5 FROM sessions WHERE id = $1`,
            [sessionId, row.id, account.id, s.status, s.attended],
          );
        }
      }
    }
    await ds.query(`UPDATE sessions SET status = 'cancelled' WHERE id = $1`, [sessions[CANCELLED]]);
    await ds.query('VACUUM ANALYZE');
  }, 120_000);
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** What the rules say, worked out from the pattern rather than read back from SQL. */
  function expected(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [p, person] of people.entries()) {
      if (person.status !== 'confirmed') continue;
      const attended = sessions.filter((_, k) => {
        if (k === CANCELLED || !['workshop', 'plenary', 'site_visit'].includes(KINDS[k]))
          return false;
        const s = signup(p, k);
        return atDoor(p, k) || (s?.status === 'confirmed' && s.attended);
      });
      if (attended.length) out.set(person.registrationId, attended);
    }
    return out;
  }

  const asIds = (m: Map<string, Array<{ sessionId: string }>>) =>
    new Map([...m].map(([id, list]) => [id, list.map((s) => s.sessionId)]));

  it('counts the door, the list and attended sign-ups once each, and only training sessions that took place', async () => {
    const want = expected();
    // The pattern covers each case: both sources on one session, each source alone, a
    // sign-up not attended or cancelled, the meal, the cancelled workshop, the waiting list.
    expect(want.size).toBeGreaterThan(20);
    expect(people.filter((p) => p.status !== 'confirmed')).toHaveLength(3);
    const got = await attendedSessions(ds, eventId);
    expect(asIds(got)).toEqual(want);
    expect([...got.keys()]).toEqual([...want.keys()].sort());
    const first = got.values().next().value![0];
    expect(first.titles).toEqual({ fr: expect.stringMatching(/^Séance/), en: expect.any(String) });
    expect(first.endsAt.getTime() - first.startsAt.getTime()).toBe(45 * 60_000);
  });

  it('says the same for one person as for the whole event, and nothing for someone not confirmed', async () => {
    const whole = asIds(await attendedSessions(ds, eventId));
    for (const person of people) {
      const one = asIds(await attendedSessions(ds, eventId, [person.registrationId]));
      expect(one.get(person.registrationId)).toEqual(whole.get(person.registrationId));
    }
    const some = people.slice(0, 10).map((p) => p.registrationId);
    const few = asIds(await attendedSessions(ds, eventId, some));
    expect(few).toEqual(new Map([...whole].filter(([id]) => some.includes(id))));
    expect((await attendedSessions(ds, eventId, [])).size).toBe(0);
  });

  it('reads no attendance or sign-up of the earlier meetings for the whole event', async () => {
    const recording = recordStatements(ds);
    await attendedSessions(ds, eventId);
    recording.stop();
    const pairs = recording.statements.find((s) => /session_attendance/.test(s.sql));
    expect(pairs).toBeDefined();
    const [history] = await ds.query(
      `SELECT (SELECT count(*) FROM session_attendance)::int AS attendance,
              (SELECT count(*) FROM signups)::int AS signups`,
    );
    // The history dwarfs the event, so reading it would show.
    expect(history.attendance).toBeGreaterThan(10 * ownAttendance);
    expect(history.signups).toBeGreaterThan(10 * ownSignups);
    const read = await readsByTable(ds, pairs!);
    expect(read.get('session_attendance')!.rows).toBeLessThanOrEqual(ownAttendance);
    expect(read.get('signups')!.rows).toBeLessThanOrEqual(ownSignups);
    // One look per session, not one per person and session.
    expect(read.get('session_attendance')!.loops).toBeLessThanOrEqual(sessions.length);
    expect(read.get('signups')!.loops).toBeLessThanOrEqual(sessions.length);
  });
});
