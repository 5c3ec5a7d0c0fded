import type { DataSource, EntityManager } from 'typeorm';

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
 * Who attended what: a session counts as attended when it was recorded at its door or on
 * the organiser's list (session_attendance) or when the person's confirmed sign-up is
 * marked attended (signups.attended, from before attendance had its own table). Cancelled
 * sessions never count. One query for one person or for a whole event.
 */
export async function attendedSessions(
  db: DataSource | EntityManager,
  eventId: string,
  registrationIds?: string[],
): Promise<AttendanceByRegistration> {
  const rows = (await db.query(
    `SELECT r.id AS registration_id, s.id AS session_id, s.title, s.titles, s.kind, s.starts_at, s.ends_at
       FROM registrations r
       JOIN sessions s ON s.event_id = r.event_id
      WHERE r.event_id = $1 AND r.status = 'confirmed'
        AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))
        AND s.status <> 'cancelled' AND s.kind = ANY($3::text[])
        AND (EXISTS (SELECT 1 FROM session_attendance sa
                      WHERE sa.session_id = s.id AND sa.account_id = r.account_id)
             OR EXISTS (SELECT 1 FROM signups su
                         WHERE su.session_id = s.id AND su.account_id = r.account_id
                           AND su.status = 'confirmed' AND su.attended))
      ORDER BY r.id, s.starts_at, s.id`,
    [eventId, registrationIds ?? null, CERTIFIED_KINDS],
  )) as Array<{
    registration_id: string;
    session_id: string;
    title: string;
    titles: Record<string, string> | null;
    kind: string;
    starts_at: Date;
    ends_at: Date;
  }>;
  const out: AttendanceByRegistration = new Map();
  for (const row of rows) {
    const list = out.get(row.registration_id) ?? [];
    list.push({
      sessionId: row.session_id,
      title: row.title,
      titles: row.titles ?? {},
      kind: row.kind,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
    });
    out.set(row.registration_id, list);
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
