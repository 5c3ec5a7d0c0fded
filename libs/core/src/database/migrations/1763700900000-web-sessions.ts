import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions for the web pages: the cookie holds a random token, the row only
 * its SHA-256, so a database leak gives no working session. Rows go when the person
 * logs out, changes the password or erases the account. Accounts also learn whether
 * their email is confirmed (a sign-up cannot register for anything before that);
 * every account that exists already is taken as confirmed.
 */
export class WebSessions1763700900000 implements MigrationInterface {
  name = 'WebSessions1763700900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT web_sessions_token_hash_format
          CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT web_sessions_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX web_sessions_account_idx ON web_sessions (account_id)`);
    await q.query(`ALTER TABLE accounts ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE accounts SET email_verified_at = created_at`);
    // Where to land after an emailed sign-in link: the page the person was on.
    await q.query(`ALTER TABLE magic_link_tokens ADD COLUMN next_path text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE magic_link_tokens DROP COLUMN next_path`);
    await q.query(`ALTER TABLE accounts DROP COLUMN email_verified_at`);
    await q.query(`DROP TABLE web_sessions`);
  }
}
