import { randomBytes } from 'node:crypto';
import { localDateOf, parseInstant } from '#core';
import { DEMO_ORGANISER } from './demo-data.js';
import type { SeedContext } from './seed-context.js';

/** Who the front desk checked in on the first morning, and when (Tangier wall-clock time). */
const FIRST_MORNING: Array<{ name: string; at: string }> = [
  { name: 'Awa Traoré', at: '08:31' },
  { name: 'Lucía Quispe', at: '08:37' },
  { name: 'Joseph Mukendi', at: '08:42' },
  { name: 'Nguyễn Thị Minh Khai-Hằng', at: '08:49' },
  { name: 'خديجة بنت عبد الرحمن الإدريسي', at: '08:52' },
  { name: 'Mariama Diallo', at: '08:55' },
  { name: 'Issouf Sanou', at: '08:58' },
];

/**
 * The week on site in the demo: every confirmed registration has its badge code (the
 * badge sheets print at once), and the desk checked a few people in on the first
 * morning and counted them at the opening plenary's door. Idempotent: codes and rows
 * are only added when missing.
 */
export async function seedOnsite(ctx: SeedContext): Promise<void> {
  const { ds, eventId } = ctx;
  const [event] = (await ds.query(
    `SELECT timezone, start_date::text AS start_date FROM events WHERE id = $1`,
    [eventId],
  )) as Array<{ timezone: string; start_date: string }>;
  const confirmed = (await ds.query(
    `SELECT r.id FROM registrations r WHERE r.event_id = $1 AND r.status = 'confirmed'`,
    [eventId],
  )) as Array<{ id: string }>;
  await ds.query(
    `INSERT INTO badge_codes (registration_id, event_id, code)
     SELECT u.id, $1, u.code FROM unnest($2::uuid[], $3::text[]) AS u(id, code)
     ON CONFLICT (registration_id) DO NOTHING`,
    [
      eventId,
      confirmed.map((r) => r.id),
      confirmed.map(() => randomBytes(16).toString('base64url')),
    ],
  );
  const organiserId = ctx.accountIds[DEMO_ORGANISER.email] ?? null;
  const [plenary] = (await ds.query(
    `SELECT id FROM sessions WHERE event_id = $1 AND kind = 'plenary' AND status = 'published'
      ORDER BY starts_at LIMIT 1`,
    [eventId],
  )) as Array<{ id: string }>;
  for (const person of FIRST_MORNING) {
    const [row] = (await ds.query(
      `SELECT r.id, r.account_id FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE r.event_id = $1 AND r.status = 'confirmed' AND a.name = $2`,
      [eventId, person.name],
    )) as Array<{ id: string; account_id: string }>;
    if (!row) continue;
    const at = parseInstant(`${event.start_date}T${person.at}`, event.timezone)!;
    await ds.query(
      `INSERT INTO check_ins (event_id, registration_id, day, checked_in_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (registration_id, day) DO NOTHING`,
      [eventId, row.id, localDateOf(at, event.timezone), at, organiserId],
    );
    if (plenary) {
      await ds.query(
        `INSERT INTO session_attendance (session_id, account_id, attended_at, recorded_by, source)
         VALUES ($1, $2, $3, $4, 'door') ON CONFLICT (session_id, account_id) DO NOTHING`,
        [plenary.id, row.account_id, new Date(at.getTime() + 5 * 60_000), organiserId],
      );
    }
  }
}
