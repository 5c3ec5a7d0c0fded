import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasing personal data, for one ended event or for one person, read the network's whole
 * history where it needed a few rows:
 * - the notes of an event's visa status changes (a passport renewed, a consulate's answer)
 *   are cleared by the retention sweep or an organiser, and visa_status_changes had no index
 *   on its event: every meeting's visa history was read. Erasure empties the notes, so the
 *   partial index holds the meetings not yet erased only;
 * - one person's emails, listed in their data export and deleted when they ask to be
 *   forgotten, were found by reading every email the network ever sent;
 * - whom a feedback form heard from is keyed by form first: the anonymous forms a person
 *   answered (their export) and their erasure read every form's respondents;
 * - a host's answers to the visitors' journals, in the host's export, were found by reading
 *   every answer of every immersion.
 * And the forms of the sessions a facilitator leads (their agenda), found by session: a
 * few forms a meeting, but every meeting's (test/schema-lookup-indexes.e2e-spec.ts).
 */
export class ErasureIndexes1763704500000 implements MigrationInterface {
  name = 'ErasureIndexes1763704500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX visa_status_changes_event_notes_idx ON visa_status_changes (event_id)
        WHERE note IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX messages_recipient_idx ON messages (recipient_account_id, created_at DESC)
        WHERE recipient_account_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX feedback_respondents_account_idx ON feedback_respondents (account_id)`,
    );
    await q.query(
      `CREATE INDEX journal_answers_author_idx ON journal_answers (author_account_id)
        WHERE author_account_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX feedback_forms_session_idx ON feedback_forms (session_id)
        WHERE session_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX feedback_forms_session_idx`);
    await q.query(`DROP INDEX journal_answers_author_idx`);
    await q.query(`DROP INDEX feedback_respondents_account_idx`);
    await q.query(`DROP INDEX messages_recipient_idx`);
    await q.query(`DROP INDEX visa_status_changes_event_notes_idx`);
  }
}
