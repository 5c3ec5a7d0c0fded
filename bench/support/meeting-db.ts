/**
 * Scratch databases holding seeded meetings (bench/support/history-seed.sql), for the
 * benches that read one meeting through the real API: bench/history (the meeting alone and
 * beside earlier ones) and bench/console-pages (the meeting at two sizes).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { hashPassword } from '#accounts';

const DIST = new URL('../..', import.meta.url).pathname;
const SEED_SQL = resolve(DIST, '../bench/support/history-seed.sql');

/** The seeded meeting's first day: it ended weeks before the seed's fixed "now". */
export const MEETING_START = '2026-10-12';

/** The seed's organiser of every meeting, and the password the benches give them. */
export const ORGANISER_EMAIL = 'user0@example.org';
export const ORGANISER_PASSWORD = 'a-long-bench-password';

/** `serverUrl` with its database replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}

/** Drops and creates `name` on `serverUrl`'s server (as a copy of `template` if given). */
export async function recreate(serverUrl: string, name: string, template?: string): Promise<void> {
  await withClient(serverUrl, async (db) => {
    await db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await db.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  });
}

export async function drop(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (db) => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * `name`, made again: migrated, meeting 0 of `people` seeded from `start`, the organiser's
 * password set (hashed by #accounts' own hashPassword, as a sign-up would), vacuumed and
 * analysed.
 */
export async function seedMeetingDatabase(
  serverUrl: string,
  name: string,
  people: number,
  start: string,
): Promise<string> {
  const url = databaseUrl(serverUrl, name);
  await recreate(serverUrl, name);
  execFileSync(process.execPath, [`${DIST}scripts/migrate.js`, 'up'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const passwordHash = await hashPassword(ORGANISER_PASSWORD);
  await withClient(url, async (db) => {
    await db.query(readFileSync(SEED_SQL, 'utf8'));
    await db.query(`SELECT history_seed_event(0, $1, $2::date, false)`, [people, start]);
    // Login reads the hash only; the account is verified and not erased (the seed's).
    const { rowCount } = await db.query(
      `UPDATE accounts SET password_hash = $1 WHERE email = $2 AND erased_at IS NULL`,
      [passwordHash, ORGANISER_EMAIL],
    );
    if (rowCount !== 1) throw new Error(`no account ${ORGANISER_EMAIL} to sign in with`);
    await db.query('VACUUM ANALYZE');
  });
  return url;
}

/** The ids of meeting 0's rows the benches read, from the seed's own naming. */
export async function meetingIds(url: string) {
  return withClient(url, async (db) => {
    const { rows } = await db.query<{
      event: string;
      hotel: string;
      form: string;
      session: string;
      siteVisit: string;
      registration: string;
    }>(
      `SELECT history_uuid('event', 0) AS event, history_uuid('hotel', 0, 0) AS hotel,
              history_uuid('form', 0, 0) AS form, history_uuid('session', 0, 1) AS session,
              history_uuid('session', 0, 14) AS "siteVisit", history_uuid('reg', 0, 7) AS registration`,
    );
    return rows[0];
  });
}
