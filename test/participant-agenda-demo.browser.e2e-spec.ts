import type { BrowserContext } from 'playwright-core';
import pg from 'pg';
import { seed } from '../scripts/seed.js';
import { DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { pages } from '../scripts/screenshots/pages/participant-agenda.js';
import {
  accessibilityViolations,
  LAPTOP,
  PHONE,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';

/*
 * The agenda pages on the demo data, as `npm run screenshots` shows them: every page of
 * scripts/screenshots/pages/participant-agenda.ts opens for its viewer (200), with no
 * axe-core violation, within the width of a phone.
 */
describe('the agenda pages on the demo data', () => {
  let w: BrowserWorld;
  let db: pg.Client;

  beforeAll(async () => {
    w = await startBrowserWorld('participant_agenda_demo');
    await seed({
      databaseUrl: w.t.config.databaseUrl,
      dataEncryptionKey: w.t.config.dataEncryptionKey,
    });
    db = new pg.Client({ connectionString: w.t.config.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await w?.close();
  });

  it('opens every listed page for its demo viewer, accessible and without overflow', async () => {
    const problems: string[] = [];
    const contexts = new Map<string, BrowserContext>();
    for (const p of pages) {
      for (const width of p.widths ?? ['phone', 'laptop']) {
        const viewport = width === 'phone' ? PHONE : LAPTOP;
        const key = `${p.as}:${width}`;
        if (!contexts.has(key)) {
          const { context, page } = await w.newPage({ viewport, locale: 'fr-FR' });
          if (p.as !== 'anonymous') {
            await page.goto('/signin');
            await page.locator('#password-form input[name=email]').fill(`${p.as}@convene.demo`);
            await page.locator('#password-form input[name=password]').fill(DEMO_PASSWORD);
            await page.locator('#password-form button[type=submit]').click();
            await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
          }
          await page.close();
          contexts.set(key, context);
        }
        const page = await contexts.get(key)!.newPage();
        const path = typeof p.path === 'string' ? p.path : await p.path(db);
        const url = new URL(path, w.baseUrl);
        url.searchParams.set('lang', p.locale ?? 'fr');
        const res = await page.goto(url.toString());
        if (p.before) await p.before(page);
        const status = res?.status();
        if (status !== 200) problems.push(`${p.name}: ${status}`);
        for (const v of await accessibilityViolations(page)) problems.push(`${p.name}: ${v}`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > viewport.width) problems.push(`${p.name} (${width}): ${scroll}px wide`);
        await snap(page, `demo-${p.name}-${width}`);
        await page.close();
      }
    }
    for (const context of contexts.values()) await context.close();
    expect(problems).toEqual([]);
  }, 300_000);
});
