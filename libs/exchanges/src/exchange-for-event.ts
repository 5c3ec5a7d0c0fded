import type { DataSource, EntityManager } from 'typeorm';
import { eventEndedSql, exchangeState, type ExchangeState } from './exchange-state.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ExchangeSummary {
  id: string;
  visitingOrganisationId: string;
  hostOrganisationId: string;
  returnExchangeId: string | null;
  state: ExchangeState;
}

/**
 * The exchange an immersion event belongs to, for other libs (learning journals, reports)
 * that key their data by event and need who visits whom. No access check: the caller has
 * already decided the actor may see the event. null when the event is no exchange.
 */
export async function exchangeForEvent(
  db: DataSource | EntityManager,
  eventId: string,
): Promise<ExchangeSummary | null> {
  if (!UUID.test(eventId)) return null;
  const rows = (await db.query(
    `SELECT x.id, x.visiting_organisation_id, x.host_organisation_id, x.return_exchange_id,
            x.return_not_needed, ${eventEndedSql('e')} AS ended,
            CASE WHEN r.id IS NULL THEN NULL ELSE ${eventEndedSql('re')} END AS return_ended
       FROM exchanges x
       JOIN events e ON e.id = x.event_id
       LEFT JOIN exchanges r ON r.id = x.return_exchange_id
       LEFT JOIN events re ON re.id = r.event_id
      WHERE x.event_id = $1`,
    [eventId],
  )) as {
    id: string;
    visiting_organisation_id: string;
    host_organisation_id: string;
    return_exchange_id: string | null;
    return_not_needed: boolean;
    ended: boolean;
    return_ended: boolean | null;
  }[];
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    visitingOrganisationId: row.visiting_organisation_id,
    hostOrganisationId: row.host_organisation_id,
    returnExchangeId: row.return_exchange_id,
    state: exchangeState({
      ended: row.ended,
      returnNotNeeded: row.return_not_needed,
      returnEnded: row.return_ended,
    }),
  };
}
