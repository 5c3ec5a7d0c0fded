/**
 * Web pages benchmark (not a test), against the app already running at BASE_URL with the
 * demo seeded (bench/run.sh web does both).
 *
 * 1. Bytes transferred per page on a first and a repeat visit (Chromium's own network
 *    accounting: compressed bytes on the wire, the stylesheet's idle prefetch included),
 *    and on an emulated slow 3G link (400 kbit/s both ways, 400 ms round trip) the time
 *    until the page is usable (its load event: HTML, stylesheet and script in) and until
 *    it first paints (first-contentful-paint). A first visit has not fetched the
 *    stylesheet (no `cv_css` cookie): the page carries it inline. Side by side in the same
 *    run: the same page for a browser whose cookie says it holds the stylesheet but whose
 *    cache is empty (it links it: a second round trip, as every first visit did before
 *    2026-12-05), and the very same bytes as the first visit served by a bare static
 *    server over the same link, i.e. what the network alone costs.
 * 2. Server time of every page above (its HTML, one request at a time, with the reader's
 *    cookies), and of the organisers' heavy pages (registrations table with 500
 *    registrations, agenda grid with 120 sessions), sequential requests, next to the
 *    JSON API answering the same question.
 *
 * Prints the figures and writes bench/results/web.json.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { STYLESHEET_COOKIE } from '../apps/web/src/http/cookies.js';
import { accessToken } from './support/login.js';
import { processMemoryMiB } from './support/process-memory.js';
import { writeReport } from './support/write-report.js';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene';
const OUT = resolve(process.env.OUT ?? 'bench/results/web.json');
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SERVER_REQUESTS = Number(process.env.SERVER_REQUESTS ?? 30);
/** The API's process (bench/run.sh passes it): its resident memory while pages are served. */
const API_PID = Number(process.env.API_PID ?? 0);
const MEMORY_PAGE_VIEWS = Number(process.env.MEMORY_PAGE_VIEWS ?? 1200);
const DEMO_PASSWORD = 'convene-demo-2027';
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
};

