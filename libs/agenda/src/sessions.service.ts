import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, DomainError, badRequest, conflict, notFound, pgErrorCode } from '#core';
import { type Event, EventAccess } from '#events';
import { readInstant } from './agenda-time.js';
import { type Conflict, detectConflicts, guestKey } from './conflicts.js';
import { CreateSessionDto, ListSessionsQueryDto, UpdateSessionDto } from './dto/session.dto.js';
import { lockEventAgenda, lockSession, promoteWaitlist } from './seat-allocator.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionReader } from './session-reader.js';
import type { ExternalFacilitator, SessionKind, SessionStatus } from './session.entity.js';
import { type SessionRecord, type SessionView, toSessionView } from './session.view.js';

interface SessionValues {
  kind: SessionKind;
  title: string;
  description: string | null;
  theme: string | null;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  language: string | null;
  interpretationLanguages: string[];
  capacity: number | null;
  signupRequired: boolean;
  status: SessionStatus;
  externalFacilitators: ExternalFacilitator[];
  facilitatorIds: string[];
  siteVisit: SiteVisitValues | null;
}

interface SiteVisitValues {
  hostOrganisationId: string;
  address: string;
  meetingPoint: string;
  departureAt: Date;
  returnAt: Date;
  transportMode: string;
  seats: number;
  hostLimit: number | null;
  hostContactName: string | null;
  hostContactPhone: string | null;
  hostContactEmail: string | null;
  rules: string[];
}

