import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#core';
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

  const counts = async () =>
    (
      await ds.query(
        `SELECT (SELECT count(*)::int FROM rooms) AS rooms, (SELECT count(*)::int FROM sessions) AS sessions,
                (SELECT count(*)::int FROM site_visits) AS visits, (SELECT count(*)::int FROM signups) AS signups`,
      )
    )[0];

  it('builds the meeting agenda with a bus-limited site visit and sign-ups, idempotently', async () => {
    await seed(db.url);
    const first = await counts();
    expect(first.rooms).toBe(5);
    expect(first.visits).toBe(1);
    expect(first.sessions).toBeGreaterThan(15);
    await seed(db.url);
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
});
