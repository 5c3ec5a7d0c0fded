import type pg from 'pg';

/** A client or a pool: each statement stands alone. */
type Db = Pick<pg.Pool, 'query'>;

/** What one bench run inserted into the shared bench database, as LIKE patterns. */
export interface RunRows {
  /** Event slugs: their registrations, messages and every other row of theirs go too. */
  eventSlugs: string[];
  /** Account emails: the messages sent to them (address confirmations) go too. */
  accountEmails: string[];
  organisationNames: string[];
}

/**
 * Deletes a run's rows. The benches share one database, and what a run left behind
 * changed the next one's figures: after one `registration-rush` (61,000 accounts, 72,000
 * registrations) the CSV export's statement named 10,000 people by walking the whole
 * accounts index (a merge join) instead of looking each one up, and took 6 to 8 times as
 * long as for 2,500 (bench/README, "Benches that leave the database as they found it").
 */
export async function removeRun(db: Db, rows: RunRows): Promise<void> {
  await db.query(`DELETE FROM events WHERE slug LIKE ANY($1::text[])`, [rows.eventSlugs]);
  // Deleting an account looks for the rows that name it (created_by, changed_by,
  // recorded_by...), in some forty tables and mostly without an index: a scan per account,
  // of tables the events' deletion just filled with dead rows. 10,000 accounts took 7.8 s
  // that way, and a rush's 41,000, after certificates had left 300,000 dead attendance rows,
  // more than five minutes. Vacuumed first, those scans find almost nothing to read.
  await db.query('VACUUM');
  // Messages without an event (an address confirmation) name their account only by address
  // once the account is gone: delete them first, by address.
  await db.query(`DELETE FROM messages WHERE recipient_email LIKE ANY($1::text[])`, [
    rows.accountEmails,
  ]);
  await db.query(`DELETE FROM accounts WHERE email LIKE ANY($1::text[])`, [rows.accountEmails]);
  await db.query(`DELETE FROM organisations WHERE name LIKE ANY($1::text[])`, [
    rows.organisationNames,
  ]);
  // The next bench plans its statements on the tables as they are now.
  await db.query('ANALYZE');
}
