import type { DataSource } from 'typeorm';
import { DEMO_IMMERSION_HOSTS, DEMO_IMMERSION_ORGANISATIONS, DEMO_ORGANISER } from './demo-data.js';
import { adoptSession, seedOnce } from './seed-keys.js';
import type { SeedStep } from './seed-context.js';

const PROGRAMME = {
  slug: 'family-support-2027',
  year: 2027,
  names: {
    en: 'Family support 2027',
    fr: 'Soutien aux familles 2027',
    es: 'Apoyo a las familias 2027',
  },
};

type OrgKey = (typeof DEMO_IMMERSION_ORGANISATIONS)[number]['key'];

interface DemoImmersion {
  slug: string;
  names: { fr: string; en: string; es: string };
  visiting: OrgKey;
  host: OrgKey;
  timezone: string;
  startDate: string;
  endDate: string;
  languages: string[];
  venueCity: string;
  venueCountry: string;
  /** Social workers of the visiting partner (a Khmer and a Tagalog name among them). */
  visitors: Array<{ email: string; name: string; locale: string; dietary?: string }>;
}

/*
 * Kogl Taaba and Solidarité Batoto visited each other in 2026 (the pair is done);
 * Cameleon went to the Women's Resource Center in November 2026 and the Center returns
 * the visit in February 2027 (the first awaits its return, the second is planned).
 */
const IMMERSIONS: DemoImmersion[] = [
  {
    slug: 'immersion-kogl-taaba-batoto-2026',
    names: {
      fr: 'Immersion : Kogl Taaba chez Solidarité Batoto',
      en: 'Immersion: Kogl Taaba at Solidarité Batoto',
      es: 'Inmersión: Kogl Taaba en Solidarité Batoto',
    },
    visiting: 'bf-kogl-taaba',
    host: 'cd-batoto',
    timezone: 'Africa/Kinshasa',
    startDate: '2026-03-09',
    endDate: '2026-03-13',
    languages: ['fr'],
    venueCity: 'Kinshasa',
    venueCountry: 'CD',
    visitors: [
      { email: 'mariam.ouedraogo@kogltaaba.demo', name: 'Mariam Ouédraogo', locale: 'fr' },
      { email: 'boukary.sawadogo@kogltaaba.demo', name: 'Boukary Sawadogo', locale: 'fr' },
      {
        email: 'salimata.zongo@kogltaaba.demo',
        name: 'Salimata Zongo',
        locale: 'fr',
        dietary: 'Sans porc',
      },
    ],
  },
  {
    slug: 'immersion-batoto-kogl-taaba-2026',
    names: {
      fr: 'Immersion : Solidarité Batoto chez Kogl Taaba',
      en: 'Immersion: Solidarité Batoto at Kogl Taaba',
      es: 'Inmersión: Solidarité Batoto en Kogl Taaba',
    },
    visiting: 'cd-batoto',
    host: 'bf-kogl-taaba',
    timezone: 'Africa/Ouagadougou',
    startDate: '2026-06-08',
    endDate: '2026-06-12',
    languages: ['fr'],
    venueCity: 'Ouagadougou',
    venueCountry: 'BF',
    visitors: [
      { email: 'grace.kalonji@batoto.demo', name: 'Grâce Kalonji', locale: 'fr' },
      { email: 'patrick.ilunga@batoto.demo', name: 'Patrick Ilunga', locale: 'fr' },
      { email: 'nadine.tshala@batoto.demo', name: 'Nadine Tshala', locale: 'fr' },
    ],
  },
  {
    slug: 'immersion-cameleon-wrc-2026',
    names: {
      fr: 'Immersion : Cameleon au Women’s Resource Center',
      en: "Immersion: Cameleon at the Women's Resource Center",
      es: 'Inmersión: Cameleon en el Women’s Resource Center',
    },
    visiting: 'ph-cameleon',
    host: 'kh-wrc',
    timezone: 'Asia/Phnom_Penh',
    startDate: '2026-11-09',
    endDate: '2026-11-13',
    languages: ['en'],
    venueCity: 'Phnom Penh',
    venueCountry: 'KH',
    visitors: [
      { email: 'maria.dimaculangan@cameleon.demo', name: 'Maria Dimaculangan', locale: 'en' },
      { email: 'jocelyn.bautista@cameleon.demo', name: 'Jocelyn Bautista', locale: 'en' },
      {
        email: 'rowena.magbanua@cameleon.demo',
        name: 'Rowena Magbanua',
        locale: 'en',
        dietary: 'Vegetarian',
      },
    ],
  },
  {
    slug: 'immersion-wrc-cameleon-2027',
    names: {
      fr: 'Immersion : le Women’s Resource Center chez Cameleon',
      en: "Immersion: the Women's Resource Center at Cameleon",
      es: 'Inmersión: el Women’s Resource Center en Cameleon',
    },
    visiting: 'kh-wrc',
    host: 'ph-cameleon',
    timezone: 'Asia/Manila',
    startDate: '2027-02-15',
    endDate: '2027-02-19',
    languages: ['en'],
    venueCity: 'Iloilo City',
    venueCountry: 'PH',
    visitors: [
      { email: 'sreymom.chan@wrc.demo', name: 'ចាន់ ស្រីមុំ', locale: 'en' },
      { email: 'dara.sok@wrc.demo', name: 'Sok Dara', locale: 'en' },
    ],
  },
];

