import { randomBytes } from 'node:crypto';
import { parseInstant } from '#core';
import { referencePrefix } from '#travel';
import { DEMO_ORGANISER, DEMO_PREVIOUS_EVENT } from './demo-data.js';
import type { SeedContext } from './seed-context.js';
import { seedOnce } from './seed-keys.js';

interface PastSession {
  key: string;
  kind: 'plenary' | 'workshop' | 'site_visit' | 'meal';
  titles: { fr: string; en: string; es: string };
  day: string;
  from: string;
  to: string;
}

/** The Dakar 2026 week as it ran (Dakar time, UTC+0 all year). */
const DAKAR_SESSIONS: PastSession[] = [
  {
    key: 'dakar-2026/opening',
    kind: 'plenary',
    titles: {
      fr: 'Séance d’ouverture : garder les familles ensemble',
      en: 'Opening session: keeping families together',
      es: 'Sesión de apertura: mantener unidas a las familias',
    },
    day: '2026-10-19',
    from: '09:00',
    to: '11:00',
  },
  {
    key: 'dakar-2026/emergency-care',
    kind: 'workshop',
    titles: {
      fr: 'Atelier : l’accueil d’urgence des enfants',
      en: 'Workshop: emergency care for children',
      es: 'Taller: la acogida de urgencia de niñas y niños',
    },
    day: '2026-10-19',
    from: '14:00',
    to: '17:30',
  },
  {
    key: 'dakar-2026/extended-families',
    kind: 'workshop',
    titles: {
      fr: 'Atelier : travailler avec les familles élargies',
      en: 'Workshop: working with extended families',
      es: 'Taller: trabajar con las familias extensas',
    },
    day: '2026-10-20',
    from: '09:00',
    to: '12:30',
  },
  {
    key: 'dakar-2026/visit-medina',
    kind: 'site_visit',
    titles: {
      fr: 'Visite de la Maison des Familles de la Médina',
      en: 'Visit to the Family House in the Médina',
      es: 'Visita a la Casa de las Familias de la Medina',
    },
    day: '2026-10-21',
    from: '08:30',
    to: '13:00',
  },
  {
    key: 'dakar-2026/child-voice',
    kind: 'workshop',
    titles: {
      fr: 'Atelier : la parole de l’enfant devant le juge',
      en: 'Workshop: the child’s voice before the judge',
      es: 'Taller: la voz de la niña o el niño ante el juez',
    },
    day: '2026-10-22',
    from: '14:00',
    to: '17:00',
  },
  {
    key: 'dakar-2026/closing',
    kind: 'plenary',
    titles: {
      fr: 'Plénière de clôture et engagements',
      en: 'Closing plenary and commitments',
      es: 'Plenaria de clausura y compromisos',
    },
    day: '2026-10-23',
    from: '10:00',
    to: '12:00',
  },
  {
    key: 'dakar-2026/closing-dinner',
    kind: 'meal',
    titles: { fr: 'Dîner de clôture', en: 'Closing dinner', es: 'Cena de clausura' },
    day: '2026-10-23',
    from: '19:30',
    to: '22:00',
  },
];

/** Sessions a person missed, by email (everyone else attended them all). */
const MISSED: Record<string, string[]> = {
  'lucia@convene.demo': ['dakar-2026/child-voice'],
  'joseph@convene.demo': ['dakar-2026/emergency-care', 'dakar-2026/visit-medina'],
  'participant11@convene.demo': ['dakar-2026/extended-families'],
  'participant15@convene.demo': ['dakar-2026/closing'],
};

/**
 * Last year's week in Dakar, for certificates of attendance in the demo: its sessions
 * (once, under seed keys, like the Tangier agenda) and who attended them, taken from the
 * organiser's lists. Everyone who came has a certificate to download (issued already,
 * so its /verify/<code> page answers in the demo); the cancelled registration has none.
 * Idempotent: sessions deleted by an organiser stay deleted, attendance rows and
 * certificates are only added when missing.
 */
