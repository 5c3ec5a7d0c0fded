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

/** Erases the personal fields of an event's registrations; returns how many held some. */
export async function eraseEventRegistrations(
  manager: EntityManager,
  eventId: string,
): Promise<number> {
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
  const [, count] = (await manager.query(
    `UPDATE registrations SET ${ERASE_REGISTRATION_FIELDS} WHERE account_id = $1 AND ${HOLDS_DATA}`,
    [accountId],
  )) as [unknown, number];
  return count;
}
