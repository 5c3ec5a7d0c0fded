import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, localDateOf, notFound } from '#core';
import { type EventKind, type LocalizedTexts, hostOfEventSql } from '#events';
import { RegistrationGate } from './registration-gate.js';
import { PUBLIC_SESSION, SessionReader } from './session-reader.js';
import type { SessionKind } from './session.entity.js';
import { readerOf, type SessionView, toSessionView } from './session.view.js';
import type { SignupStatus } from './signup.entity.js';

/** The caller's hold on one session: a seat, a place in line (1 first), or leading it. */
export interface MySignup {
  sessionId: string;
  status: Exclude<SignupStatus, 'cancelled'>;
  position: number | null;
}

/** Why a session is in a person's week. */
export type WeekReason = 'everyone' | 'confirmed' | 'waitlisted' | 'facilitating';

/**
 * A session of the person's week. It carries no seat counts: the week shows the person's
 * own place, and counting every session's sign-ups for every meeting they ever came to
 * grew with their years in the network.
 */
export interface WeekSession extends Omit<SessionView, 'seats'> {
  reason: WeekReason;
  /** Place on the waitlist, 1 first, when reason is waitlisted. */
  position: number | null;
  /** Calendar date in the event zone. */
  date: string;
}

export interface WeekEvent {
  id: string;
  slug: string;
  name: string;
  /** The name in each of the event's languages, and those languages (for textIn). */
  names: LocalizedTexts;
  languages: string[];
  timezone: string;
  venueCity: string | null;
  startDate: string;
  endDate: string;
  sessions: WeekSession[];
}

export interface HostedEvent {
  id: string;
  slug: string;
  name: string;
  names: LocalizedTexts;
  languages: string[];
  kind: EventKind;
  timezone: string;
  venueCity: string | null;
  startDate: string;
  endDate: string;
  /** The event's site visits (published or cancelled after publication), with seats. */
  visits: SessionView[];
}

/** Sessions every participant of an event attends without signing up. */
const FOR_EVERYONE: SessionKind[] = ['plenary', 'meal', 'break'];

/**
 * What a participant's own pages ask of the agenda: their holds on an event's sessions,
 * their week (plenaries, meals and breaks, their seats, their places in line, the
 * sessions they lead) and, for hosts, the events they host with their site visits.
 * Nothing here widens what anyone may see: only the caller's own rows, the public
 * agenda, and events where the caller holds the host role.
 */