/** Participants see published sessions, and cancelled ones they may have planned around. */
export const isPublic = (s: Pick<SessionRecord, 'status' | 'publishedAt'>) =>
  s.status === 'published' || (s.status === 'cancelled' && s.publishedAt !== null);

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly reader: SessionReader,
    private readonly notifier: SessionNotifier,
  ) {}

  async list(
    actor: Actor | undefined,
    eventId: string,
    query: ListSessionsQueryDto,
  ): Promise<SessionView[]> {
    const event = await this.access.requireVisible(actor, eventId);
    const staff = await this.access.isStaff(actor, eventId);
    const records = await this.reader.load({ eventId, publicOnly: !staff, ...query });
    return records.map((s) => toSessionView(s, event.timezone));
  }

  async get(actor: Actor | undefined, id: string): Promise<SessionView> {
    const { session, event } = await this.requireSession(actor, id);
    return toSessionView(session, event.timezone);
  }

  /** The session and its event, or 404 for anyone who may not see it (drafts included). */
  async requireSession(
    actor: Actor | undefined,
    id: string,
  ): Promise<{ session: SessionRecord; event: Event; staff: boolean }> {
    const session = await this.reader.one(id);
    if (!session) throw notFound('Session');
    let event: Event;
    try {
      event = await this.access.requireVisible(actor, session.eventId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') throw notFound('Session');
      throw e;
    }
    const staff = await this.access.isStaff(actor, session.eventId);
    if (!staff && !isPublic(session)) throw notFound('Session');
    return { session, event, staff };
  }

  async create(actor: Actor, eventId: string, dto: CreateSessionDto): Promise<SessionView> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const values = await this.normalise(event, dto, undefined);
    const id = await this.dataSource.transaction(async (m) => {
      await lockEventAgenda(m, eventId);
      if (!dto.force && values.status !== 'cancelled') {
        await this.refuseClashes(m, eventId, undefined, values);
      }
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO sessions (event_id, kind, title, description, theme, starts_at, ends_at, room_id,
           language, interpretation_languages, capacity, signup_required, status,
           external_facilitators, published_at, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,
                 CASE WHEN $13 = 'published' THEN now() END, $15)
         RETURNING id`,
        [
          eventId,
          values.kind,
          values.title,
          values.description,
          values.theme,
          values.startsAt,
          values.endsAt,
          values.roomId,
          values.language,
          values.interpretationLanguages,
          values.capacity,
          values.signupRequired,
          values.status,
          JSON.stringify(values.externalFacilitators),
          actor.accountId,
        ],
      );
      await this.writeSiteVisit(m, row.id, values.siteVisit);
      await this.writeFacilitators(m, eventId, row.id, values.facilitatorIds);
      return row.id;
    });
    return toSessionView((await this.reader.one(id)) as SessionRecord, event.timezone);
  }

  async update(actor: Actor, id: string, dto: UpdateSessionDto): Promise<SessionView> {
    const current = await this.reader.one(id);
    if (!current) throw notFound('Session');
    const event = await this.organiserOf(actor, current.eventId);
    const values = await this.normalise(event, dto, current);

    const timeChanged =
      values.startsAt.getTime() !== current.startsAt.getTime() ||
      values.endsAt.getTime() !== current.endsAt.getTime();
    const roomChanged = values.roomId !== current.roomId;
    const statusChanged = values.status !== current.status;
    const facilitatorsChanged =
      dto.facilitatorIds !== undefined || dto.externalFacilitators !== undefined;

    await this.dataSource.transaction(async (m) => {
      await lockEventAgenda(m, current.eventId);
      await lockSession(m, id);
      const placementChanged = timeChanged || roomChanged || facilitatorsChanged;
      if (!dto.force && values.status !== 'cancelled' && placementChanged) {
        await this.refuseClashes(m, current.eventId, id, values);
      }
      await m.query(
        `UPDATE sessions SET kind = $2, title = $3, description = $4, theme = $5, starts_at = $6,
           ends_at = $7, room_id = $8, language = $9, interpretation_languages = $10, capacity = $11,
           signup_required = $12, status = $13, external_facilitators = $14,
           published_at = CASE WHEN $13 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
           updated_at = now()
         WHERE id = $1`,
        [
          id,
          values.kind,
          values.title,
          values.description,
          values.theme,
          values.startsAt,
          values.endsAt,
          values.roomId,
          values.language,
          values.interpretationLanguages,
          values.capacity,
          values.signupRequired,
          values.status,
          JSON.stringify(values.externalFacilitators),
        ],
      );
      if (dto.siteVisit !== undefined || values.kind !== current.kind) {
        await this.writeSiteVisit(m, id, values.siteVisit);
      }
      if (dto.facilitatorIds !== undefined) {
        await m.query(`DELETE FROM session_facilitators WHERE session_id = $1`, [id]);
        await this.writeFacilitators(m, current.eventId, id, values.facilitatorIds);
      }

      // Tell signed-up people before their sign-ups are cancelled with the session.
      const changes = [
        ...(timeChanged ? (['time'] as const) : []),
        ...(roomChanged ? (['room'] as const) : []),
        ...(statusChanged ? (['status'] as const) : []),
      ];
      if (current.status === 'published' && changes.length > 0) {
        await this.notifier.record(m, event, current, values, [...changes], actor.accountId);
      }

      if (timeChanged) await this.moveSignupTimes(m, id, values.startsAt, values.endsAt);
      if (values.status === 'cancelled' && statusChanged) {
        await m.query(
          `UPDATE signups SET status = 'cancelled', cancelled_at = now(), updated_at = now()
            WHERE session_id = $1 AND status <> 'cancelled'`,
          [id],
        );
      } else if (values.capacity !== current.capacity) {
        await promoteWaitlist(m, id);
      }
    });
    return toSessionView((await this.reader.one(id)) as SessionRecord, event.timezone);
  }

  async setStatus(actor: Actor, id: string, status: SessionStatus): Promise<SessionView> {
    return this.update(actor, id, { status });
  }

  /** Publishes every draft session of the event at once. */
  async publishAgenda(actor: Actor, eventId: string): Promise<{ published: number }> {
    await this.access.requireOrganiser(actor, eventId);
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE sessions SET status = 'published', published_at = COALESCE(published_at, now()),
         updated_at = now() WHERE event_id = $1 AND status = 'draft'`,
      [eventId],
    );
    return { published: result[1] };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.reader.one(id);
    if (!current) throw notFound('Session');
    await this.organiserOf(actor, current.eventId);
    if (current.confirmed + current.waitlisted > 0) {
      throw conflict('People are signed up for this session; cancel it instead of deleting it');
    }
    await this.dataSource.query(`DELETE FROM sessions WHERE id = $1`, [id]);
  }

  private async organiserOf(actor: Actor, eventId: string): Promise<Event> {
    try {
      return await this.access.requireOrganiser(actor, eventId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') throw notFound('Session');
      throw e;
    }
  }

  /** Keeps the sign-ups' copy of the range in step; the exclusion constraint re-checks everyone. */
  private async moveSignupTimes(m: EntityManager, id: string, start: Date, end: Date) {
    await m.query(`SAVEPOINT move_signups`);
    try {
      await m.query(
        `UPDATE signups SET starts_at = $2, ends_at = $3, updated_at = now()
          WHERE session_id = $1 AND status <> 'cancelled'`,
        [id, start, end],
      );
      await m.query(`RELEASE SAVEPOINT move_signups`);
    } catch (e) {
      if (pgErrorCode(e) !== '23P01') throw e;
      await m.query(`ROLLBACK TO SAVEPOINT move_signups`);
      const clashes: Array<{ account_id: string; session_id: string }> = await m.query(
        `SELECT o.account_id, o.session_id FROM signups me
           JOIN signups o ON o.account_id = me.account_id AND o.session_id <> me.session_id
                         AND o.status = 'confirmed'
                         AND tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange($2, $3, '[)')
          WHERE me.session_id = $1 AND me.status = 'confirmed'`,
        [id, start, end],
      );
      throw conflict(
        'Moving this session would put signed-up people in two sessions at once; move them first',
        {
          conflicts: clashes.map((c) => ({
            type: 'participant_overlap',
            sessionIds: [id, c.session_id],
            accountId: c.account_id,
          })),
        },
      );
    }
  }

  /** 409 with the clashing sessions when the room or a facilitator is already taken. */
  private async refuseClashes(
    m: EntityManager,
    eventId: string,
    selfId: string | undefined,
    v: SessionValues,
  ): Promise<void> {
    const others: Array<{
      id: string;
      starts_at: Date;
      ends_at: Date;
      room_id: string | null;
      external_facilitators: ExternalFacilitator[];
      facilitator_ids: string[];
    }> = await m.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.room_id, s.external_facilitators,
              COALESCE(array_agg(f.account_id) FILTER (WHERE f.account_id IS NOT NULL), '{}') AS facilitator_ids
         FROM sessions s LEFT JOIN session_facilitators f ON f.session_id = s.id
        WHERE s.event_id = $1 AND s.status <> 'cancelled' AND s.id <> $2
          AND s.starts_at < $4 AND s.ends_at > $3
        GROUP BY s.id`,
      [eventId, selfId ?? '00000000-0000-0000-0000-000000000000', v.startsAt, v.endsAt],
    );
    if (others.length === 0) return;
    const me = selfId ?? 'new';
    const found = detectConflicts({
      sessions: [
        {
          id: me,
          start: v.startsAt.getTime(),
          end: v.endsAt.getTime(),
          roomId: v.roomId,
          facilitators: [
            ...v.facilitatorIds,
            ...v.externalFacilitators.map((g) => guestKey(g.name)),
          ],
        },
        ...others.map((o) => ({
          id: o.id,
          start: o.starts_at.getTime(),
          end: o.ends_at.getTime(),
          roomId: o.room_id,
          facilitators: [
            ...o.facilitator_ids,
            ...(o.external_facilitators ?? []).map((g) => guestKey(g.name)),
          ],
        })),
      ],
    }).filter((c) => c.sessionIds.includes(me));
    if (found.length === 0) return;
    const conflicts: Conflict[] = found.map((c) => ({
      ...c,
      sessionIds: selfId ? c.sessionIds : c.sessionIds.filter((x) => x !== me),
    }));
    throw conflict(
      'This session clashes with other sessions (room or facilitator); send force: true to keep it anyway',
      { conflicts },
    );
  }

  private async writeSiteVisit(m: EntityManager, sessionId: string, v: SiteVisitValues | null) {
    if (!v) {
      await m.query(`DELETE FROM site_visits WHERE session_id = $1`, [sessionId]);
      return;
    }
    await m.query(
      `INSERT INTO site_visits (session_id, host_organisation_id, address, meeting_point, departure_at,
         return_at, transport_mode, seats, host_limit, host_contact_name, host_contact_phone,
         host_contact_email, rules)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       ON CONFLICT (session_id) DO UPDATE SET host_organisation_id = EXCLUDED.host_organisation_id,
         address = EXCLUDED.address, meeting_point = EXCLUDED.meeting_point,
         departure_at = EXCLUDED.departure_at, return_at = EXCLUDED.return_at,
         transport_mode = EXCLUDED.transport_mode, seats = EXCLUDED.seats,
         host_limit = EXCLUDED.host_limit, host_contact_name = EXCLUDED.host_contact_name,
         host_contact_phone = EXCLUDED.host_contact_phone,
         host_contact_email = EXCLUDED.host_contact_email, rules = EXCLUDED.rules`,
      [
        sessionId,
        v.hostOrganisationId,
        v.address,
        v.meetingPoint,
        v.departureAt,
        v.returnAt,
        v.transportMode,
        v.seats,
        v.hostLimit,
        v.hostContactName,
        v.hostContactPhone,
        v.hostContactEmail,
        v.rules,
      ],
    );
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

  /** Merges input over the current session and checks everything a client can get wrong. */
  private async normalise(
    event: Event,
    dto: UpdateSessionDto,
    current: SessionRecord | undefined,
  ): Promise<SessionValues> {
    const zone = event.timezone;
    const instant = (field: string, raw: string | undefined, fallback: Date | undefined) => {
      if (raw === undefined) return fallback;
      const parsed = readInstant(raw, zone);
      if (!parsed) {
        throw badRequest(
          `${field} must be an ISO 8601 date-time such as 2027-10-26T10:00 (event time) or 2027-10-26T10:00:00+01:00`,
          { field },
        );
      }
      return parsed;
    };
    const kind = dto.kind ?? current?.kind;
    const title = dto.title ?? current?.title;
    const startsAt = instant('startsAt', dto.startsAt, current?.startsAt);
    const endsAt = instant('endsAt', dto.endsAt, current?.endsAt);
    if (!kind) throw badRequest('kind is required', { field: 'kind' });
    if (!title) throw badRequest('title is required', { field: 'title' });
    if (!startsAt) throw badRequest('startsAt is required', { field: 'startsAt' });
    if (!endsAt) throw badRequest('endsAt is required', { field: 'endsAt' });
    if (endsAt <= startsAt) throw badRequest('endsAt must be after startsAt', { field: 'endsAt' });

    const roomId = dto.roomId !== undefined ? dto.roomId : (current?.roomId ?? null);
    if (dto.roomId) {
      const [room]: Array<{ event_id: string }> = await this.dataSource.query(
        `SELECT event_id FROM rooms WHERE id = $1`,
        [dto.roomId],
      );
      if (!room) throw badRequest('roomId does not name a known room', { field: 'roomId' });
      if (room.event_id !== event.id) {
        throw badRequest('roomId names a room of another event', { field: 'roomId' });
      }
    }

    const facilitatorIds =
      dto.facilitatorIds ?? current?.facilitators.map((f) => f.accountId) ?? [];
    if (dto.facilitatorIds?.length) {
      const [row]: Array<{ n: number }> = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM accounts WHERE id = ANY($1::uuid[])`,
        [dto.facilitatorIds],
      );
      if (row.n !== dto.facilitatorIds.length) {
        throw badRequest('facilitatorIds names an unknown account', { field: 'facilitatorIds' });
      }
    }

    let capacity = dto.capacity !== undefined ? dto.capacity : (current?.capacity ?? null);
    let siteVisit: SiteVisitValues | null = null;
    if (kind === 'site_visit') {
      siteVisit = await this.siteVisitValues(dto, current, zone, startsAt, endsAt);
      // The bus and the host's welcome both bound the group.
      const limits = [siteVisit.seats, siteVisit.hostLimit, dto.capacity ?? null];
      capacity = Math.min(...limits.filter((x): x is number => x != null));
    } else if (dto.siteVisit) {
      throw badRequest('siteVisit is only for sessions of kind site_visit', { field: 'siteVisit' });
    }

    return {
      kind,
      title,
      description: dto.description !== undefined ? dto.description : (current?.description ?? null),
      theme: dto.theme !== undefined ? dto.theme || null : (current?.theme ?? null),
      startsAt,
      endsAt,
      roomId,
      language: dto.language ?? current?.language ?? null,
      interpretationLanguages:
        dto.interpretationLanguages ?? current?.interpretationLanguages ?? [],
      capacity,
      signupRequired: dto.signupRequired ?? current?.signupRequired ?? kind === 'site_visit',
      status: dto.status ?? current?.status ?? 'draft',
      externalFacilitators:
        dto.externalFacilitators?.map((g) => ({
          name: g.name,
          organisation: g.organisation ?? null,
          email: g.email ?? null,
        })) ??
        current?.externalFacilitators ??
        [],
      facilitatorIds,
      siteVisit,
    };
  }

  private async siteVisitValues(
    dto: UpdateSessionDto,
    current: SessionRecord | undefined,
    zone: string,
    startsAt: Date,
    endsAt: Date,
  ): Promise<SiteVisitValues> {
    const input = dto.siteVisit;
    const existing = current?.siteVisit;
    if (!input) {
      if (!existing) {
        throw badRequest('A site visit needs siteVisit details (host, address, transport, seats)', {
          field: 'siteVisit',
        });
      }
      const { hostOrganisationName: _name, ...kept } = existing;
      // Departure and return follow the session when only the session moved.
      const departureAt =
        existing.departureAt < startsAt || existing.departureAt >= endsAt
          ? startsAt
          : existing.departureAt;
      const returnAt =
        existing.returnAt > endsAt || existing.returnAt <= departureAt ? endsAt : existing.returnAt;
      return { ...kept, departureAt, returnAt };
    }
    const [org]: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM organisations WHERE id = $1`,
      [input.hostOrganisationId],
    );
    if (!org) {
      throw badRequest('siteVisit.hostOrganisationId does not name a known organisation', {
        field: 'siteVisit.hostOrganisationId',
      });
    }
    const read = (field: string, raw: string | undefined, fallback: Date) => {
      if (raw === undefined) return fallback;
      const parsed = readInstant(raw, zone);
      if (!parsed) {
        throw badRequest(`${field} must be an ISO 8601 date-time such as 2027-10-27T09:00`, {
          field,
        });
      }
      return parsed;
    };
    const departureAt = read('siteVisit.departureAt', input.departureAt, startsAt);
    const returnAt = read('siteVisit.returnAt', input.returnAt, endsAt);
    if (returnAt <= departureAt) {
      throw badRequest('siteVisit.returnAt must be after siteVisit.departureAt', {
        field: 'siteVisit.returnAt',
      });
    }
    if (departureAt < startsAt || returnAt > endsAt) {
      throw badRequest('siteVisit departure and return must lie within startsAt and endsAt', {
        field: 'siteVisit.departureAt',
      });
    }
    return {
      hostOrganisationId: input.hostOrganisationId,
      address: input.address,
      meetingPoint: input.meetingPoint,
      departureAt,
      returnAt,
      transportMode: input.transport,
      seats: input.seats,
      hostLimit: input.hostLimit ?? null,
      hostContactName: input.hostContactName ?? null,
      hostContactPhone: input.hostContactPhone ?? null,
      hostContactEmail: input.hostContactEmail ?? null,
      rules: input.rules ?? [],
    };
  }
}
