import type { DataSource } from 'typeorm';
import { adoptSession, seedOnce } from './seed-keys.js';
import type { SeedStep } from './seed-context.js';

type Sharing = 'private' | 'host' | 'network';

interface DemoEntry {
  visitor: string;
  day: string;
  observations: string;
  questions?: string;
  practice?: string;
  sharing: Sharing;
  answer?: { by: string; body: string };
}

interface DemoJournal {
  immersion: string;
  /** A short programme with who attended, for immersions seeded without one. */
  programme: Array<{
    key: string;
    kind: string;
    title: string;
    titles: Record<string, string>;
    startsAt: string;
    endsAt: string;
    attended: string[];
  }>;
  entries: DemoEntry[];
}

const KOGL = ['mariam.ouedraogo@kogltaaba.demo', 'boukary.sawadogo@kogltaaba.demo'];

/*
 * Kogl Taaba's social workers in Kinshasa (March 2026) and Cameleon's in Phnom Penh
 * (November 2026) kept journals: some days private, some shared with the host, some
 * with the network, and the hosts answered a few. Both visits are over, so their
 * exchange reports read as they would after the return home.
 */
const JOURNALS: DemoJournal[] = [
  {
    immersion: 'immersion-kogl-taaba-batoto-2026',
    programme: [
      {
        key: 'team-meeting',
        kind: 'team_meeting',
        title: 'Réunion d’équipe du lundi',
        titles: { fr: 'Réunion d’équipe du lundi', en: 'Monday team meeting' },
        startsAt: '2026-03-09T08:30:00+01:00',
        endsAt: '2026-03-09T10:00:00+01:00',
        attended: KOGL,
      },
      {
        key: 'family-workshop',
        kind: 'family_workshop',
        title: 'Atelier avec les familles : la parole aux parents',
        titles: {
          fr: 'Atelier avec les familles : la parole aux parents',
          en: 'Workshop with families: parents speak',
        },
        startsAt: '2026-03-10T14:00:00+01:00',
        endsAt: '2026-03-10T16:30:00+01:00',
        attended: KOGL,
      },
      {
        key: 'observation-day',
        kind: 'observation_day',
        title: 'Journée d’observation à la Maison des familles',
        titles: {
          fr: 'Journée d’observation à la Maison des familles',
          en: 'Observation day in the Family House',
        },
        startsAt: '2026-03-11T08:30:00+01:00',
        endsAt: '2026-03-11T16:00:00+01:00',
        attended: [KOGL[0]],
      },
    ],
    entries: [
      {
        visitor: KOGL[0],
        day: '2026-03-09',
        observations:
          'La réunion d’équipe commence par les familles arrivées la veille : chacune a une référente nommée avant la fin de la réunion.',
        questions: 'Comment l’équipe répartit-elle les familles quand une référente est absente ?',
        practice: 'Nommer une référente par famille dès le premier jour, à Ouagadougou aussi.',
        sharing: 'network',
        answer: {
          by: 'batoto@convene.demo',
          body: 'Une binôme reprend le suivi : chaque référente a toujours une collègue qui connaît ses familles.',
        },
      },
      {
        visitor: KOGL[0],
        day: '2026-03-10',
        observations:
          'Dans l’atelier, deux mères animent la première partie. Les autres parents parlent plus librement.',
        practice: 'Proposer à des parents volontaires de co-animer nos ateliers du samedi.',
        sharing: 'network',
      },
      {
        visitor: KOGL[0],
        day: '2026-03-11',
        observations: 'Fatiguée ce soir. Beaucoup d’émotions pendant les visites.',
        sharing: 'private',
      },
      {
        visitor: KOGL[1],
        day: '2026-03-10',
        observations: 'Les parents préparent eux-mêmes le goûter des enfants.',
        questions: 'Comment préparez-vous les parents qui co-animent ?',
        sharing: 'host',
        answer: {
          by: 'batoto@convene.demo',
          body: 'Nous les voyons la veille pendant une heure, avec une fiche simple. Venez jeudi, vous verrez.',
        },
      },
    ],
  },
  {
    immersion: 'immersion-cameleon-wrc-2026',
    programme: [],
    entries: [
      {
        visitor: 'maria.dimaculangan@cameleon.demo',
        day: '2026-11-10',
        observations:
          'The Center keeps a wall chart of each family’s goals, written with the family and updated every week.',
        practice: 'Try goal charts with two families in Iloilo before the return visit.',
        sharing: 'network',
        answer: {
          by: 'wrc@convene.demo',
          body: 'We started with one family too. Sometimes the children draw the goals themselves.',
        },
      },
      {
        visitor: 'jocelyn.bautista@cameleon.demo',
        day: '2026-11-11',
        observations: 'Home visits always happen in pairs.',
        questions: 'How do you schedule pairs when the team is small?',
        sharing: 'host',
      },
    ],
  },
];

