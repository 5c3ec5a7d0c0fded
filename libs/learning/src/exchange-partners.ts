import type { DataSource, EntityManager } from 'typeorm';
import type { Event } from '#events';
import { exchangeForEvent } from '#exchanges';

export interface PartnerOrganisation {
  id: string;
  name: string;
  country: string | null;
  city: string | null;
}

/** Who visits whom in an immersion. */
export interface ExchangePartners {
  hostOrganisationId: string | null;
  visitingOrganisationIds: string[];
  host: PartnerOrganisation | null;
  visiting: PartnerOrganisation[];
}

/**
 * The host and visiting organisations of an immersion: the exchange's own pair when the
 * immersion is one (#exchanges), else the event's host organisation and the
 * organisations its confirmed visitors registered for.
 */
export async function exchangePartners(
  db: DataSource | EntityManager,
  event: Pick<Event, 'id' | 'hostOrganisationId'>,
): Promise<ExchangePartners> {
  const exchange = await exchangeForEvent(db, event.id);
  const hostId = exchange?.hostOrganisationId ?? event.hostOrganisationId ?? null;
  let visitingIds: string[];
  if (exchange) visitingIds = [exchange.visitingOrganisationId];
  else {
    const rows = (await db.query(
      `SELECT DISTINCT organisation_id FROM registrations
        WHERE event_id = $1 AND status = 'confirmed' AND organisation_id IS NOT NULL
          AND organisation_id IS DISTINCT FROM $2::uuid`,
      [event.id, hostId],
    )) as Array<{ organisation_id: string }>;
    visitingIds = rows.map((r) => r.organisation_id);
  }
  const orgs = (await db.query(
    `SELECT id, name, country, city FROM organisations WHERE id = ANY($1::uuid[])`,
    [[...visitingIds, ...(hostId ? [hostId] : [])]],
  )) as PartnerOrganisation[];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    hostOrganisationId: hostId,
    visitingOrganisationIds: visitingIds,
    host: hostId ? (byId.get(hostId) ?? null) : null,
    visiting: visitingIds
      .map((id) => byId.get(id))
      .filter((o): o is PartnerOrganisation => !!o)
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
