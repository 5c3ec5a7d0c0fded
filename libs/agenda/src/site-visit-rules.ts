import type { EntityManager } from 'typeorm';
import { badRequest, instantField } from '#core';
import type { UpdateSessionDto } from './dto/session.dto.js';
import { cleanLists, type LocalizedLists } from './session-texts.js';
import type { SessionRecord } from './session.view.js';

/** What a site visit adds to a session, checked and ready to store. */
export interface SiteVisitValues {
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
  /** In the event's first language (what the plain column holds). */
  rules: string[];
  /** The rules in each language written. */
  rulesTexts: LocalizedLists;
}

/** The bus and the host's welcome both bound the group, and so does a capacity asked for. */
export function visitCapacity(v: SiteVisitValues, requested: number | null | undefined): number {
  const limits = [v.seats, v.hostLimit, requested ?? null];
  return Math.min(...limits.filter((x): x is number => x != null));
}

/**
 * The site-visit details of a session being written: the input checked against the
 * session's own times, or the stored details following the session when only it moved.
 */
export async function siteVisitValues(
  db: EntityManager,
  dto: UpdateSessionDto,
  current: SessionRecord | undefined,
  zone: string,
  startsAt: Date,
  endsAt: Date,
  eventLanguages: readonly string[] = [],
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
  const [org]: unknown[] = await db.query(`SELECT 1 FROM organisations WHERE id = $1`, [
    input.hostOrganisationId,
  ]);
  if (!org) {
    throw badRequest('siteVisit.hostOrganisationId does not name a known organisation', {
      field: 'siteVisit.hostOrganisationId',
    });
  }
  const departureAt = instantField('siteVisit.departureAt', input.departureAt, zone, startsAt);
  const returnAt = instantField('siteVisit.returnAt', input.returnAt, zone, endsAt);
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
    ...visitRules(
      input.rules,
      input.rulesByLanguage as Record<string, unknown> | undefined,
      eventLanguages,
    ),
  };
}

/**
 * The rules in each language and the plain list (the event's first language, else the
 * first written). A plain list alone is the event's first language's.
 */
function visitRules(
  plain: string[] | undefined,
  byLanguage: Record<string, unknown> | undefined,
  eventLanguages: readonly string[],
): { rules: string[]; rulesTexts: LocalizedLists } {
  const first = (eventLanguages.find((l) => ['fr', 'en', 'es'].includes(l)) ?? 'fr') as 'fr';
  if (byLanguage !== undefined) {
    const rulesTexts = cleanLists(byLanguage);
    const written = rulesTexts[first] ?? Object.values(rulesTexts)[0] ?? [];
    return { rules: plain?.length ? plain : written, rulesTexts };
  }
  const rules = plain ?? [];
  return { rules, rulesTexts: rules.length > 0 ? { [first]: rules } : {} };
}

/** Stores (or, for a session that is no longer a visit, removes) the site-visit row. */
export async function writeSiteVisit(
  m: EntityManager,
  sessionId: string,
  v: SiteVisitValues | null,
): Promise<void> {
  if (!v) {
    await m.query(`DELETE FROM site_visits WHERE session_id = $1`, [sessionId]);
    return;
  }
  await m.query(
    `INSERT INTO site_visits (session_id, host_organisation_id, address, meeting_point, departure_at,
       return_at, transport_mode, seats, host_limit, host_contact_name, host_contact_phone,
       host_contact_email, rules, rules_texts)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
     ON CONFLICT (session_id) DO UPDATE SET host_organisation_id = EXCLUDED.host_organisation_id,
       address = EXCLUDED.address, meeting_point = EXCLUDED.meeting_point,
       departure_at = EXCLUDED.departure_at, return_at = EXCLUDED.return_at,
       transport_mode = EXCLUDED.transport_mode, seats = EXCLUDED.seats,
       host_limit = EXCLUDED.host_limit, host_contact_name = EXCLUDED.host_contact_name,
       host_contact_phone = EXCLUDED.host_contact_phone,
       host_contact_email = EXCLUDED.host_contact_email, rules = EXCLUDED.rules,
       rules_texts = EXCLUDED.rules_texts`,
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
      JSON.stringify(v.rulesTexts),
    ],
  );
}
