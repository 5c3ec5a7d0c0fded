import { DataSource } from 'typeorm';
import type { Actor } from '#core';
import { AccountErasure, PersonalDataExport, PersonalDataRetention } from '#privacy';
import { seedNetwork, seedPastMeetings } from './support/past-meetings.js';
import { readsOfStatements, recordStatements, type Statement } from './support/plan-reads.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PEOPLE = 250;
/** Forty meetings, each with everyone: the history one erasure must not walk. */
const YEARS: [number, number] = [1985, 2024];
const MEETINGS = YEARS[1] - YEARS[0] + 1;
/** The most rows a statement may take from a table: this meeting's rows, twice, and a few. */
const MOST_ROWS = 2 * PEOPLE + 5;

/**
 * Erasing one meeting's personal data (the worker's retention sweep, or an organiser)
 * touches a dozen tables. Each statement must find that meeting's rows through an index
 * on the event or its registrations: the network keeps every earlier meeting, and an
 * erasure that reads them all grows with the years, inside a transaction that holds its
 * row locks meanwhile. The same holds for one person's data export and "forget me": their
 * own rows, not every email the network sent. Checked under EXPLAIN ANALYZE on the
 * statements the services send (they read at this size as the planner reads a real history:
 * with a tenth of it, a scan of a few pages is rightly cheaper than an index).
 */
