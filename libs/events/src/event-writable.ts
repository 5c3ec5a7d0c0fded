import { conflict } from '#core';
import type { Event } from './event.entity.js';

/**
 * An archived edition is the record of what happened: read-only. Every service that
 * changes an event's agenda (sessions, rooms, sign-ups, attendance), travel (plans, visa
 * statuses, visa rules, letters) or registrations (approve, reject, cancel, edit) asks
 * this first, so the rule lives in one place: 409 with `details.reason = "event_archived"`.
 * (New registrations were already refused by the registration rules.)
 *
 * Erasure is not a change of the record: erasing an event's or a person's personal data
 * still works on archived editions (their services do not call this).
 */
export function requireWritable(event: Pick<Event, 'status'>): void {
  if (event.status === 'archived') {
    throw conflict(
      'This event is archived: its sessions, rooms, travel, visas and registrations are read-only',
      { reason: 'event_archived', status: event.status },
    );
  }
}
