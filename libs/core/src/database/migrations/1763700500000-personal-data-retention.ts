import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When an event's sensitive registration data was erased, and which accounts were erased. */
export class PersonalDataRetention1763700500000 implements MigrationInterface {
  name = 'PersonalDataRetention1763700500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events ADD COLUMN personal_data_erased_at timestamptz`);
    await q.query(`ALTER TABLE accounts ADD COLUMN erased_at timestamptz`);
    // The sweep looks for ended events whose data is still there.
    await q.query(
      `CREATE INDEX events_retention_idx ON events (end_date) WHERE personal_data_erased_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX events_retention_idx`);
    await q.query(`ALTER TABLE accounts DROP COLUMN erased_at`);
    await q.query(`ALTER TABLE events DROP COLUMN personal_data_erased_at`);
  }
}
