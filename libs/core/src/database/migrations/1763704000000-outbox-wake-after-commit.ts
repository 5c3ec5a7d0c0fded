import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A statement that writes outbox rows may leave the relay's wake-up to after its commit
 * (OutboxWake in #messaging) by setting `convene.outbox_wake` to `after_commit` for its
 * transaction. The registration admission does: a NOTIFY inside it held PostgreSQL's
 * notification-queue lock through the commit flush while the event lock was held, so
 * every admission on the server, of any event, waited for the one before it. Every other
 * writer keeps the NOTIFY in its own transaction, unchanged.
 */
export class OutboxWakeAfterCommit1763704000000 implements MigrationInterface {
  name = 'OutboxWakeAfterCommit1763704000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION messages_notify_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('convene.outbox_wake', true) IS DISTINCT FROM 'after_commit' THEN
          PERFORM pg_notify('messages_outbox', '');
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION messages_notify_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('messages_outbox', '');
        RETURN NULL;
      END $$`);
  }
}
