import { Injectable } from '@nestjs/common';
import {
  AgendaService,
  type Conflict,
  RoomsService,
  type SessionView,
  SessionsService,
} from '#agenda';
import { type Actor, isUuid, notFound } from '#core';
import { EventsService, type EventView } from '#events';
import { OrganisationsService } from '#organisations';
import { ConsoleAccess, type ConsoleMenu } from '../console/console-frame.js';
import type { WebContext } from '../../http/web-context.js';
import { type ConflictContext, conflictContext } from './agenda-words.js';

export interface AgendaData {
  actor: Actor;
  event: EventView;
  /** The frame's menu: a host sees only the pages open to hosts. */
  menu: ConsoleMenu;
  sessions: SessionView[];
  rooms: Awaited<ReturnType<RoomsService['list']>>;
  conflicts: Conflict[];
  names: ConflictContext;
}

/**
 * What the agenda pages read, through the services (each checks the actor): the event
 * for its organisers and an immersion's hosts (anyone else gets 404), its sessions drafts
 * included, rooms, and the conflicts as the API reports them.
 */
@Injectable()
export class AgendaPageData {
  constructor(
    private readonly console: ConsoleAccess,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomsService,
    private readonly agendas: AgendaService,
    private readonly events: EventsService,
    private readonly organisations: OrganisationsService,
  ) {}

  async load(ctx: WebContext, eventId: string): Promise<AgendaData> {
    const { actor, event, menu } = await this.console.agendaEvent(ctx, eventId);
    const [sessions, rooms, report] = await Promise.all([
      this.sessions.list(actor, eventId, {}),
      this.rooms.list(actor, eventId),
      this.agendas.conflicts(actor, eventId),
    ]);
    return {
      actor,
      event,
      menu,
      sessions,
      rooms,
      conflicts: report.conflicts,
      names: conflictContext(sessions, rooms),
    };
  }

  /**
   * The organiser and one session of the event, for the actions on one person's sign-up:
   * the whole agenda (every session, sign-up and clash) was loaded to check only this.
   */
  async session(ctx: WebContext, eventId: string, sessionId: string): Promise<{ actor: Actor }> {
    const { actor } = await this.console.agendaEvent(ctx, eventId);
    if (!isUuid(sessionId)) throw notFound('Session');
    const { session } = await this.sessions.requireSession(actor, sessionId);
    if (session.eventId !== eventId) throw notFound('Session');
    return { actor };
  }

  /** The event's staff, once per person, to choose facilitators among. */
  async staff(actor: Actor, eventId: string) {
    const rows = await this.events.listStaff(actor, eventId);
    const byAccount = new Map<string, { accountId: string; name: string; roles: string[] }>();
    for (const r of rows) {
      const entry = byAccount.get(r.accountId) ?? {
        accountId: r.accountId,
        name: r.name,
        roles: [],
      };
      entry.roles.push(r.role);
      byAccount.set(r.accountId, entry);
    }
    return [...byAccount.values()];
  }

  /** Partner organisations that may host a site visit. */
  async hosts() {
    const page = await this.organisations.list({ page: 1, pageSize: 200 });
    return page.items.map((o) => ({ id: o.id, name: o.name, city: o.city }));
  }
}
