import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bearer tokens carry the account's token version: a password change or reset, an
 * erasure or "log out everywhere" bumps it, and every token signed before stops working.
 */
export class TokenVersion1763702000000 implements MigrationInterface {
  name = 'TokenVersion1763702000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts DROP COLUMN token_version`);
  }
}
