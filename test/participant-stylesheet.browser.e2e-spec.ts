import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { ScreenshotPage } from '../scripts/screenshots/screenshot-page.js';
import { type DemoBrowserWorld, PHONE, startDemoBrowserWorld } from './support/browser-world.js';

/*
 * Pages outside /console get the participants' stylesheet, which leaves out the files in
 * assets/css/console/ (a first visit on a weak link carries a third of the bytes). Since
 * it is the whole stylesheet minus those files, in the same order, a participant page
 * looks the same as with the whole one exactly when no rule of those files applies to it.
 * Every page of `npm run screenshots` outside /console, on the demo data as its viewer,
 * is checked for that: a console rule that matches an element (in any media, whatever
 * the element's hover or focus) is a rule the participant would miss.
 */

const here = dirname(fileURLToPath(import.meta.url));
const CONSOLE_CSS_DIR = join(here, '../apps/web/src/assets/css/console');
const CONSOLE_ONLY_CSS = readdirSync(CONSOLE_CSS_DIR)
  .filter((f) => f.endsWith('.css'))
  .sort()
  .map((f) => readFileSync(join(CONSOLE_CSS_DIR, f), 'utf8'))
  .join('\n');

async function screenshotPages(): Promise<ScreenshotPage[]> {
  const dir = join(here, '../scripts/screenshots/pages');
  const all: ScreenshotPage[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    // Relative, as the tests' module map resolves .js to the .ts beside it.
    const mod = (await import(`../scripts/screenshots/pages/${file.replace(/\.ts$/, '.js')}`)) as {
      pages?: ScreenshotPage[];
    };
    all.push(...(mod.pages ?? []));
  }
  return all;
}

/**
 * The selectors of `css` that match an element of the page. States (hover, focus...) and
 * pseudo-elements are taken off first, so a rule counts whether or not its state holds;
 * a selector the browser cannot then read is reported too, rather than passed.
 */
function consoleRulesOn(page: Page, css: string): Promise<string[]> {
  return page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const found: string[] = [];
    const STATES =
      /::?(?:before|after|marker|placeholder|first-letter|first-line|selection|hover|focus-visible|focus-within|focus|active|visited|checked|-webkit-[a-z-]+)\b/g;
    const walk = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) {
          for (const selector of rule.selectorText.split(/,(?![^(]*\))/)) {
            const bare = selector.replace(STATES, '').trim() || '*';
            try {
              if (document.querySelector(bare)) found.push(selector.trim());
            } catch {
              found.push(`${selector.trim()} (could not be checked)`);
            }
          }
        } else if ('cssRules' in rule) {
          walk((rule as CSSGroupingRule).cssRules);
        }
      }
    };
    walk(sheet.cssRules);
    return found;
  }, css);
}

describe('the participants’ stylesheet', () => {
  let w: DemoBrowserWorld;

  beforeAll(async () => {
    w = await startDemoBrowserWorld('participant_stylesheet');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('finds the console’s rules on a console page (the check itself works)', async () => {
    const { rows } = await w.demoDb.query<{ id: string }>(
      `SELECT id FROM events WHERE slug = 'tangier-2027'`,
    );
    const page = await (await w.signedIn('organiser', PHONE)).newPage();
    await page.goto(`/console/events/${rows[0].id}`);
    expect(await consoleRulesOn(page, CONSOLE_ONLY_CSS)).toEqual(
      expect.arrayContaining(['.console-nav ul', '.console-nav a']),
    );
    await page.close();
  });

  it('has every rule a page outside /console uses', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const p of await screenshotPages()) {
      const path = await w.pathOf(p);
      if (path.startsWith('/console')) continue;
      const { page, status } = await w.open(p, PHONE, path);
      // A page that did not open has no elements for a console rule to match (the list's
      // not-found page is meant to answer 404, and is a page like the others).
      if (status === undefined || status >= 500) problems.push(`${p.name}: ${status}`);
      const linked = await page.evaluate(() =>
        Array.from(document.querySelectorAll('link[rel=stylesheet], link[rel=prefetch]')).map(
          (l) => new URL((l as HTMLLinkElement).href).pathname,
        ),
      );
      if (!linked.some((href) => /^\/assets\/app-[0-9a-f]{12}\.css$/.test(href))) {
        problems.push(`${p.name}: not the participants' stylesheet (${linked.join(', ')})`);
      }
      for (const rule of await consoleRulesOn(page, CONSOLE_ONLY_CSS)) {
        problems.push(`${p.name}: ${rule}`);
      }
      checked += 1;
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  }, 600_000);
});
