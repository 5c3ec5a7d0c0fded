import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's id (seeded as tangier-2027). */
const tangier = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return rows[0].id;
};

/** The registration of a demo participant of the meeting, by name. */
const registrationOf = async (db: pg.Client, name: string) => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
       JOIN events e ON e.id = r.event_id WHERE e.slug = 'tangier-2027' AND a.name = $1`,
    [name],
  );
  return rows[0].id;
};

const finance = async (db: pg.Client) => `/console/events/${await tangier(db)}/finance`;
const laptop: Array<'laptop'> = ['laptop'];

/** The finance view, who pays what, two participants' costs, and Awa's own costs. */
export const pages: ScreenshotPage[] = [
  { name: 'console-finance', as: 'organiser', path: finance, widths: laptop },
  { name: 'console-finance-es', as: 'organiser', path: finance, widths: laptop, locale: 'es' },
  {
    name: 'console-finance-coverage',
    as: 'organiser',
    path: async (db) => `${await finance(db)}/coverage`,
    widths: laptop,
  },
  {
    name: 'console-finance-person-arabic',
    as: 'organiser',
    path: async (db) =>
      `${await finance(db)}/${await registrationOf(db, 'خديجة بنت عبد الرحمن الإدريسي')}`,
    widths: laptop,
  },
  {
    name: 'console-finance-person-vietnamese-en',
    as: 'organiser',
    path: async (db) =>
      `${await finance(db)}/${await registrationOf(db, 'Nguyễn Thị Minh Khai-Hằng')}`,
    widths: ['phone', 'laptop'],
    locale: 'en',
  },
  {
    name: 'participant-travel-costs',
    as: 'awa',
    path: async (db) => `/my/registrations/${await registrationOf(db, 'Awa Traoré')}/travel`,
  },
];
