import { DEMO_PARTICIPANTS, type DemoOrganisationKey } from './demo-data.js';
import type { SeedContext } from './seed-context.js';

type Profession =
  'social_worker' | 'head_of_service' | 'psychologist' | 'legal_expert' | 'manager' | 'other';

interface DemoRegistrant {
  email: string;
  name: string;
  locale: 'fr' | 'en' | 'es';
  organisation: DemoOrganisationKey;
  profession: Profession;
  professionOther?: string;
  languages: string[];
  dietary?: string;
}

/**
 * The other 22 of the 26 people at the Tangier meeting (the 4 demo participants with
 * logins are the rest). Together they cover all 19 organisations in the 10 countries.
 * Names are illustrative.
 */
const GENERATED: Array<Omit<DemoRegistrant, 'email'>> = [
  {
    name: 'Issouf Sanou',
    locale: 'fr',
    organisation: 'bf-bobo',
    profession: 'head_of_service',
    languages: ['fr', 'dyu'],
  },
  {
    name: 'Mireille Ngo Biyong',
    locale: 'fr',
    organisation: 'cm-yaounde',
    profession: 'psychologist',
    languages: ['fr', 'en'],
  },
  {
    name: 'Emmanuel Ekambi',
    locale: 'fr',
    organisation: 'cm-douala',
    profession: 'social_worker',
    languages: ['fr', 'en'],
  },
  {
    name: 'Grâce Mabiala',
    locale: 'fr',
    organisation: 'cg-brazza',
    profession: 'social_worker',
    languages: ['fr', 'ln'],
    dietary: 'Sans porc',
  },
  {
    name: 'Hélène Martin',
    locale: 'fr',
    organisation: 'fr-paris',
    profession: 'manager',
    languages: ['fr', 'en', 'es'],
  },
  {
    name: 'Thomas Lefèvre',
    locale: 'fr',
    organisation: 'fr-lyon',
    profession: 'legal_expert',
    languages: ['fr', 'en'],
  },
  {
    name: 'Voahangy Rakotomalala',
    locale: 'fr',
    organisation: 'mg-tana',
    profession: 'social_worker',
    languages: ['fr', 'mg'],
  },
  {
    name: 'Hery Randriamampionona',
    locale: 'fr',
    organisation: 'mg-tamatave',
    profession: 'head_of_service',
    languages: ['fr', 'mg'],
  },
  {
    name: 'Aminata Keïta',
    locale: 'fr',
    organisation: 'ml-bamako',
    profession: 'psychologist',
    languages: ['fr', 'bm'],
  },
  {
    name: 'Boubacar Coulibaly',
    locale: 'fr',
    organisation: 'ml-segou',
    profession: 'social_worker',
    languages: ['fr', 'bm'],
    dietary: 'Végétarien',
  },
  {
    name: 'Nadia Benjelloun',
    locale: 'fr',
    organisation: 'ma-tanger',
    profession: 'social_worker',
    languages: ['ar', 'fr', 'es'],
  },
  {
    name: 'Youssef Alaoui',
    locale: 'fr',
    organisation: 'ma-rabat',
    profession: 'legal_expert',
    languages: ['ar', 'fr'],
  },
  {
    name: 'Rosa Huamán',
    locale: 'es',
    organisation: 'pe-cusco',
    profession: 'social_worker',
    languages: ['es', 'qu'],
  },
  {
    name: 'Espoir Bahati',
    locale: 'fr',
    organisation: 'cd-goma',
    profession: 'other',
    professionOther: 'Médiateur familial',
    languages: ['fr', 'sw'],
  },
  {
    name: 'Mariama Diallo',
    locale: 'fr',
    organisation: 'sn-thies',
    profession: 'head_of_service',
    languages: ['fr', 'wo'],
  },
  {
    name: 'Khadija El Idrissi',
    locale: 'fr',
    organisation: 'ma-tanger',
    profession: 'psychologist',
    languages: ['ar', 'fr'],
  },
  {
    name: 'Pierre-Yves Roux',
    locale: 'en',
    organisation: 'fr-paris',
    profession: 'social_worker',
    languages: ['fr', 'en'],
  },
  {
    name: 'Salif Ouédraogo',
    locale: 'fr',
    organisation: 'bf-ouaga',
    profession: 'manager',
    languages: ['fr', 'mos'],
  },
  {
    name: 'Bénédicte Kabila',
    locale: 'fr',
    organisation: 'cd-kinshasa',
    profession: 'social_worker',
    languages: ['fr', 'ln'],
  },
  {
    name: 'Carmen Flores',
    locale: 'es',
    organisation: 'pe-lima',
    profession: 'legal_expert',
    languages: ['es', 'en'],
    dietary: 'Sin gluten',
  },
  {
    name: 'Oumou Sangaré',
    locale: 'fr',
    organisation: 'ml-bamako',
    profession: 'social_worker',
    languages: ['fr', 'bm'],
  },
  {
    name: 'Jean-Paul Essomba',
    locale: 'en',
    organisation: 'cm-yaounde',
    profession: 'head_of_service',
    languages: ['fr', 'en'],
  },
];

const PARTICIPANT_DETAILS: Record<string, Pick<DemoRegistrant, 'profession' | 'languages'>> = {
  'awa@convene.demo': { profession: 'social_worker', languages: ['fr', 'mos'] },
  'lucia@convene.demo': { profession: 'psychologist', languages: ['es', 'qu', 'en'] },
  'joseph@convene.demo': { profession: 'head_of_service', languages: ['fr', 'ln'] },
  'fatou@convene.demo': { profession: 'social_worker', languages: ['fr', 'wo', 'en'] },
};

export const DEMO_REGISTRANTS: DemoRegistrant[] = [
  ...DEMO_PARTICIPANTS.map((p) => ({ ...p, ...PARTICIPANT_DETAILS[p.email] })),
  ...GENERATED.map((g, i) => ({
    ...g,
    email: `participant${String(i + 1).padStart(2, '0')}@convene.demo`,
  })),
];

/**
 * 26 confirmed registrations for the Tangier meeting. Idempotent: a person who
 * already has any registration for the event (even one cancelled while playing with
 * the demo) is left alone. No outbox rows: seeding sends nobody an email.
 */
export async function seedRegistrations(ctx: SeedContext): Promise<void> {
  const { ds, organisationIds, accountIds, eventId, passwordHash } = ctx;
  for (const p of DEMO_REGISTRANTS) {
    const organisationId = organisationIds[p.organisation];
    await ds.query(
      `INSERT INTO accounts (email, name, locale, organisation_id, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(email)) DO NOTHING`,
      [p.email, p.name, p.locale, organisationId, passwordHash],
    );
    const [account] = (await ds.query(`SELECT id FROM accounts WHERE lower(email) = $1`, [
      p.email,
    ])) as Array<{ id: string }>;
    accountIds[p.email] = account.id;

    await ds.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           profession_other, languages, dietary, consent_data_processing_at, created_by)
         SELECT $1, $2, $3, 'confirmed', $4, $5, $6, $7, now(), $2
          WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = $1 AND account_id = $2)
         RETURNING id`,
        [
          eventId,
          account.id,
          organisationId,
          p.profession,
          p.professionOther ?? null,
          p.languages,
          p.dietary ?? null,
        ],
      )) as Array<{ id: string }>;
      for (const { id } of inserted) {
        await manager.query(
          `INSERT INTO registration_status_changes (registration_id, event_id, from_status, to_status, changed_by, reason)
           VALUES ($1, $2, NULL, 'confirmed', $3, 'Demo data')`,
          [id, eventId, account.id],
        );
      }
    });
  }
}
