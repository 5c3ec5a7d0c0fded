/** Where an immersion exchange stands, derived from dates: never stored. */
export const EXCHANGE_STATES = ['planned', 'done', 'awaiting_return'] as const;
export type ExchangeState = (typeof EXCHANGE_STATES)[number];

export interface ExchangeStateFacts {
  /** The immersion's last day is over (in the event's own zone). */
  ended: boolean;
  /** Organisers said no return visit is expected (a one-way exchange). */
  returnNotNeeded: boolean;
  /** null when no return visit is linked; else whether its immersion is over. */
  returnEnded: boolean | null;
}

/**
 * planned until the visit is over; then done when the other side has returned the visit
 * (or none is expected), else awaiting its return. A return visit's own return is the
 * first visit, so the second of a pair to end makes both done.
 */
export function exchangeState(f: ExchangeStateFacts): ExchangeState {
  if (!f.ended) return 'planned';
  if (f.returnNotNeeded || f.returnEnded === true) return 'done';
  return 'awaiting_return';
}

/**
 * SQL for "this event is over", the event aliased `alias`: its last calendar day has passed
 * in its own time zone (PostgreSQL's zone rules, not the Node runtime's).
 */
export const eventEndedSql = (alias: string) =>
  `(${alias}.end_date < (now() AT TIME ZONE ${alias}.timezone)::date)`;
