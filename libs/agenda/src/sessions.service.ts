import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, DomainError, conflict, notFound } from '#core';
import { type AgendaConflicts, agendaConflicts } from './agenda-conflicts.js';
import { type Event, EventAccess, requireWritable, type StaffRole } from '#events';
import { ListSessionsQueryDto } from './dto/session.dto.js';
import { lockEventAgenda } from './seat-allocator.js';
import { SessionReader } from './session-reader.js';
import { readerOf, type SessionRecord, type SessionView, toSessionView } from './session.view.js';

/** Participants see published sessions, and cancelled ones they may have planned around. */
const isPublic = (s: Pick<SessionRecord, 'status' | 'publishedAt'>) =>
  s.status === 'published' || (s.status === 'cancelled' && s.publishedAt !== null);

/**
 * Reading sessions (drafts only for the event's staff) and publishing an event's agenda.
 * Writing a session is SessionWriter's job.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly reader: SessionReader,
  ) {}

  async list(
    actor: Actor | undefined,
    eventId: string,
    query: ListSessionsQueryDto,
    locale?: string,
  ): Promise<SessionView[]> {
    const { event, isStaff: staff } = await this.access.standing(actor, eventId);
    const records = await this.reader.load({ eventId, publicOnly: !staff, ...query });
    const reader = readerOf(event, locale);
    return records.map((s) => toSessionView(s, event.timezone, reader));
  }

  /** `locale`: the reader's language (else the event's first); texts fall back in the event's order. */
  async get(actor: Actor | undefined, id: string, locale?: string): Promise<SessionView> {
    const { session, event } = await this.requireSession(actor, id);
    return toSessionView(session, event.timezone, readerOf(event, locale));
  }

  /** The session and its event, or 404 for anyone who may not see it (drafts included). */
  async requireSession(
    actor: Actor | undefined,
    id: string,
  ): Promise<{
    session: SessionRecord;
    event: Event;
    staff: boolean;
    isOrganiser: boolean;
    roles: StaffRole[];
  }> {
    const session = await this.reader.one(id);
    if (!session) throw notFound('Session');
    let standing;
    try {
      standing = await this.access.standing(actor, session.eventId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') throw notFound('Session');
      throw e;
    }
    const { event, isStaff: staff, isOrganiser, roles } = standing;
    if (!staff && !isPublic(session)) throw notFound('Session');
    return { session, event, staff, isOrganiser, roles };
  }

  /**
   * Publishes every draft session of the event at once. When a session about to be
   * published has a known conflict (of any kind) it is refused with the list (409
   * `agenda_conflicts`) unless `force`; what is published despite conflicts is returned.
   */
  async publishAgenda(
    actor: Actor,
    eventId: string,
    opts: { force?: boolean } = {},
  ): Promise<{ published: number; conflicts: AgendaConflicts['conflicts'] }> {
    const event = await this.access.requireAgendaEditor(actor, eventId);
    requireWritable(event);
    return this.dataSource.transaction(async (m) => {
      // Under the agenda lock: no session is written between the check and the publish.
      await lockEventAgenda(m, eventId);
      const found = await agendaConflicts(m, this.reader, event);
      const drafts = new Set(found.sessions.filter((s) => s.status === 'draft').map((s) => s.id));
      const blocking = found.conflicts.filter((c) => c.sessionIds.some((id) => drafts.has(id)));
      if (blocking.length > 0 && !opts.force) {
        const named = new Set(blocking.flatMap((c) => c.sessionIds));
        throw conflict(
          `${blocking.length} conflict(s) involve sessions to publish; send force: true to publish anyway`,
          {
            code: 'agenda_conflicts',
            conflicts: blocking,
            sessions: found.sessions.filter((s) => named.has(s.id)),
          },
        );
      }
      const result: [unknown[], number] = await m.query(
        `UPDATE sessions SET status = 'published', published_at = COALESCE(published_at, now()),
           updated_at = now() WHERE event_id = $1 AND status = 'draft'`,
        [eventId],
      );
      return { published: result[1], conflicts: blocking };
    });
  }
}
