import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo participant's registration for the demo event (Tangier 2027). */
const registrationOf = (email: string) => async (db: import('pg').Client) => {
  const { rows } = await db.query(
    `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
       JOIN events e ON e.id = r.event_id
      WHERE a.email = $1 AND e.slug = 'tangier-2027' ORDER BY r.created_at DESC LIMIT 1`,
    [email],
  );
  return `/my/registrations/${(rows[0] as { id: string }).id}`;
};

/** Sign-up, the confirmation and reset pages, the public event page, registering, my registrations. */
export const pages: ScreenshotPage[] = [
  { name: 'sign-up', as: 'anonymous', path: '/signup' },
  { name: 'sign-up-es', as: 'anonymous', path: '/signup', locale: 'es' },
  {
    name: 'sign-up-errors',
    as: 'anonymous',
    path: '/signup',
    before: async (page) => {
      await page.locator('input[name=name]').fill('Nguyễn Thị Minh Khai-Hằng');
      await page.locator('input[name=email]').fill('minh@');
      await page.locator('form[action^="/signup"] button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { name: 'verify-email-invalid', as: 'anonymous', path: '/verify-email?token=example' },
  { name: 'password-forgot', as: 'anonymous', path: '/password/forgot' },
  { name: 'password-reset-invalid', as: 'anonymous', path: '/password/reset?token=example' },
  { name: 'event-page', as: 'anonymous', path: '/e/tangier-2027' },
  { name: 'event-page-es', as: 'lucia', path: '/e/tangier-2027', locale: 'es' },
  { name: 'event-page-registered', as: 'awa', path: '/e/tangier-2027' },
  { name: 'register', as: 'organiser', path: '/e/tangier-2027/register', locale: 'en' },
  {
    name: 'register-errors',
    as: 'organiser',
    path: '/e/tangier-2027/register',
    before: async (page) => {
      await page.locator('input[name=phone]').fill('70 12 34');
      await page.locator('#pa-register button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { name: 'my-registrations', as: 'awa', path: '/my/registrations' },
  { name: 'my-registrations-es', as: 'lucia', path: '/my/registrations', locale: 'es' },
  { name: 'my-registration', as: 'awa', path: registrationOf('awa@convene.demo') },
  {
    name: 'my-registration-cancel',
    as: 'awa',
    path: async (db) => `${await registrationOf('awa@convene.demo')(db)}/cancel`,
  },
];
