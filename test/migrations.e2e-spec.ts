import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#core';
import { MIGRATIONS } from '../libs/core/src/database/migrations/index.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('migrations', { migrate: false });
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const tables = async () =>
    (
      await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);

  it('apply on an empty database, revert one by one to empty, and apply again', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    const full = await tables();
    expect(full).toEqual(
      expect.arrayContaining(['accounts', 'events', 'event_staff', 'organisations', 'messages']),
    );

    for (let i = MIGRATIONS.length; i > 0; i--) {
      await ds.undoLastMigration({ transaction: 'each' });
      const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM migrations');
      expect(count).toBe(i - 1);
    }
    expect(await tables()).toEqual([]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(full);
  });

  it('are listed in timestamp order with unique names', () => {
    const stamps = MIGRATIONS.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
