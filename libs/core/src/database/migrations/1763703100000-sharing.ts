import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared materials (documents attached to an event or one of its sessions, bytes in the
 * file store, encrypted) and the opt-in directory of participants: a row per registration
 * that agreed to be listed; no row means not listed (the default), deleting it withdraws.
 */
export class Sharing1763703100000 implements MigrationInterface {
  name = 'Sharing1763703100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_materials (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        session_id uuid REFERENCES sessions(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX event_materials_event ON event_materials (event_id, uploaded_at)`);
    await q.query(`
      CREATE TABLE directory_listings (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        listed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX directory_listings_event ON directory_listings (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE directory_listings`);
    await q.query(`DROP TABLE event_materials`);
  }
}
