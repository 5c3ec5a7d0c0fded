import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jest } from '@jest/globals';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { SmtpSink } from '../../libs/messaging/src/testing/smtp-sink.js';
import type { ScreenshotPage, Viewer } from '../../scripts/screenshots/screenshot-page.js';
import { startTestApp, type TestApp } from './test-app.js';

// A journey through real pages in a real browser, on a busy two-core machine running
// other suites beside it, takes minutes, not the unit tests' 60 s: every browser test
// gets four (a test asking for its own timeout keeps it).
jest.setTimeout(240_000);

/** Debian's chromium (no browser download here); CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PHONE = { width: 360, height: 740 };
export const LAPTOP = { width: 1280, height: 800 };

/**
 * Everything a browser test needs, all real: the app listening on a port of 127.0.0.1
 * (its own database and Redis prefix), a worker that sends email to an SMTP server
 * started here, and chromium driven by Playwright.
 */
export interface BrowserWorld {
  t: TestApp;
  baseUrl: string;
  sink: SmtpSink;
  browser: Browser;
  db: DataSource;
  /** A fresh browser profile (cookies of its own) at the given viewport. */
  newPage(options?: {
    viewport?: { width: number; height: number };
    locale?: string;
    javaScriptEnabled?: boolean;
  }): Promise<{ context: BrowserContext; page: Page }>;
  /** The newest email to this address whose subject matches, waiting for the worker. */
  mailTo(
    email: string,
    subject?: RegExp,
    timeoutMs?: number,
  ): Promise<import('mailparser').ParsedMail>;
  close(): Promise<void>;
}

