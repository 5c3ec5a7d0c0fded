import { isoInstantUtc, type Locale, toZonedIso } from '#core';
import type { ExternalFacilitator, SessionKind, SessionStatus } from './session.entity.js';
import type { LocalizedTexts } from '#events';
import { rulesIn, sessionTextsIn } from './session-texts.js';
import type { SiteVisitValues } from './site-visit-rules.js';

/** One session row as the readers load it: columns plus room and seat counts. */
export interface SessionRecord {
  id: string;
  eventId: string;
  kind: SessionKind;
  title: string;
  description: string | null;
  /** Title and description in each language written; the plain ones are the event's first. */
  titles: LocalizedTexts;
  descriptions: LocalizedTexts;
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
  /** In the reader's language when written in it, else the event's languages in order. */
  title: string;
  /** The language `title` is in: not the reader's when their translation is missing. */
  titleLanguage: Locale | null;
  description: string | null;
  descriptionLanguage: Locale | null;
  /** Every translation written (organisers edit them; readers may pick). */
  titles: LocalizedTexts;
  descriptions: LocalizedTexts;
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
        /** The language `rules` are in. */
        rulesLanguage: Locale | null;
      })
    | null;
}

/** Who reads a view: their language, and the event's languages to fall back on in order. */
export interface SessionReaderLocale {
  locale: string;
  eventLanguages: readonly string[];
}

/** A reader of an event's texts: their language, else the event's first. */
export const readerOf = (
  event: { languages: readonly string[] },
  locale?: string,
): SessionReaderLocale => ({
  locale: locale ?? event.languages[0] ?? 'en',
  eventLanguages: event.languages,
});

/** Instants go out in the event's own offset. */
export function toSessionView(
  s: SessionRecord,
  zone: string,
  reader?: SessionReaderLocale,
): SessionView {
  // Without a reader: the plain texts (the event's first language's).
  const texts = reader
    ? sessionTextsIn(s, reader.locale, reader.eventLanguages)
    : {
        title: s.title,
        titleLanguage: null,
        description: s.description,
        descriptionLanguage: null,
      };
  const visitRules =
    s.siteVisit && reader
      ? rulesIn(s.siteVisit.rulesTexts, s.siteVisit.rules, reader.locale, reader.eventLanguages)
      : null;
  return {
    id: s.id,
    eventId: s.eventId,
    kind: s.kind,
    title: texts.title,
    titleLanguage: texts.titleLanguage,
    description: texts.description,
    descriptionLanguage: texts.descriptionLanguage,
    titles: s.titles ?? {},
    descriptions: s.descriptions ?? {},
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
    publishedAt: s.publishedAt ? isoInstantUtc(s.publishedAt.getTime()) : null,
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
          rules: visitRules?.rules ?? s.siteVisit.rules,
          rulesLanguage: visitRules?.rulesLanguage ?? null,
        }
      : null,
  };
}
