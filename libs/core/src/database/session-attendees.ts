/**
 * The accounts that attended the session `s` of the enclosing statement: counted at its
 * door or on the organisers' list (session_attendance), or holding a confirmed sign-up
 * marked attended (from before attendance had its own table). Meant for
 * `sessions s CROSS JOIN LATERAL (${SESSION_ATTENDEES}) a`: each of the event's sessions
 * reads its own rows through the session indexes, so a whole event's attendance costs
 * what the event holds and not what every past meeting of the network added to the two
 * tables. Each account once per session.
 */
export const SESSION_ATTENDEES = `
  SELECT sa.account_id FROM session_attendance sa WHERE sa.session_id = s.id
  UNION
  SELECT su.account_id FROM signups su
   WHERE su.session_id = s.id AND su.status = 'confirmed' AND su.attended`;
