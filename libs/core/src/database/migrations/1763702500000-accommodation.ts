import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hotels, the rooms booked per type and night, participants' stay wishes and the room
 * each person sleeps in per night. The database itself refuses an assignment beyond a
 * room's capacity or to a room the hotel has not booked that night (a trigger that locks
 * the room row, so two organisers assigning at once take turns), and refuses lowering a
 * night's booked rooms under the rooms in use.
 */
export class Accommodation1763702500000 implements MigrationInterface {
  name = 'Accommodation1763702500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accommodation_hotels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        name text NOT NULL,
        address text NOT NULL,
        city text NOT NULL,
        phone text,
        email text,
        contact_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX accommodation_hotels_event ON accommodation_hotels (event_id)`);
    await q.query(`
      CREATE TABLE accommodation_inventory (
        hotel_id uuid NOT NULL REFERENCES accommodation_hotels(id) ON DELETE CASCADE,
        room_type text NOT NULL CHECK (room_type IN ('single', 'twin', 'double')),
        night date NOT NULL,
        rooms integer NOT NULL CHECK (rooms >= 0),
        PRIMARY KEY (hotel_id, room_type, night)
      )`);
    await q.query(`
      CREATE TABLE accommodation_rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hotel_id uuid NOT NULL REFERENCES accommodation_hotels(id) ON DELETE CASCADE,
        room_type text NOT NULL CHECK (room_type IN ('single', 'twin', 'double')),
        position integer NOT NULL CHECK (position >= 1),
        label text,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 4),
        UNIQUE (hotel_id, room_type, position)
      )`);
    await q.query(`
      CREATE TABLE accommodation_stays (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        room_preference text CHECK (room_preference IN ('single', 'shared')),
        share_with text,
        room_needs text,
        share_needs_with_hotel boolean NOT NULL DEFAULT false,
        check_in_override date,
        check_out_override date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((check_in_override IS NULL) = (check_out_override IS NULL)),
        CHECK (check_out_override > check_in_override)
      )`);
    await q.query(`
      CREATE TABLE room_assignments (
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        night date NOT NULL,
        room_id uuid NOT NULL REFERENCES accommodation_rooms(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        assigned_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (registration_id, night)
      )`);
    await q.query(`CREATE INDEX room_assignments_room_night ON room_assignments (room_id, night)`);
    await q.query(`CREATE INDEX room_assignments_event ON room_assignments (event_id)`);
    await q.query(`
      CREATE FUNCTION room_assignment_fits() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        room accommodation_rooms%ROWTYPE;
        booked integer;
        taken integer;
      BEGIN
        -- The room row lock makes concurrent assignments to one room take turns; each
        -- statement below then reads what the previous holder committed.
        SELECT * INTO room FROM accommodation_rooms WHERE id = NEW.room_id FOR UPDATE;
        SELECT i.rooms INTO booked FROM accommodation_inventory i
         WHERE i.hotel_id = room.hotel_id AND i.room_type = room.room_type AND i.night = NEW.night
           FOR SHARE;
        IF coalesce(booked, 0) < room.position THEN
          RAISE EXCEPTION 'room % is not booked on %', room.label, NEW.night
            USING ERRCODE = 'check_violation', CONSTRAINT = 'room_not_booked';
        END IF;
        SELECT count(*) INTO taken FROM room_assignments a
         WHERE a.room_id = NEW.room_id AND a.night = NEW.night
           AND a.registration_id <> NEW.registration_id;
        IF taken >= room.capacity THEN
          RAISE EXCEPTION 'room % is full on %', room.label, NEW.night
            USING ERRCODE = 'check_violation', CONSTRAINT = 'room_full';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER room_assignments_fit BEFORE INSERT OR UPDATE OF room_id, night
        ON room_assignments FOR EACH ROW EXECUTE FUNCTION room_assignment_fits()`);
    await q.query(`
      CREATE FUNCTION room_inventory_covers_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        in_use integer;
      BEGIN
        SELECT count(*) INTO in_use FROM room_assignments a
          JOIN accommodation_rooms r ON r.id = a.room_id
         WHERE r.hotel_id = OLD.hotel_id AND r.room_type = OLD.room_type AND a.night = OLD.night
           AND r.position > (CASE WHEN TG_OP = 'DELETE' THEN 0 ELSE NEW.rooms END);
        IF in_use > 0 THEN
          RAISE EXCEPTION 'rooms in use on %', OLD.night
            USING ERRCODE = 'check_violation', CONSTRAINT = 'rooms_in_use';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER accommodation_inventory_covers BEFORE UPDATE OR DELETE
        ON accommodation_inventory FOR EACH ROW
        WHEN (pg_trigger_depth() = 0)
        EXECUTE FUNCTION room_inventory_covers_assignments()`);
    await q.query(`
      CREATE TABLE rooming_list_sends (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hotel_id uuid NOT NULL REFERENCES accommodation_hotels(id) ON DELETE CASCADE,
        sent_at timestamptz NOT NULL DEFAULT now(),
        sent_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        lines jsonb NOT NULL
      )`);
    await q.query(
      `CREATE INDEX rooming_list_sends_hotel ON rooming_list_sends (hotel_id, sent_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rooming_list_sends`);
    await q.query(`DROP TRIGGER accommodation_inventory_covers ON accommodation_inventory`);
    await q.query(`DROP FUNCTION room_inventory_covers_assignments()`);
    await q.query(`DROP TRIGGER room_assignments_fit ON room_assignments`);
    await q.query(`DROP FUNCTION room_assignment_fits()`);
    await q.query(`DROP TABLE room_assignments`);
    await q.query(`DROP TABLE accommodation_stays`);
    await q.query(`DROP TABLE accommodation_rooms`);
    await q.query(`DROP TABLE accommodation_inventory`);
    await q.query(`DROP TABLE accommodation_hotels`);
  }
}