/** Cameleon's week for its visitors from Phnom Penh (Manila time, UTC+8). */
const HOST_PROGRAMME = [
  [
    'team-meeting',
    'team_meeting',
    'Monday team meeting',
    'Réunion d’équipe du lundi',
    'Reunión de equipo del lunes',
    '2027-02-15T09:00:00+08:00',
    '2027-02-15T11:00:00+08:00',
  ],
  [
    'family-workshop',
    'family_workshop',
    'Workshop with families: parenting circles',
    'Atelier avec les familles : cercles de parents',
    'Taller con familias: círculos de crianza',
    '2027-02-16T14:00:00+08:00',
    '2027-02-16T16:30:00+08:00',
  ],
  [
    'observation-day',
    'observation_day',
    'Observation day in the Family House',
    'Journée d’observation à la Maison des familles',
    'Jornada de observación en la Casa de las familias',
    '2027-02-17T08:30:00+08:00',
    '2027-02-17T17:00:00+08:00',
  ],
] as const;

async function idOf(ds: DataSource, sql: string, params: unknown[]): Promise<string> {
  const [row] = (await ds.query(sql, params)) as Array<{ id: string }>;
  return row.id;
}

/**
 * The immersion partners, their hosts' staff, the programme "Family support 2027" (the
 * four immersions and the Tangier week), the exchanges linked in pairs, and a few
 * confirmed visitors. Idempotent: everything is keyed by name, email or slug and inserted
 * only when missing; an exchange is made once per immersion.
 */
