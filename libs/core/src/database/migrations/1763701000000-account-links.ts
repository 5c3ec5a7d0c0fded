import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emailed single-use links that are not sign-in links: confirming an address after a
 * sign-up, and resetting a forgotten password. Only the token's SHA-256 is kept, as for
 * sign-in links. Registrations also keep which version of the consent text the person
 * agreed to, and in which language it was shown to them.
 */
export class AccountLinks1763701000000 implements MigrationInterface {
  name = 'AccountLinks1763701000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        purpose text NOT NULL CONSTRAINT account_tokens_purpose_check
          CHECK (purpose IN ('verify_email', 'password_reset')),
        token_hash text NOT NULL CONSTRAINT account_tokens_token_hash_format
          CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_tokens_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(
      `CREATE INDEX account_tokens_account_idx ON account_tokens (account_id, purpose)`,
    );
    await q.query(`ALTER TABLE registrations ADD COLUMN consent_version text`);
    await q.query(`ALTER TABLE registrations ADD COLUMN consent_locale text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations DROP COLUMN consent_locale`);
    await q.query(`ALTER TABLE registrations DROP COLUMN consent_version`);
    await q.query(`DROP TABLE account_tokens`);
  }
}
