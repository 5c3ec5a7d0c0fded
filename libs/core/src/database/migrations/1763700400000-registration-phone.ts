import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participant's own mobile, reachable during the event, for the site-visit bus
 * list and on-site logistics. Optional; the API checks the format, the database keeps
 * the length bound so no other writer can store more.
 */
export class RegistrationPhone1763700400000 implements MigrationInterface {
  name = 'RegistrationPhone1763700400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE registrations ADD COLUMN phone text
         CONSTRAINT registrations_phone_length CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 32)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations DROP COLUMN phone`);
  }
}
