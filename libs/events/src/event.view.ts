import { toZonedIso } from '#core';
import { type Event } from './event.entity.js';
import type { LocalizedTexts } from './event-texts.js';

export interface EventView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  /** The name, description and practical information in each of the event's languages. */
  names: LocalizedTexts;
  descriptions: LocalizedTexts;
  practicalInfo: LocalizedTexts;
  kind: string;
  timezone: string;
  startDate: string;
  endDate: string;
  venue: { name: string | null; city: string | null; country: string | null };
  capacity: number;
  requiresApproval: boolean;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  languages: string[];
  hostOrganisationId: string | null;
  /** The organisers' address (Reply-To of the event's emails), when they gave one. */
  contactEmail: string | null;
  status: string;
  publishedAt: string | null;
  personalDataErasedAt: string | null;
  createdAt: string;
}

/** Instants go out with the event's own offset, as people there read them. */
export function toEventView(e: Event): EventView {
  const zoned = (d: Date | null) => (d ? toZonedIso(d, e.timezone) : null);
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    description: e.description,
    names: e.names ?? {},
    descriptions: e.descriptions ?? {},
    practicalInfo: e.practicalInfo ?? {},
    kind: e.kind,
    timezone: e.timezone,
    startDate: e.startDate,
    endDate: e.endDate,
    venue: { name: e.venueName, city: e.venueCity, country: e.venueCountry },
    capacity: e.capacity,
    requiresApproval: e.requiresApproval,
    registrationOpensAt: zoned(e.registrationOpensAt),
    registrationClosesAt: zoned(e.registrationClosesAt),
    languages: e.languages,
    hostOrganisationId: e.hostOrganisationId,
    contactEmail: e.contactEmail ?? null,
    status: e.status,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    personalDataErasedAt: e.personalDataErasedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}
