import type { Page } from 'playwright-core';
import { seed } from '../scripts/seed.js';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  PHONE,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

const KHADIJA = 'خديجة بنت عبد الرحمن الإدريسي';
const MINH = 'Nguyễn Thị Minh Khai-Hằng';
/** axe on a 5,000-pixel page is slow when the machine is shared: room to finish. */
const BUSY_MACHINE_MS = 240_000;

/*
 * The organiser of the Tangier demo in a real browser: occupancy night by night, a
 * person's page, the hotel's rooms per night and the rooming list, in French and Spanish,
 * on a laptop and a phone. axe-core on every page; screenshots to look at.
 */
describe('console accommodation in a real browser', () => {
  let w: BrowserWorld;
  let base: string;
  let hotelId: string;
  let khadija: string;

  beforeAll(async () => {
    w = await startBrowserWorld('console_accommodation_browser');
    await seed(w.t.config);
    const [{ id: eventId }] = (await w.db.query(`SELECT id FROM events WHERE slug = $1`, [
      DEMO_EVENT.slug,
    ])) as Array<{ id: string }>;
    base = `/console/events/${eventId}/accommodation`;
    [{ id: hotelId }] = await w.db.query(
      `SELECT id FROM accommodation_hotels WHERE event_id = $1`,
      [eventId],
    );
    [{ id: khadija }] = await w.db.query(
      `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE r.event_id = $1 AND a.name = $2`,
      [eventId, KHADIJA],
    );
  }, BUSY_MACHINE_MS);
  afterAll(() => w?.close());

  async function signIn(page: Page) {
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(DEMO_ORGANISER.email);
    await page.locator('#password-form input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it(
    "shows occupancy night by night and a person's page (French, laptop)",
    async () => {
      const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
      await signIn(page);
      await page.goto(`${base}?lang=fr`);
      await page.getByRole('heading', { level: 1, name: 'Hébergement' }).waitFor();
      expect(await page.getByText(MINH).count()).toBeGreaterThan(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'console-accommodation-fr-laptop');

      await page.goto(`${base}/people/${khadija}?lang=fr`);
      await page.getByRole('heading', { level: 1, name: KHADIJA }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'console-accommodation-person-fr-laptop');
      await context.close();
    },
    BUSY_MACHINE_MS,
  );

  it(
    'sets rooms per night on the hotel page and prints the rooming list (Spanish, phone and laptop)',
    async () => {
      const { context, page } = await w.newPage({ viewport: PHONE, locale: 'es-ES' });
      await signIn(page);
      await page.goto(`${base}/hotels/${hotelId}?lang=es`);
      await page.getByRole('heading', { name: 'Habitaciones reservadas por noche' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'console-accommodation-hotel-es-phone');

      await page.goto(`${base}/hotels/${hotelId}/rooming-list?lang=es`);
      await page.getByRole('heading', { name: 'Cambios desde el envío' }).waitFor();
      expect(await page.getByText('Fechas nuevas').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'console-accommodation-rooming-list-es-phone');
      await page.setViewportSize(LAPTOP);
      await page.emulateMedia({ media: 'print' });
      await snap(page, 'console-accommodation-rooming-list-es-print');
      await page.emulateMedia({ media: 'screen' });

      await page.goto(`${base}?lang=es`);
      await page
        .getByRole('button', { name: 'Proponer habitaciones para quienes no tienen' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Alojamiento' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'console-accommodation-es-laptop');
      await page.setViewportSize(PHONE);
      await snap(page, 'console-accommodation-es-phone');
      await context.close();
    },
    BUSY_MACHINE_MS,
  );
  it(
    "keeps a large meeting's overview to each hotel's nights, with a link to its rooms (Spanish, phone)",
    async () => {
      const { context, page } = await w.newPage({ viewport: PHONE, locale: 'es-ES' });
      await signIn(page);
      await page.goto(`${base}?lang=es`);
      await page.locator('#f-name').fill('Grand Hôtel Villa de France');
      await page.locator('#f-address').fill('143 Rue de Hollande');
      await page.locator('#f-city').fill('Tánger');
      await page.getByRole('button', { name: 'Guardar el hotel' }).click();
      await page.getByRole('heading', { name: 'Habitaciones reservadas por noche' }).waitFor();
      // 300 rooms for the event's nights: past what the overview draws night by night.
      for (const input of await page.locator('input[name^="single."]').all()) {
        await input.fill('200');
      }
      for (const input of await page.locator('input[name^="twin."]').all()) {
        await input.fill('100');
      }
      await page.getByRole('button', { name: 'Guardar las habitaciones reservadas' }).click();
      await page.getByRole('heading', { name: 'Quién duerme dónde, noche a noche' }).waitFor();

      await page.goto(`${base}?lang=es`);
      await page.getByRole('heading', { level: 1, name: 'Alojamiento' }).waitFor();
      expect(await page.locator('table.ac-grid').count()).toBe(0);
      expect(await page.locator('table.ac-totals').count()).toBe(2);
      expect(await page.getByRole('link', { name: 'Habitación por habitación' }).count()).toBe(2);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.locator('table.ac-totals').first().scrollIntoViewIfNeeded();
      await snap(page, 'console-accommodation-large-es-phone');

      await page.getByRole('link', { name: 'Habitación por habitación' }).first().click();
      await page.locator('#ac-occupancy table.ac-grid').waitFor();
      expect(await page.getByText(MINH).count()).toBeGreaterThan(0);
      await context.close();
    },
    BUSY_MACHINE_MS,
  );
});
