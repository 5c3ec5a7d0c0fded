import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's id (seeded as tangier-2027). */
const tangier = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return rows[0].id;
};

const list = async (db: pg.Client) => `/console/events/${await tangier(db)}/registrations`;

/** A registration of the demo meeting whose person has the longest name (Arabic or Vietnamese). */
const longestName = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string; event_id: string }>(
    `SELECT r.id, r.event_id FROM registrations r JOIN accounts a ON a.id = r.account_id
       JOIN events e ON e.id = r.event_id
      WHERE e.slug = 'tangier-2027' ORDER BY length(a.name) DESC, r.id LIMIT 1`,
  );
  return `/console/events/${rows[0].event_id}/registrations/${rows[0].id}`;
};

/** The console's registrations pages, at laptop width. */
export const pages: ScreenshotPage[] = [
  { name: 'console-registrations', as: 'organiser', path: list, widths: ['laptop'] },
  {
    name: 'console-registrations-es',
    as: 'organiser',
    path: list,
    widths: ['laptop'],
    locale: 'es',
  },
  {
    name: 'console-registrations-search',
    as: 'organiser',
    path: async (db) => `${await list(db)}?q=nguyen&sort=name`,
    widths: ['laptop'],
  },
  {
    name: 'console-registrations-waitlist',
    as: 'organiser',
    path: async (db) => `${await list(db)}?status=waitlisted&sort=waitlist`,
    widths: ['laptop'],
    locale: 'en',
  },
  {
    name: 'console-registrations-bulk-error',
    as: 'organiser',
    path: list,
    widths: ['laptop'],
    before: async (page) => {
      page.once('dialog', (d) => void d.accept());
      await page.locator('#cr-bulk-form button[type=submit]').click();
      await page.locator('#cr-bulk-error').waitFor();
    },
  },
  { name: 'console-registration', as: 'organiser', path: longestName, widths: ['laptop'] },
  {
    name: 'console-registration-es',
    as: 'organiser',
    path: longestName,
    widths: ['laptop'],
    locale: 'es',
  },
  {
    name: 'console-registration-new',
    as: 'organiser',
    path: async (db) => `${await list(db)}/new`,
    widths: ['laptop'],
  },
  {
    name: 'console-registration-new-errors',
    as: 'organiser',
    path: async (db) => `${await list(db)}/new`,
    widths: ['laptop'],
    locale: 'en',
    before: async (page) => {
      await page.locator('input[name=email]').fill('not an address');
      await page.locator('form.cr-new-form button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
];
