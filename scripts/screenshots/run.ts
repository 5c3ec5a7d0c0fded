import { readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../seed/demo-data.js';
import type { ScreenshotPage, Viewer } from './screenshot-page.js';

/*
 * `npm run screenshots`: every page listed in scripts/screenshots/pages/*.ts, as the
 * demo person it is for, at phone (360x740) and laptop (1280x800) width, into
 * var/screenshots/<name>-<width>.png. scripts/screenshots.sh starts the app on a
 * freshly seeded database first.
 */

const BASE = process.env.SCREENSHOT_BASE_URL ?? 'http://127.0.0.1:3099';
const OUT = process.env.SCREENSHOT_DIR ?? 'var/screenshots';
/** Only the pages whose name matches (SCREENSHOT_ONLY=my-agenda), to look again at a few. */
const ONLY = process.env.SCREENSHOT_ONLY ? new RegExp(process.env.SCREENSHOT_ONLY) : undefined;
const WIDTHS = { phone: { width: 360, height: 740 }, laptop: { width: 1280, height: 800 } };

const LOGINS: Record<Exclude<Viewer, 'anonymous'>, [string, string]> = {
  admin: [process.env.ADMIN_EMAIL ?? 'admin@convene.demo', process.env.ADMIN_PASSWORD ?? ''],
  organiser: ['organiser@convene.demo', DEMO_PASSWORD],
  awa: ['awa@convene.demo', DEMO_PASSWORD],
  lucia: ['lucia@convene.demo', DEMO_PASSWORD],
  joseph: ['joseph@convene.demo', DEMO_PASSWORD],
  fatou: ['fatou@convene.demo', DEMO_PASSWORD],
  host: ['host@convene.demo', DEMO_PASSWORD],
  batoto: ['batoto@convene.demo', DEMO_PASSWORD],
  cameleon: ['cameleon@convene.demo', DEMO_PASSWORD],
};

async function loadPages(): Promise<Array<ScreenshotPage & { group: string }>> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'pages');
  const files = readdirSync(dir)
    .filter((f) => /\.js$/.test(f))
    .sort();
  const all: Array<ScreenshotPage & { group: string }> = [];
  for (const file of files) {
    const mod = (await import(join(dir, file))) as { pages?: ScreenshotPage[] };
    for (const p of mod.pages ?? []) all.push({ ...p, group: file.replace(/\.js$/, '') });
  }
  return all;
}

async function signedIn(
  browser: Browser,
  viewer: Viewer,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: BASE, viewport, locale: 'fr-FR' });
  if (viewer === 'anonymous') return context;
  const [email, password] = LOGINS[viewer];
  const page = await context.newPage();
  await page.goto('/signin');
  await page.locator('#password-form input[name=email]').fill(email);
  await page.locator('#password-form input[name=password]').fill(password);
  await page.locator('#password-form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  await page.close();
  return context;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const contexts = new Map<string, BrowserContext>();
  const pages = (await loadPages()).filter((p) => !ONLY || ONLY.test(p.name));
  let written = 0;
  const failures: string[] = [];
  for (const p of pages) {
    const widths = p.widths ?? (p.group.startsWith('console') ? ['laptop'] : ['phone', 'laptop']);
    for (const width of widths) {
      const key = `${p.as}:${width}`;
      if (!contexts.has(key)) contexts.set(key, await signedIn(browser, p.as, WIDTHS[width]));
      const page = await contexts.get(key)!.newPage();
      try {
        const path = typeof p.path === 'string' ? p.path : await p.path(db);
        const url = new URL(path, BASE);
        url.searchParams.set('lang', p.locale ?? 'fr');
        await page.goto(url.toString());
        if (p.before) await p.before(page);
        const file = join(OUT, `${p.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written += 1;
        console.log(`  ${file}`);
      } catch (e) {
        failures.push(`${p.group}/${p.name} (${width}): ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  }
  await browser.close();
  await db.end();
  console.log(`${written} screenshots in ${OUT}`);
  if (failures.length > 0) {
    console.error(`${failures.length} pages could not be captured:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
