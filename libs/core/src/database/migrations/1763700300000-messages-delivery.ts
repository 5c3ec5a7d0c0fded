import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the mail worker needs on top of the outbox table: a claim lease so a crashed
 * worker's message can be picked up again, a NOTIFY so the relay wakes up as soon as
 * a row commits (polling stays as the safety net), and indexes for the organisers'
 * delivery list.
 */
export class MessagesDelivery1763700300000 implements MigrationInterface {
  name = 'MessagesDelivery1763700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN locked_until timestamptz`);
    await q.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_attempts_check CHECK (attempts >= 0)`,
    );
    await q.query(
      `CREATE INDEX messages_event_created_idx ON messages (event_id, created_at DESC)`,
    );
    // Rows the relay handed over but that never finished: checked against the queue.
    await q.query(
      `CREATE INDEX messages_in_flight_idx ON messages (enqueued_at) WHERE status IN ('queued', 'sending') AND enqueued_at IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION messages_notify_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('messages_outbox', '');
        RETURN NULL;
      END $$`);
    // Per statement, not per row: one wake-up for a 30-recipient announcement.
    await q.query(`
      CREATE TRIGGER messages_notify_relay AFTER INSERT OR UPDATE OF enqueued_at ON messages
      FOR EACH STATEMENT EXECUTE FUNCTION messages_notify_relay()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER messages_notify_relay ON messages`);
    await q.query(`DROP FUNCTION messages_notify_relay()`);
    await q.query(`DROP INDEX messages_in_flight_idx`);
    await q.query(`DROP INDEX messages_event_created_idx`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_attempts_check`);
    await q.query(`ALTER TABLE messages DROP COLUMN locked_until`);
  }
}
