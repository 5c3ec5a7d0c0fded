import type { EntityManager } from 'typeorm';

/**
 * Passport and flights: what erasure clears. The visa status and its history stay, so
 * an edition keeps a record of who needed a visa; the organisers' free-text notes on
 * that history go with the rest (they were seen holding names, phones and whole
 * passport numbers).
 */
const ERASE_TRAVEL_FIELDS = `passport_nationality = NULL, passport_number_encrypted = NULL,
  passport_expires_on = NULL, birth_date_encrypted = NULL, passport_issued_on_encrypted = NULL,
  consulate_country = NULL, consulate_city = NULL, arrival_flight = NULL, arrival_airport = NULL, arrival_at = NULL,
  arrival_timezone = NULL, departure_flight = NULL, departure_airport = NULL, departure_at = NULL,
  departure_timezone = NULL, updated_at = now()`;

const HOLDS_DATA = `(passport_nationality IS NOT NULL OR passport_number_encrypted IS NOT NULL
  OR passport_expires_on IS NOT NULL OR birth_date_encrypted IS NOT NULL
  OR passport_issued_on_encrypted IS NOT NULL OR consulate_city IS NOT NULL OR arrival_at IS NOT NULL OR departure_at IS NOT NULL)`;

/** Erases the travel data of an event's plans; returns how many plans held some. */
export async function eraseEventTravel(manager: EntityManager, eventId: string): Promise<number> {
  await manager.query(
    `UPDATE visa_status_changes SET note = NULL WHERE event_id = $1 AND note IS NOT NULL`,
    [eventId],
  );
  const [, count] = (await manager.query(
    `UPDATE travel_plans SET ${ERASE_TRAVEL_FIELDS} WHERE event_id = $1 AND ${HOLDS_DATA}`,
    [eventId],
  )) as [unknown, number];
  return count;
}

/** Erases the travel data of every registration of one account ("forget me"). */
export async function eraseAccountTravel(
  manager: EntityManager,
  accountId: string,
): Promise<number> {
  await manager.query(
    `UPDATE visa_status_changes SET note = NULL
      WHERE registration_id IN (SELECT id FROM registrations WHERE account_id = $1)
        AND note IS NOT NULL`,
    [accountId],
  );
  const [, count] = (await manager.query(
    `UPDATE travel_plans SET ${ERASE_TRAVEL_FIELDS}
      WHERE registration_id IN (SELECT id FROM registrations WHERE account_id = $1) AND ${HOLDS_DATA}`,
    [accountId],
  )) as [unknown, number];
  return count;
}
