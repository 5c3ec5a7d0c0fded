import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** Last year's Dakar edition (archived): it has ended, so its certificates exist. */
const dakar = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'dakar-2026',
  ]);
  return rows[0].id;
};

/** A certificate's verification code, issued on the first download (null before). */
const certificateCode = async (db: pg.Client) => {
  const { rows } = await db.query<{ code: string }>(
    `SELECT c.code FROM certificates c JOIN events e ON e.id = c.event_id
      WHERE e.slug = 'dakar-2026' ORDER BY c.number LIMIT 1`,
  );
  return rows[0]?.code ?? 'AAAAAAAAAAAAAAAAAAAAAA';
};

/** Certificates of attendance: the organisers' page, a participant's link, the verify page. */
export const pages: ScreenshotPage[] = [
  {
    name: 'console-certificates',
    as: 'organiser',
    path: async (db) => `/console/events/${await dakar(db)}/certificates`,
    widths: ['laptop', 'phone'],
  },
  {
    name: 'console-certificates-es',
    as: 'organiser',
    path: async (db) => `/console/events/${await dakar(db)}/certificates`,
    widths: ['laptop'],
    locale: 'es',
  },
  { name: 'my-registrations-certificate', as: 'lucia', path: '/my/registrations', locale: 'es' },
  {
    name: 'verify-certificate',
    as: 'anonymous',
    path: async (db) => `/verify/${await certificateCode(db)}`,
  },
];
