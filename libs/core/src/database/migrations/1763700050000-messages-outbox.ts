import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessagesOutbox1763700050000 implements MigrationInterface {
  name = 'MessagesOutbox1763700050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('fr', 'en', 'es')),
        event_id uuid REFERENCES events(id) ON DELETE CASCADE,
        recipient_account_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
        recipient_email text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        dedupe_key text UNIQUE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        provider_message_id text,
        enqueued_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The relay scans for rows not yet handed to the queue.
    await q.query(
      `CREATE INDEX messages_relay_idx ON messages (created_at) WHERE status = 'queued' AND enqueued_at IS NULL`,
    );
    await q.query(`CREATE INDEX messages_event_idx ON messages (event_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messages`);
  }
}
