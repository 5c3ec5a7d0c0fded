import type { EntityManager } from 'typeorm';
import { nightsOf, type NightsSource, stayDates } from './nights.js';
import type { RoomPreference } from './room-types.js';

/** A confirmed participant as accommodation sees them: wishes and nights, no phone. */
export interface Guest {
  registrationId: string;
  name: string;
  email: string;
  organisationId: string;
  organisation: string;
  languages: string[];
  roomPreference: RoomPreference | null;
  shareWith: string | null;
  roomNeeds: string | null;
  shareNeedsWithHotel: boolean;
  checkIn: string;
  checkOut: string;
  source: NightsSource;
  nights: string[];
}

interface GuestRow {
  registration_id: string;
  name: string;
  email: string;
  organisation_id: string;
  organisation: string;
  languages: string[] | null;
  room_preference: RoomPreference | null;
  share_with: string | null;
  room_needs: string | null;
  share_needs_with_hotel: boolean | null;
  check_in_override: string | null;
  check_out_override: string | null;
  arrival_at: Date | null;
  departure_at: Date | null;
  start_date: string;
  end_date: string;
  timezone: string;
}

/**
 * The stay and the travel plan are joined on the registration's event as well as on the
 * registration itself (each is always its registration's event): with the event's id the
 * database reads only this event's stays and plans (their event_id indexes), where a join on
 * the registration alone hashed every past meeting's.
 */
const GUESTS = `SELECT r.id AS registration_id, a.name, a.email, o.id AS organisation_id,
            o.name AS organisation, r.languages, s.room_preference, s.share_with, s.room_needs,
            s.share_needs_with_hotel, s.check_in_override::text, s.check_out_override::text,
            tp.arrival_at, tp.departure_at, e.start_date::text, e.end_date::text, e.timezone
       FROM registrations r
       JOIN events e ON e.id = r.event_id
       JOIN accounts a ON a.id = r.account_id
       JOIN organisations o ON o.id = r.organisation_id
       LEFT JOIN accommodation_stays s ON s.registration_id = r.id AND s.event_id = r.event_id
       LEFT JOIN travel_plans tp ON tp.registration_id = r.id AND tp.event_id = r.event_id`;

/**
 * Confirmed participants of an event (or one registration, whatever its status) with their
 * stay dates worked out from the organiser's override, their flights or the event.
 */
export function loadGuests(
  m: Pick<EntityManager, 'query'>,
  eventId: string,
  registrationId?: string,
): Promise<Guest[]> {
  return queryGuests(m, eventId, registrationId, false);
}

/** Confirmed participants of an event, or the one registration asked if it is confirmed. */
export function loadConfirmedGuests(
  m: Pick<EntityManager, 'query'>,
  eventId: string,
  registrationId?: string,
): Promise<Guest[]> {
  return queryGuests(m, eventId, registrationId, true);
}

async function queryGuests(
  m: Pick<EntityManager, 'query'>,
  eventId: string,
  registrationId: string | undefined,
  confirmedOnly: boolean,
): Promise<Guest[]> {
  const rows = (await m.query(
    `${GUESTS}
      WHERE r.event_id = $1
        AND ($2::uuid IS NULL AND r.status = 'confirmed'
             OR r.id = $2::uuid AND (NOT $3 OR r.status = 'confirmed'))
      ORDER BY a.name, r.id`,
    [eventId, registrationId ?? null, confirmedOnly],
  )) as GuestRow[];
  return rows.map(toGuest);
}

function toGuest(r: GuestRow): Guest {
  const dates = stayDates({
    eventStart: r.start_date,
    eventEnd: r.end_date,
    zone: r.timezone,
    arrivalAt: r.arrival_at,
    departureAt: r.departure_at,
    checkInOverride: r.check_in_override,
    checkOutOverride: r.check_out_override,
  });
  return {
    registrationId: r.registration_id,
    name: r.name,
    email: r.email,
    organisationId: r.organisation_id,
    organisation: r.organisation,
    languages: r.languages ?? [],
    roomPreference: r.room_preference,
    shareWith: r.share_with,
    roomNeeds: r.room_needs,
    shareNeedsWithHotel: !!r.share_needs_with_hotel,
    ...dates,
    nights: nightsOf(dates.checkIn, dates.checkOut),
  };
}

export interface AssignmentRow {
  registrationId: string;
  night: string;
  roomId: string;
}

/** The rooms given for each night, of the whole event or of one registration. */
export async function loadAssignments(
  m: Pick<EntityManager, 'query'>,
  eventId: string,
  registrationId?: string,
): Promise<AssignmentRow[]> {
  const rows = (await m.query(
    `SELECT registration_id, night::text, room_id FROM room_assignments
      WHERE event_id = $1 AND ($2::uuid IS NULL OR registration_id = $2::uuid)
      ORDER BY night, registration_id`,
    [eventId, registrationId ?? null],
  )) as Array<{ registration_id: string; night: string; room_id: string }>;
  return rows.map((r) => ({
    registrationId: r.registration_id,
    night: r.night,
    roomId: r.room_id,
  }));
}
