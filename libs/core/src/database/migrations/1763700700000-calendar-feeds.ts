import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One calendar subscription per account: phones poll `/api/calendar/<token>.ics`
 * without a login, so the token is the only secret. Only its SHA-256 is stored (a
 * database leak gives no working URL); rotating replaces it, revoking deletes the row.
 */
export class CalendarFeeds1763700700000 implements MigrationInterface {
  name = 'CalendarFeeds1763700700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT calendar_feeds_token_hash_format
          CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        CONSTRAINT calendar_feeds_account_key UNIQUE (account_id),
        CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
