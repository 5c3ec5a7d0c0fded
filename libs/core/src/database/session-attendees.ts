/*
 * What counts as having attended a session, in SQL over the session `s` of the enclosing
 * statement: counted at its door or on the organisers' list (session_attendance), or a
 * confirmed sign-up marked attended (from before attendance had its own table). Two shapes
 * of the one rule, for the two ways it is asked.
 */

/**
 * Everyone who attended `s`, each account once: for a whole event, as
 * `sessions s CROSS JOIN LATERAL (${SESSION_ATTENDEES}) a`. Each of the event's sessions
 * reads its own rows through the session indexes, so the event's attendance costs what the
 * event holds and not what every past meeting of the network added to the two tables.
 */
export const SESSION_ATTENDEES = `
  SELECT sa.account_id FROM session_attendance sa WHERE sa.session_id = s.id
  UNION
  SELECT su.account_id FROM signups su
   WHERE su.session_id = s.id AND su.status = 'confirmed' AND su.attended`;

/**
 * Did `account` (an SQL expression: a column or a parameter) attend `s`: for one person or
 * a few, two index probes a session instead of reading everyone's attendance.
 */
export const attendedBy = (account: string) => `(
  EXISTS (SELECT 1 FROM session_attendance sa
           WHERE sa.session_id = s.id AND sa.account_id = ${account})
  OR EXISTS (SELECT 1 FROM signups su
              WHERE su.session_id = s.id AND su.account_id = ${account}
                AND su.status = 'confirmed' AND su.attended))`;
