import { eventEndedSql, exchangeState, type ExchangeState } from './exchange-state.js';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface OrganisationRef {
  id: string;
  name: string;
  country: string;
}

/** An exchange as everyone reads it: both partners, the visit's dates and its state. */
export interface ExchangeView {
  id: string;
  eventId: string;
  eventSlug: string;
  eventStatus: string;
  startDate: string;
  endDate: string;
  timezone: string;
  programmeId: string | null;
  visitingOrganisation: OrganisationRef;
  hostOrganisation: OrganisationRef;
  returnExchangeId: string | null;
  returnEvent: { id: string; slug: string; startDate: string; endDate: string } | null;
  returnNotNeeded: boolean;
  state: ExchangeState;
}

interface Row {
  id: string;
  event_id: string;
  event_slug: string;
  event_status: string;
  start_date: string;
  end_date: string;
  timezone: string;
  programme_id: string | null;
  v_id: string;
  v_name: string;
  v_country: string;
  h_id: string;
  h_name: string;
  h_country: string;
  return_exchange_id: string | null;
  r_event_id: string | null;
  r_slug: string | null;
  r_start: string | null;
  r_end: string | null;
  return_not_needed: boolean;
  ended: boolean;
  return_ended: boolean | null;
}

/**
 * Exchanges with everything a list shows, in one statement; `where` filters on x (the
 * exchange), e (its event), vo/ho (visiting and host organisations), with `params`.
 */
export async function readExchanges(
  db: Queryable,
  where: string,
  params: unknown[],
): Promise<ExchangeView[]> {
  const rows = (await db.query(
    `SELECT x.id, x.event_id, e.slug AS event_slug, e.status AS event_status,
            to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(e.end_date, 'YYYY-MM-DD') AS end_date, e.timezone, e.programme_id,
            vo.id AS v_id, vo.name AS v_name, vo.country AS v_country,
            ho.id AS h_id, ho.name AS h_name, ho.country AS h_country,
            x.return_exchange_id, re.id AS r_event_id, re.slug AS r_slug,
            to_char(re.start_date, 'YYYY-MM-DD') AS r_start,
            to_char(re.end_date, 'YYYY-MM-DD') AS r_end,
            x.return_not_needed, ${eventEndedSql('e')} AS ended,
            CASE WHEN re.id IS NULL THEN NULL ELSE ${eventEndedSql('re')} END AS return_ended
       FROM exchanges x
       JOIN events e ON e.id = x.event_id
       JOIN organisations vo ON vo.id = x.visiting_organisation_id
       JOIN organisations ho ON ho.id = x.host_organisation_id
       LEFT JOIN exchanges rx ON rx.id = x.return_exchange_id
       LEFT JOIN events re ON re.id = rx.event_id
      WHERE ${where}
      ORDER BY e.start_date, vo.name, x.id`,
    params,
  )) as Row[];
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventSlug: r.event_slug,
    eventStatus: r.event_status,
    startDate: r.start_date,
    endDate: r.end_date,
    timezone: r.timezone,
    programmeId: r.programme_id,
    visitingOrganisation: { id: r.v_id, name: r.v_name, country: r.v_country.trim() },
    hostOrganisation: { id: r.h_id, name: r.h_name, country: r.h_country.trim() },
    returnExchangeId: r.return_exchange_id,
    returnEvent:
      r.r_event_id && r.r_slug && r.r_start && r.r_end
        ? { id: r.r_event_id, slug: r.r_slug, startDate: r.r_start, endDate: r.r_end }
        : null,
    returnNotNeeded: r.return_not_needed,
    state: exchangeState({
      ended: r.ended,
      returnNotNeeded: r.return_not_needed,
      returnEnded: r.return_ended,
    }),
  }));
}
