import type { DataSource, EntityManager } from 'typeorm';
import { attendedBy } from '#core';

/**
 * The sessions of an event a person attended: counted at the door (badge scanned) or on
 * the organiser's list (session_attendance, source 'door' or 'list'), or marked attended
 * on a sign-up before attendance had its own table: #core's attendedBy, the rule
 * certificates and exchange reports apply too.
 */
export async function attendedSessionIds(
  db: DataSource | EntityManager,
  accountId: string,
  eventId: string,
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT s.id FROM sessions s
      WHERE s.event_id = $2 AND s.status <> 'cancelled' AND ${attendedBy('$1')}
      ORDER BY s.starts_at, s.id`,
    [accountId, eventId],
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}
