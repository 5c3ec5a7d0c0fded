import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's id (seeded as tangier-2027). */
const tangier = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return rows[0].id;
};

/** The newest announcement's delivery page, or the announcements page while there is none. */
const latestAnnouncement = async (db: pg.Client) => {
  const id = await tangier(db);
  const { rows } = await db.query<{ announcement: string }>(
    `SELECT payload->>'announcementId' AS announcement FROM messages
      WHERE event_id = $1 AND template = 'announcement' ORDER BY created_at DESC LIMIT 1`,
    [id],
  );
  return rows[0]
    ? `/console/events/${id}/announcements/${rows[0].announcement}`
    : `/console/events/${id}/announcements`;
};

const laptop: Array<'laptop'> = ['laptop'];

/** The console's dashboard (charts), announcements (compose, preview, delivery) and message log. */
export const pages: ScreenshotPage[] = [
  {
    name: 'console-dashboard',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}`,
    widths: laptop,
  },
  {
    name: 'console-dashboard-es',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}`,
    widths: laptop,
    locale: 'es',
  },
  {
    name: 'console-dashboard-en',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}`,
    widths: laptop,
    locale: 'en',
  },
  {
    name: 'console-announcements',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/announcements`,
    widths: laptop,
  },
  {
    name: 'console-announcement-preview-warning',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/announcements`,
    widths: laptop,
    before: async (page) => {
      await page.locator('input[name="subject.fr"]').fill('Horaires du bus pour la visite');
      await page
        .locator('textarea[name="body.fr"]')
        .fill('Le bus part à 8 h 30 devant l’hôtel Continental.\n\nMerci d’être à l’heure.');
      await page.locator('button[value=preview]').click();
      await page.locator('.cm-preview').waitFor();
    },
  },
  {
    name: 'console-announcement-errors-es',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/announcements`,
    widths: laptop,
    locale: 'es',
    before: async (page) => {
      await page.locator('input[name="subject.es"]').fill('Cambio de sala');
      await page.locator('button[value=preview]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  {
    name: 'console-announcement-delivery',
    as: 'organiser',
    path: latestAnnouncement,
    widths: laptop,
  },
  {
    name: 'console-messages',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/messages`,
    widths: laptop,
  },
  {
    name: 'console-messages-failed-es',
    as: 'organiser',
    path: async (db) => `/console/events/${await tangier(db)}/messages?status=failed`,
    widths: laptop,
    locale: 'es',
  },
];
