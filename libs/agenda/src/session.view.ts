import { toZonedIso } from '#core';
import type { ExternalFacilitator, SessionKind, SessionStatus } from './session.entity.js';
import type { SiteVisitValues } from './site-visit-rules.js';

/** One session row as the readers load it: columns plus room and seat counts. */
export interface SessionRecord {
  id: string;
  eventId: string;
  kind: SessionKind;
  title: string;
  description: string | null;
  theme: string | null;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  roomName: string | null;
  roomCapacity: number | null;
  language: string | null;
  interpretationLanguages: string[];
  capacity: number | null;
  signupRequired: boolean;
  status: SessionStatus;
  externalFacilitators: ExternalFacilitator[];
  publishedAt: Date | null;
  confirmed: number;
  waitlisted: number;
  facilitators: Array<{ accountId: string; name: string }>;
  siteVisit: SiteVisitRecord | null;
}

/** A stored site visit with its host's name, as the readers load it. */
export interface SiteVisitRecord extends SiteVisitValues {
  hostOrganisationName: string | null;
}

export interface SessionView {
  id: string;
  eventId: string;
  kind: SessionKind;
  title: string;
  description: string | null;
  theme: string | null;
  startsAt: string;
  endsAt: string;
  room: { id: string; name: string | null; capacity: number | null } | null;
  facilitators: Array<{ accountId: string; name: string }>;
  externalFacilitators: ExternalFacilitator[];
  language: string | null;
  interpretationLanguages: string[];
  capacity: number | null;
  signupRequired: boolean;
  status: SessionStatus;
  publishedAt: string | null;
  seats: { confirmed: number; waitlisted: number; remaining: number | null };
  siteVisit:
    | (Omit<SiteVisitRecord, 'departureAt' | 'returnAt'> & {
        departureAt: string;
        returnAt: string;
      })
    | null;
}

/** Instants go out in the event's own offset. */
export function toSessionView(s: SessionRecord, zone: string): SessionView {
  return {
    id: s.id,
    eventId: s.eventId,
    kind: s.kind,
    title: s.title,
    description: s.description,
    theme: s.theme,
    startsAt: toZonedIso(s.startsAt, zone),
    endsAt: toZonedIso(s.endsAt, zone),
    room: s.roomId ? { id: s.roomId, name: s.roomName, capacity: s.roomCapacity } : null,
    facilitators: s.facilitators,
    externalFacilitators: s.externalFacilitators,
    language: s.language,
    interpretationLanguages: s.interpretationLanguages,
    capacity: s.capacity,
    signupRequired: s.signupRequired,
    status: s.status,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    seats: {
      confirmed: s.confirmed,
      waitlisted: s.waitlisted,
      remaining: s.capacity == null ? null : Math.max(0, s.capacity - s.confirmed),
    },
    siteVisit: s.siteVisit
      ? {
          ...s.siteVisit,
          departureAt: toZonedIso(s.siteVisit.departureAt, zone),
          returnAt: toZonedIso(s.siteVisit.returnAt, zone),
        }
      : null,
  };
}
