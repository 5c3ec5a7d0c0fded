import type { MigrationInterface, QueryRunner } from 'typeorm';

const PAYER = `IN ('network', 'partner', 'participant')`;
const CURRENCY = `~ '^[A-Z]{3}$'`;

/**
 * Who pays what per event (and per participant), the organiser's exchange rates, each
 * participant's cost lines with their status history, and receipts (bytes in the file store).
 * Money is integer minor units; rates are numeric, never floats.
 */
export class Finance1763702600000 implements MigrationInterface {
  name = 'Finance1763702600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_cost_coverage (
        event_id uuid PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        currency char(3) NOT NULL CHECK (currency ${CURRENCY}),
        travel_payer text NOT NULL CHECK (travel_payer ${PAYER}),
        visa_fees_payer text NOT NULL CHECK (visa_fees_payer ${PAYER}),
        accommodation_payer text NOT NULL CHECK (accommodation_payer ${PAYER}),
        meals_payer text NOT NULL CHECK (meals_payer ${PAYER}),
        per_diem_payer text NOT NULL CHECK (per_diem_payer ${PAYER}),
        per_diem_daily_minor integer NOT NULL CHECK (per_diem_daily_minor >= 0),
        per_diem_currency char(3) NOT NULL CHECK (per_diem_currency ${CURRENCY}),
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE registration_cost_coverage (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        travel_payer text CHECK (travel_payer ${PAYER}),
        visa_fees_payer text CHECK (visa_fees_payer ${PAYER}),
        accommodation_payer text CHECK (accommodation_payer ${PAYER}),
        meals_payer text CHECK (meals_payer ${PAYER}),
        per_diem_payer text CHECK (per_diem_payer ${PAYER}),
        per_diem_daily_minor integer CHECK (per_diem_daily_minor >= 0),
        per_diem_days integer CHECK (per_diem_days BETWEEN 0 AND 366),
        note text CHECK (note IS NULL OR length(note) <= 1000),
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX registration_cost_coverage_event_idx ON registration_cost_coverage (event_id)`,
    );
    await q.query(`
      CREATE TABLE event_currency_rates (
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        currency char(3) NOT NULL CHECK (currency ${CURRENCY}),
        rate numeric(20,10) NOT NULL CHECK (rate > 0),
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, currency)
      )`);
    await q.query(`
      CREATE TABLE cost_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('flight', 'ground_transport', 'visa_fee',
                                           'accommodation', 'meals', 'per_diem', 'other')),
        description text CHECK (description IS NULL OR length(description) <= 200),
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0 AND amount_minor <= 100000000000),
        currency char(3) NOT NULL CHECK (currency ${CURRENCY}),
        payer text NOT NULL CHECK (payer ${PAYER}),
        advanced_by text NOT NULL CHECK (advanced_by ${PAYER}),
        status text NOT NULL CHECK (status IN ('to_pay', 'paid', 'reimbursed')),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        status_changed_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cost_items_registration_idx ON cost_items (registration_id)`);
    await q.query(`CREATE INDEX cost_items_event_idx ON cost_items (event_id)`);
    await q.query(`
      CREATE TABLE cost_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cost_item_id uuid NOT NULL REFERENCES cost_items(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        changed_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        note text CHECK (note IS NULL OR length(note) <= 1000),
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX cost_status_changes_item_idx ON cost_status_changes (cost_item_id, changed_at)`,
    );
    await q.query(`
      CREATE TABLE cost_receipts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cost_item_id uuid NOT NULL REFERENCES cost_items(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        file_name text NOT NULL CHECK (length(file_name) <= 200),
        uploaded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cost_receipts_item_idx ON cost_receipts (cost_item_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cost_receipts`);
    await q.query(`DROP TABLE cost_status_changes`);
    await q.query(`DROP TABLE cost_items`);
    await q.query(`DROP TABLE event_currency_rates`);
    await q.query(`DROP TABLE registration_cost_coverage`);
    await q.query(`DROP TABLE event_cost_coverage`);
  }
}
