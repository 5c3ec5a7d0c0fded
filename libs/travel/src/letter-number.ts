/**
 * The event's highest letter number so far ("TNG27-0042" -> 42; 0 before the first), not a
 * count: a deleted plan must not free its number. The expression and the filter are those
 * of travel_plans_letter_number_idx (migration 1763704200000), so this reads one index
 * entry however many plans the event has; letter-number.e2e-spec checks the plan.
 */
export const HIGHEST_LETTER_NUMBER_SQL = `SELECT coalesce(max(substring(letter_reference from '-(\\d+)$')::int), 0) AS n
   FROM travel_plans WHERE event_id = $1 AND letter_reference IS NOT NULL`;
