import type { DataSource, EntityManager } from 'typeorm';

/**
 * The sessions of an event a person attended: counted at the door (badge scanned) or on
 * the organiser's list (session_attendance, source 'door' or 'list'), or marked attended
 * on a sign-up before attendance had its own table. The one answer certificates read.
 */
export async function attendedSessionIds(
  db: DataSource | EntityManager,
  accountId: string,
  eventId: string,
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT s.id FROM sessions s
      WHERE s.event_id = $2 AND s.status <> 'cancelled' AND (
        EXISTS (SELECT 1 FROM session_attendance sa
                 WHERE sa.session_id = s.id AND sa.account_id = $1)
        OR EXISTS (SELECT 1 FROM signups su
                    WHERE su.session_id = s.id AND su.account_id = $1
                      AND su.status = 'confirmed' AND su.attended))
      ORDER BY s.starts_at, s.id`,
    [accountId, eventId],
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}
