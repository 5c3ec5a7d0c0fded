import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's id (seeded as tangier-2027). */
const tangier = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return rows[0].id;
};

/** The console's event pages, at laptop width: list, new event (and its errors), settings, staff. */
export const pages: ScreenshotPage[] = [
  { name: 'console-events', as: 'organiser', path: '/console', widths: ['laptop'] },
  {
    name: 'console-events-es',
    as: 'organiser',
    path: '/console',
    widths: ['laptop'],
    locale: 'es',
  },
  { name: 'console-event-new', as: 'organiser', path: '/console/events/new', widths: ['laptop'] },
  {
    name: 'console-event-new-errors',
    as: 'organiser',
    path: '/console/events/new',
    widths: ['laptop'],
    before: async (page) => {
      await page.locator('input[name=capacity]').fill('-3');
      await page.locator('form.ce-form button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  {
    name: 'console-event-settings',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/settings`,
    widths: ['laptop'],
  },
  {
    name: 'console-event-settings-en',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/settings`,
    widths: ['laptop'],
    locale: 'en',
  },
  {
    name: 'console-event-staff',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/staff`,
    widths: ['laptop'],
  },
  {
    name: 'console-event-staff-es',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/staff`,
    widths: ['laptop'],
    locale: 'es',
  },
];
