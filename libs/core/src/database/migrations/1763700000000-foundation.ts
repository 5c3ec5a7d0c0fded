import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        city text,
        kind text NOT NULL DEFAULT 'ngo'
          CHECK (kind IN ('ngo', 'public_service', 'foundation', 'network', 'family_house', 'other')),
        website text,
        contact_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX organisations_name_country_key ON organisations (lower(name), country)`,
    );
    await q.query(`CREATE INDEX organisations_country_idx ON organisations (country)`);

    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('fr', 'en', 'es')),
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        platform_role text NOT NULL DEFAULT 'member' CHECK (platform_role IN ('admin', 'member')),
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email))`);
    await q.query(`CREATE INDEX accounts_organisation_idx ON accounts (organisation_id)`);

    await q.query(`
      CREATE TABLE magic_link_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX magic_link_tokens_account_idx ON magic_link_tokens (account_id)`);

    await q.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text,
        kind text NOT NULL CHECK (kind IN ('meeting', 'immersion')),
        timezone text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        venue_name text,
        venue_city text,
        venue_country char(2) CHECK (venue_country ~ '^[A-Z]{2}$'),
        capacity integer NOT NULL CHECK (capacity > 0),
        requires_approval boolean NOT NULL DEFAULT false,
        registration_opens_at timestamptz,
        registration_closes_at timestamptz,
        languages text[] NOT NULL DEFAULT '{en}',
        host_organisation_id uuid REFERENCES organisations(id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed', 'archived')),
        published_at timestamptz,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_dates_check CHECK (end_date >= start_date),
        CONSTRAINT events_registration_window_check
          CHECK (registration_closes_at IS NULL OR registration_opens_at IS NULL
                 OR registration_closes_at > registration_opens_at)
      )`);
    await q.query(`CREATE INDEX events_start_date_idx ON events (start_date)`);

    await q.query(`
      CREATE TABLE event_staff (
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('organiser', 'facilitator', 'host')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, account_id, role)
      )`);
    await q.query(`CREATE INDEX event_staff_account_idx ON event_staff (account_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_staff`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP TABLE magic_link_tokens`);
    await q.query(`DROP TABLE accounts`);
    await q.query(`DROP TABLE organisations`);
  }
}