@Injectable()
export class ParticipantAgenda {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SessionReader,
    private readonly registrations: RegistrationGate,
  ) {}

  /** Whether the caller may sign up for the event's sessions: a confirmed registration. */
  async confirmedParticipant(actor: Actor, eventId: string): Promise<boolean> {
    return (
      (await this.registrations.confirmedRegistrationId(eventId, actor.accountId)) !== undefined
    );
  }

  /** The caller's active sign-ups on an event's sessions, with their waitlist places. */
  async mySignups(actor: Actor, eventId: string): Promise<MySignup[]> {
    const rows: Array<{ session_id: string; status: MySignup['status']; position: number | null }> =
      await this.dataSource.query(
        `SELECT s.session_id, s.status,
                CASE WHEN s.status = 'waitlisted' THEN (
                  SELECT count(*)::int FROM signups w
                   WHERE w.session_id = s.session_id AND w.status = 'waitlisted' AND w.seq <= s.seq)
                END AS position
           FROM signups s
          WHERE s.account_id = $1 AND s.event_id = $2 AND s.status <> 'cancelled'`,
        [actor.accountId, eventId],
      );
    return rows.map((r) => ({ sessionId: r.session_id, status: r.status, position: r.position }));
  }

  /**
   * The caller's week, event by event: for events where they hold a confirmed
   * registration, a sign-up or lead a session, while the event is published or closed
   * (past editions, archived, drop out). Only published sessions (and those cancelled
   * after publication, so a person sees what changed).
   */
  async myWeek(actor: Actor, eventId?: string, locale?: string): Promise<WeekEvent[]> {
    const me = actor.accountId;
    const holds: Array<{
      session_id: string;
      event_id: string;
      status: 'confirmed' | 'waitlisted';
      position: number | null;
    }> = await this.dataSource.query(
      `SELECT s.session_id, s.event_id, s.status,
              CASE WHEN s.status = 'waitlisted' THEN (
                SELECT count(*)::int FROM signups w
                 WHERE w.session_id = s.session_id AND w.status = 'waitlisted' AND w.seq <= s.seq)
              END AS position
         FROM signups s
        WHERE s.account_id = $1 AND s.status <> 'cancelled'
          AND ($2::uuid IS NULL OR s.event_id = $2)`,
      [me, eventId ?? null],
    );
    const led: Array<{ session_id: string; event_id: string }> = await this.dataSource.query(
      `SELECT f.session_id, s.event_id FROM session_facilitators f
         JOIN sessions s ON s.id = f.session_id
        WHERE f.account_id = $1 AND ${PUBLIC_SESSION} AND ($2::uuid IS NULL OR s.event_id = $2)`,
      [me, eventId ?? null],
    );
    const registered = (await this.registrations.confirmedEventIds(me)).filter(
      (id) => !eventId || id === eventId,
    );
    const eventIds = [
      ...new Set([...registered, ...holds.map((h) => h.event_id), ...led.map((l) => l.event_id)]),
    ];
    if (eventIds.length === 0) return [];
    const events: Array<{
      id: string;
      slug: string;
      name: string;
      names: LocalizedTexts | null;
      languages: string[];
      timezone: string;
      venue_city: string | null;
      start_date: string;
      end_date: string;
    }> = await this.dataSource.query(
      `SELECT id, slug, name, names, languages, timezone, venue_city,
              to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM events WHERE id = ANY($1::uuid[]) AND status IN ('published', 'closed')
        ORDER BY start_date, name`,
      [eventIds],
    );
    const everyone: Array<{ id: string }> = registered.length
      ? await this.dataSource.query(
          `SELECT s.id FROM sessions s
            WHERE s.event_id = ANY($1::uuid[]) AND s.kind = ANY($2::text[]) AND ${PUBLIC_SESSION}`,
          [registered, FOR_EVERYONE],
        )
      : [];
    const holdOf = new Map(holds.map((h) => [h.session_id, h]));
    const ledIds = new Set(led.map((l) => l.session_id));
    const ids = [
      ...new Set([...everyone.map((s) => s.id), ...holds.map((h) => h.session_id), ...ledIds]),
    ];
    const records = ids.length
      ? await this.reader.load({ ids, publicOnly: true, withoutSeatCounts: true })
      : [];
    return events.map((e) => ({
      id: e.id,
      slug: e.slug,
      name: e.name,
      names: e.names ?? {},
      languages: e.languages,
      timezone: e.timezone,
      venueCity: e.venue_city,
      startDate: e.start_date,
      endDate: e.end_date,
      sessions: records
        .filter((r) => r.eventId === e.id)
        .map((r): WeekSession => {
          const hold = holdOf.get(r.id);
          const reason: WeekReason = ledIds.has(r.id)
            ? 'facilitating'
            : (hold?.status ?? 'everyone');
          const { seats: _uncounted, ...view } = toSessionView(r, e.timezone, readerOf(e, locale));
          return {
            ...view,
            reason,
            position: reason === 'waitlisted' ? (hold?.position ?? null) : null,
            date: localDateOf(r.startsAt, e.timezone),
          };
        }),
    }));
  }

  /**
   * The events the caller hosts (the host role on a published or closed event), each
   * with its site visits. Someone who hosts nothing gets a 404.
   */
  async hostedEvents(actor: Actor, eventId?: string, locale?: string): Promise<HostedEvent[]> {
    const events: Array<{
      id: string;
      slug: string;
      name: string;
      names: LocalizedTexts | null;
      languages: string[];
      kind: EventKind;
      timezone: string;
      venue_city: string | null;
      start_date: string;
      end_date: string;
    }> = await this.dataSource.query(
      `SELECT e.id, e.slug, e.name, e.names, e.languages, e.kind, e.timezone, e.venue_city,
              to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(e.end_date, 'YYYY-MM-DD') AS end_date
         FROM events e
        WHERE e.status IN ('published', 'closed')
          AND ${hostOfEventSql('e', '$1')}
          AND ($2::uuid IS NULL OR e.id = $2)
        ORDER BY e.start_date, e.name`,
      [actor.accountId, eventId ?? null],
    );
    if (events.length === 0) throw notFound(eventId ? 'Event' : 'Hosted event');
    const records = (
      await Promise.all(
        events.map((e) =>
          this.reader.load({ eventId: e.id, publicOnly: true, kind: 'site_visit' }),
        ),
      )
    ).flat();
    return events.map((e) => ({
      id: e.id,
      slug: e.slug,
      name: e.name,
      names: e.names ?? {},
      languages: e.languages,
      kind: e.kind,
      timezone: e.timezone,
      venueCity: e.venue_city,
      startDate: e.start_date,
      endDate: e.end_date,
      visits: records
        .filter((r) => r.eventId === e.id)
        .map((r) => toSessionView(r, e.timezone, readerOf(e, locale))),
    }));
  }
}
