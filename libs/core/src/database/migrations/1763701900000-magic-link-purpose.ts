import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in links say what they are for: a plain "email me a link" (`sign_in`), of which
 * only the newest stays usable, or an invitation's link (`invitation`, a week long),
 * which a later sign-in request must not retire.
 */
export class MagicLinkPurpose1763701900000 implements MigrationInterface {
  name = 'MagicLinkPurpose1763701900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE magic_link_tokens ADD COLUMN purpose text NOT NULL DEFAULT 'sign_in'
         CHECK (purpose IN ('sign_in', 'invitation'))`,
    );
    // Links issued before: a week-long one came with an invitation.
    await q.query(
      `UPDATE magic_link_tokens SET purpose = 'invitation'
        WHERE expires_at - created_at > interval '1 hour'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE magic_link_tokens DROP COLUMN purpose`);
  }
}
