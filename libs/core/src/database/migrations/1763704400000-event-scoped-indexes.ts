import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whole-event reads of three tables that every meeting adds to, so that an organiser's page
 * reads the event's rows and not the network's history of past meetings:
 * - signups by event and status: the agenda's conflicts (also run while publishing the
 *   agenda, under its lock) read an event's confirmed sign-ups, and scanned every event's;
 * - cost receipts by event: the finance report's receipts;
 * - accommodation stays by event: the guests of the accommodation pages, the rooming
 *   suggestion and the finance report's nights.
 * And one person's feedback, for their data export and the erasure of their account:
 * responses are kept for the results, so without it each read scanned every response the
 * network ever gathered. Retention clears the account of an ended event's responses, so
 * the partial index holds recent meetings only.
 */
export class EventScopedIndexes1763704400000 implements MigrationInterface {
  name = 'EventScopedIndexes1763704400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX signups_event_status_idx ON signups (event_id, status)`);
    await q.query(`CREATE INDEX cost_receipts_event_idx ON cost_receipts (event_id)`);
    await q.query(`CREATE INDEX accommodation_stays_event_idx ON accommodation_stays (event_id)`);
    await q.query(
      `CREATE INDEX feedback_responses_account_idx ON feedback_responses (account_id)
        WHERE account_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX feedback_responses_account_idx`);
    await q.query(`DROP INDEX accommodation_stays_event_idx`);
    await q.query(`DROP INDEX cost_receipts_event_idx`);
    await q.query(`DROP INDEX signups_event_status_idx`);
  }
}
