import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The week on site: a badge code per registration (128 random bits, base64url, printed
 * as a QR code; it carries no personal data and is only valid while the registration is
 * confirmed), the daily check-in at the front desk (one row per registration and day,
 * the day taken in the event's zone) and attendance at a session's door or from the
 * organiser's sign-up list (one row per session and person: the one truth certificates
 * read).
 */
export class Onsite1763702300000 implements MigrationInterface {
  name = 'Onsite1763702300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE badge_codes (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        code text NOT NULL UNIQUE CHECK (length(code) >= 22),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX badge_codes_event_idx ON badge_codes (event_id)`);

    await q.query(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        day date NOT NULL,
        checked_in_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        CONSTRAINT check_ins_registration_day_key UNIQUE (registration_id, day)
      )`);
    await q.query(`CREATE INDEX check_ins_event_day_idx ON check_ins (event_id, day)`);

    await q.query(`
      CREATE TABLE session_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        attended_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        source text NOT NULL CHECK (source IN ('door', 'list')),
        CONSTRAINT session_attendance_session_account_key UNIQUE (session_id, account_id)
      )`);
    await q.query(`CREATE INDEX session_attendance_account_idx ON session_attendance (account_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_attendance`);
    await q.query(`DROP TABLE check_ins`);
    await q.query(`DROP TABLE badge_codes`);
  }
}
