import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail that waits out a mail server's outage instead of failing after a few minutes:
 * a `delayed` status with the time of the next attempt, and when the transient
 * failures began (the retry window counts from there). Events get the organisers'
 * contact address (Reply-To and signature of every email), and people can stop an
 * event's optional announcements (List-Unsubscribe, RFC 8058).
 */
export class MailRetries1763702700000 implements MigrationInterface {
  name = 'MailRetries1763702700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_status_check`);
    await q.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_status_check
         CHECK (status IN ('queued', 'sending', 'delayed', 'sent', 'failed'))`,
    );
    await q.query(`ALTER TABLE messages ADD COLUMN next_attempt_at timestamptz`);
    await q.query(`ALTER TABLE messages ADD COLUMN retry_since timestamptz`);
    // The relay picks delayed rows whose time has come.
    await q.query(
      `CREATE INDEX messages_delayed_idx ON messages (next_attempt_at) WHERE status = 'delayed'`,
    );
    await q.query(`ALTER TABLE events ADD COLUMN contact_email text`);
    await q.query(`
      CREATE TABLE announcement_opt_outs (
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, email)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE announcement_opt_outs`);
    await q.query(`ALTER TABLE events DROP COLUMN contact_email`);
    await q.query(`DROP INDEX messages_delayed_idx`);
    // Delayed rows go back to queued: the older worker retries them.
    await q.query(
      `UPDATE messages SET status = 'queued', enqueued_at = NULL WHERE status = 'delayed'`,
    );
    await q.query(`ALTER TABLE messages DROP COLUMN retry_since`);
    await q.query(`ALTER TABLE messages DROP COLUMN next_attempt_at`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_status_check`);
    await q.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_status_check
         CHECK (status IN ('queued', 'sending', 'sent', 'failed'))`,
    );
  }
}
