import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, DomainError, conflict, notFound } from '#core';
import { type Event, EventAccess, requireWritable } from '#events';
import { CreateSessionDto, UpdateSessionDto } from './dto/session.dto.js';
import { promoteWhereClashWent } from './clash-release.js';
import { lockEventAgenda, lockSession } from './seat-allocator.js';
import { moveSignupTimes, refuseClashes } from './session-clashes.js';
import { sessionValues, sessionColumns } from './session-input.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionReader } from './session-reader.js';
import type { SessionStatus } from './session.entity.js';
import { type SessionRecord, type SessionView, toSessionView } from './session.view.js';
import { writeSiteVisit } from './site-visit-rules.js';
import { WaitlistPromoter } from './waitlist-promoter.js';

/**
 * Organisers create, change, cancel and delete sessions. Every write holds the event's
 * agenda lock while it checks for clashes, and a change people planned around is
 * recorded and emailed to them in the same transaction.
 */
@Injectable()
export class SessionWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly reader: SessionReader,
    private readonly notifier: SessionNotifier,
    private readonly promoter: WaitlistPromoter,
  ) {}

  async create(actor: Actor, eventId: string, dto: CreateSessionDto): Promise<SessionView> {
    const event = await this.access.requireAgendaEditor(actor, eventId);
    requireWritable(event);
    const values = await sessionValues(this.dataSource.manager, event, dto, undefined);
    const id = await this.dataSource.transaction(async (m) => {
      await lockEventAgenda(m, eventId);
      if (!dto.force && values.status !== 'cancelled') {
        await refuseClashes(m, event, undefined, values);
      }
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO sessions (event_id, kind, title, description, theme, starts_at, ends_at, room_id,
           language, interpretation_languages, capacity, signup_required, status,
           external_facilitators, titles, descriptions, published_at, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,
                 CASE WHEN $13 = 'published' THEN now() END, $17)
         RETURNING id`,
        [eventId, ...sessionColumns(values), actor.accountId],
      );
      await writeSiteVisit(m, row.id, values.siteVisit);
      await this.writeFacilitators(m, eventId, row.id, values.facilitatorIds);
      return row.id;
    });
    return toSessionView((await this.reader.one(id)) as SessionRecord, event.timezone);
  }

  async update(actor: Actor, id: string, dto: UpdateSessionDto): Promise<SessionView> {
    const found = await this.reader.one(id);
    if (!found) throw notFound('Session');
    const event = await this.organiserOf(actor, found.eventId);

    await this.dataSource.transaction(async (m) => {
      await lockEventAgenda(m, event.id);
      await lockSession(m, id);
      // Merged over the row as it stands under the locks: an edit committed while we
      // waited is what this one changes from (and what its signed-up people hold).
      const current = await this.reader.one(id, m);
      if (!current) throw notFound('Session');
      const values = await sessionValues(m, event, dto, current);
      const timeChanged =
        values.startsAt.getTime() !== current.startsAt.getTime() ||
        values.endsAt.getTime() !== current.endsAt.getTime();
      const roomChanged = values.roomId !== current.roomId;
      const statusChanged = values.status !== current.status;
      const facilitatorsChanged =
        dto.facilitatorIds !== undefined || dto.externalFacilitators !== undefined;
      const placementChanged = timeChanged || roomChanged || facilitatorsChanged;
      const capacityChanged = values.capacity !== current.capacity;
      if (!dto.force && values.status !== 'cancelled') {
        // A session back from cancelled is checked whole: the agenda moved on without it.
        const revived = current.status === 'cancelled';
        await refuseClashes(m, event, id, values, {
          overlaps: placementChanged || revived,
          capacity: roomChanged || capacityChanged || revived,
          window: timeChanged || revived,
        });
      }
      await m.query(
        `UPDATE sessions SET kind = $2, title = $3, description = $4, theme = $5, starts_at = $6,
           ends_at = $7, room_id = $8, language = $9, interpretation_languages = $10, capacity = $11,
           signup_required = $12, status = $13, external_facilitators = $14, titles = $15,
           descriptions = $16,
           published_at = CASE WHEN $13 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
           updated_at = now()
         WHERE id = $1`,
        [id, ...sessionColumns(values)],
      );
      if (dto.siteVisit !== undefined || values.kind !== current.kind) {
        await writeSiteVisit(m, id, values.siteVisit);
      }
      if (dto.facilitatorIds !== undefined) {
        await m.query(`DELETE FROM session_facilitators WHERE session_id = $1`, [id]);
        await this.writeFacilitators(m, event.id, id, values.facilitatorIds);
      }

      // Tell signed-up people before their sign-ups are cancelled with the session.
      const changes = [
        ...(timeChanged ? (['time'] as const) : []),
        ...(roomChanged ? (['room'] as const) : []),
        ...(statusChanged ? (['status'] as const) : []),
      ];
      // Once published a session is in people's calendars, cancelled or not: every later
      // change is recorded (and bumps its calendar SEQUENCE), a return from cancelled too.
      if (current.publishedAt !== null && changes.length > 0) {
        await this.notifier.record(m, event, current, values, [...changes], actor.accountId);
      }

      // Whoever held a seat here at the old time no longer does: they may be waiting
      // elsewhere at that time, behind this clash.
      const holders: Array<{ account_id: string }> =
        timeChanged || (values.status === 'cancelled' && statusChanged)
          ? await m.query(
              `SELECT account_id FROM signups WHERE session_id = $1 AND status = 'confirmed'`,
              [id],
            )
          : [];
      if (timeChanged) await moveSignupTimes(m, id, values.startsAt, values.endsAt);
      if (values.status === 'cancelled' && statusChanged) {
        await m.query(
          `UPDATE signups SET status = 'cancelled', cancelled_at = now(), updated_at = now()
            WHERE session_id = $1 AND status <> 'cancelled'`,
          [id],
        );
      } else if (capacityChanged) {
        await this.promoter.fillFreeSeats(m, id);
      }
      await promoteWhereClashWent(
        m,
        this.promoter,
        holders.map((h) => ({
          accountId: h.account_id,
          startsAt: current.startsAt,
          endsAt: current.endsAt,
        })),
      );
    });
    return toSessionView((await this.reader.one(id)) as SessionRecord, event.timezone);
  }

  /** Publishing or cancelling one session is an update: it is recorded and emailed alike. */
  async setStatus(actor: Actor, id: string, status: SessionStatus): Promise<SessionView> {
    return this.update(actor, id, { status });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.reader.one(id);
    if (!current) throw notFound('Session');
    await this.organiserOf(actor, current.eventId);
    // Counted under the session lock: a sign-up arriving meanwhile would go with the
    // session (the foreign keys cascade) and nobody would be told.
    await this.dataSource.transaction(async (m) => {
      await lockSession(m, id);
      const [held]: Array<{ n: number }> = await m.query(
        `SELECT count(*)::int AS n FROM signups WHERE session_id = $1 AND status <> 'cancelled'`,
        [id],
      );
      if (held.n > 0) {
        throw conflict('People are signed up for this session; cancel it instead of deleting it');
      }
      await m.query(`DELETE FROM sessions WHERE id = $1`, [id]);
    });
  }

  /**
   * The event when the actor organises it and it is not archived (409); a session of an
   * event they cannot see is a 404.
   */
  private async organiserOf(actor: Actor, eventId: string): Promise<Event> {
    let event: Event;
    try {
      event = await this.access.requireAgendaEditor(actor, eventId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') throw notFound('Session');
      throw e;
    }
    requireWritable(event);
    return event;
  }

  /** Facilitators also become facilitator staff of the event, which lets them read their lists. */
  private async writeFacilitators(
    m: EntityManager,
    eventId: string,
    sessionId: string,
    accountIds: string[],
  ) {
    if (accountIds.length === 0) return;
    await m.query(
      `INSERT INTO session_facilitators (session_id, account_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [sessionId, accountIds],
    );
    await m.query(
      `INSERT INTO event_staff (event_id, account_id, role)
       SELECT $1, unnest($2::uuid[]), 'facilitator' ON CONFLICT DO NOTHING`,
      [eventId, accountIds],
    );
  }
}
