import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates of attendance: one per registration, given the first time it is
 * downloaded and kept for good (a second download prints the same reference and code).
 * The human reference (TNG27-C0001) is numbered per event; the verification code is 128
 * random bits in base64url, printed as a QR code to /verify/<code>, like a letter's.
 */
export class Certificates1763702400000 implements MigrationInterface {
  name = 'Certificates1763702400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificates (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        reference text NOT NULL,
        code text NOT NULL UNIQUE CHECK (length(code) >= 22),
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificates_event_number_key UNIQUE (event_id, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificates`);
  }
}
