import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's accommodation pages (seeded as tangier-2027). */
const base = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return `/console/events/${rows[0].id}/accommodation`;
};

const hotel = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT h.id FROM accommodation_hotels h JOIN events e ON e.id = h.event_id
      WHERE e.slug = 'tangier-2027' ORDER BY h.created_at LIMIT 1`,
  );
  return `${await base(db)}/hotels/${rows[0].id}`;
};

/** A demo registration by the participant's name (Arabic for the long right-to-left one). */
const registrationOf = async (db: pg.Client, name: string) => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
       JOIN events e ON e.id = r.event_id WHERE e.slug = 'tangier-2027' AND a.name = $1`,
    [name],
  );
  return rows[0].id;
};

const both: Array<'phone' | 'laptop'> = ['phone', 'laptop'];

/** Occupancy, a person's stay, a hotel's rooms per night, the rooming list; Awa's room wishes. */
export const pages: ScreenshotPage[] = [
  { name: 'console-accommodation', as: 'organiser', path: base, widths: both },
  { name: 'console-accommodation-es', as: 'organiser', path: base, locale: 'es' },
  {
    name: 'console-accommodation-person',
    as: 'organiser',
    path: async (db) =>
      `${await base(db)}/people/${await registrationOf(db, 'خديجة بنت عبد الرحمن الإدريسي')}`,
  },
  { name: 'console-accommodation-hotel', as: 'organiser', path: hotel, widths: both },
  {
    name: 'console-accommodation-rooming-list',
    as: 'organiser',
    path: async (db) => `${await hotel(db)}/rooming-list`,
    widths: both,
  },
  {
    name: 'participant-stay-wishes',
    as: 'awa',
    path: async (db) => `/my/registrations/${await registrationOf(db, 'Awa Traoré')}/stay`,
  },
];
