import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The travel page of a demo person's registration for the demo meeting (tangier-2027). */
const travelOf = (email: string) => async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM registrations r
       JOIN accounts a ON a.id = r.account_id JOIN events e ON e.id = r.event_id
      WHERE lower(a.email) = $1 AND e.slug = 'tangier-2027'
      ORDER BY r.created_at DESC LIMIT 1`,
    [email],
  );
  return rows[0] ? `/my/registrations/${rows[0].id}/travel` : '/my/registrations';
};

/** Travel and visa, calendar subscription and my data, at phone and laptop width. */
export const pages: ScreenshotPage[] = [
  { name: 'travel', as: 'awa', path: travelOf('awa@convene.demo') },
  {
    name: 'travel-es',
    as: 'lucia',
    path: travelOf('lucia@convene.demo'),
    locale: 'es',
  },
  {
    name: 'travel-errors',
    as: 'awa',
    path: travelOf('awa@convene.demo'),
    widths: ['phone'],
    before: async (page) => {
      await page.locator('input[name="arrival.flightNumber"]').fill('vol du matin');
      await page.locator('input[name="arrival.airport"]').fill('TANGER');
      await page.locator('form.card button[type=submit]').last().click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { name: 'calendar', as: 'awa', path: '/my/calendar' },
  {
    name: 'calendar-link',
    as: 'lucia',
    path: '/my/calendar',
    locale: 'es',
    before: async (page) => {
      page.once('dialog', (dialog) => void dialog.accept());
      await page.locator('form[action="/my/calendar/link"] button').first().click();
      await page.locator('.cal-qr svg').waitFor();
    },
  },
  { name: 'my-data', as: 'awa', path: '/my/data' },
  { name: 'my-data-es', as: 'lucia', path: '/my/data', locale: 'es' },
  { name: 'my-data-delete', as: 'awa', path: '/my/data/delete', widths: ['phone'] },
];
