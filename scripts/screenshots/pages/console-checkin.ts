import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's id (seeded as tangier-2027). */
const tangier = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return rows[0].id;
};

const checkIn = async (db: pg.Client) => `/console/events/${await tangier(db)}/check-in`;

/** The opening plenary's door (the first published plenary). */
const door = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM sessions s JOIN events e ON e.id = s.event_id
      WHERE e.slug = 'tangier-2027' AND s.kind = 'plenary' AND s.status = 'published'
      ORDER BY s.starts_at LIMIT 1`,
  );
  return `${await checkIn(db)}/sessions/${rows[0].id}`;
};

const both: Array<'phone' | 'laptop'> = ['phone', 'laptop'];

/** The check-in desk and a session's door, on a phone first (that is where they are used). */
export const pages: ScreenshotPage[] = [
  { name: 'console-checkin', as: 'organiser', path: checkIn, widths: both },
  {
    name: 'console-checkin-day-search',
    as: 'organiser',
    path: async (db) => `${await checkIn(db)}/day?q=nguy`,
    widths: both,
  },
  {
    name: 'console-checkin-day-search-es',
    as: 'organiser',
    path: async (db) => `${await checkIn(db)}/day?q=khadi`,
    widths: both,
    locale: 'es',
  },
  { name: 'console-checkin-door', as: 'organiser', path: door, widths: both },
];
