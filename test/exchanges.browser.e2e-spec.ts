import type { Page } from 'playwright-core';
import { FieldCipher } from '#core';
import { DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { seedExchanges } from '../scripts/seed/seed-exchanges.js';
import { seedFoundation } from '../scripts/seed/seed-foundation.js';
import {
  accessibilityViolations,
  LAPTOP,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';

/*
 * The programme "Family support 2027" and a host's visitors page in a real browser, at
 * the 390 px of a common phone and on a laptop: axe-core finds nothing, nothing is wider
 * than the screen, and the filter form works without JavaScript.
 */
const PHONE_390 = { width: 390, height: 844 };

describe('programme and visitors pages in a browser', () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld('exchanges_browser');
    await seedExchanges({
      ...(await seedFoundation(w.db)),
      fieldCipher: new FieldCipher(w.t.config.dataEncryptionKey),
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(email);
    await page.locator('#password-form input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  };

  const check = async (page: Page, name: string, width: number, problems: string[]) => {
    for (const v of await accessibilityViolations(page)) problems.push(`${name}: ${v}`);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > width) problems.push(`${name}: ${scroll}px wide`);
    await snap(page, `exchanges-${name}-${width}`);
  };

  it('the programme and the host’s visitors: accessible, within a phone, filters without script', async () => {
    const problems: string[] = [];
    const [{ id: exchangeId }] = (await w.db.query(
      `SELECT x.id FROM exchanges x JOIN events e ON e.id = x.event_id
        WHERE e.slug = 'immersion-kogl-taaba-batoto-2026'`,
    )) as Array<{ id: string }>;

    const phone = await w.newPage({ viewport: PHONE_390, locale: 'fr-FR' });
    await signIn(phone.page, 'batoto@convene.demo');
    await phone.page.goto('/programmes/family-support-2027?lang=fr');
    await check(phone.page, 'programme-fr', PHONE_390.width, problems);
    await phone.page.goto(`/exchanges/${exchangeId}/visitors?lang=fr`);
    await check(phone.page, 'visitors-fr', PHONE_390.width, problems);
    await phone.context.close();

    // Without JavaScript: the GET form filters by country.
    const plain = await w.newPage({
      viewport: PHONE_390,
      locale: 'fr-FR',
      javaScriptEnabled: false,
    });
    await signIn(plain.page, 'batoto@convene.demo');
    await plain.page.goto('/programmes/family-support-2027?lang=fr');
    await plain.page.selectOption('select[name=country]', 'KH');
    await plain.page.getByRole('button', { name: 'Afficher' }).click();
    await plain.page.waitForURL(/country=KH/);
    await expectText(plain.page, '.xp-figures', '2 immersions, 5 travailleurs sociaux, 2 pays');
    await plain.context.close();

    const laptop = await w.newPage({ viewport: LAPTOP, locale: 'es-ES' });
    await signIn(laptop.page, 'batoto@convene.demo');
    await laptop.page.goto('/programmes/family-support-2027?lang=es');
    await check(laptop.page, 'programme-es', LAPTOP.width, problems);
    await laptop.context.close();

    expect(problems).toEqual([]);
  });
});

async function expectText(page: Page, selector: string, expected: string): Promise<void> {
  expect((await page.locator(selector).innerText()).trim()).toBe(expected);
}