/** The demo visitors who may sign in with the demo password to see their journal. */
const SIGN_IN = ['mariam.ouedraogo@kogltaaba.demo', 'maria.dimaculangan@cameleon.demo'];

async function idOf(ds: DataSource, sql: string, params: unknown[]): Promise<string | undefined> {
  const [row] = (await ds.query(sql, params)) as Array<{ id: string }>;
  return row?.id;
}

/**
 * Journals of the immersions the exchanges step seeds (that step runs first; without its
 * immersions this one does nothing). Idempotent: sessions by seed key, attendance,
 * entries (one per visitor and day) and answers only when missing.
 */
export const seedLearning: SeedStep = async ({ ds, passwordHash }) => {
  for (const journal of JOURNALS) {
    const eventId = await idOf(ds, `SELECT id FROM events WHERE slug = $1`, [journal.immersion]);
    if (!eventId) continue;
    for (const s of journal.programme) {
      const { id: sessionId } = await seedOnce(
        ds,
        `learning:${journal.immersion}:${s.key}`,
        'sessions',
        {
          adopt: adoptSession(ds, eventId, s.title, s.startsAt),
          insert: async () =>
            (await idOf(
              ds,
              `INSERT INTO sessions (event_id, kind, title, titles, starts_at, ends_at, language,
                 status, published_at)
               VALUES ($1, $2, $3, $4, $5, $6, 'fr', 'published', now()) RETURNING id`,
              [eventId, s.kind, s.title, s.titles, s.startsAt, s.endsAt],
            ))!,
        },
      );
      if (!sessionId) continue;
      await ds.query(
        `INSERT INTO session_attendance (session_id, account_id, source)
         SELECT $1, a.id, 'list' FROM accounts a
          WHERE lower(a.email) = ANY($2::text[])
         ON CONFLICT (session_id, account_id) DO NOTHING`,
        [sessionId, s.attended],
      );
    }
    for (const e of journal.entries) {
      const [reg] = (await ds.query(
        `SELECT r.id, r.account_id FROM registrations r JOIN accounts a ON a.id = r.account_id
          WHERE r.event_id = $1 AND lower(a.email) = $2 AND r.status = 'confirmed'`,
        [eventId, e.visitor],
      )) as Array<{ id: string; account_id: string }>;
      if (!reg) continue;
      await ds.query(
        `INSERT INTO journal_entries (event_id, registration_id, account_id, day, observations,
           questions, practice, sharing)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (registration_id, day) DO NOTHING`,
        [
          eventId,
          reg.id,
          reg.account_id,
          e.day,
          e.observations,
          e.questions ?? '',
          e.practice ?? '',
          e.sharing,
        ],
      );
      if (e.answer) {
        await ds.query(
          `INSERT INTO journal_answers (entry_id, author_account_id, body)
           SELECT j.id, (SELECT id FROM accounts WHERE lower(email) = $3), $4
             FROM journal_entries j WHERE j.registration_id = $1 AND j.day = $2
           ON CONFLICT (entry_id) DO NOTHING`,
          [reg.id, e.day, e.answer.by, e.answer.body],
        );
      }
    }
  }
  await ds.query(
    `UPDATE accounts SET password_hash = $2 WHERE lower(email) = ANY($1::text[]) AND password_hash IS NULL`,
    [SIGN_IN, passwordHash],
  );
};
