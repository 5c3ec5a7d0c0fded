import type { EntityManager } from 'typeorm';
import { toZonedIso } from '#core';
import type { Event } from '#events';
import { eventWindow } from './agenda-time.js';
import { type Conflict, detectConflicts, guestKey } from './conflicts.js';
import type { SessionReader } from './session-reader.js';
import type { SessionStatus } from './session.entity.js';

/** A session named by a conflict, with what a reader needs to find it in the grid. */
export interface ConflictSessionView {
  id: string;
  title: string;
  kind: string;
  status: SessionStatus;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
}

export interface AgendaConflicts {
  count: number;
  conflicts: Conflict[];
  sessions: ConflictSessionView[];
}

/**
 * Everything wrong with an event's live (not cancelled) agenda right now, of every kind:
 * room and facilitator overlaps, capacity above the room's, outside the event's dates,
 * people in two sessions at once. Derived, never stored.
 */
export async function agendaConflicts(
  db: EntityManager,
  reader: SessionReader,
  event: Pick<Event, 'id' | 'startDate' | 'endDate' | 'timezone'>,
): Promise<AgendaConflicts> {
  const records = (await reader.load({ eventId: event.id }, db)).filter(
    (s) => s.status !== 'cancelled',
  );
  const rooms: Array<{ id: string; capacity: number | null }> = await db.query(
    `SELECT id, capacity FROM rooms WHERE event_id = $1`,
    [event.id],
  );
  // The event's confirmed sign-ups from signups_event_status_idx: only this event's rows,
  // not a scan of every meeting's sign-ups (publishAgenda runs this under the agenda lock).
  const signups: Array<{ sessionId: string; accountId: string }> = await db.query(
    `SELECT session_id AS "sessionId", account_id AS "accountId" FROM signups
      WHERE event_id = $1 AND status = 'confirmed'`,
    [event.id],
  );
  const conflicts = detectConflicts({
    sessions: records.map((s) => ({
      id: s.id,
      start: s.startsAt.getTime(),
      end: s.endsAt.getTime(),
      roomId: s.roomId,
      capacity: s.capacity,
      facilitators: [
        ...s.facilitators.map((f) => f.accountId),
        ...s.externalFacilitators.map((g) => guestKey(g.name)),
      ],
    })),
    rooms,
    signups,
    window: eventWindow(event.startDate, event.endDate, event.timezone),
  });
  const involved = new Set(conflicts.flatMap((c) => c.sessionIds));
  return {
    count: conflicts.length,
    conflicts,
    sessions: records
      .filter((s) => involved.has(s.id))
      .map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        status: s.status,
        startsAt: toZonedIso(s.startsAt, event.timezone),
        endsAt: toZonedIso(s.endsAt, event.timezone),
        roomId: s.roomId,
      })),
  };
}
