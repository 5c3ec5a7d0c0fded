import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, notFound } from '#core';
import { type Event, EventAccess, type StaffRole } from '#events';

export interface Standing {
  event: Event;
  roles: StaffRole[];
  isOrganiser: boolean;
  isStaff: boolean;
  /** The actor's own registration on the event, when confirmed or waitlisted. */
  registration: { id: string; status: 'confirmed' | 'waitlisted' } | null;
}

/**
 * Who counts as "the event's people" for what it shares: its staff (and admins) and its
 * confirmed or waitlisted participants. Anyone else gets the same 404 as for an event
 * that does not exist, so nothing leaks.
 */
@Injectable()
export class EventPeople {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
  ) {}

  async standing(actor: Actor | undefined, eventId: string): Promise<Standing> {
    const s = await this.access.standing(actor, eventId);
    const rows = actor
      ? ((await this.dataSource.query(
          `SELECT id, status FROM registrations
            WHERE event_id = $1 AND account_id = $2 AND status IN ('confirmed', 'waitlisted')
            LIMIT 1`,
          [eventId, actor.accountId],
        )) as Array<{ id: string; status: 'confirmed' | 'waitlisted' }>)
      : [];
    return { ...s, registration: rows[0] ?? null };
  }

  /** The standing of one of the event's people; 404 (named `what`) for anyone else. */
  async requireMember(actor: Actor | undefined, eventId: string, what: string): Promise<Standing> {
    const s = await this.standing(actor, eventId).catch(() => {
      throw notFound(what);
    });
    if (!s.isStaff && !s.registration) throw notFound(what);
    return s;
  }

  /** Whether the actor facilitates this session (of this event). */
  async facilitates(actor: Actor, sessionId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM session_facilitators WHERE session_id = $1 AND account_id = $2`,
      [sessionId, actor.accountId],
    )) as unknown[];
    return rows.length > 0;
  }
}
