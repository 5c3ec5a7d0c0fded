import type { DataSource } from 'typeorm';
import { parseInstant } from '#core';
import { DEMO_EVENT, DEMO_HOST, DEMO_ORGANISER } from './demo-data.js';
import type { SeedContext } from './seed-context.js';
import {
  DEMO_TITLES,
  DEMO_VISIT_DESCRIPTIONS,
  DEMO_VISIT_RULES,
  written,
} from './demo-session-texts.js';
import { seedOnce, UNKEYED } from './seed-keys.js';

const THEME = 'How can we support families differently?';

const ROOMS = [
  {
    name: 'Grande salle',
    capacity: 60,
    floor: 'Ground floor',
    equipment: ['projector', 'interpretation_booth', 'microphones'],
  },
  {
    name: 'Salle Ibn Battuta',
    capacity: 12,
    floor: '1st floor',
    equipment: ['projector', 'flipchart'],
  },
  { name: 'Salle Tingis', capacity: 12, floor: '1st floor', equipment: ['flipchart'] },
  { name: 'Salle Hercule', capacity: 10, floor: '2nd floor', equipment: ['projector'] },
  { name: 'Restaurant', capacity: 80, floor: 'Ground floor', equipment: [] },
] as const;

type RoomName = (typeof ROOMS)[number]['name'];

interface DemoSession {
  kind: 'plenary' | 'workshop' | 'site_visit' | 'meal' | 'social' | 'break';
  title: string;
  day: string;
  from: string;
  to: string;
  room?: RoomName;
  theme?: string;
  language?: string;
  interpretation?: string[];
  capacity?: number;
  signupRequired?: boolean;
  facilitators?: Array<'organiser' | 'host'>;
  guests?: string[];
  description?: string;
  descriptions?: Record<string, string>;
}

const workshops = (day: string, from: string, to: string, titles: string[]): DemoSession[] =>
  titles.map((title, i) => ({
    kind: 'workshop',
    title,
    day,
    from,
    to,
    room: (['Salle Ibn Battuta', 'Salle Tingis', 'Salle Hercule'] as const)[i],
    theme: THEME,
    language: (['fr', 'en', 'es'] as const)[i],
    interpretation: i === 0 ? ['en'] : [],
    capacity: 10,
    signupRequired: true,
  }));

const meals = (day: string): DemoSession[] => [
  { kind: 'break', title: 'Coffee break', day, from: '10:30', to: '11:00', room: 'Grande salle' },
  { kind: 'meal', title: 'Lunch', day, from: '12:30', to: '14:00', room: 'Restaurant' },
];

const SESSIONS: DemoSession[] = [
  {
    kind: 'plenary',
    title: 'Opening plenary: welcome to Tangier',
    day: '2027-10-25',
    from: '09:00',
    to: '10:30',
    room: 'Grande salle',
    language: 'fr',
    interpretation: ['en', 'es'],
    facilitators: ['organiser', 'host'],
  },
  ...meals('2027-10-25'),
  {
    kind: 'plenary',
    title: 'The network in 2027: what changed for families',
    day: '2027-10-25',
    from: '11:00',
    to: '12:30',
    room: 'Grande salle',
    language: 'en',
    interpretation: ['fr', 'es'],
    guests: ['Dr Amina Benali'],
  },
  ...workshops('2027-10-25', '14:00', '16:00', [
    'Listening to parents first',
    'Family houses as community anchors',
    'Legal protection of mothers and children',
  ]),
  {
    kind: 'social',
    title: 'Welcome dinner',
    day: '2027-10-25',
    from: '19:30',
    to: '21:30',
    room: 'Restaurant',
  },
  ...meals('2027-10-26'),
  ...workshops('2027-10-26', '09:00', '10:30', [
    'Peer support between families',
    'Working with fathers',
    'Psychological first aid for children',
  ]),
  ...workshops('2027-10-26', '14:00', '16:00', [
    'When the family house is full: waitlists with dignity',
    'Social workers and the courts',
    'Measuring what matters to families',
  ]),
  {
    kind: 'meal',
    title: 'Lunch at the partner programme',
    day: '2027-10-27',
    from: '13:00',
    to: '14:00',
  },
  ...meals('2027-10-28'),
  {
    kind: 'plenary',
    title: 'What we saw: learning from the visit',
    day: '2027-10-28',
    from: '09:00',
    to: '10:30',
    room: 'Grande salle',
    language: 'fr',
    interpretation: ['en', 'es'],
  },
  ...meals('2027-10-29'),
  {
    kind: 'plenary',
    title: 'Closing plenary: commitments for 2028',
    day: '2027-10-30',
    from: '09:00',
    to: '11:00',
    room: 'Grande salle',
    language: 'fr',
    interpretation: ['en', 'es'],
    facilitators: ['organiser'],
  },
];

