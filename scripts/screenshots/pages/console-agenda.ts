import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's id (seeded as tangier-2027). */
const tangier = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return rows[0].id;
};

const agenda = async (db: pg.Client) => `/console/events/${await tangier(db)}/agenda`;

/** The demo site visit (the bus list) and the demo workshop with the most sign-ups. */
const sessionOf = (kind: 'site_visit' | 'workshop') => async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM sessions s JOIN events e ON e.id = s.event_id
       LEFT JOIN signups g ON g.session_id = s.id AND g.status <> 'cancelled'
      WHERE e.slug = 'tangier-2027' AND s.kind = $1
      GROUP BY s.id ORDER BY count(g.id) DESC, s.starts_at LIMIT 1`,
    [kind],
  );
  return `${await agenda(db)}/sessions/${rows[0].id}`;
};
const visit = sessionOf('site_visit');
const workshop = sessionOf('workshop');
/** The move page of the workshop's person with the longest name (a long Arabic or Vietnamese one). */
const movePerson = async (db: pg.Client) => {
  const path = await workshop(db);
  const { rows } = await db.query<{ id: string }>(
    `SELECT g.id FROM signups g JOIN accounts a ON a.id = g.account_id
      WHERE g.session_id = $1 AND g.status <> 'cancelled'
      ORDER BY length(a.name) DESC, g.id LIMIT 1`,
    [path.split('/').pop()],
  );
  return `${path}/signups/${rows[0].id}/move`;
};
const laptop: Array<'laptop'> = ['laptop'];

/** The agenda builder at laptop width: grid per day, forms, review, rooms, lists, bus list. */
export const pages: ScreenshotPage[] = [
  {
    name: 'console-agenda-grid',
    as: 'organiser',
    path: async (db) => `${await agenda(db)}?day=2027-10-26`,
    widths: laptop,
  },
  {
    name: 'console-agenda-grid-es',
    as: 'organiser',
    path: async (db) => `${await agenda(db)}?day=2027-10-27`,
    widths: laptop,
    locale: 'es',
  },
  {
    name: 'console-agenda-new-session',
    as: 'organiser',
    path: async (db) => `${await agenda(db)}/sessions/new?day=2027-10-26`,
    widths: laptop,
  },
  {
    name: 'console-agenda-new-session-errors',
    as: 'organiser',
    path: async (db) => `${await agenda(db)}/sessions/new?day=2027-10-26`,
    widths: laptop,
    locale: 'en',
    before: async (page) => {
      // "Title (French)" when the event has several languages.
      await page
        .getByLabel(/^Title/)
        .first()
        .fill('A session without a kind');
      await page.getByRole('button', { name: 'Create the session' }).click();
      await page.locator('.error-summary').waitFor();
    },
  },
  {
    name: 'console-agenda-edit-session',
    as: 'organiser',
    path: async (db) => `${await workshop(db)}/edit`,
    widths: laptop,
  },
  {
    name: 'console-agenda-move-session',
    as: 'organiser',
    path: async (db) => `${await workshop(db)}/move`,
    widths: laptop,
  },
  {
    name: 'console-agenda-move-person',
    as: 'organiser',
    path: movePerson,
    widths: ['phone', 'laptop'],
  },
  {
    name: 'console-agenda-move-person-es',
    as: 'organiser',
    path: movePerson,
    widths: ['phone'],
    locale: 'es',
  },
  {
    name: 'console-agenda-cancel-session',
    as: 'organiser',
    path: async (db) => `${await workshop(db)}/cancel`,
    widths: laptop,
  },
  { name: 'console-agenda-session', as: 'organiser', path: workshop, widths: laptop },
  { name: 'console-agenda-site-visit', as: 'organiser', path: visit, widths: laptop, locale: 'es' },
  {
    name: 'console-agenda-bus-list',
    as: 'organiser',
    path: async (db) => `${await visit(db)}/bus-list`,
    widths: laptop,
  },
  {
    name: 'console-agenda-review',
    as: 'organiser',
    path: async (db) => `${await agenda(db)}/review`,
    widths: laptop,
  },
  {
    name: 'console-agenda-rooms',
    as: 'organiser',
    path: async (db) => `${await agenda(db)}/rooms`,
    widths: laptop,
    locale: 'en',
  },
];
