import type { EntityManager } from 'typeorm';
import { conflict, pgErrorCode } from '#core';
import type { Event } from '#events';
import { eventWindow } from './agenda-time.js';
import { type Conflict, detectConflicts, guestKey } from './conflicts.js';
import type { SessionValues } from './session-input.js';
import type { ExternalFacilitator } from './session.entity.js';

/*
 * The clash checks a write must pass, inside the transaction that holds the event's
 * agenda lock: a room or a facilitator taken twice, a capacity above the room's, a time
 * outside the event's dates, and signed-up people who would be in two places at once
 * when a session moves.
 */

/** Which of a write's rules to check: only what the write changes is checked again. */
export interface ClashChecks {
  /** Room and facilitator overlaps (placement: time, room, facilitators). */
  overlaps: boolean;
  /** Capacity above the room's (capacity or room changed). */
  capacity: boolean;
  /** Inside the event's dates (time changed). */
  window: boolean;
}

export const ALL_CHECKS: ClashChecks = { overlaps: true, capacity: true, window: true };

/**
 * 409 listing every rule the session would break: the room or a facilitator already
 * taken, a capacity above the room's, a time outside the event's dates. `force: true`
 * keeps it anyway (it then shows in the agenda's conflicts).
 */
export async function refuseClashes(
  m: EntityManager,
  event: Pick<Event, 'id' | 'startDate' | 'endDate' | 'timezone'>,
  selfId: string | undefined,
  v: SessionValues,
  checks: ClashChecks = ALL_CHECKS,
): Promise<void> {
  const me = selfId ?? 'new';
  const found: Conflict[] = [];
  if (checks.overlaps) found.push(...(await overlapClashes(m, event.id, selfId, v)));
  const rooms: Array<{ id: string; capacity: number | null }> =
    checks.capacity && v.roomId
      ? await m.query(`SELECT id, capacity FROM rooms WHERE id = $1`, [v.roomId])
      : [];
  found.push(
    ...detectConflicts({
      sessions: [
        {
          id: me,
          start: v.startsAt.getTime(),
          end: v.endsAt.getTime(),
          roomId: v.roomId,
          capacity: v.capacity,
        },
      ],
      rooms: checks.capacity ? rooms : undefined,
      window: checks.window
        ? eventWindow(event.startDate, event.endDate, event.timezone)
        : undefined,
    }),
  );
  if (found.length === 0) return;
  const conflicts: Conflict[] = found.map((c) => ({
    ...c,
    sessionIds: selfId ? c.sessionIds : c.sessionIds.filter((x) => x !== me),
  }));
  throw conflict(
    `This session breaks agenda rules (${[...new Set(found.map((c) => c.type))].join(', ')}); send force: true to keep it anyway`,
    { code: 'session_conflicts', conflicts },
  );
}

/** The room and facilitator overlaps of the session with the event's other live sessions. */
async function overlapClashes(
  m: EntityManager,
  eventId: string,
  selfId: string | undefined,
  v: SessionValues,
): Promise<Conflict[]> {
  const others: Array<{
    id: string;
    starts_at: Date;
    ends_at: Date;
    room_id: string | null;
    external_facilitators: ExternalFacilitator[];
    facilitator_ids: string[];
  }> = await m.query(
    `SELECT s.id, s.starts_at, s.ends_at, s.room_id, s.external_facilitators,
            COALESCE(array_agg(f.account_id) FILTER (WHERE f.account_id IS NOT NULL), '{}') AS facilitator_ids
       FROM sessions s LEFT JOIN session_facilitators f ON f.session_id = s.id
      WHERE s.event_id = $1 AND s.status <> 'cancelled' AND s.id <> $2
        AND s.starts_at < $4 AND s.ends_at > $3
      GROUP BY s.id`,
    [eventId, selfId ?? '00000000-0000-0000-0000-000000000000', v.startsAt, v.endsAt],
  );
  if (others.length === 0) return [];
  const me = selfId ?? 'new';
  return detectConflicts({
    sessions: [
      {
        id: me,
        start: v.startsAt.getTime(),
        end: v.endsAt.getTime(),
        roomId: v.roomId,
        facilitators: [...v.facilitatorIds, ...v.externalFacilitators.map((g) => guestKey(g.name))],
      },
      ...others.map((o) => ({
        id: o.id,
        start: o.starts_at.getTime(),
        end: o.ends_at.getTime(),
        roomId: o.room_id,
        facilitators: [
          ...o.facilitator_ids,
          ...(o.external_facilitators ?? []).map((g) => guestKey(g.name)),
        ],
      })),
    ],
  }).filter((c) => c.sessionIds.includes(me));
}

/** Keeps the sign-ups' copy of the range in step; the exclusion constraint re-checks everyone. */
export async function moveSignupTimes(
  m: EntityManager,
  id: string,
  start: Date,
  end: Date,
): Promise<void> {
  await m.query(`SAVEPOINT move_signups`);
  try {
    await m.query(
      `UPDATE signups SET starts_at = $2, ends_at = $3, updated_at = now()
        WHERE session_id = $1 AND status <> 'cancelled'`,
      [id, start, end],
    );
    await m.query(`RELEASE SAVEPOINT move_signups`);
  } catch (e) {
    if (pgErrorCode(e) !== '23P01') throw e;
    await m.query(`ROLLBACK TO SAVEPOINT move_signups`);
    const clashes: Array<{ account_id: string; session_id: string }> = await m.query(
      `SELECT o.account_id, o.session_id FROM signups me
         JOIN signups o ON o.account_id = me.account_id AND o.session_id <> me.session_id
                       AND o.status = 'confirmed'
                       AND tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange($2, $3, '[)')
        WHERE me.session_id = $1 AND me.status = 'confirmed'`,
      [id, start, end],
    );
    throw conflict(
      'Moving this session would put signed-up people in two sessions at once; move them first',
      {
        conflicts: clashes.map((c) => ({
          type: 'participant_overlap',
          sessionIds: [id, c.session_id],
          accountId: c.account_id,
        })),
      },
    );
  }
}