const at = (day: string, time: string) =>
  parseInstant(`${day}T${time}`, DEMO_EVENT.timezone) as Date;

/** The seed's own key of a session: from the seed's data, never from the row (organisers edit it). */
const sessionKey = (s: DemoSession) => `${DEMO_EVENT.slug}/session/${s.day}/${s.title}`;

/** The session once (see seedOnce); null when an organiser has deleted it since. */
async function insertSession(
  ds: DataSource,
  eventId: string,
  s: DemoSession,
  roomIds: Record<string, string | null>,
  organiserId: string,
): Promise<{ id: string | null; created: boolean }> {
  const startsAt = at(s.day, s.from);
  return seedOnce(ds, sessionKey(s), 'sessions', {
    // Seeded before keys existed: the same title at the same time.
    adopt: async () => {
      const [found]: Array<{ id: string }> = await ds.query(
        `SELECT s.id FROM sessions s
          WHERE s.event_id = $1 AND s.title = ANY($2::text[]) AND s.starts_at = $3 AND ${UNKEYED('s')}`,
        [eventId, [s.title, DEMO_TITLES[s.title]?.fr ?? s.title], startsAt],
      );
      return found?.id;
    },
    insert: async () => {
      const [row]: Array<{ id: string }> = await ds.query(
        `INSERT INTO sessions (event_id, kind, title, description, theme, starts_at, ends_at, room_id, language,
           interpretation_languages, capacity, signup_required, status, external_facilitators, published_at,
           created_by, titles, descriptions)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,'published',$13,now(),$14,$15,$16) RETURNING id`,
        [
          eventId,
          s.kind,
          // The plain columns hold the event's first language (French).
          DEMO_TITLES[s.title]?.fr ?? s.title,
          s.descriptions?.fr ?? s.description ?? null,
          s.theme ?? null,
          startsAt,
          at(s.day, s.to),
          s.room ? (roomIds[s.room] ?? null) : null,
          s.language ?? null,
          s.interpretation ?? [],
          s.capacity ?? null,
          s.signupRequired ?? false,
          JSON.stringify(
            (s.guests ?? []).map((name) => ({ name, organisation: null, email: null })),
          ),
          organiserId,
          JSON.stringify(written(DEMO_TITLES[s.title] ?? { en: s.title })),
          JSON.stringify(s.descriptions ?? (s.description ? { en: s.description } : {})),
        ],
      );
      return row.id;
    },
  });
}

/**
 * The Tangier meeting's agenda: plenaries, themed workshops, meals, and a visit to the
 * local partner's programme by a 12-seat bus; then sign-ups for the people whose
 * registration the registration step confirmed. Running it twice changes nothing: rows
 * are found by the seed's own keys (seed_keys), so a session an organiser moved, renamed
 * or cancelled stays as they left it, and one they deleted is not made again.
 */