export const seedExchanges: SeedStep = async ({ ds, eventId, accountIds, passwordHash }) => {
  const orgs: Record<string, string> = {};
  for (const o of DEMO_IMMERSION_ORGANISATIONS) {
    await ds.query(
      `INSERT INTO organisations (name, country, city, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lower(name), country) DO NOTHING`,
      [o.name, o.country, o.city, o.kind],
    );
    orgs[o.key] = await idOf(
      ds,
      `SELECT id FROM organisations WHERE lower(name) = lower($1) AND country = $2`,
      [o.name, o.country],
    );
  }
  for (const h of DEMO_IMMERSION_HOSTS) {
    await ds.query(
      `INSERT INTO accounts (email, name, locale, organisation_id, password_hash, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (lower(email)) DO NOTHING`,
      [h.email, h.name, h.locale, orgs[h.organisation], passwordHash],
    );
  }
  await ds.query(
    `INSERT INTO programmes (slug, year, names) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING`,
    [PROGRAMME.slug, PROGRAMME.year, PROGRAMME.names],
  );
  const programmeId = await idOf(ds, `SELECT id FROM programmes WHERE slug = $1`, [PROGRAMME.slug]);
  // The network's week belongs to the year's programme too (unless an organiser moved it).
  await ds.query(`UPDATE events SET programme_id = $2 WHERE id = $1 AND programme_id IS NULL`, [
    eventId,
    programmeId,
  ]);
  const organiser = accountIds[DEMO_ORGANISER.email] ?? null;

  const exchangeIds: string[] = [];
  for (const im of IMMERSIONS) {
    await ds.query(
      `INSERT INTO events (slug, name, names, kind, timezone, start_date, end_date, venue_city,
         venue_country, capacity, requires_approval, languages, host_organisation_id, programme_id,
         status, published_at, created_by)
       VALUES ($1, $2, $3, 'immersion', $4, $5, $6, $7, $8, 6, true, $9, $10, $11, 'published',
               now(), $12)
       ON CONFLICT (slug) DO NOTHING`,
      [
        im.slug,
        im.names[im.languages[0] as 'fr' | 'en'],
        im.names,
        im.timezone,
        im.startDate,
        im.endDate,
        im.venueCity,
        im.venueCountry,
        im.languages,
        orgs[im.host],
        programmeId,
        organiser,
      ],
    );
    const immersionId = await idOf(ds, `SELECT id FROM events WHERE slug = $1`, [im.slug]);
    if (organiser) {
      await ds.query(
        `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')
         ON CONFLICT DO NOTHING`,
        [immersionId, organiser],
      );
    }
    await ds.query(
      `INSERT INTO exchanges (event_id, visiting_organisation_id, host_organisation_id)
       VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING`,
      [immersionId, orgs[im.visiting], orgs[im.host]],
    );
    exchangeIds.push(await idOf(ds, `SELECT id FROM exchanges WHERE event_id = $1`, [immersionId]));
    for (const v of im.visitors) {
      await ds.query(
        `INSERT INTO accounts (email, name, locale, organisation_id, email_verified_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (lower(email)) DO NOTHING`,
        [v.email, v.name, v.locale, orgs[im.visiting]],
      );
      const accountId = await idOf(ds, `SELECT id FROM accounts WHERE lower(email) = $1`, [
        v.email,
      ]);
      await ds.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           languages, dietary, consent_data_processing_at, created_by)
         SELECT $1, $2, $3, 'confirmed', 'social_worker', $4, $5, now(), $2
          WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = $1 AND account_id = $2)`,
        [immersionId, accountId, orgs[im.visiting], im.languages, v.dietary ?? null],
      );
    }
  }
  // The host's programme for the planned visit, as Cameleon's staff built it.
  const planned = IMMERSIONS[3];
  const plannedId = await idOf(ds, `SELECT id FROM events WHERE slug = $1`, [planned.slug]);
  const hostAccount = await idOf(ds, `SELECT id FROM accounts WHERE lower(email) = $1`, [
    'cameleon@convene.demo',
  ]);
  for (const [key, kind, title, fr, es, startsAt, endsAt] of HOST_PROGRAMME) {
    await seedOnce(ds, `exchanges:wrc-cameleon:${key}`, 'sessions', {
      adopt: adoptSession(ds, plannedId, title, startsAt),
      insert: async () =>
        idOf(
          ds,
          `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, language, status,
             published_at, created_by, titles)
           VALUES ($1, $2, $3, $4, $5, 'en', 'published', now(), $6, $7) RETURNING id`,
          [plannedId, kind, title, startsAt, endsAt, hostAccount, { en: title, fr, es }],
        ),
    });
  }
  // Each pair names the other, both in one transaction (the database checks it at commit).
  await ds.transaction(async (m) => {
    for (const [a, b] of [
      [exchangeIds[0], exchangeIds[1]],
      [exchangeIds[2], exchangeIds[3]],
    ]) {
      await m.query(
        `UPDATE exchanges SET return_exchange_id = CASE id WHEN $1 THEN $2::uuid ELSE $1::uuid END
          WHERE id IN ($1, $2) AND return_exchange_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM exchanges x
                             WHERE x.id IN ($1, $2) AND x.return_exchange_id IS NOT NULL)`,
        [a, b],
      );
    }
  });
};