export async function startBrowserWorld(
  label: string,
  env: Record<string, string> = {},
): Promise<BrowserWorld> {
  const sink = await SmtpSink.start();
  // The public URL must be known before the app starts (it is written in emails): a port is
  // held until the app listens on it. Freed at once, it was taken meanwhile (any outgoing
  // connection may get it as its own port) and the listen failed: a suite that waited its
  // whole timeout in CI, then EADDRINUSE.
  const held = await holdPort();
  const baseUrl = `http://127.0.0.1:${held.port}`;
  const t = await startTestApp(label, { PUBLIC_URL: baseUrl, ...env });
  await held.release();
  await new Promise<void>((resolve, reject) => {
    const server = t.app.getHttpServer() as import('node:http').Server;
    server.once('error', reject);
    server.listen(held.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: 200 },
      { backoffMs: 150, attempts: 4, relayIntervalMs: 150 },
    ),
    { logger: false },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const db = t.app.get(DataSource);

  return {
    t,
    baseUrl,
    sink,
    browser,
    db,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: options.viewport ?? PHONE,
        locale: options.locale ?? 'en-GB',
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        acceptDownloads: true,
      });
      context.setDefaultTimeout(20_000);
      return { context, page: await context.newPage() };
    },
    async mailTo(email, subject, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = sink.received
          .filter((m) =>
            JSON.stringify(m.to ?? '')
              .toLowerCase()
              .includes(email.toLowerCase()),
          )
          .filter((m) => !subject || subject.test(m.subject ?? ''));
        if (found.length > 0) return found[found.length - 1];
        if (Date.now() > until) throw new Error(`No email to ${email} matching ${subject}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close();
      await worker.close();
      await sink.close();
      await t.close();
    },
  };
}

/**
 * A browser world on the whole demo (`npm run seed`'s data), as the screenshot pages show
 * it: a PostgreSQL client for their `path` look-ups, and browser profiles signed in as
 * demo people, one per person, viewport and locale, reused across pages and closed with
 * the world.
 */
export interface DemoBrowserWorld extends BrowserWorld {
  demoDb: pg.Client;
  /** A profile signed in as `as` with the demo password (`anonymous`: not signed in). */
  signedIn(
    as: Viewer,
    viewport: { width: number; height: number },
    locale?: string,
  ): Promise<BrowserContext>;
  /** A screenshot page's path on the demo data (its `path`, looked up when it is a query). */
  pathOf(p: ScreenshotPage): Promise<string>;
  /**
   * Opens a screenshot page as `npm run screenshots` does: as its viewer, in its language
   * (?lang=, French by default), then its `before` step. `path` saves looking it up again.
   */
  open(
    p: ScreenshotPage,
    viewport: { width: number; height: number },
    path?: string,
  ): Promise<{ page: Page; status: number | undefined }>;
}

export async function startDemoBrowserWorld(label: string): Promise<DemoBrowserWorld> {
  const w = await startBrowserWorld(label);
  // Loaded here only: the seed's module graph is large and most browser tests need none of it.
  const { seed } = await import('../../scripts/seed.js');
  const { DEMO_PASSWORD } = await import('../../scripts/seed/demo-data.js');
  await seed({
    databaseUrl: w.t.config.databaseUrl,
    dataEncryptionKey: w.t.config.dataEncryptionKey,
  });
  const demoDb = new pg.Client({ connectionString: w.t.config.databaseUrl });
  await demoDb.connect();
  const contexts = new Map<string, BrowserContext>();
  const world: DemoBrowserWorld = {
    ...w,
    demoDb,
    async signedIn(as, viewport, locale = 'fr-FR') {
      const key = `${as}:${viewport.width}x${viewport.height}:${locale}`;
      const known = contexts.get(key);
      if (known) return known;
      const { context, page } = await w.newPage({ viewport, locale });
      if (as !== 'anonymous') {
        await page.goto('/signin');
        await page.locator('#password-form input[name=email]').fill(`${as}@convene.demo`);
        await page.locator('#password-form input[name=password]').fill(DEMO_PASSWORD);
        await page.locator('#password-form button[type=submit]').click();
        await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
      }
      await page.close();
      contexts.set(key, context);
      return context;
    },
    async pathOf(p) {
      return typeof p.path === 'string' ? p.path : p.path(demoDb);
    },
    async open(p, viewport, path) {
      const page = await (await world.signedIn(p.as, viewport)).newPage();
      const url = new URL(path ?? (await world.pathOf(p)), w.baseUrl);
      url.searchParams.set('lang', p.locale ?? 'fr');
      const res = await page.goto(url.toString());
      if (p.before) await p.before(page);
      return { page, status: res?.status() };
    },
    async close() {
      for (const context of contexts.values()) await context.close();
      await demoDb.end();
      await w.close();
    },
  };
  return world;
}

/** The first link in an email's text part that starts with the app's base URL. */
export function linkIn(mail: import('mailparser').ParsedMail, baseUrl: string): string {
  const text = `${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"'<>)]+`).exec(text);
  if (!match) throw new Error(`No link to ${baseUrl} in: ${text.slice(0, 500)}`);
  return match[0].replace(/&amp;/g, '&');
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeWindow {
  axe?: {
    run(
      context: Document,
      options: object,
    ): Promise<{
      violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
    }>;
  };
}

/**
 * axe-core at WCAG 2.1 AA: the violations, each with its rule and the nodes at fault.
 * axe runs in the page itself (evaluated through the debugging protocol, which the
 * pages' CSP does not block): @axe-core/playwright finishes every run in a new blank
 * page, 2-3 s a call on these machines against about 1.5 s, and no page has frames.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as AxeWindow).axe!.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, WCAG_21_AA);
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

/**
 * Saves a screenshot under var/test-screenshots for a person to look at after a run,
 * when TEST_SCREENSHOTS=1: a full-page PNG costs the busy machine CPU that a normal run
 * (and CI's 30 minutes) should not pay; `npm run screenshots` is the gallery to look at.
 */
export async function snap(page: Page, name: string): Promise<void> {
  if (process.env.TEST_SCREENSHOTS !== '1') return;
  const dir = 'var/test-screenshots';
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** A free port, kept listening (so nothing else takes it) until `release`. */
async function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