export async function seedAgenda(ctx: SeedContext): Promise<void> {
  const { ds, eventId } = ctx;
  const organiserId = ctx.accountIds[DEMO_ORGANISER.email];
  const hostId = ctx.accountIds[DEMO_HOST.email];

  const roomIds: Record<string, string | null> = {};
  for (const r of ROOMS) {
    const room = await seedOnce(ds, `${DEMO_EVENT.slug}/room/${r.name}`, 'rooms', {
      adopt: async () => {
        const [found]: Array<{ id: string }> = await ds.query(
          `SELECT r.id FROM rooms r WHERE r.event_id = $1 AND lower(r.name) = lower($2) AND ${UNKEYED('r')}`,
          [eventId, r.name],
        );
        return found?.id;
      },
      insert: async () => {
        const [row]: Array<{ id: string }> = await ds.query(
          `INSERT INTO rooms (event_id, name, capacity, floor, equipment) VALUES ($1, $2, $3, $4, $5)
           RETURNING id`,
          [eventId, r.name, r.capacity, r.floor, r.equipment],
        );
        return row.id;
      },
    });
    roomIds[r.name] = room.id;
  }

  const facilitate = async (sessionId: string, s: DemoSession) => {
    const people = (s.facilitators ?? []).map((f) => (f === 'organiser' ? organiserId : hostId));
    for (const accountId of people) {
      await ds.query(`INSERT INTO session_facilitators VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        sessionId,
        accountId,
      ]);
      await ds.query(
        `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'facilitator') ON CONFLICT DO NOTHING`,
        [eventId, accountId],
      );
    }
  };

  const ids: Record<string, string | null> = {};
  for (const s of SESSIONS) {
    const { id, created } = await insertSession(ds, eventId, s, roomIds, organiserId);
    ids[s.title] = id;
    // Facilitators come with a new session only: an organiser may have changed them since.
    if (id && created) await facilitate(id, s);
  }

  const bus = { seats: 12, hostLimit: 15 };
  const visit: DemoSession = {
    kind: 'site_visit',
    title: "Visit: the mothers' support programme of our Tangier partner",
    day: '2027-10-27',
    from: '08:30',
    to: '13:00',
    theme: THEME,
    language: 'fr',
    interpretation: ['en', 'es'],
    capacity: Math.min(bus.seats, bus.hostLimit),
    signupRequired: true,
    facilitators: ['host'],
    description: DEMO_VISIT_DESCRIPTIONS.en,
    descriptions: written(DEMO_VISIT_DESCRIPTIONS),
  };
  const { id: visitId, created: visitCreated } = await insertSession(
    ds,
    eventId,
    visit,
    roomIds,
    organiserId,
  );
  if (visitId && visitCreated) await facilitate(visitId, visit);
  if (visitId) {
    await ds.query(
      `INSERT INTO site_visits (session_id, host_organisation_id, address, meeting_point, departure_at, return_at,
       transport_mode, seats, host_limit, host_contact_name, host_contact_phone, rules, rules_texts)
     VALUES ($1, $2, $3, $4, $5, $6, 'bus', $8, $9, 'Samira El Amrani', '+212 539 000 000', $7, $10)
     ON CONFLICT (session_id) DO NOTHING`,
      [
        visitId,
        ctx.organisationIds['ma-tanger'],
        'Quartier Marshan, Tangier',
        'Hôtel Continental, main entrance',
        at('2027-10-27', '08:45'),
        at('2027-10-27', '12:45'),
        DEMO_VISIT_RULES.fr,
        bus.seats,
        bus.hostLimit,
        JSON.stringify(DEMO_VISIT_RULES),
      ],
    );
  }

  await seedSignups(ds, eventId, visitId, [
    ids['Listening to parents first'],
    ids['Family houses as community anchors'],
    ids['Legal protection of mothers and children'],
  ]);
}

/**
 * Sign-ups for the demo's people, once: a person who has any sign-up for the session
 * (even one they cancelled) is left alone, a session deleted or cancelled since takes
 * none, and one moved onto a time the person already holds is skipped.
 */
async function seedSignups(
  ds: DataSource,
  eventId: string,
  visitId: string | null,
  workshopIds: Array<string | null>,
) {
  const [table]: Array<{ t: string | null }> = await ds.query(
    `SELECT to_regclass('registrations')::text AS t`,
  );
  if (!table?.t) return;
  const registrations: Array<{ id: string; account_id: string }> = await ds.query(
    `SELECT id, account_id FROM registrations WHERE event_id = $1 AND status = 'confirmed'
      ORDER BY created_at, id`,
    [eventId],
  );
  if (registrations.length === 0) return;

  // The first 14 ask for the bus (12 seats, so 2 wait); everyone picks a first-day workshop.
  const plan = registrations.flatMap((r, i) => [
    ...(i < 14 ? [{ r, sessionId: visitId }] : []),
    { r, sessionId: workshopIds[i % workshopIds.length] },
  ]);
  for (const { r, sessionId } of plan) {
    if (!sessionId) continue;
    await ds.transaction(async (m) => {
      const [s]: Array<{ capacity: number | null; starts_at: Date; ends_at: Date }> = await m.query(
        `SELECT capacity, starts_at, ends_at FROM sessions WHERE id = $1 AND status = 'published' FOR UPDATE`,
        [sessionId],
      );
      if (!s) return;
      const [had]: Array<{ n: number }> = await m.query(
        `SELECT count(*)::int AS n FROM signups WHERE session_id = $1 AND account_id = $2`,
        [sessionId, r.account_id],
      );
      if (had.n > 0) return;
      const [held]: Array<{ n: number }> = await m.query(
        `SELECT count(*)::int AS n FROM signups WHERE session_id = $1 AND status = 'confirmed'`,
        [sessionId],
      );
      const status = s.capacity == null || held.n < s.capacity ? 'confirmed' : 'waitlisted';
      // A moved session can now overlap one the person holds: skip it, keep the seed going.
      await m.query(`SAVEPOINT seed_signup`);
      try {
        await m.query(
          `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at,
           rules_accepted_at, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::boolean THEN now() END,
                 CASE WHEN $5 = 'confirmed' THEN now() END)
         ON CONFLICT (session_id, account_id) WHERE status <> 'cancelled' DO NOTHING`,
          [
            sessionId,
            eventId,
            r.id,
            r.account_id,
            status,
            s.starts_at,
            s.ends_at,
            sessionId === visitId,
          ],
        );
        await m.query(`RELEASE SAVEPOINT seed_signup`);
      } catch (e) {
        if ((e as { code?: string }).code !== '23P01') throw e;
        await m.query(`ROLLBACK TO SAVEPOINT seed_signup`);
      }
    });
  }
}