export async function seedCertificates(ctx: SeedContext): Promise<void> {
  const { ds, accountIds } = ctx;
  const [event] = (await ds.query(`SELECT id, timezone FROM events WHERE slug = $1`, [
    DEMO_PREVIOUS_EVENT.slug,
  ])) as Array<{ id: string; timezone: string }>;
  if (!event) return;
  const organiserId = accountIds[DEMO_ORGANISER.email] ?? null;
  const at = (day: string, time: string) => parseInstant(`${day}T${time}`, event.timezone)!;

  const sessionIds: Record<string, string> = {};
  for (const s of DAKAR_SESSIONS) {
    const { id } = await seedOnce(ds, s.key, 'sessions', {
      adopt: async () => {
        const [found] = (await ds.query(
          `SELECT id FROM sessions WHERE event_id = $1 AND title = $2 AND starts_at = $3`,
          [event.id, s.titles.fr, at(s.day, s.from)],
        )) as Array<{ id: string }>;
        return found?.id;
      },
      insert: async () => {
        const [row] = (await ds.query(
          `INSERT INTO sessions (event_id, kind, title, titles, starts_at, ends_at, status,
             published_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, 'published', $7, $8) RETURNING id`,
          [
            event.id,
            s.kind,
            // The plain column holds the event's first language (French).
            s.titles.fr,
            JSON.stringify(s.titles),
            at(s.day, s.from),
            at(s.day, s.to),
            DEMO_PREVIOUS_EVENT.publishedAt,
            organiserId,
          ],
        )) as Array<{ id: string }>;
        return row.id;
      },
    });
    if (id) sessionIds[s.key] = id;
  }

  const came = (await ds.query(
    `SELECT a.id AS account_id, a.email FROM registrations r JOIN accounts a ON a.id = r.account_id
      WHERE r.event_id = $1 AND r.status = 'confirmed'`,
    [event.id],
  )) as Array<{ account_id: string; email: string }>;
  for (const person of came) {
    for (const s of DAKAR_SESSIONS) {
      const sessionId = sessionIds[s.key];
      if (!sessionId || (MISSED[person.email] ?? []).includes(s.key)) continue;
      // Marked on the organiser's list a few minutes after the start.
      const marked = new Date(at(s.day, s.from).getTime() + 10 * 60_000);
      await ds.query(
        `INSERT INTO session_attendance (session_id, account_id, attended_at, recorded_by, source)
         VALUES ($1, $2, $3, $4, 'list')
         ON CONFLICT (session_id, account_id) DO NOTHING`,
        [sessionId, person.account_id, marked, organiserId],
      );
    }
  }

  // Certificates as a first download gives them (DKR26-C0001, ...), in registration order.
  const missing = (await ds.query(
    `SELECT r.id FROM registrations r
      WHERE r.event_id = $1 AND r.status = 'confirmed'
        AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.registration_id = r.id)
        AND EXISTS (SELECT 1 FROM session_attendance sa JOIN sessions s ON s.id = sa.session_id
                     WHERE s.event_id = r.event_id AND sa.account_id = r.account_id)
      ORDER BY r.created_at, r.id`,
    [event.id],
  )) as Array<{ id: string }>;
  const prefix = `${referencePrefix(DEMO_PREVIOUS_EVENT.venueCity)}${DEMO_PREVIOUS_EVENT.startDate.slice(2, 4)}-C`;
  for (const { id } of missing) {
    await ds.query(
      `INSERT INTO certificates (registration_id, event_id, number, reference, code, issued_at)
       SELECT $2, $1, n, $5 || lpad(n::text, 4, '0'), $3, $4
         FROM (SELECT coalesce(max(number), 0) + 1 AS n FROM certificates WHERE event_id = $1) x
       ON CONFLICT (registration_id) DO NOTHING`,
      [event.id, id, randomBytes(16).toString('base64url'), at('2026-10-26', '10:00'), prefix],
    );
  }
}
