import { randomUUID } from 'node:crypto';
import { DEMO_PARTICIPANTS } from './demo-data.js';
import type { SeedStep } from './seed-context.js';

type Texts = Partial<Record<'fr' | 'en' | 'es', string>>;
interface Question {
  kind: 'rating' | 'choice' | 'text';
  texts: Texts;
  options?: Texts[];
  required?: boolean;
}

const USEFUL: Question = {
  kind: 'rating',
  texts: {
    fr: 'Cette session vous a-t-elle été utile ?',
    en: 'How useful was this session to you?',
    es: '¿Le resultó útil esta sesión?',
  },
};
const PACE: Question = {
  kind: 'choice',
  texts: { fr: 'Le rythme était…', en: 'The pace was…', es: 'El ritmo fue…' },
  options: [
    { fr: 'Trop lent', en: 'Too slow', es: 'Demasiado lento' },
    { fr: 'Juste', en: 'About right', es: 'Adecuado' },
    { fr: 'Trop rapide', en: 'Too fast', es: 'Demasiado rápido' },
  ],
};
const PRACTICE: Question = {
  kind: 'text',
  texts: {
    fr: 'Une pratique que vous essaierez chez vous ?',
    en: 'A practice you will try at home?',
    es: '¿Una práctica que probará en casa?',
  },
  required: false,
};

/** What a few people wrote (kept short, in the languages the network writes in). */
const WRITTEN = [
  'Les groupes de parole avec les pères : nous allons essayer à Ouagadougou.',
  'Ask families to co-facilitate the first meeting.',
  'Visitar a las familias en casa antes del taller.',
  'Un cahier de bord partagé entre l’équipe et les familles.',
  'Shorter plenaries, more time in small groups.',
  'Des pauses plus longues pour parler entre partenaires.',
  'Interpretation into Spanish for every workshop, please.',
  'Más tiempo con las familias durante la visita.',
  'Inviter une famille à témoigner en plénière.',
  'A shared list of contacts at the end of the week.',
];

interface FormSeed {
  titles: Texts;
  sessionKind: 'workshop' | 'site_visit' | null;
  anonymous: boolean;
  questions: Question[];
}

const FORMS: FormSeed[] = [
  {
    titles: {
      fr: 'Votre avis sur l’atelier',
      en: 'Your view of the workshop',
      es: 'Su opinión sobre el taller',
    },
    sessionKind: 'workshop',
    anonymous: false,
    questions: [USEFUL, PACE, PRACTICE],
  },
  {
    titles: {
      fr: 'Votre avis sur la visite de terrain',
      en: 'Your view of the site visit',
      es: 'Su opinión sobre la visita de terreno',
    },
    sessionKind: 'site_visit',
    anonymous: false,
    questions: [
      {
        ...USEFUL,
        texts: {
          fr: 'Qu’avez-vous appris de la visite ?',
          en: 'How much did you learn on the visit?',
          es: '¿Cuánto aprendió en la visita?',
        },
      },
      PRACTICE,
    ],
  },
  {
    titles: {
      fr: 'La semaine de Tanger en quelques mots',
      en: 'The Tangier week in a few words',
      es: 'La semana de Tánger en pocas palabras',
    },
    sessionKind: null,
    anonymous: true,
    questions: [
      {
        kind: 'rating',
        texts: {
          fr: 'Note globale de la semaine',
          en: 'Overall rating of the week',
          es: 'Nota global de la semana',
        },
      },
      {
        kind: 'choice',
        texts: {
          fr: 'Reviendriez-vous l’an prochain ?',
          en: 'Would you come again next year?',
          es: '¿Volvería el año próximo?',
        },
        options: [
          { fr: 'Oui', en: 'Yes', es: 'Sí' },
          { fr: 'Peut-être', en: 'Maybe', es: 'Quizás' },
          { fr: 'Non', en: 'No', es: 'No' },
        ],
      },
      {
        kind: 'text',
        texts: {
          fr: 'Que faudrait-il changer ?',
          en: 'What should change?',
          es: '¿Qué habría que cambiar?',
        },
        required: false,
      },
    ],
  },
];

/**
 * Tangier 2027's feedback: a form after a workshop and after the site visit (with names),
 * and an anonymous one for the whole week, each answered by some of the people who were
 * there. The demo's own logins are left out, so they can answer themselves. The forms
 * open early (organisers may) so the demo shows results before the week has happened.
 * Idempotent: nothing is added when the event already has feedback forms.
 */
