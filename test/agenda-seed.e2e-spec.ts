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
});
