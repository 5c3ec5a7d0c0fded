import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An immersion's programme is built of what a Family House does with its visitors: team
 * meetings, workshops with families, days of observation, beside the kinds a meeting has.
 */
export class ImmersionSessionKinds1763703210000 implements MigrationInterface {
  name = 'ImmersionSessionKinds1763703210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_kind_check`);
    await q.query(`
      ALTER TABLE sessions ADD CONSTRAINT sessions_kind_check CHECK (kind IN (
        'plenary', 'workshop', 'site_visit', 'team_meeting', 'family_workshop',
        'observation_day', 'meal', 'social', 'break'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sessions
                    WHERE kind IN ('team_meeting', 'family_workshop', 'observation_day')`);
    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_kind_check`);
    await q.query(`
      ALTER TABLE sessions ADD CONSTRAINT sessions_kind_check CHECK (kind IN (
        'plenary', 'workshop', 'site_visit', 'meal', 'social', 'break'))`);
  }
}
