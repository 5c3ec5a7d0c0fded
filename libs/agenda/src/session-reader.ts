import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SessionKind, SessionStatus } from './session.entity.js';
import type { SessionRecord, SiteVisitRecord } from './session.view.js';

export interface SessionFilter {
  eventId?: string;
  ids?: string[];
  /** Only what participants may see: published, or cancelled after being published. */
  publicOnly?: boolean;
  kind?: SessionKind;
  theme?: string;
  language?: string;
  status?: SessionStatus;
  /**
   * Leave out the seat counts (confirmed and waitlisted then read 0): counting reads every
   * sign-up of each session, and a person's calendar feed, which never shows seats, holds
   * every session of every meeting they came to.
   */
  withoutSeatCounts?: boolean;
}

/** Each session's seats taken and waiting, as `c`, or none counted. */
const SEAT_COUNTS = `
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE g.status = 'confirmed') AS confirmed,
           count(*) FILTER (WHERE g.status = 'waitlisted') AS waitlisted
      FROM signups g WHERE g.session_id = s.id AND g.status <> 'cancelled'
  ) c ON true`;
const NO_SEAT_COUNTS = `CROSS JOIN (SELECT 0 AS confirmed, 0 AS waitlisted) c`;

/** SQL over `s` (sessions): what participants may see, as `isPublic` says in code. */
export const PUBLIC_SESSION = `(s.status = 'published' OR (s.status = 'cancelled' AND s.published_at IS NOT NULL))`;

interface Row {
  id: string;
  event_id: string;
  kind: SessionKind;
  title: string;
  description: string | null;
  titles: SessionRecord['titles'] | null;
  descriptions: SessionRecord['descriptions'] | null;
  theme: string | null;
  starts_at: Date;
  ends_at: Date;
  room_id: string | null;
  room_name: string | null;
  room_capacity: number | null;
  language: string | null;
  /** As JSON: pg's text[] parser builds each element a character at a time. */
  interpretation_languages: string[];
  capacity: number | null;
  signup_required: boolean;
  status: SessionStatus;
  external_facilitators: SessionRecord['externalFacilitators'];
  published_at: Date | null;
  confirmed: number;
  waitlisted: number;
  facilitators: SessionRecord['facilitators'];
  /** site_visits' row as JSON (instants as text), with the host organisation's name. */
  visit: Record<string, unknown> | null;
}

/**
 * Loads sessions with room, seat counts, facilitators and site-visit details in one
 * statement: every agenda, session page and personal agenda reads through here, and the
 * facilitators and visits read by id list cost two more round trips with 120 ids bound
 * twice.
 *
 * A session's room is always its event's (sessions_room_fkey is on room_id and event_id),
 * so the join says so: for an event's agenda the planner then takes that event's rooms
 * from the event's index instead of hashing every room of every meeting the network held.
 */
@Injectable()
export class SessionReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(filter: SessionFilter, manager?: EntityManager): Promise<SessionRecord[]> {
    const q = manager ?? this.dataSource.manager;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.eventId) where.push(`s.event_id = ${param(filter.eventId)}`);
    if (filter.ids) where.push(`s.id = ANY(${param(filter.ids)}::uuid[])`);
    if (filter.publicOnly) where.push(PUBLIC_SESSION);
    if (filter.status) where.push(`s.status = ${param(filter.status)}`);
    if (filter.kind) where.push(`s.kind = ${param(filter.kind)}`);
    if (filter.theme) where.push(`lower(s.theme) = lower(${param(filter.theme)})`);
    if (filter.language) {
      const p = param(filter.language);
      where.push(`(s.language = ${p} OR ${p} = ANY(s.interpretation_languages))`);
    }
    const rows: Row[] = await q.query(
      `SELECT s.id, s.event_id, s.kind, s.title, s.description, s.titles, s.descriptions, s.theme, s.starts_at, s.ends_at,
              s.room_id, r.name AS room_name, r.capacity AS room_capacity, s.language,
              array_to_json(s.interpretation_languages) AS interpretation_languages, s.capacity, s.signup_required, s.status,
              s.external_facilitators, s.published_at,
              COALESCE(c.confirmed, 0)::int AS confirmed, COALESCE(c.waitlisted, 0)::int AS waitlisted,
              COALESCE((SELECT json_agg(json_build_object('accountId', f.account_id, 'name', a.name)
                                        ORDER BY a.name, f.account_id)
                          FROM session_facilitators f JOIN accounts a ON a.id = f.account_id
                         WHERE f.session_id = s.id), '[]') AS facilitators,
              (SELECT to_jsonb(v) || jsonb_build_object('host_organisation_name', o.name)
                 FROM site_visits v LEFT JOIN organisations o ON o.id = v.host_organisation_id
                WHERE v.session_id = s.id) AS visit
         FROM sessions s
         LEFT JOIN rooms r ON r.id = s.room_id AND r.event_id = s.event_id
         ${filter.withoutSeatCounts ? NO_SEAT_COUNTS : SEAT_COUNTS}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY s.starts_at, s.ends_at, s.title, s.id`,
      params,
    );
    return rows.map((r) => {
      const v = r.visit;
      return {
        id: r.id,
        eventId: r.event_id,
        kind: r.kind,
        title: r.title,
        description: r.description,
        titles: r.titles ?? {},
        descriptions: r.descriptions ?? {},
        theme: r.theme,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        roomId: r.room_id,
        roomName: r.room_name,
        roomCapacity: r.room_capacity,
        language: r.language,
        interpretationLanguages: r.interpretation_languages,
        capacity: r.capacity,
        signupRequired: r.signup_required,
        status: r.status,
        externalFacilitators: r.external_facilitators ?? [],
        publishedAt: r.published_at,
        confirmed: r.confirmed,
        waitlisted: r.waitlisted,
        facilitators: r.facilitators,
        siteVisit: v
          ? {
              hostOrganisationId: v.host_organisation_id as string,
              hostOrganisationName: (v.host_organisation_name as string | null) ?? null,
              address: v.address as string,
              meetingPoint: v.meeting_point as string,
              departureAt: new Date(v.departure_at as string),
              returnAt: new Date(v.return_at as string),
              transportMode: v.transport_mode as string,
              seats: v.seats as number,
              hostLimit: (v.host_limit as number | null) ?? null,
              hostContactName: (v.host_contact_name as string | null) ?? null,
              hostContactPhone: (v.host_contact_phone as string | null) ?? null,
              hostContactEmail: (v.host_contact_email as string | null) ?? null,
              rules: (v.rules as string[]) ?? [],
              rulesTexts: (v.rules_texts as SiteVisitRecord['rulesTexts'] | null) ?? {},
            }
          : null,
      };
    });
  }

  async one(id: string, manager?: EntityManager): Promise<SessionRecord | undefined> {
    return (await this.load({ ids: [id] }, manager))[0];
  }
}
