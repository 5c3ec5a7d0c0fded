import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An invitation letter's human reference (TNG27-0042: stable per registration, numbered
 * per event) and its verification code (128 random bits, base64url), printed with a QR
 * code; GET /verify/<code> tells a consulate whether the letter is still valid.
 */
export class LetterVerification1763702100000 implements MigrationInterface {
  name = 'LetterVerification1763702100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE travel_plans ADD COLUMN letter_reference text, ADD COLUMN letter_code text`,
    );
    await q.query(
      `CREATE UNIQUE INDEX travel_plans_letter_reference ON travel_plans (event_id, letter_reference)`,
    );
    await q.query(`CREATE UNIQUE INDEX travel_plans_letter_code ON travel_plans (letter_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX travel_plans_letter_code`);
    await q.query(`DROP INDEX travel_plans_letter_reference`);
    await q.query(`ALTER TABLE travel_plans DROP COLUMN letter_code, DROP COLUMN letter_reference`);
  }
}
