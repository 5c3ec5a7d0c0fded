import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the demo seed created, by a stable key of its own ("tangier-2027/session/...")
 * rather than by title and time: a re-seed finds the row an organiser has since moved
 * or renamed and leaves it alone, and a row they deleted is remembered (its key stays,
 * row_id goes null) so it is not created again.
 */
export class SeedKeys1763702900000 implements MigrationInterface {
  name = 'SeedKeys1763702900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seed_keys (
        key text PRIMARY KEY,
        table_name text NOT NULL,
        row_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE seed_keys`);
  }
}
