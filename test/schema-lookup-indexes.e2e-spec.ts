import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#core';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Columns that point at an event, a person, a registration or a session and are never
 * used to find rows: each is reached another way, said here. Anything else must lead an
 * index.
 */
const NOT_A_LOOKUP: Record<string, string> = {
  'cost_receipts.registration_id': 'receipts are found by their cost line or their event',
  'cost_status_changes.event_id': 'a cost line history is found by the cost line',
  'cost_status_changes.registration_id': 'a cost line history is found by the cost line',
  'event_materials.session_id': "found by the event's index, then filtered by session",
  'registration_status_changes.event_id': 'a history is found by its registration',
  'session_changes.event_id': 'a session history is found by its session',
  'signups.registration_id': 'sign-ups are found by session, account or event',
};

/**
 * Every meeting adds rows to the same tables, and every person keeps their rows for
 * years, so a statement that finds one event's or one person's rows by a column no index
 * leads reads the network's whole history (the erasure audit of 2026-12-03 found four:
 * visa notes, a person's emails, feedback respondents, a host's journal answers). A table
 * or column added later with no index and no reason here fails this test. Who did a thing
 * (`*_by` columns) is a record, never a lookup: accounts are anonymised, not deleted.
 */
describe('columns that find an event or a person lead an index', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('lookup_indexes');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('each column pointing at an event, a person, a registration or a session, or a reason', async () => {
    const keys = (await ds.query(
      `WITH pointers AS (
         SELECT c.conrelid AS rel, a.attnum, a.attname
           FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
          WHERE c.contype = 'f'
            AND c.confrelid::regclass::text IN ('events', 'accounts', 'registrations', 'sessions')
         UNION
         SELECT a.attrelid, a.attnum, a.attname
           FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid
          WHERE t.relkind = 'r' AND t.relnamespace = 'public'::regnamespace AND NOT a.attisdropped
            AND a.attname IN ('event_id', 'account_id', 'registration_id', 'session_id'))
       SELECT p.rel::regclass::text AS tbl, p.attname AS col,
              EXISTS (SELECT 1 FROM pg_index i
                       WHERE i.indrelid = p.rel AND i.indkey[0] = p.attnum) AS indexed
         FROM pointers p
        WHERE p.attname NOT LIKE '%\\_by'
        ORDER BY 1, 2`,
    )) as Array<{ tbl: string; col: string; indexed: boolean }>;
    // The tables that matter are all there: the query reads the real schema.
    expect(keys.map((k) => `${k.tbl}.${k.col}`)).toEqual(
      expect.arrayContaining([
        'registrations.event_id',
        'signups.account_id',
        'messages.recipient_account_id',
        'visa_status_changes.event_id',
        'journal_answers.author_account_id',
      ]),
    );
    const missing = keys
      .filter((k) => !k.indexed && !NOT_A_LOOKUP[`${k.tbl}.${k.col}`])
      .map((k) => `${k.tbl}.${k.col}`);
    expect(missing).toEqual([]);
    // A reason for a column that has since got its index, or is gone, is a stale reason.
    const stale = Object.keys(NOT_A_LOOKUP).filter(
      (name) => !keys.some((k) => `${k.tbl}.${k.col}` === name && !k.indexed),
    );
    expect(stale).toEqual([]);
  });
});
