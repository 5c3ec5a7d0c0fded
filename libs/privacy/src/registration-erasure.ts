import type { EntityManager } from 'typeorm';

/**
 * The registration fields that only matter while an event is being run: what both an
 * event's erasure and "forget me" clear. Who came, from where, in which role stays.
 */
const ERASE_REGISTRATION_FIELDS = `phone = NULL, dietary = NULL, accessibility = NULL,
  emergency_contact_name = NULL, emergency_contact_phone = NULL, emergency_contact_relation = NULL`;

const HOLDS_DATA = `(phone IS NOT NULL OR dietary IS NOT NULL OR accessibility IS NOT NULL
  OR emergency_contact_name IS NOT NULL OR emergency_contact_phone IS NOT NULL
  OR emergency_contact_relation IS NOT NULL)`;

/**
 * The reasons Convene writes itself in a registration's history: they say nothing about
 * the person and stay. Any other reason was typed by an organiser (a rejection, a
 * cancellation) and may name the person, a phone or a passport: erasure clears it.
 */
export const CONVENE_HISTORY_REASONS: readonly string[] = [
  'Registered by an organiser',
  'A seat became free',
  'The participant erased their account',
  'The person gave consent',
  'The person declined',
  'Consent email sent again',
];

/** Clears the typed reasons of the registrations `selection` names (a subquery on $1). */
async function eraseTypedReasons(
  manager: EntityManager,
  selection: string,
  id: string,
): Promise<void> {
  await manager.query(
    `UPDATE registration_status_changes SET reason = NULL
      WHERE reason IS NOT NULL AND NOT (reason = ANY($2::text[]))
        AND registration_id IN (${selection})`,
    [id, CONVENE_HISTORY_REASONS],
  );
}

/** Erases the personal fields of an event's registrations; returns how many held some. */
export async function eraseEventRegistrations(
  manager: EntityManager,
  eventId: string,
): Promise<number> {
  await eraseTypedReasons(manager, 'SELECT id FROM registrations WHERE event_id = $1', eventId);
  const [, count] = (await manager.query(
    `UPDATE registrations SET ${ERASE_REGISTRATION_FIELDS} WHERE event_id = $1 AND ${HOLDS_DATA}`,
    [eventId],
  )) as [unknown, number];
  return count;
}

/** Erases the personal fields of every registration of one account ("forget me"). */
export async function eraseAccountRegistrations(
  manager: EntityManager,
  accountId: string,
): Promise<number> {
  await eraseTypedReasons(manager, 'SELECT id FROM registrations WHERE account_id = $1', accountId);
  const [, count] = (await manager.query(
    `UPDATE registrations SET ${ERASE_REGISTRATION_FIELDS} WHERE account_id = $1 AND ${HOLDS_DATA}`,
    [accountId],
  )) as [unknown, number];
  return count;
}

/**
 * Room wishes (who to share with, needs for the room) only matter until the hotel has
 * the guests; the copies of the rooming list sent to a hotel name every guest. The
 * rooms booked and who slept where stay (they are what was paid for).
 */
export async function eraseEventStays(manager: EntityManager, eventId: string): Promise<void> {
  await manager.query(
    `UPDATE accommodation_stays SET share_with = NULL, room_needs = NULL, share_needs_with_hotel = false
      WHERE event_id = $1 AND (share_with IS NOT NULL OR room_needs IS NOT NULL)`,
    [eventId],
  );
  await manager.query(
    `DELETE FROM rooming_list_sends
      WHERE hotel_id IN (SELECT id FROM accommodation_hotels WHERE event_id = $1)`,
    [eventId],
  );
}

/** One person's room wishes, in every event ("forget me"); the hotels' copies are theirs. */
export async function eraseAccountStays(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query(
    `UPDATE accommodation_stays SET share_with = NULL, room_needs = NULL, share_needs_with_hotel = false
      WHERE registration_id IN (SELECT id FROM registrations WHERE account_id = $1)`,
    [accountId],
  );
}