describe('erasing one meeting beside the network history', () => {
  let t: TestApp;
  let ds: DataSource;
  let eventId: string;
  let person: Actor;

  beforeAll(async () => {
    t = await startTestApp('rth_retention_history');
    ds = t.app.get(DataSource);
    const network = await seedNetwork(ds, PEOPLE);
    await seedPastMeetings(ds, {
      years: YEARS,
      organisationId: network.organisationIds[0],
      emails: 'p%',
    });
    // Every meeting with what its erasure clears: phones, typed reasons, visa notes,
    // passports, room wishes and the hotel's copies, journals, named answers, emails.
    await ds.query(`UPDATE registrations SET phone = '+226 70 00 00 00', dietary = 'halal'`);
    await ds.query(
      `INSERT INTO registration_status_changes (registration_id, event_id, to_status, reason)
       SELECT id, event_id, 'confirmed', 'Called her in Ouagadougou' FROM registrations`,
    );
    await ds.query(
      `INSERT INTO travel_plans (registration_id, event_id, passport_nationality, visa_status)
       SELECT id, event_id, 'BF', 'letter_issued' FROM registrations`,
    );
    await ds.query(
      `INSERT INTO visa_status_changes (registration_id, event_id, to_status, note)
       SELECT id, event_id, 'letter_issued', 'Passport renewed in March' FROM registrations`,
    );
    await ds.query(
      `INSERT INTO accommodation_hotels (event_id, name, address, city)
       SELECT id, 'Hotel Continental', '36 Dar el Baroud', 'Tangier' FROM events`,
    );
    await ds.query(
      `INSERT INTO accommodation_stays (registration_id, event_id, room_preference, room_needs)
       SELECT id, event_id, 'single', 'Ground floor' FROM registrations`,
    );
    await ds.query(
      `INSERT INTO rooming_list_sends (hotel_id, lines)
       SELECT h.id, '[]'::jsonb FROM accommodation_hotels h CROSS JOIN generate_series(1, $1::int)`,
      [PEOPLE],
    );
    await ds.query(
      `INSERT INTO journal_entries (event_id, registration_id, account_id, day, observations,
         questions, practice, sharing)
       SELECT event_id, id, account_id, '2020-01-01', 'Seen', 'Why', 'Try', 'private'
         FROM registrations`,
    );
    // The hosts' answers to the entries shared with them; Person 007 answered Person 008's.
    await ds.query(
      `INSERT INTO journal_answers (entry_id, author_account_id, body)
       SELECT j.id, h.id, 'Thank you, see you tomorrow'
         FROM journal_entries j JOIN accounts v ON v.id = j.account_id
         JOIN accounts h ON h.email = CASE v.email WHEN 'p008@example.org' THEN 'p007@example.org'
                                                   ELSE 'p001@example.org' END`,
    );
    await ds.query(
      `INSERT INTO feedback_forms (event_id, titles, closes_at)
       SELECT id, '{"en": "How was it?"}', end_date + 30 FROM events`,
    );
    await ds.query(
      `INSERT INTO feedback_responses (id, form_id, account_id, submitted_at)
       SELECT gen_random_uuid(), f.id, r.account_id, now()
         FROM feedback_forms f JOIN registrations r ON r.event_id = f.event_id`,
    );
    await ds.query(
      `INSERT INTO feedback_respondents (form_id, account_id, answered_on)
       SELECT f.id, r.account_id, current_date
         FROM feedback_forms f JOIN registrations r ON r.event_id = f.event_id`,
    );
    await ds.query(
      `INSERT INTO messages (template, locale, recipient_email, recipient_account_id, event_id, status)
       SELECT 'announcement', 'fr', a.email, a.id, r.event_id, 'sent'
         FROM registrations r JOIN accounts a ON a.id = r.account_id`,
    );
    await ds.query('ANALYZE');
    [{ id: eventId }] = await ds.query(`SELECT id FROM events WHERE slug = 'past-2018'`);
    const [{ id: accountId }] = await ds.query(
      `SELECT id FROM accounts WHERE email = 'p007@example.org'`,
    );
    person = { accountId, platformRole: 'member' };
  });

  afterAll(() => t?.close());

  it("reads that meeting's rows, not the years before and after it", async () => {
    const before = await erasable();
    const rec = recordStatements(ds);
    let statements: Statement[];
    try {
      const erased = await ds.transaction((m) =>
        t.app.get(PersonalDataRetention).eraseEventData(m, eventId),
      );
      expect(erased).toMatchObject({ registrationsErased: PEOPLE, travelPlansErased: PEOPLE });
      expect(erased.messagesDeleted).toBe(PEOPLE);
      statements = rec.statements;
    } finally {
      rec.stop();
    }
    // Every kind of row was really erased for this meeting, and only for it.
    expect(before.notes).toBe(PEOPLE);
    expect(await erasable()).toEqual({
      notes: 0,
      allNotes: before.allNotes - PEOPLE,
      named: before.named - PEOPLE,
    });

    expect(statements.length).toBeGreaterThan(8);
    expect(await readingMore(statements, MOST_ROWS)).toEqual([]);
  });

  it("exports and forgets one person by their own rows, not everyone's", async () => {
    const [{ others }] = await ds.query(
      `SELECT count(*)::int AS others FROM messages WHERE recipient_account_id <> $1`,
      [person.accountId],
    );
    const rec = recordStatements(ds);
    let statements: Statement[];
    try {
      const data = await t.app.get(PersonalDataExport).export(person);
      expect(JSON.stringify(data)).toContain('Passport renewed in March');
      expect(JSON.stringify(data)).toContain('Thank you, see you tomorrow');
      await t.app.get(AccountErasure).eraseSelf(person);
      statements = rec.statements;
    } finally {
      rec.stop();
    }
    const [left] = await ds.query(
      `SELECT (SELECT count(*) FROM messages WHERE recipient_account_id = $1)::int AS emails,
              (SELECT count(*) FROM messages)::int AS all_emails,
              (SELECT count(*) FROM visa_status_changes c JOIN registrations r
                  ON r.id = c.registration_id
                WHERE r.account_id = $1 AND c.note IS NOT NULL)::int AS notes`,
      [person.accountId],
    );
    expect(left).toEqual({ emails: 0, all_emails: others, notes: 0 });
    // The person's rows in each table: one a meeting, read a few times over.
    expect(await readingMore(statements, 3 * MEETINGS + 10)).toEqual([]);
  });

  /** Visa notes left for the erased meeting and in all, and answers that still name someone. */
  async function erasable(): Promise<{ notes: number; allNotes: number; named: number }> {
    const [row] = await ds.query(
      `SELECT (SELECT count(*) FROM visa_status_changes WHERE note IS NOT NULL AND event_id = $1)::int AS notes,
              (SELECT count(*) FROM visa_status_changes WHERE note IS NOT NULL)::int AS "allNotes",
              (SELECT count(*) FROM feedback_responses WHERE account_id IS NOT NULL)::int AS named`,
      [eventId],
    );
    return row;
  }

  /** Statements that took more than `most` rows from a table. */
  async function readingMore(statements: Statement[], most: number) {
    return (await readsOfStatements(ds, statements)).filter((r) => r.rows > most);
  }
});
