import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitation letters to consulate standard. Per event: the inviting organisation's
 * letterhead (logo as bytes), the signatory (signature image as bytes), how the consulate
 * is named, bilingual or not, and the default of who pays what and where people stay.
 * Per travel plan: date of birth and passport issue date (encrypted like the passport
 * number, erased with it) and the consulate serving the participant.
 */
export class LetterSettings1763702200000 implements MigrationInterface {
  name = 'LetterSettings1763702200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_letter_settings (
        event_id uuid PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        org_name text,
        org_address text,
        org_phone text,
        org_email text,
        logo bytea,
        logo_type text CHECK (logo_type IN ('image/png', 'image/jpeg')),
        signatory_name text,
        signatory_title text,
        signature bytea,
        signature_type text CHECK (signature_type IN ('image/png', 'image/jpeg')),
        consulate_wording jsonb NOT NULL DEFAULT '{}'::jsonb,
        bilingual boolean NOT NULL DEFAULT false,
        coverage jsonb NOT NULL DEFAULT '{}'::jsonb,
        stay_address text,
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((logo IS NULL) = (logo_type IS NULL)),
        CHECK ((signature IS NULL) = (signature_type IS NULL))
      )`);
    await q.query(`
      ALTER TABLE travel_plans
        ADD COLUMN birth_date_encrypted text,
        ADD COLUMN passport_issued_on_encrypted text,
        ADD COLUMN consulate_country char(2),
        ADD COLUMN consulate_city text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE travel_plans
        DROP COLUMN consulate_city,
        DROP COLUMN consulate_country,
        DROP COLUMN passport_issued_on_encrypted,
        DROP COLUMN birth_date_encrypted`);
    await q.query(`DROP TABLE event_letter_settings`);
  }
}
