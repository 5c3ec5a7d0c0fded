import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The year's programme of the network (its immersions and meetings), the immersion
 * exchanges between two partners and their return visits, and who manages an organisation
 * (the people who may nominate its visitors).
 *
 * A return visit is the same two organisations swapped: a composite foreign key checks the
 * swap, and a deferred constraint trigger checks that the pair points at each other, so a
 * transaction may link both rows before the check runs.
 */
export class Exchanges1763703200000 implements MigrationInterface {
  name = 'Exchanges1763703200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,120}$'),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        names jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `ALTER TABLE events ADD COLUMN programme_id uuid REFERENCES programmes(id) ON DELETE SET NULL`,
    );
    await q.query(`CREATE INDEX events_programme ON events (programme_id)`);
    await q.query(`
      CREATE TABLE organisation_managers (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE exchanges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
        visiting_organisation_id uuid NOT NULL REFERENCES organisations(id),
        host_organisation_id uuid NOT NULL REFERENCES organisations(id),
        return_exchange_id uuid UNIQUE,
        return_not_needed boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (visiting_organisation_id <> host_organisation_id),
        CHECK (return_exchange_id IS NULL OR return_exchange_id <> id),
        UNIQUE (id, visiting_organisation_id, host_organisation_id)
      )`);
    // The return visit goes the other way: its visitor is our host and its host our visitor.
    await q.query(`
      ALTER TABLE exchanges ADD CONSTRAINT exchanges_return_swapped
        FOREIGN KEY (return_exchange_id, host_organisation_id, visiting_organisation_id)
        REFERENCES exchanges (id, visiting_organisation_id, host_organisation_id)
        ON DELETE SET NULL (return_exchange_id)
        DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`
      CREATE FUNCTION exchanges_return_paired() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        partner uuid;
      BEGIN
        -- Deferred: NEW is the row as one statement left it; the pair is judged as it
        -- stands at commit, after every statement of the transaction.
        SELECT x.return_exchange_id INTO partner FROM exchanges x WHERE x.id = NEW.id;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        IF partner IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM exchanges r WHERE r.id = partner AND r.return_exchange_id = NEW.id
        ) THEN
          RAISE EXCEPTION 'exchange % names % as its return visit, which does not name it back',
            NEW.id, partner
            USING ERRCODE = '23514', CONSTRAINT = 'exchanges_return_paired';
        END IF;
        -- Unlinking one side alone would leave the other pointing at a row that moved on.
        IF EXISTS (
          SELECT 1 FROM exchanges r
          WHERE r.return_exchange_id = NEW.id AND r.id IS DISTINCT FROM partner
        ) THEN
          RAISE EXCEPTION 'exchange % is still named as a return visit by another exchange', NEW.id
            USING ERRCODE = '23514', CONSTRAINT = 'exchanges_return_paired';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER exchanges_return_paired
        AFTER INSERT OR UPDATE OF return_exchange_id ON exchanges
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION exchanges_return_paired()`);
    await q.query(`CREATE INDEX exchanges_host ON exchanges (host_organisation_id)`);
    await q.query(`CREATE INDEX exchanges_visiting ON exchanges (visiting_organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exchanges`);
    await q.query(`DROP FUNCTION exchanges_return_paired()`);
    await q.query(`DROP TABLE organisation_managers`);
    await q.query(`DROP INDEX events_programme`);
    await q.query(`ALTER TABLE events DROP COLUMN programme_id`);
    await q.query(`DROP TABLE programmes`);
  }
}
