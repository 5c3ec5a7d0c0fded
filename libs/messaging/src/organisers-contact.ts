import type { DataSource, EntityManager } from 'typeorm';

/**
 * Who answers an event's emails (their Reply-To and signature): the contact set on the
 * event, else its first organiser's address, else its creator's.
 */
export async function organisersContact(
  db: DataSource | EntityManager,
  eventId: string,
): Promise<string | null> {
  const [row]: Array<{ contact: string | null }> = await db.query(
    `SELECT COALESCE(
              e.contact_email,
              (SELECT a.email FROM event_staff s JOIN accounts a ON a.id = s.account_id
                WHERE s.event_id = e.id AND s.role = 'organiser'
                ORDER BY s.created_at LIMIT 1),
              (SELECT a.email FROM accounts a WHERE a.id = e.created_by)
            ) AS contact
       FROM events e WHERE e.id = $1`,
    [eventId],
  );
  return row?.contact ?? null;
}
