import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#core';

const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MIGRATIONS_DIR = new URL('../../libs/core/src/database/migrations/', import.meta.url);
const TEMPLATE_PREFIX = 'convene_tpl_';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrate(name: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(urlOf(name)));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** Named after the migrations' contents, so a changed or added migration makes a new one. */
async function templateName(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(file).update(await readFile(new URL(file, MIGRATIONS_DIR)));
  }
  return TEMPLATE_PREFIX + hash.digest('hex').slice(0, 16);
}

let template: Promise<string> | undefined;

/**
 * Every file used to run every migration into its own database: about a second each on
 * an idle machine, several on a busy one, a hundred times per run. Now the first file
 * migrates a template (under an advisory lock, so parallel workers build it once) and
 * the others copy it, which PostgreSQL does in a fraction of that. The template is
 * built under a scratch name and renamed when complete, so a crash never leaves a
 * half-migrated template behind.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = await templateName();
    await withAdmin(async (c) => {
      await c.query('SELECT pg_advisory_lock(hashtext($1))', [TEMPLATE_PREFIX]);
      try {
        const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount) return;
        const scratch = `${name}_${randomBytes(3).toString('hex')}`;
        await c.query(`CREATE DATABASE ${scratch}`);
        await migrate(scratch);
        await c.query(`ALTER DATABASE ${scratch} RENAME TO ${name}`);
        // Templates of earlier migration sets are of no further use.
        const stale = await c.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
          [`${TEMPLATE_PREFIX}%`, name],
        );
        for (const { datname } of stale.rows) {
          await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
        }
      } finally {
        await c.query('SELECT pg_advisory_unlock(hashtext($1))', [TEMPLATE_PREFIX]);
      }
    });
    return name;
  })();
  return template;
}

/**
 * A database of its own for one test file, so files run in parallel without
 * seeing each other's rows. Migrated unless told otherwise.
 */
export async function createTestDatabase(
  label: string,
  { migrate: migrated = true } = {},
): Promise<TestDatabase> {
  const name =
    `convene_t_${label.replace(/\W/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const create = async () => {
    const from = migrated ? ` TEMPLATE ${await migratedTemplate()}` : '';
    await withAdmin(async (c) => {
      await c.query(`CREATE DATABASE ${name}${from}`);
      // A test database holds nothing worth a flush to disk per commit: without the wait,
      // write-heavy files stop queueing behind each other's fsyncs on a busy machine.
      await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    });
  };
  try {
    await create();
  } catch (error) {
    // Another run with other migrations (a colleague's branch) retired our template.
    if ((error as { code?: string }).code !== '3D000') throw error;
    template = undefined;
    await create();
  }
  return {
    url: urlOf(name),
    name,
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
