import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '#core';
import { seed } from '../scripts/seed.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('agenda demo seed', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('agenda_seed');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const run = () =>
    seed({ databaseUrl: db.url, dataEncryptionKey: loadConfig().dataEncryptionKey });
  const counts = async () =>
    (
      await ds.query(
        `SELECT (SELECT count(*)::int FROM rooms) AS rooms, (SELECT count(*)::int FROM sessions) AS sessions,
                (SELECT count(*)::int FROM site_visits) AS visits, (SELECT count(*)::int FROM signups) AS signups`,
      )
    )[0];

  it('builds the meeting agenda with a bus-limited site visit and sign-ups, idempotently', async () => {
    await run();
    const first = await counts();
    expect(first.rooms).toBe(5);
    expect(first.visits).toBe(1);
    expect(first.sessions).toBeGreaterThan(15);
    await run();
    expect(await counts()).toEqual(first);

    const [visit] = await ds.query(
      `SELECT s.capacity, v.seats, o.name,
              (SELECT count(*)::int FROM signups g WHERE g.session_id = s.id AND g.status = 'confirmed') AS confirmed
         FROM sessions s JOIN site_visits v ON v.session_id = s.id
         JOIN organisations o ON o.id = v.host_organisation_id`,
    );
    expect(visit.capacity).toBe(12);
    expect(visit.confirmed).toBeLessThanOrEqual(12);
    const regs = await ds.query(
      `SELECT count(*)::int AS n FROM registrations WHERE status = 'confirmed'`,
    );
    if (regs[0].n > 0) expect(first.signups).toBeGreaterThan(0);
  });

  it("fills the bus with people who can be reached, and signs up only the meeting's confirmed participants", async () => {
    const bus: Array<{
      status: string;
      name: string;
      phone: string | null;
      contact: string | null;
      accessibility: string | null;
    }> = await ds.query(
      `SELECT g.status, a.name, r.phone, r.emergency_contact_phone AS contact, r.accessibility
         FROM signups g JOIN site_visits v ON v.session_id = g.session_id
         JOIN accounts a ON a.id = g.account_id JOIN registrations r ON r.id = g.registration_id
        ORDER BY g.seq`,
    );
    expect(bus.map((p) => p.status)).toEqual([
      ...Array(12).fill('confirmed'),
      'waitlisted',
      'waitlisted',
    ]);
    expect(bus.every((p) => p.phone?.startsWith('+'))).toBe(true);
    expect(bus.filter((p) => p.contact).length).toBeGreaterThanOrEqual(10);
    // The one participant who walks with a cane is on the bus, and the organisers can see why.
    expect(bus.filter((p) => p.accessibility).map((p) => [p.name, p.status])).toEqual([
      ['Hery Randriamampionona', 'confirmed'],
    ]);

    const strays = await ds.query(
      `SELECT count(*)::int AS n FROM signups g JOIN registrations r ON r.id = g.registration_id
        JOIN events e ON e.id = g.event_id
        WHERE r.status <> 'confirmed' OR r.event_id <> g.event_id OR e.slug <> 'tangier-2027'`,
    );
    expect(strays[0].n).toBe(0);
  });

  it('re-seeds without touching what organisers changed: a moved session stays moved, no duplicate', async () => {
    const before = await counts();
    const [{ n: agendaKeys }]: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM seed_keys WHERE key LIKE 'tangier-2027/session/%'`,
    );
    expect(agendaKeys).toBeGreaterThan(15);
    const [opening]: Array<{ id: string }> = await ds.query(
      `SELECT id FROM sessions WHERE titles->>'en' = 'Opening plenary: welcome to Tangier'`,
    );
    // The organiser moves it half an hour later and renames it.
    await ds.query(
      `UPDATE sessions SET starts_at = starts_at + interval '30 minutes', ends_at = ends_at + interval '30 minutes',
              title = 'Opening plenary (moved)' WHERE id = $1`,
      [opening.id],
    );
    // ... deletes a workshop nobody signed up for, and cancels another session.
    const [gone]: Array<{ id: string }> = await ds.query(
      `SELECT s.id FROM sessions s JOIN seed_keys k ON k.row_id = s.id
        WHERE s.kind = 'workshop' AND k.key LIKE 'tangier-2027/session/%'
          AND NOT EXISTS (SELECT 1 FROM signups g WHERE g.session_id = s.id) ORDER BY s.starts_at LIMIT 1`,
    );
    await ds.query(`DELETE FROM sessions WHERE id = $1`, [gone.id]);
    await ds.query(
      `UPDATE sessions SET status = 'cancelled' WHERE titles->>'en' = 'Welcome dinner'`,
    );
    // ... and a participant leaves the bus.
    const [left]: Array<{ id: string }> = await ds.query(
      `SELECT g.id FROM signups g JOIN site_visits v ON v.session_id = g.session_id
        WHERE g.status = 'confirmed' ORDER BY g.seq LIMIT 1`,
    );
    await ds.query(`UPDATE signups SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [
      left.id,
    ]);

    await run();
    const after = await counts();
    expect(after).toEqual({ ...before, sessions: before.sessions - 1 });
    const opened = await ds.query(
      `SELECT id, title FROM sessions WHERE title LIKE 'Opening plenary%' OR title LIKE 'Plénière d’ouverture%' ORDER BY title`,
    );
    expect(opened).toEqual([{ id: opening.id, title: 'Opening plenary (moved)' }]);
    const [dinner] = await ds.query(
      `SELECT status FROM sessions WHERE titles->>'en' = 'Welcome dinner'`,
    );
    expect(dinner.status).toBe('cancelled');
    const [stillLeft] = await ds.query(`SELECT status FROM signups WHERE id = $1`, [left.id]);
    expect(stillLeft.status).toBe('cancelled');
    // Every seeded row is remembered by its own key, the deleted one with no row.
    const keys = await ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE row_id IS NULL)::int AS deleted
         FROM seed_keys WHERE key LIKE 'tangier-2027/session/%'`,
    );
    expect(keys[0]).toEqual({ n: agendaKeys, deleted: 1 });
  });

  it('adopts sessions seeded before keys existed instead of duplicating them', async () => {
    const before = await counts();
    await ds.query(`DELETE FROM seed_keys`);
    await run();
    // A database seeded before keys only has title and time to go by: every unchanged
    // session is adopted (none twice); only the renamed one and the deleted one come back.
    const twice = await ds.query(
      `SELECT title FROM sessions GROUP BY title, starts_at HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    expect((await counts()).sessions).toBe(before.sessions + 2);
    await run();
    expect((await counts()).sessions).toBe(before.sessions + 2);
  });
});
