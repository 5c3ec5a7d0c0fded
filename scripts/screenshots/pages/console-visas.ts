import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's id (seeded as tangier-2027). */
const tangier = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return rows[0].id;
};

/** A demo registration of the meeting with a visa history (the longest one). */
const withHistory = async (db: pg.Client) => {
  const { rows } = await db.query<{ registration_id: string }>(
    `SELECT c.registration_id FROM visa_status_changes c JOIN events e ON e.id = c.event_id
      WHERE e.slug = 'tangier-2027' GROUP BY c.registration_id
      ORDER BY count(*) DESC, c.registration_id LIMIT 1`,
  );
  return rows[0].registration_id;
};

const visas = async (db: pg.Client) => `/console/events/${await tangier(db)}/visas`;
const laptop: Array<'laptop'> = ['laptop'];

/** The visa board, one person's visa, the visa rules and the arrivals sheet, at laptop width. */
export const pages: ScreenshotPage[] = [
  { name: 'console-visas', as: 'organiser', path: visas, widths: laptop },
  { name: 'console-visas-es', as: 'organiser', path: visas, widths: laptop, locale: 'es' },
  {
    name: 'console-visas-letter-requested',
    as: 'organiser',
    path: async (db) => `${await visas(db)}?status=letter_requested`,
    widths: laptop,
  },
  {
    name: 'console-visas-filter-errors',
    as: 'organiser',
    path: async (db) => `${await visas(db)}?status=bogus&nationality=ZZ`,
    widths: laptop,
  },
  {
    name: 'console-visas-person',
    as: 'organiser',
    path: async (db) => `${await visas(db)}/${await withHistory(db)}`,
    widths: laptop,
  },
  {
    name: 'console-visas-person-en',
    as: 'organiser',
    path: async (db) => `${await visas(db)}/${await withHistory(db)}`,
    widths: laptop,
    locale: 'en',
  },
  {
    name: 'console-visas-rules',
    as: 'organiser',
    path: async (db) => `${await visas(db)}/rules`,
    widths: laptop,
  },
  {
    name: 'console-arrivals',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/arrivals`,
    widths: laptop,
  },
  {
    name: 'console-arrivals-es',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/arrivals`,
    widths: laptop,
    locale: 'es',
  },
];
