import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, localDateOf } from '#core';
import { type Event, EventAccess, eventTextsIn, type LocalizedTexts, textIn } from '#events';
import { type AgendaConflicts, agendaConflicts } from './agenda-conflicts.js';
import { datesBetween } from './agenda-time.js';
import { AgendaQueryDto, MyAgendaQueryDto } from './dto/agenda-query.dto.js';
import { RegistrationGate } from './registration-gate.js';
import { PUBLIC_SESSION, SessionReader } from './session-reader.js';
import { readerOf, type SessionView, toSessionView } from './session.view.js';

export interface AgendaDay {
  /** Calendar date in the event zone. */
  date: string;
  sessions: SessionView[];
}

@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly reader: SessionReader,
    private readonly registrations: RegistrationGate,
  ) {}

  /** The published agenda, one entry per day of the event (in its zone), with seats left. */
  async agenda(actor: Actor | undefined, eventId: string, query: AgendaQueryDto, locale?: string) {
    return this.agendaOf(await this.access.requireVisible(actor, eventId), query, locale);
  }

  /**
   * The same, for a caller that has already found the event visible to its reader through
   * EventAccess (an /e/<slug> page): the event row is not read a second time.
   */
  async agendaOf(event: Event, query: AgendaQueryDto, locale?: string) {
    const eventId = event.id;
    const zone = event.timezone;
    const reader = readerOf(event, locale);
    const records = await this.reader.load({ eventId, publicOnly: true, ...query });
    const byDay = new Map<string, SessionView[]>(
      datesBetween(event.startDate, event.endDate).map((d) => [d, []]),
    );
    for (const r of records) {
      const day = localDateOf(r.startsAt, zone);
      const list = byDay.get(day) ?? [];
      list.push(toSessionView(r, zone, reader));
      byDay.set(day, list);
    }
    const days: AgendaDay[] = [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, sessions]) => ({ date, sessions }));
    return {
      event: {
        id: event.id,
        name: eventTextsIn(event, reader.locale).name,
        kind: event.kind,
        timezone: zone,
        startDate: event.startDate,
        endDate: event.endDate,
      },
      days,
    };
  }

  /** Everything wrong with an event's agenda right now, derived, never stored. */
  async conflicts(actor: Actor, eventId: string): Promise<AgendaConflicts> {
    const event = await this.access.requireStaffRole(actor, eventId, ['facilitator', 'host']);
    return agendaConflicts(this.dataSource.manager, this.reader, event);
  }

  /** The person's confirmed sessions plus every plenary of the events they attend. */
  async myAgenda(
    actor: Actor,
    query: MyAgendaQueryDto,
    locale?: string,
    { seatCounts = true }: { seatCounts?: boolean } = {},
  ) {
    const held: Array<{ session_id: string; signup_id: string; event_id: string }> =
      await this.dataSource.query(
        `SELECT session_id, id AS signup_id, event_id FROM signups
          WHERE account_id = $1 AND status = 'confirmed' AND ($2::uuid IS NULL OR event_id = $2)`,
        [actor.accountId, query.eventId ?? null],
      );
    const registered = await this.registrations.confirmedEventIds(actor.accountId);
    const eventIds = [...new Set([...registered, ...held.map((h) => h.event_id)])].filter(
      (id) => !query.eventId || id === query.eventId,
    );
    if (eventIds.length === 0) return { sessions: [] };
    const plenaries: Array<{ id: string }> = await this.dataSource.query(
      `SELECT s.id FROM sessions s
        WHERE s.event_id = ANY($1::uuid[]) AND s.kind = 'plenary' AND ${PUBLIC_SESSION}`,
      [eventIds],
    );
    const signupBySession = new Map(held.map((h) => [h.session_id, h.signup_id]));
    const ids = [...new Set([...held.map((h) => h.session_id), ...plenaries.map((p) => p.id)])];
    const records = ids.length
      ? await this.reader.load({ ids, publicOnly: true, withoutSeatCounts: !seatCounts })
      : [];
    const zones: Array<{
      id: string;
      timezone: string;
      name: string;
      names: LocalizedTexts;
      languages: string[];
    }> = await this.dataSource.query(
      `SELECT id, timezone, name, names, languages FROM events WHERE id = ANY($1::uuid[])`,
      [eventIds],
    );
    const zoneOf = new Map(zones.map((z) => [z.id, z]));
    return {
      sessions: records.map((r) => {
        const event = zoneOf.get(r.eventId);
        const reader = event && readerOf(event, locale);
        return {
          ...toSessionView(r, event?.timezone ?? 'UTC', reader),
          eventName: event
            ? textIn(event.names, reader!.locale, event.languages, event.name)
            : null,
          timezone: event?.timezone ?? 'UTC',
          signupId: signupBySession.get(r.id) ?? null,
        };
      }),
    };
  }
}
