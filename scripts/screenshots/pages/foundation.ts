import type { ScreenshotPage } from '../screenshot-page.js';

/** The pages of the web foundation: the front door, sign-in (and its errors), a 404. */
export const pages: ScreenshotPage[] = [
  { name: 'home', as: 'anonymous', path: '/' },
  { name: 'home-signed-in', as: 'awa', path: '/' },
  { name: 'sign-in', as: 'anonymous', path: '/signin' },
  { name: 'sign-in-es', as: 'anonymous', path: '/signin', locale: 'es' },
  {
    name: 'sign-in-errors',
    as: 'anonymous',
    path: '/signin',
    before: async (page) => {
      await page.locator('#password-form input[name=email]').fill('awa@');
      await page.locator('#password-form button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { name: 'magic-link-landing', as: 'anonymous', path: '/login/magic?token=example' },
  { name: 'not-found', as: 'anonymous', path: '/no-such-page' },
];
