import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations made by an organiser on someone's behalf wait for that person's consent:
 * status `awaiting_consent`, no consent time yet, and the hash of the token their email
 * carries. Such a registration still blocks a second one for the same person and event.
 */
export class RegistrationConsent1763701400000 implements MigrationInterface {
  name = 'RegistrationConsent1763701400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_status_check`);
    await q.query(
      `ALTER TABLE registrations ADD CONSTRAINT registrations_status_check
         CHECK (status IN ('awaiting_consent', 'pending', 'confirmed', 'waitlisted', 'cancelled',
                           'rejected'))`,
    );
    await q.query(
      `ALTER TABLE registrations ALTER COLUMN consent_data_processing_at DROP NOT NULL`,
    );
    await q.query(
      `ALTER TABLE registrations ADD CONSTRAINT registrations_consent_given
         CHECK (consent_data_processing_at IS NOT NULL OR status IN ('awaiting_consent', 'cancelled'))`,
    );
    await q.query(`ALTER TABLE registrations ADD COLUMN consent_token_hash text`);
    await q.query(
      `CREATE UNIQUE INDEX registrations_consent_token_key ON registrations (consent_token_hash)
         WHERE consent_token_hash IS NOT NULL`,
    );
    await q.query(`DROP INDEX registrations_live_key`);
    await q.query(
      `CREATE UNIQUE INDEX registrations_live_key ON registrations (event_id, account_id)
         WHERE status IN ('awaiting_consent', 'pending', 'confirmed', 'waitlisted')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Registrations nobody consented to cannot exist in the older schema: they end.
    await q.query(
      `UPDATE registrations SET status = 'cancelled' WHERE status = 'awaiting_consent'`,
    );
    await q.query(
      `UPDATE registrations SET consent_data_processing_at = created_at
        WHERE consent_data_processing_at IS NULL`,
    );
    await q.query(`DROP INDEX registrations_live_key`);
    await q.query(
      `CREATE UNIQUE INDEX registrations_live_key ON registrations (event_id, account_id)
         WHERE status IN ('pending', 'confirmed', 'waitlisted')`,
    );
    await q.query(`DROP INDEX registrations_consent_token_key`);
    await q.query(`ALTER TABLE registrations DROP COLUMN consent_token_hash`);
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_consent_given`);
    await q.query(`ALTER TABLE registrations ALTER COLUMN consent_data_processing_at SET NOT NULL`);
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_status_check`);
    await q.query(
      `ALTER TABLE registrations ADD CONSTRAINT registrations_status_check
         CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'))`,
    );
  }
}
