import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning journals of immersions: one entry per visitor and day, private unless the
 * visitor shares it with the host or with the network (which includes the host); one
 * answer of the host per entry. The exchange report keeps the reference and the code of
 * its verification QR code (one per immersion, the same in every language).
 */
export class LearningJournals1763703300000 implements MigrationInterface {
  name = 'LearningJournals1763703300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE journal_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day date NOT NULL,
        observations text NOT NULL DEFAULT '' CHECK (char_length(observations) <= 2000),
        questions text NOT NULL DEFAULT '' CHECK (char_length(questions) <= 2000),
        practice text NOT NULL DEFAULT '' CHECK (char_length(practice) <= 2000),
        sharing text NOT NULL DEFAULT 'private' CHECK (sharing IN ('private', 'host', 'network')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (registration_id, day)
      )`);
    await q.query(`CREATE INDEX journal_entries_event ON journal_entries (event_id, day)`);
    await q.query(`CREATE INDEX journal_entries_account ON journal_entries (account_id)`);
    await q.query(`
      CREATE TABLE journal_answers (
        entry_id uuid PRIMARY KEY REFERENCES journal_entries(id) ON DELETE CASCADE,
        author_account_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        answered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE SEQUENCE exchange_report_number`);
    await q.query(`
      CREATE TABLE exchange_reports (
        event_id uuid PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        reference text NOT NULL UNIQUE,
        code text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exchange_reports`);
    await q.query(`DROP SEQUENCE exchange_report_number`);
    await q.query(`DROP TABLE journal_answers`);
    await q.query(`DROP TABLE journal_entries`);
  }
}
