import type { EntityManager } from 'typeorm';
import { badRequest, instantField } from '#core';
import type { Event, LocalizedTexts } from '#events';
import { mergeTexts } from './session-texts.js';
import type { UpdateSessionDto } from './dto/session.dto.js';
import type { ExternalFacilitator, SessionKind, SessionStatus } from './session.entity.js';
import type { SessionRecord } from './session.view.js';
import { type SiteVisitValues, siteVisitValues, visitCapacity } from './site-visit-rules.js';

/** A session as it will be stored: input merged over the current row, every field checked. */
export interface SessionValues {
  kind: SessionKind;
  title: string;
  description: string | null;
  titles: LocalizedTexts;
  descriptions: LocalizedTexts;
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

/** The sessions-table columns, in the order the writer's INSERT and UPDATE list them. */
export function sessionColumns(v: SessionValues): unknown[] {
  return [
    v.kind,
    v.title,
    v.description,
    v.theme,
    v.startsAt,
    v.endsAt,
    v.roomId,
    v.language,
    v.interpretationLanguages,
    v.capacity,
    v.signupRequired,
    v.status,
    JSON.stringify(v.externalFacilitators),
    JSON.stringify(v.titles),
    JSON.stringify(v.descriptions),
  ];
}

/** Merges input over the current session and checks everything a client can get wrong. */
export async function sessionValues(
  db: EntityManager,
  event: Event,
  dto: UpdateSessionDto,
  current: SessionRecord | undefined,
): Promise<SessionValues> {
  const zone = event.timezone;
  const kind = dto.kind ?? current?.kind;
  const languages = event.languages ?? [];
  const titles = mergeTexts(
    'titles',
    dto.titles as Record<string, unknown> | undefined,
    dto.title,
    current && { texts: current.titles, plain: current.title },
    languages,
  );
  const descriptions = mergeTexts(
    'descriptions',
    dto.descriptions as Record<string, unknown> | undefined,
    dto.description,
    current && { texts: current.descriptions, plain: current.description },
    languages,
  );
  const title = titles.plain;
  const startsAt = instantField('startsAt', dto.startsAt, zone, current?.startsAt);
  const endsAt = instantField('endsAt', dto.endsAt, zone, current?.endsAt);
  if (!kind) throw badRequest('kind is required', { field: 'kind' });
  if (!title) throw badRequest('title is required', { field: 'title' });
  if (!startsAt) throw badRequest('startsAt is required', { field: 'startsAt' });
  if (!endsAt) throw badRequest('endsAt is required', { field: 'endsAt' });
  if (endsAt <= startsAt) throw badRequest('endsAt must be after startsAt', { field: 'endsAt' });

  const roomId = dto.roomId !== undefined ? dto.roomId : (current?.roomId ?? null);
  if (dto.roomId) {
    const [room]: Array<{ event_id: string }> = await db.query(
      `SELECT event_id FROM rooms WHERE id = $1`,
      [dto.roomId],
    );
    if (!room) throw badRequest('roomId does not name a known room', { field: 'roomId' });
    if (room.event_id !== event.id) {
      throw badRequest('roomId names a room of another event', { field: 'roomId' });
    }
  }

  const facilitatorIds = dto.facilitatorIds ?? current?.facilitators.map((f) => f.accountId) ?? [];
  if (dto.facilitatorIds?.length) {
    const [row]: Array<{ n: number }> = await db.query(
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
    siteVisit = await siteVisitValues(db, dto, current, zone, startsAt, endsAt, languages);
    capacity = visitCapacity(siteVisit, dto.capacity);
  } else if (dto.siteVisit) {
    throw badRequest('siteVisit is only for sessions of kind site_visit', { field: 'siteVisit' });
  }

  return {
    kind,
    title,
    description: descriptions.plain,
    titles: titles.texts,
    descriptions: descriptions.texts,
    theme: dto.theme !== undefined ? dto.theme || null : (current?.theme ?? null),
    startsAt,
    endsAt,
    roomId,
    language: dto.language ?? current?.language ?? null,
    interpretationLanguages: dto.interpretationLanguages ?? current?.interpretationLanguages ?? [],
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
