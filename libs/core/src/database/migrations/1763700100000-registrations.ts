import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Registrations1763700100000 implements MigrationInterface {
  name = 'Registrations1763700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
        status text NOT NULL
          CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected')),
        profession text NOT NULL
          CHECK (profession IN ('social_worker', 'head_of_service', 'psychologist', 'legal_expert',
                                'manager', 'other')),
        profession_other text CHECK (profession_other IS NULL OR length(profession_other) <= 200),
        languages text[] NOT NULL DEFAULT '{}',
        dietary text,
        accessibility text,
        emergency_contact_name text,
        emergency_contact_phone text,
        emergency_contact_relation text,
        consent_data_processing_at timestamptz NOT NULL,
        waitlist_seq integer,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT registrations_other_profession_named
          CHECK (profession <> 'other' OR profession_other IS NOT NULL),
        CONSTRAINT registrations_waitlisted_have_seq
          CHECK (status <> 'waitlisted' OR waitlist_seq IS NOT NULL)
      )`);
    // One live registration per person per event, even when two requests race.
    await q.query(
      `CREATE UNIQUE INDEX registrations_live_key ON registrations (event_id, account_id)
         WHERE status IN ('pending', 'confirmed', 'waitlisted')`,
    );
    // Waitlist order is unique per event: a position is never handed out twice.
    await q.query(
      `CREATE UNIQUE INDEX registrations_waitlist_seq_key ON registrations (event_id, waitlist_seq)
         WHERE waitlist_seq IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX registrations_event_status_idx ON registrations (event_id, status)`,
    );
    await q.query(`CREATE INDEX registrations_account_idx ON registrations (account_id)`);
    await q.query(`CREATE INDEX registrations_organisation_idx ON registrations (organisation_id)`);

    await q.query(`
      CREATE TABLE registration_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        changed_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        reason text,
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX registration_status_changes_registration_idx
         ON registration_status_changes (registration_id, changed_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration_status_changes`);
    await q.query(`DROP TABLE registrations`);
  }
}