export const seedFeedback: SeedStep = async ({ ds, eventId }) => {
  const [{ n }] = (await ds.query(
    `SELECT count(*)::int AS n FROM feedback_forms WHERE event_id = $1`,
    [eventId],
  )) as Array<{ n: number }>;
  if (n > 0) return;
  const [organiser] = (await ds.query(
    `SELECT account_id FROM event_staff WHERE event_id = $1 AND role = 'organiser' LIMIT 1`,
    [eventId],
  )) as Array<{ account_id: string }>;

  for (const [f, spec] of FORMS.entries()) {
    const session = spec.sessionKind
      ? (
          (await ds.query(
            `SELECT s.id FROM sessions s WHERE s.event_id = $1 AND s.kind = $2 AND s.status <> 'cancelled'
            ORDER BY (SELECT count(*) FROM signups g WHERE g.session_id = s.id AND g.status = 'confirmed') DESC,
                     s.starts_at, s.id
            LIMIT 1`,
            [eventId, spec.sessionKind],
          )) as Array<{ id: string }>
        )[0]
      : undefined;
    if (spec.sessionKind && !session) continue;
    const formId = randomUUID();
    await ds.query(
      `INSERT INTO feedback_forms (id, event_id, session_id, titles, anonymous, opens_at, closes_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, '2026-11-15T09:00:00Z', '2027-11-30T23:59:00Z', $6, '2026-11-10T09:00:00Z')`,
      [
        formId,
        eventId,
        session?.id ?? null,
        spec.titles,
        spec.anonymous,
        organiser?.account_id ?? null,
      ],
    );
    const questionIds: string[] = [];
    for (const [i, q] of spec.questions.entries()) {
      const id = randomUUID();
      questionIds.push(id);
      await ds.query(
        `INSERT INTO feedback_questions (id, form_id, position, kind, texts, options, required)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
        [id, formId, i, q.kind, q.texts, JSON.stringify(q.options ?? []), q.required !== false],
      );
    }
    // Who was there: the session's confirmed seats, or the event's confirmed participants.
    const people = (await ds.query(
      session
        ? `SELECT g.account_id FROM signups g JOIN accounts a ON a.id = g.account_id
            WHERE g.session_id = $1 AND g.status = 'confirmed' AND a.email <> ALL($2::text[])
            ORDER BY a.name, a.id`
        : `SELECT r.account_id FROM registrations r JOIN accounts a ON a.id = r.account_id
            WHERE r.event_id = $1 AND r.status = 'confirmed' AND a.email <> ALL($2::text[])
            ORDER BY a.name, a.id`,
      [session?.id ?? eventId, DEMO_PARTICIPANTS.map((p) => p.email)],
    )) as Array<{ account_id: string }>;
    // About two in three answer; the values vary by person, the same on every run.
    const answering = people.filter((_, i) => i % 3 !== 2);
    for (const [p, person] of answering.entries()) {
      const day = `2026-11-${String(16 + (p % 10)).padStart(2, '0')}`;
      await ds.query(
        `INSERT INTO feedback_respondents (form_id, account_id, answered_on) VALUES ($1, $2, $3)`,
        [formId, person.account_id, day],
      );
      const responseId = randomUUID();
      await ds.query(
        `INSERT INTO feedback_responses (id, form_id, account_id, submitted_at) VALUES ($1, $2, $3, $4)`,
        [
          responseId,
          formId,
          spec.anonymous ? null : person.account_id,
          spec.anonymous ? null : `${day}T${String(9 + (p % 8)).padStart(2, '0')}:15:00Z`,
        ],
      );
      for (const [i, q] of spec.questions.entries()) {
        const seed = (p * 7 + f * 3 + i * 5) % 11;
        const value =
          q.kind === 'rating'
            ? { rating: [5, 4, 4, 5, 3, 4, 5, 2, 4, 5, 3][seed]! }
            : q.kind === 'choice'
              ? {
                  // The workshop's pace mostly "about right"; the week's "yes, again".
                  choice:
                    (spec.anonymous
                      ? [0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 1]
                      : [1, 1, 0, 1, 2, 1, 0, 1, 1, 2, 1])[seed]! % q.options!.length,
                }
              : p % 2 === 0
                ? { text: WRITTEN[(p / 2 + f) % WRITTEN.length]! }
                : null;
        if (!value) continue;
        await ds.query(
          `INSERT INTO feedback_answers (response_id, question_id, rating, choice, text)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            responseId,
            questionIds[i],
            'rating' in value ? value.rating : null,
            'choice' in value ? value.choice : null,
            'text' in value ? value.text : null,
          ],
        );
      }
    }
  }
};