interface PageSpec {
  name: string;
  path: string;
  /** `newcomer`: signed in, not registered yet (the form, not the redirect to their registration). */
  as: 'anonymous' | 'newcomer' | 'awa' | 'organiser';
  /** Participant pages have the 30 KB / 14 KB budget; console pages are measured only. */
  participant: boolean;
  slow3g?: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] : NaN;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function login(
  context: BrowserContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/signin`);
  await page.locator('#password-form input[name=email]').fill(email);
  await page.locator('#password-form input[name=password]').fill(password);
  await page.locator('#password-form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await page.close();
}

/**
 * A person who has an account and has not registered yet: the register page shows them
 * the form (the demo's participants are registered, and get a redirect to their own).
 */
async function newcomer(db: pg.Client): Promise<[string, string]> {
  const email = `newcomer-${Date.now().toString(36)}@bench.convene.test`;
  const password = 'a-long-bench-password';
  const res = await fetch(`${BASE_URL}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Nouvelle Personne', password, locale: 'fr' }),
  });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${await res.text()}`);
  // Registering asks for a confirmed address, as the emailed link would confirm it.
  await db.query(`UPDATE accounts SET email_verified_at = now() WHERE email = $1`, [email]);
  return [email, password];
}

/** Compressed bytes of every response of one navigation, and the HTML's own. */
async function visit(
  page: Page,
  url: string,
): Promise<{
  total: number;
  html: number;
  status: number;
  responses: Array<{ url: string; bytes: number; body: Buffer | null; type: string }>;
}> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sizes = new Map<string, { url: string; bytes: number; type: string }>();
  cdp.on('Network.responseReceived', (e) => {
    sizes.set(e.requestId, { url: e.response.url, bytes: 0, type: e.type });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = sizes.get(e.requestId);
    if (s) s.bytes = e.encodedDataLength;
  });
  const res = await page.goto(url, { waitUntil: 'load' });
  // A first visit prefetches the stylesheet once the link is idle: its bytes count too.
  await page.waitForLoadState('networkidle');
  const responses: Array<{ url: string; bytes: number; body: Buffer | null; type: string }> = [];
  for (const s of sizes.values()) responses.push({ ...s, body: null });
  await cdp.detach();
  const html = responses.find((r) => r.type === 'Document')?.bytes ?? 0;
  return {
    total: responses.reduce((a, r) => a + r.bytes, 0),
    html,
    status: res?.status() ?? 0,
    responses,
  };
}

/** Serves fixed bodies (gzip, as the app does) with no logic: the network's floor. */
async function bareServer(
  files: Map<string, { body: Buffer; type: string }>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const f = files.get((req.url ?? '/').split('?')[0]);
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': f.type,
      'content-encoding': 'gzip',
      'cache-control': 'no-cache',
    });
    res.end(f.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Milliseconds to the load event and to the first contentful paint, over slow 3G. */
async function usableOnSlow3g(
  context: BrowserContext,
  url: string,
): Promise<{ load: number; paint: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const load = performance.now() - started;
  // The paint entry is queued after the frame is presented, a moment after it happened.
  let paint = NaN;
  for (let i = 0; i < 40 && Number.isNaN(paint); i++) {
    paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    );
    if (Number.isNaN(paint)) await page.waitForTimeout(50);
  }
  await page.close();
  return { load, paint };
}

/** A new browser with these cookies but not the one saying it holds the stylesheet. */
async function firstVisitContext(
  browser: Browser,
  cookies: Awaited<ReturnType<BrowserContext['cookies']>>,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addCookies(cookies.filter((c) => c.name !== STYLESHEET_COOKIE));
  return context;
}

async function serverTimes(
  url: string,
  cookie: string,
  n: number,
): Promise<{ medianMs: number; p95Ms: number; bytes: number; status: number }> {
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie, 'accept-encoding': 'gzip' } });
    const body = Buffer.from(await res.arrayBuffer());
    times.push(performance.now() - started);
    bytes = body.length;
    status = res.status;
  }
  return { medianMs: round(median(times)), p95Ms: round(p95(times)), bytes, status };
}

/** A bench event with 500 registrations and 120 sessions, made once with plain SQL. */
/**
 * The API's resident memory before and after MEMORY_PAGE_VIEWS views of the pages above (four
 * readers at a time, each page in turn with its reader's cookies), next to the same number
 * of JSON answers from its health check, the baseline of what serving alone holds. Goal:
 * under 200 MiB at peak, as for the API benches.
 */
async function memoryWhileServing(
  pages: PageSpec[],
  contexts: Record<PageSpec['as'], BrowserContext>,
): Promise<Record<string, unknown>> {
  const cookies: Record<string, string> = {};
  for (const [as, context] of Object.entries(contexts))
    cookies[as] = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const views = async (urlOf: (i: number) => [string, string]) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < MEMORY_PAGE_VIEWS) {
          const [url, cookie] = urlOf(next++);
          const res = await fetch(url, { headers: { cookie, 'accept-encoding': 'gzip' } });
          await res.arrayBuffer();
        }
      }),
    );
    return processMemoryMiB(API_PID);
  };
  const atRest = processMemoryMiB(API_PID);
  const afterJson = await views(() => [`${BASE_URL}/api/health/ready`, '']);
  const afterPages = await views((i) => {
    const spec = pages[i % pages.length];
    return [`${BASE_URL}${spec.path}`, cookies[spec.as]];
  });
  return {
    pageViews: MEMORY_PAGE_VIEWS,
    atRestMiB: atRest.rss,
    afterJsonMiB: afterJson.rss,
    afterPagesMiB: afterPages.rss,
    peakMiB: afterPages.peak,
    goalPeakMiB: 200,
    withinGoal: afterPages.peak < 200,
  };
}

async function heavyEvent(db: pg.Client, organiserId: string): Promise<string> {
  const slug = 'bench-web-heavy';
  const existing = await db.query(`SELECT id FROM events WHERE slug = $1`, [slug]);
  if (existing.rows[0]) return existing.rows[0].id as string;
  const orgs = (await db.query(`SELECT id FROM organisations ORDER BY name`)).rows as Array<{
    id: string;
  }>;
  const ev = await db.query(
    `INSERT INTO events (slug, name, kind, timezone, start_date, end_date, venue_name, venue_city, venue_country,
                         capacity, requires_approval, languages, status, published_at)
     VALUES ($1, 'Bench heavy week', 'meeting', 'Africa/Casablanca', '2027-10-25', '2027-10-30', 'Hotel', 'Tangier', 'MA',
             1000, false, '{fr,en,es}', 'published', now()) RETURNING id`,
    [slug],
  );
  const eventId = ev.rows[0].id as string;
  await db.query(
    `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
    [eventId, organiserId],
  );
  await db.query(
    `INSERT INTO accounts (email, name, locale, organisation_id, email_verified_at)
     SELECT 'bench-web-' || i || '@example.org', 'Participant ' || i, 'fr', ($1::uuid[])[1 + i % array_length($1::uuid[], 1)], now()
       FROM generate_series(1, 500) i ON CONFLICT DO NOTHING`,
    [orgs.map((o) => o.id)],
  );
  await db.query(
    `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession, languages, consent_data_processing_at)
     SELECT $1, a.id, a.organisation_id, 'confirmed', 'social_worker', '{fr}', now()
       FROM accounts a WHERE a.email LIKE 'bench-web-%'`,
    [eventId],
  );
  const room = await db.query(
    `INSERT INTO rooms (event_id, name, capacity) VALUES ($1, 'Salle A', 200) RETURNING id`,
    [eventId],
  );
  await db.query(
    `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, room_id, capacity, signup_required, status, published_at)
     SELECT $1, 'workshop', 'Atelier ' || i,
            timestamptz '2027-10-25 08:00Z' + ((i % 6) || ' days')::interval + ((i / 6) * 30 || ' minutes')::interval,
            timestamptz '2027-10-25 08:25Z' + ((i % 6) || ' days')::interval + ((i / 6) * 30 || ' minutes')::interval,
            $2, 30, true, 'published', now()
       FROM generate_series(0, 119) i`,
    [eventId, room.rows[0].id],
  );
  return eventId;
}

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const demo = (
    await db.query(
      // The demo organiser's event: other benches leave published events of their own in
      // the same database, which the organiser rightly cannot open (404).
      `SELECT e.id, e.slug FROM events e
         JOIN event_staff s ON s.event_id = e.id AND s.role = 'organiser'
         JOIN accounts a ON a.id = s.account_id AND a.email = 'organiser@convene.demo'
        WHERE e.status = 'published' AND e.slug NOT LIKE 'bench-%'
        ORDER BY e.start_date DESC LIMIT 1`,
    )
  ).rows[0] as { id: string; slug: string } | undefined;
  if (!demo) throw new Error('No published demo event: run the seed first (bench/run.sh web does)');
  const awaReg = (
    await db.query(
      `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id WHERE a.email = 'awa@convene.demo' AND r.event_id = $1`,
      [demo.id],
    )
  ).rows[0]?.id as string | undefined;
  const organiserId = (
    await db.query(`SELECT id FROM accounts WHERE email = 'organiser@convene.demo'`)
  ).rows[0].id as string;

  const pages: PageSpec[] = [
    { name: 'event', path: `/e/${demo.slug}`, as: 'anonymous', participant: true, slow3g: true },
    { name: 'sign-in', path: '/signin', as: 'anonymous', participant: true },
    {
      name: 'register',
      path: `/e/${demo.slug}/register`,
      as: 'newcomer',
      participant: true,
      slow3g: true,
    },
    { name: 'my-registrations', path: '/my/registrations', as: 'awa', participant: true },
    { name: 'agenda', path: `/e/${demo.slug}/agenda`, as: 'awa', participant: true, slow3g: true },
    { name: 'my-agenda', path: '/my/agenda', as: 'awa', participant: true },
    ...(awaReg
      ? [
          {
            name: 'travel',
            path: `/my/registrations/${awaReg}/travel`,
            as: 'awa' as const,
            participant: true,
          },
        ]
      : []),
    { name: 'my-calendar', path: '/my/calendar', as: 'awa', participant: true },
    { name: 'my-data', path: '/my/data', as: 'awa', participant: true },
    {
      name: 'console-dashboard',
      path: `/console/events/${demo.id}`,
      as: 'organiser',
      participant: false,
    },
  ];

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const contexts: Record<PageSpec['as'], BrowserContext> = {
    anonymous: await browser.newContext(),
    newcomer: await browser.newContext(),
    awa: await browser.newContext(),
    organiser: await browser.newContext(),
  };
  await login(contexts.awa, 'awa@convene.demo');
  await login(contexts.organiser, 'organiser@convene.demo');
  await login(contexts.newcomer, ...(await newcomer(db)));

  const weights: Array<Record<string, unknown>> = [];
  const slow: Array<Record<string, unknown>> = [];
  for (const spec of pages) {
    // A first visit: a context of its own with the same cookies, nothing cached.
    const readerCookies = await contexts[spec.as].cookies();
    const fresh = await firstVisitContext(browser, readerCookies);
    const page = await fresh.newPage();
    const first = await visit(page, `${BASE_URL}${spec.path}`);
    const firstHtml = await page.content();
    if (first.status !== 200) {
      weights.push({
        page: spec.name,
        path: spec.path,
        status: first.status,
        skipped: 'page not answering 200',
      });
      await fresh.close();
      continue;
    }
    const repeat = await visit(page, `${BASE_URL}${spec.path}`);
    // The budget (DESIGN.md): 30 KB on a first visit, and the page's own HTML within 14 KB,
    // as a repeat visit gets it. A first visit's HTML also carries the stylesheet (about 7
    // KB compressed) in place of a second round trip: `htmlBytes` shows that sum.
    const withinBudget =
      !spec.participant || (first.total <= 30 * 1024 && repeat.html <= 14 * 1024);
    // Server time of the HTML alone, one request at a time with the reader's cookies.
    const cookie = (await fresh.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const served = await serverTimes(`${BASE_URL}${spec.path}`, cookie, SERVER_REQUESTS);
    weights.push({
      page: spec.name,
      path: spec.path,
      firstVisitBytes: first.total,
      htmlBytes: first.html,
      ownHtmlBytes: repeat.html,
      repeatVisitBytes: repeat.total,
      requests: first.responses.length,
      withinBudget,
      serverMedianMs: served.medianMs,
      serverP95Ms: served.p95Ms,
    });

    if (spec.slow3g) {
      // The baseline serves the same HTML, CSS and JS, gzipped, from a bare server.
      const assets = new Map<string, { body: Buffer; type: string }>();
      assets.set('/', {
        body: gzipSync(`<!doctype html>${firstHtml.replace(/^<!DOCTYPE html>/i, '')}`),
        type: 'text/html; charset=utf-8',
      });
      // The stylesheet may come as the idle prefetch (type Other): by path, not by type.
      for (const r of first.responses.filter((x) => /\/assets\/app-[^/]+\.(css|js)$/.test(x.url))) {
        const res = await fetch(r.url);
        assets.set(new URL(r.url).pathname, {
          body: gzipSync(Buffer.from(await res.arrayBuffer())),
          type: res.headers.get('content-type') ?? 'text/plain',
        });
      }
      const bare = await bareServer(assets);
      const app: Array<{ load: number; paint: number }> = [];
      const linked: Array<{ load: number; paint: number }> = [];
      const floor: Array<{ load: number; paint: number }> = [];
      for (let i = 0; i < ROUNDS; i++) {
        // Interleaved rounds, so a busy moment of the machine hits all three alike.
        const first = await firstVisitContext(browser, readerCookies);
        app.push(await usableOnSlow3g(first, `${BASE_URL}${spec.path}`));
        await first.close();
        // `fresh` fetched the stylesheet above: its cookie says so; the cache is disabled.
        linked.push(await usableOnSlow3g(fresh, `${BASE_URL}${spec.path}`));
        floor.push(await usableOnSlow3g(await browser.newContext(), `${bare.url}/`));
      }
      bare.server.close();
      const load = (xs: typeof app) => median(xs.map((x) => x.load));
      const paint = (xs: typeof app) => median(xs.map((x) => x.paint));
      slow.push({
        page: spec.name,
        usableMsMedian: round(load(app)),
        paintMsMedian: round(paint(app)),
        linkedUsableMsMedian: round(load(linked)),
        linkedPaintMsMedian: round(paint(linked)),
        bareServerMsMedian: round(load(floor)),
        bareServerPaintMsMedian: round(paint(floor)),
        ratio: round(load(app) / load(floor), 2),
        goalMs: 3000,
        withinGoal: load(app) < 3000,
      });
    }
    await fresh.close();
  }

  const memory = API_PID ? await memoryWhileServing(pages, contexts) : undefined;

  const heavyId = await heavyEvent(db, organiserId);
  const cookie = (await contexts.organiser.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const token = await accessToken(BASE_URL, 'organiser@convene.demo', DEMO_PASSWORD);
  const bearer = async (path: string) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SERVER_REQUESTS; i++) {
      const started = performance.now();
      const res = await fetch(`${BASE_URL}${path}`, {
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
      });
      bytes = Buffer.from(await res.arrayBuffer()).length;
      times.push(performance.now() - started);
    }
    return { medianMs: round(median(times)), p95Ms: round(p95(times)), bytes };
  };
  const server = {
    registrationsTable500: {
      page: await serverTimes(
        `${BASE_URL}/console/events/${heavyId}/registrations`,
        cookie,
        SERVER_REQUESTS,
      ),
      jsonApiBaseline: await bearer(`/api/events/${heavyId}/registrations?pageSize=50`),
    },
    agendaGrid120: {
      page: await serverTimes(
        `${BASE_URL}/console/events/${heavyId}/agenda?day=2027-10-25`,
        cookie,
        SERVER_REQUESTS,
      ),
      jsonApiBaseline: await bearer(`/api/events/${heavyId}/agenda`),
    },
  };

  await browser.close();
  await db.end();
  const report = {
    at: new Date().toISOString(),
    baseUrl: BASE_URL,
    slow3g: SLOW_3G,
    rounds: ROUNDS,
    weights,
    slow,
    server,
    memory,
  };
  console.table(weights);
  console.table(slow);
  console.log(JSON.stringify({ weights, slow, server, memory }, null, 2));
  await writeReport(OUT, report);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
