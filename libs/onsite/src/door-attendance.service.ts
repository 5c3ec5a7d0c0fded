import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, conflict, forbidden, notFound, toZonedIso } from '#core';
import { SessionsService } from '#agenda';
import { type Event, EventAccess, requireWritable } from '#events';
import { refuseOutsideDoorWindow, timeOfDay } from './attendance-window.js';
import { CheckIns, type DeskPerson } from './check-ins.service.js';

type LoadedSession = Awaited<ReturnType<SessionsService['requireSession']>>['session'];

/** The answer to a scan at a session's door. */
export interface DoorResult {
  status: 'attended' | 'already_attended';
  sessionId: string;
  registrationId: string;
  name: string;
  organisation: string;
  /** False when the person holds no sign-up for a session that asks for one. */
  signedUp: boolean;
  attendedAt: string;
  time: string;
  message: string;
}

/** A session whose door this person may scan, for the scanning page's choice. */
export interface DoorSession {
  id: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  attended: number;
}

/**
 * Attendance at a session's door (plenaries included): from 60 minutes before it starts
 * until it ends, by the event's organisers and the session's own facilitators. One row
 * per person and session in session_attendance; a sign-up is marked attended too.
 */
@Injectable()
export class DoorAttendance {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: EventAccess,
    private readonly checkIns: CheckIns,
  ) {}

  /** Organisers and the session's facilitators (hosts and other staff 403, anyone else 404). */
  async requireDoor(
    actor: Actor,
    sessionId: string,
  ): Promise<{ session: LoadedSession; event: Event }> {
    const { session, event, staff, isOrganiser } = await this.sessions.requireSession(
      actor,
      sessionId,
    );
    if (!staff) throw notFound('Session');
    const facilitates = session.facilitators.some((f) => f.accountId === actor.accountId);
    if (!isOrganiser && !facilitates) {
      throw forbidden("Only organisers and the session's facilitators can take attendance");
    }
    requireWritable(event);
    return { session, event };
  }

  /** POST /sessions/:id/attendance {code}. */
  async markByCode(actor: Actor, sessionId: string, scanned: string): Promise<DoorResult> {
    const { session, event } = await this.openDoor(actor, sessionId);
    const holder = await this.checkIns.holderAt(event, scanned);
    return this.record(actor, session, event, holder);
  }

  /** The door's list path: a confirmed registration of this event, picked by name. */
  async markRegistration(
    actor: Actor,
    sessionId: string,
    registrationId: string,
  ): Promise<DoorResult> {
    const { session, event } = await this.openDoor(actor, sessionId);
    const [row] = (await this.dataSource.query(
      `SELECT r.account_id, a.name, o.name AS organisation FROM registrations r
         JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.organisation_id
        WHERE r.id = $1 AND r.event_id = $2 AND r.status = 'confirmed'`,
      [registrationId, event.id],
    )) as Array<{ account_id: string; name: string; organisation: string }>;
    if (!row) throw notFound('Confirmed registration');
    return this.record(actor, session, event, {
      registrationId,
      accountId: row.account_id,
      name: row.name,
      organisation: row.organisation,
    });
  }

  private async openDoor(actor: Actor, sessionId: string) {
    const found = await this.requireDoor(actor, sessionId);
    if (found.session.status !== 'published') {
      throw conflict(`Attendance cannot be taken for a ${found.session.status} session`, {
        reason: 'session_not_published',
        status: found.session.status,
      });
    }
    refuseOutsideDoorWindow(found.session, found.event.timezone);
    return found;
  }

  private async record(
    actor: Actor,
    session: LoadedSession,
    event: Event,
    holder: { registrationId: string; accountId: string; name: string; organisation: string },
  ): Promise<DoorResult> {
    const result = await this.dataSource.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO session_attendance (session_id, account_id, recorded_by, source)
         VALUES ($1, $2, $3, 'door')
         ON CONFLICT (session_id, account_id) DO NOTHING RETURNING attended_at`,
        [session.id, holder.accountId, actor.accountId],
      )) as Array<{ attended_at: Date }>;
      const at =
        inserted[0]?.attended_at ??
        (
          (await m.query(
            `SELECT attended_at FROM session_attendance WHERE session_id = $1 AND account_id = $2`,
            [session.id, holder.accountId],
          )) as Array<{ attended_at: Date }>
        )[0].attended_at;
      // The person's sign-up says it too, so the organiser's list shows them present.
      const [, signedUp] = (await m.query(
        `UPDATE signups SET attended = true,
                attendance_marked_at = COALESCE(attendance_marked_at, now()), updated_at = now()
          WHERE session_id = $1 AND account_id = $2 AND status = 'confirmed'`,
        [session.id, holder.accountId],
      )) as [unknown[], number];
      return { at, already: !inserted[0], signedUp: signedUp > 0 };
    });
    const time = timeOfDay(result.at, event.timezone);
    return {
      status: result.already ? 'already_attended' : 'attended',
      sessionId: session.id,
      registrationId: holder.registrationId,
      name: holder.name,
      organisation: holder.organisation,
      signedUp: result.signedUp || !session.signupRequired,
      attendedAt: toZonedIso(result.at, event.timezone),
      time,
      message: result.already
        ? `${holder.name}: already counted at ${time}`
        : `${holder.name}: at the session since ${time}`,
    };
  }

  /** The door's search by name: confirmed people of the event, present here since when. */
  async searchAtDoor(actor: Actor, sessionId: string, query: string): Promise<DeskPerson[]> {
    const { session, event } = await this.requireDoor(actor, sessionId);
    const q = query.trim().slice(0, 100);
    if (q.length < 2) return [];
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = (await this.dataSource.query(
      `SELECT r.id, a.name, o.name AS organisation, sa.attended_at
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
         LEFT JOIN session_attendance sa ON sa.session_id = $3 AND sa.account_id = r.account_id
        WHERE r.event_id = $1 AND r.status = 'confirmed'
          AND (a.name_folded LIKE convene_fold($2)
               OR o.name_folded LIKE convene_fold($2)
               OR a.email_folded LIKE convene_fold($2))
        ORDER BY a.name_folded, r.id LIMIT 30`,
      [event.id, like, session.id],
    )) as Array<{ id: string; name: string; organisation: string; attended_at: Date | null }>;
    return rows.map((r) => ({
      registrationId: r.id,
      name: r.name,
      organisation: r.organisation,
      checkedInAt: r.attended_at ? toZonedIso(r.attended_at, event.timezone) : null,
      time: r.attended_at ? timeOfDay(r.attended_at, event.timezone) : null,
    }));
  }

  /** How many people were counted at this session (door and list). */
  async countAt(sessionId: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM session_attendance WHERE session_id = $1`,
      [sessionId],
    )) as Array<{ n: number }>;
    return n;
  }

  /**
   * The published sessions of the event whose door this person may scan: all of them for
   * organisers, their own for facilitators; with how many people were counted.
   */
  async doorSessions(actor: Actor, eventId: string): Promise<DoorSession[]> {
    const { event, isOrganiser, isStaff } = await this.access.standing(actor, eventId);
    if (!isStaff) throw notFound('Event');
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.title, s.kind, s.starts_at, s.ends_at,
              (SELECT count(*)::int FROM session_attendance sa WHERE sa.session_id = s.id) AS attended
         FROM sessions s
        WHERE s.event_id = $1 AND s.status = 'published' AND s.kind NOT IN ('break', 'meal')
          AND ($2 OR EXISTS (SELECT 1 FROM session_facilitators f
                              WHERE f.session_id = s.id AND f.account_id = $3))
        ORDER BY s.starts_at, s.title`,
      [event.id, isOrganiser, actor.accountId],
    )) as Array<{
      id: string;
      title: string;
      kind: string;
      starts_at: Date;
      ends_at: Date;
      attended: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      startsAt: toZonedIso(r.starts_at, event.timezone),
      endsAt: toZonedIso(r.ends_at, event.timezone),
      attended: r.attended,
    }));
  }
}
