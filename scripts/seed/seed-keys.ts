import type { DataSource } from 'typeorm';

/**
 * A row the demo seed makes once, ever, under a stable key of its own (not its title or
 * time, which organisers change). The key remembers the row:
 * - found: the row as it is now (moved, renamed, cancelled: the organiser's changes stay);
 * - deleted since: nothing (a row an organiser deleted is not brought back);
 * - never seeded: `adopt` finds a row seeded before keys existed, else `insert` makes it.
 * Returns the row's id (null when it was deleted) and whether this run inserted it, so
 * what hangs on a new row (facilitators, ...) is added once too.
 */
export async function seedOnce(
  ds: DataSource,
  key: string,
  table: 'rooms' | 'sessions',
  make: { adopt: () => Promise<string | undefined>; insert: () => Promise<string> },
): Promise<{ id: string | null; created: boolean }> {
  const [known]: Array<{ row_id: string | null }> = await ds.query(
    `SELECT row_id FROM seed_keys WHERE key = $1`,
    [key],
  );
  if (known) {
    if (!known.row_id) return { id: null, created: false };
    const [row]: Array<{ id: string }> = await ds.query(`SELECT id FROM ${table} WHERE id = $1`, [
      known.row_id,
    ]);
    if (row) return { id: row.id, created: false };
    await ds.query(`UPDATE seed_keys SET row_id = NULL WHERE key = $1`, [key]);
    return { id: null, created: false };
  }
  const adopted = await make.adopt();
  const id = adopted ?? (await make.insert());
  await ds.query(`INSERT INTO seed_keys (key, table_name, row_id) VALUES ($1, $2, $3)`, [
    key,
    table,
    id,
  ]);
  return { id, created: adopted === undefined };
}

/** A row id no seed key holds yet: only those may be adopted by an older seed's match. */
export const UNKEYED = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM seed_keys k WHERE k.row_id = ${alias}.id)`;

/**
 * `adopt` for a session an older seed made without a key: the same event, title and
 * start, not already held by another key.
 */
export const adoptSession =
  (ds: DataSource, eventId: string, title: string, startsAt: string) =>
  async (): Promise<string | undefined> => {
    const [row]: Array<{ id: string }> = await ds.query(
      `SELECT s.id FROM sessions s
        WHERE s.event_id = $1 AND s.title = $2 AND s.starts_at = $3 AND ${UNKEYED('s')}
        LIMIT 1`,
      [eventId, title, startsAt],
    );
    return row?.id;
  };
