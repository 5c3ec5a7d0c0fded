import type { DataSource, EntityManager } from 'typeorm';
import { attendedBy, SESSION_ATTENDEES } from '#core';

/**
 * Sessions that count on a certificate of attendance: the training ones. Meals, breaks
 * and social evenings are not continuing training, even when someone ticked them.
 */
export const CERTIFIED_KINDS = ['plenary', 'workshop', 'site_visit'] as const;

export interface AttendedSession {
  sessionId: string;
  /** In the event's first language; `titles` has it in each language written. */
  title: string;
  titles: Record<string, string>;
  kind: string;
  startsAt: Date;
  endsAt: Date;
}

/** Attended sessions per registration (confirmed registrations of one event only). */
export type AttendanceByRegistration = Map<string, AttendedSession[]>;

/**
 * The pairs for a whole event, driven by the event's own sessions: each session's
 * attendance and attended sign-ups are read from their session indexes, then matched to
 * the event's confirmed registrations once. Checking every registration against every
 * session (as the few-people statement does) grows with people times sessions, and
 * PostgreSQL answered it by hashing every signups row of the database, whatever the event.
 */
const EVENT_PAIRS = `
  WITH attended AS MATERIALIZED (
    SELECT s.id AS session_id, s.starts_at, a.account_id
      FROM sessions s
      CROSS JOIN LATERAL (${SESSION_ATTENDEES}) a
     WHERE s.event_id = $1 AND s.status <> 'cancelled' AND s.kind = ANY($2::text[]))
  SELECT r.id AS registration_id, a.session_id
    FROM attended a
    JOIN registrations r
      ON r.event_id = $1 AND r.account_id = a.account_id AND r.status = 'confirmed'
   ORDER BY r.id, a.starts_at, a.session_id`;

/** The pairs for a few registrations: each one checked against the event's sessions. */
const PEOPLE_PAIRS = `
  SELECT r.id AS registration_id, s.id AS session_id
    FROM registrations r
    JOIN sessions s ON s.event_id = r.event_id
   WHERE r.event_id = $1 AND r.status = 'confirmed' AND r.id = ANY($3::uuid[])
     AND s.status <> 'cancelled' AND s.kind = ANY($2::text[]) AND ${attendedBy('r.account_id')}
   ORDER BY r.id, s.starts_at, s.id`;

/**
 * Who attended what: a session counts as attended when it was recorded at its door or on
 * the organiser's list (session_attendance) or when the person's confirmed sign-up is
 * marked attended (signups.attended, from before attendance had its own table). Cancelled
 * sessions never count. Without `registrationIds`, the whole event.
 *
 * The sessions are read once and the pairs carry only ids: a whole event is tens of
 * thousands of pairs, and each used to carry its session's titles to be parsed again.
 * The sessions' objects are shared between registrations, so callers must not change them.
 */
export async function attendedSessions(
  db: DataSource | EntityManager,
  eventId: string,
  registrationIds?: string[],
): Promise<AttendanceByRegistration> {
  const out: AttendanceByRegistration = new Map();
  if (registrationIds?.length === 0) return out;
  const sessionRows = (await db.query(
    `SELECT id, title, titles, kind, starts_at, ends_at FROM sessions
      WHERE event_id = $1 AND status <> 'cancelled' AND kind = ANY($2::text[])`,
    [eventId, CERTIFIED_KINDS],
  )) as Array<{
    id: string;
    title: string;
    titles: Record<string, string> | null;
    kind: string;
    starts_at: Date;
    ends_at: Date;
  }>;
  if (sessionRows.length === 0) return out;
  const sessions = new Map<string, AttendedSession>(
    sessionRows.map((row) => [
      row.id,
      {
        sessionId: row.id,
        title: row.title,
        titles: row.titles ?? {},
        kind: row.kind,
        startsAt: new Date(row.starts_at),
        endsAt: new Date(row.ends_at),
      },
    ]),
  );
  const pairs = (await (registrationIds
    ? db.query(PEOPLE_PAIRS, [eventId, CERTIFIED_KINDS, registrationIds])
    : db.query(EVENT_PAIRS, [eventId, CERTIFIED_KINDS]))) as Array<{
    registration_id: string;
    session_id: string;
  }>;
  for (const pair of pairs) {
    // A session cancelled between the two statements is left out, as it would be after.
    const session = sessions.get(pair.session_id);
    if (!session) continue;
    const list = out.get(pair.registration_id);
    if (list) list.push(session);
    else out.set(pair.registration_id, [session]);
  }
  return out;
}

/**
 * Minutes attended: the sum of the sessions' real durations (instants, not wall clocks:
 * a session across Morocco's change of offset lasts what it lasted).
 */
export function totalMinutes(sessions: readonly { startsAt: Date; endsAt: Date }[]): number {
  return sessions.reduce(
    (sum, s) => sum + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000),
    0,
  );
}

/** 750 minutes -> [12, 30]. */
export function hoursAndMinutes(minutes: number): [hours: number, minutes: number] {
  return [Math.floor(minutes / 60), minutes % 60];
}
