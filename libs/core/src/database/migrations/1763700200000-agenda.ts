import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rooms, sessions (with their site-visit details and facilitators), sign-ups and the
 * change log of published sessions. Sign-ups carry a copy of their session's time range
 * so PostgreSQL itself refuses a person two overlapping confirmed sessions, whatever
 * the concurrency. registration_id has no foreign key: the registrations table belongs
 * to another lib and the service checks it before inserting.
 */
export class Agenda1763700200000 implements MigrationInterface {
  name = 'Agenda1763700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        capacity integer CHECK (capacity > 0),
        floor text,
        notes text,
        equipment text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rooms_id_event_key UNIQUE (id, event_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX rooms_event_name_key ON rooms (event_id, lower(name))`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('plenary', 'workshop', 'site_visit', 'meal', 'social', 'break')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        theme text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        room_id uuid,
        language text,
        interpretation_languages text[] NOT NULL DEFAULT '{}',
        capacity integer CHECK (capacity > 0),
        signup_required boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
        external_facilitators jsonb NOT NULL DEFAULT '[]',
        published_at timestamptz,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sessions_times_check CHECK (ends_at > starts_at),
        -- A room always belongs to the session's own event.
        CONSTRAINT sessions_room_fkey FOREIGN KEY (room_id, event_id)
          REFERENCES rooms (id, event_id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX sessions_event_starts_idx ON sessions (event_id, starts_at)`);
    await q.query(`CREATE INDEX sessions_room_idx ON sessions (room_id) WHERE room_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE site_visits (
        session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        host_organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
        address text NOT NULL,
        meeting_point text NOT NULL,
        departure_at timestamptz NOT NULL,
        return_at timestamptz NOT NULL,
        transport_mode text NOT NULL,
        seats integer NOT NULL CHECK (seats > 0),
        host_limit integer CHECK (host_limit > 0),
        host_contact_name text,
        host_contact_phone text,
        host_contact_email text,
        rules text[] NOT NULL DEFAULT '{}',
        CONSTRAINT site_visits_times_check CHECK (return_at > departure_at)
      )`);

    await q.query(`
      CREATE TABLE session_facilitators (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, account_id)
      )`);
    await q.query(
      `CREATE INDEX session_facilitators_account_idx ON session_facilitators (account_id)`,
    );

    await q.query(`
      CREATE TABLE signups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        rules_accepted_at timestamptz,
        added_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        attended boolean,
        attendance_marked_at timestamptz,
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT signups_times_check CHECK (ends_at > starts_at),
        -- Nobody holds two overlapping confirmed sessions; touching ranges ([) ) do not overlap.
        CONSTRAINT signups_no_overlap EXCLUDE USING gist (
          account_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&
        ) WHERE (status = 'confirmed')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX signups_active_key ON signups (session_id, account_id) WHERE status <> 'cancelled'`,
    );
    await q.query(`CREATE INDEX signups_session_status_idx ON signups (session_id, status, seq)`);
    await q.query(`CREATE INDEX signups_account_idx ON signups (account_id, status)`);

    await q.query(`
      CREATE TABLE session_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        changes text[] NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        changed_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX session_changes_session_idx ON session_changes (session_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_changes`);
    await q.query(`DROP TABLE signups`);
    await q.query(`DROP TABLE session_facilitators`);
    await q.query(`DROP TABLE site_visits`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE rooms`);
  }
}
