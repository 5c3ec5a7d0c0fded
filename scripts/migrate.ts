import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '#core';

/** `up` applies pending migrations; `down` reverts the latest one. */
async function main(): Promise<void> {
  const direction = process.argv[2] ?? 'up';
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const ds = new DataSource({ ...dataSourceOptions(config.databaseUrl), logging: ['error'] });
  await ds.initialize();
  try {
    if (direction === 'down') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the latest migration');
    } else {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(
        applied.length
          ? `Applied ${applied.map((m) => m.name).join(', ')}`
          : 'Database is up to date',
      );
    }
  } finally {
    await ds.destroy();
  }
}

/** A newcomer's first run has no database yet: create it (on the same server) if missing. */
async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch {
    return; // no maintenance database access: let the real connection report the problem
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
