import type { ScreenshotPage } from '../screenshot-page.js';

/** A session of the demo event (Tangier 2027) by its kind: the first one in time. */
const sessionOf = (kind: string, prefix: string) => async (db: import('pg').Client) => {
  const { rows } = await db.query(
    `SELECT s.id FROM sessions s JOIN events e ON e.id = s.event_id
      WHERE e.slug = 'tangier-2027' AND s.kind = $1 AND s.status = 'published'
      ORDER BY s.starts_at LIMIT 1`,
    [kind],
  );
  return `${prefix}${(rows[0] as { id: string }).id}`;
};

/** The agenda, a workshop, the site visit (its rules, and their error), my agenda, host pages. */
export const pages: ScreenshotPage[] = [
  { name: 'agenda', as: 'awa', path: '/e/tangier-2027/agenda' },
  { name: 'agenda-es', as: 'lucia', path: '/e/tangier-2027/agenda', locale: 'es' },
  { name: 'agenda-anonymous', as: 'anonymous', path: '/e/tangier-2027/agenda', locale: 'en' },
  {
    name: 'agenda-filtered',
    as: 'joseph',
    path: '/e/tangier-2027/agenda?kind=workshop&language=fr',
  },
  {
    name: 'session-workshop',
    as: 'awa',
    path: sessionOf('workshop', '/e/tangier-2027/sessions/'),
  },
  {
    name: 'session-site-visit',
    as: 'fatou',
    path: sessionOf('site_visit', '/e/tangier-2027/sessions/'),
    locale: 'en',
  },
  {
    // The visit's rules and description in Spanish (the demo writes them in three languages).
    name: 'session-site-visit-es',
    as: 'lucia',
    path: sessionOf('site_visit', '/e/tangier-2027/sessions/'),
    locale: 'es',
    widths: ['phone'],
  },
  {
    name: 'session-site-visit-rules-error',
    as: 'joseph',
    path: sessionOf('site_visit', '/e/tangier-2027/sessions/'),
    before: async (page) => {
      // Demo participants already hold a seat on the bus: give it back first (a throwaway
      // database), then send the form without ticking the rules.
      if ((await page.locator('#f-acceptRules').count()) === 0) {
        page.once('dialog', (dialog) => void dialog.accept());
        await page.locator('#signup button[type=submit]').click();
        await page.locator('#f-acceptRules').waitFor();
      }
      await page.locator('#signup button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { name: 'my-agenda', as: 'awa', path: '/my/agenda' },
  { name: 'my-agenda-es', as: 'lucia', path: '/my/agenda', locale: 'es' },
  // A facilitator's week: links to share a document and to what participants said.
  { name: 'my-agenda-facilitator', as: 'host', path: '/my/agenda', widths: ['phone'] },
  // Someone without a registration (an organiser) is told who may sign up, no button.
  {
    name: 'session-site-visit-organiser',
    as: 'organiser',
    path: sessionOf('site_visit', '/e/tangier-2027/sessions/'),
    locale: 'es',
    widths: ['phone'],
  },
  { name: 'host', as: 'host', path: '/host', widths: ['laptop', 'phone'] },
  {
    name: 'host-bus-list',
    as: 'host',
    path: sessionOf('site_visit', '/host/sessions/'),
    widths: ['laptop', 'phone'],
  },
];
