import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whole-event reads of three tables that every meeting adds to, so that an organiser's page
 * reads the event's rows and not the network's history of past meetings:
 * - signups by event and status: the agenda's conflicts (also run while publishing the
 *   agenda, under its lock) read an event's confirmed sign-ups, and scanned every event's;
 * - cost receipts by event: the finance report's receipts;
 * - accommodation stays by event: the guests of the accommodation pages, the rooming
 *   suggestion and the finance report's nights.
 */
export class EventScopedIndexes1763704400000 implements MigrationInterface {
  name = 'EventScopedIndexes1763704400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX signups_event_status_idx ON signups (event_id, status)`);
    await q.query(`CREATE INDEX cost_receipts_event_idx ON cost_receipts (event_id)`);
    await q.query(`CREATE INDEX accommodation_stays_event_idx ON accommodation_stays (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX accommodation_stays_event_idx`);
    await q.query(`DROP INDEX cost_receipts_event_idx`);
    await q.query(`DROP INDEX signups_event_status_idx`);
  }
}
