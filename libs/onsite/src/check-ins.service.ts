import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  badRequest,
  conflict,
  DomainError,
  localDateOf,
  notFound,
  toZonedIso,
} from '#core';
import { type Event, EventAccess, requireWritable } from '#events';
import { timeOfDay } from './attendance-window.js';
import { badgeCodeFrom } from './badge-code.js';
import { BadgeCodes, type BadgeHolder } from './badge-codes.service.js';

/** The answer to a scan at the front desk (and what the page shows in big letters). */
export interface CheckInResult {
  status: 'checked_in' | 'already_checked_in';
  registrationId: string;
  name: string;
  organisation: string;
  /** The day of the event (its zone) the person is present for. */
  day: string;
  checkedInAt: string;
  /** "08:52" in the event's zone. */
  time: string;
  message: string;
}

/** A person the desk can find by name when the camera cannot read a badge. */
export interface DeskPerson {
  registrationId: string;
  name: string;
  organisation: string;
  checkedInAt: string | null;
  time: string | null;
}

/** 404 badge_not_valid: unknown code, another event's badge, or an unreadable scan. */
export const badgeNotValid = () =>
  new DomainError('not_found', 'This badge is not valid for this event', {
    reason: 'badge_not_valid',
  });

/**
 * The front desk: a badge scanned (or a person picked by name) is present for the day,
 * the day taken in the event's zone. Idempotent under any concurrency: one row per
 * registration and day (a unique key), a second scan answers when the first one was.
 */
@Injectable()
export class CheckIns {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly codes: BadgeCodes,
  ) {}

  /** Organisers of the event only: its other staff 403, anyone else 404. */
  async requireDesk(actor: Actor, eventId: string): Promise<Event> {
    const standing = await this.access.standing(actor, eventId);
    if (!standing.isStaff) throw notFound('Event');
    const event = await this.access.requireOrganiser(actor, eventId);
    requireWritable(event);
    return event;
  }

  /** POST /events/:id/check-ins {code}: the code alone, or the URL the badge's QR carries. */
  async checkInByCode(actor: Actor, eventId: string, scanned: string): Promise<CheckInResult> {
    const event = await this.requireDesk(actor, eventId);
    const holder = await this.holderAt(event, scanned);
    return this.record(actor, event, holder.registrationId, holder.name, holder.organisation);
  }

  /** The desk's list path: a confirmed registration of this event, picked by name. */
  async checkInRegistration(
    actor: Actor,
    eventId: string,
    registrationId: string,
  ): Promise<CheckInResult> {
    const event = await this.requireDesk(actor, eventId);
    const [row] = (await this.dataSource.query(
      `SELECT a.name, o.name AS organisation FROM registrations r
         JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.organisation_id
        WHERE r.id = $1 AND r.event_id = $2 AND r.status = 'confirmed'`,
      [registrationId, event.id],
    )) as Array<{ name: string; organisation: string }>;
    if (!row) throw notFound('Confirmed registration');
    return this.record(actor, event, registrationId, row.name, row.organisation);
  }

  /** The holder of a scanned badge of this event with a confirmed registration, else refused. */
  async holderAt(event: Event, scanned: string): Promise<BadgeHolder> {
    if (typeof scanned !== 'string' || scanned.length > 500) {
      throw badRequest('code must be a badge code', { field: 'code', reason: 'invalid_code' });
    }
    const code = badgeCodeFrom(scanned);
    const holder = code ? await this.codes.holder(code) : null;
    if (!holder || holder.eventId !== event.id) throw badgeNotValid();
    if (holder.registrationStatus !== 'confirmed') {
      throw conflict('This badge was revoked: its registration is no longer confirmed', {
        reason: 'badge_revoked',
        status: holder.registrationStatus,
      });
    }
    return holder;
  }

  private async record(
    actor: Actor,
    event: Event,
    registrationId: string,
    name: string,
    organisation: string,
  ): Promise<CheckInResult> {
    const now = new Date();
    const day = localDateOf(now, event.timezone);
    // ON CONFLICT waits for a concurrent desk's insert and then does nothing: one row.
    const inserted = (await this.dataSource.query(
      `INSERT INTO check_ins (event_id, registration_id, day, checked_in_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (registration_id, day) DO NOTHING RETURNING checked_in_at`,
      [event.id, registrationId, day, now, actor.accountId],
    )) as Array<{ checked_in_at: Date }>;
    let at: Date;
    if (inserted[0]) at = inserted[0].checked_in_at;
    else {
      const [existing] = (await this.dataSource.query(
        `SELECT checked_in_at FROM check_ins WHERE registration_id = $1 AND day = $2`,
        [registrationId, day],
      )) as Array<{ checked_in_at: Date }>;
      at = existing.checked_in_at;
    }
    const time = timeOfDay(at, event.timezone);
    const already = !inserted[0];
    return {
      status: already ? 'already_checked_in' : 'checked_in',
      registrationId,
      name,
      organisation,
      day,
      checkedInAt: toZonedIso(at, event.timezone),
      time,
      message: already ? `${name}: already checked in at ${time}` : `${name}: checked in ${time}`,
    };
  }

  /** Confirmed people whose name, organisation or email holds `query` (accents ignored). */
  async search(actor: Actor, eventId: string, query: string): Promise<DeskPerson[]> {
    const event = await this.requireDesk(actor, eventId);
    const q = query.trim().slice(0, 100);
    if (q.length < 2) return [];
    const day = localDateOf(new Date(), event.timezone);
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = (await this.dataSource.query(
      `SELECT r.id, a.name, o.name AS organisation, c.checked_in_at
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
         LEFT JOIN check_ins c ON c.registration_id = r.id AND c.day = $3
        WHERE r.event_id = $1 AND r.status = 'confirmed'
          AND (a.name_folded LIKE convene_fold($2)
               OR o.name_folded LIKE convene_fold($2)
               OR a.email_folded LIKE convene_fold($2))
        ORDER BY a.name_folded, r.id LIMIT 30`,
      [event.id, like, day],
    )) as Array<{ id: string; name: string; organisation: string; checked_in_at: Date | null }>;
    return rows.map((r) => ({
      registrationId: r.id,
      name: r.name,
      organisation: r.organisation,
      checkedInAt: r.checked_in_at ? toZonedIso(r.checked_in_at, event.timezone) : null,
      time: r.checked_in_at ? timeOfDay(r.checked_in_at, event.timezone) : null,
    }));
  }

  /** How many people are checked in today (the event's zone). */
  async countToday(event: Event): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM check_ins WHERE event_id = $1 AND day = $2`,
      [event.id, localDateOf(new Date(), event.timezone)],
    )) as Array<{ n: number }>;
    return n;
  }
}
