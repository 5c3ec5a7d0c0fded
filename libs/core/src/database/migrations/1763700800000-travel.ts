import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Travel plans (passport, visa, flights) per registration, per-event visa rules, visa audit trail. */
export class Travel1763700800000 implements MigrationInterface {
  name = 'Travel1763700800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE travel_plans (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        passport_nationality char(2) CHECK (passport_nationality ~ '^[A-Z]{2}$'),
        -- AES-256-GCM (FieldCipher): v1.<iv>.<tag>.<ciphertext>; never the number in clear.
        passport_number_encrypted text CHECK (passport_number_encrypted LIKE 'v1.%'),
        passport_expires_on date,
        visa_status text CHECK (visa_status IN ('not_required', 'letter_requested', 'letter_issued',
                                                'applied', 'granted', 'refused')),
        visa_status_changed_at timestamptz,
        letter_issued_at timestamptz,
        letter_issued_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        arrival_flight text CHECK (length(arrival_flight) <= 10),
        arrival_airport char(3) CHECK (arrival_airport ~ '^[A-Z]{3}$'),
        arrival_at timestamptz,
        arrival_timezone text,
        departure_flight text CHECK (length(departure_flight) <= 10),
        departure_airport char(3) CHECK (departure_airport ~ '^[A-Z]{3}$'),
        departure_at timestamptz,
        departure_timezone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT travel_plans_arrival_complete CHECK (
          (arrival_flight IS NULL) = (arrival_airport IS NULL)
          AND (arrival_airport IS NULL) = (arrival_at IS NULL)),
        CONSTRAINT travel_plans_departure_complete CHECK (
          (departure_flight IS NULL) = (departure_airport IS NULL)
          AND (departure_airport IS NULL) = (departure_at IS NULL)),
        CONSTRAINT travel_plans_departure_after_arrival CHECK (
          arrival_at IS NULL OR departure_at IS NULL OR departure_at > arrival_at)
      )`);
    await q.query(`CREATE INDEX travel_plans_event_idx ON travel_plans (event_id)`);
    // The airport team's list: arrivals of one event in time order.
    await q.query(
      `CREATE INDEX travel_plans_arrivals_idx ON travel_plans (event_id, arrival_airport, arrival_at)
         WHERE arrival_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE event_visa_rules (
        event_id uuid PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        visa_required_for text[] NOT NULL DEFAULT '{}',
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The audit trail of visa statuses: never updated, kept when passports are erased.
    await q.query(`
      CREATE TABLE visa_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        changed_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        note text CHECK (note IS NULL OR length(note) <= 1000),
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX visa_status_changes_registration_idx
         ON visa_status_changes (registration_id, changed_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE visa_status_changes`);
    await q.query(`DROP TABLE event_visa_rules`);
    await q.query(`DROP TABLE travel_plans`);
  }
}
