import type { BrowserContext } from 'playwright-core';
import pg from 'pg';
import { seed } from '../scripts/seed.js';
import { DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { pages } from '../scripts/screenshots/pages/participant-sharing.js';
import {
  accessibilityViolations,
  LAPTOP,
  PHONE,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';

/*
 * The shared documents and the directory on the demo data (Tangier 2027), as `npm run
 * screenshots` shows them: every page of scripts/screenshots/pages/participant-sharing.ts
 * opens for its viewer (200), with no axe-core violation, within the width of a phone.
 */
describe('the sharing pages on the demo data', () => {
  let w: BrowserWorld;
  let db: pg.Client;

  beforeAll(async () => {
    w = await startBrowserWorld('participant_sharing');
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
    // The directory shows the long Arabic and Vietnamese names of the demo.
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM directory_listings d JOIN events e ON e.id = d.event_id
        WHERE e.slug = 'tangier-2027'`,
    );
    expect((rows[0] as { n: number }).n).toBe(12);
  }, 300_000);
});
