import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { sessionBody } from './support/agenda-fixtures.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const NO_STORE = 'private, no-store';

/**
 * Issue 11, item 10. The attacker here is whoever reads a shared cache, a proxy's disk or
 * a borrowed browser's cache (a participant list, a passport, a calendar), an organiser
 * who types a session title that injects lines into everyone's calendar, and a script
 * injected into a page that a strict CSP should stop.
 */
describe('Security: headers and calendar text (issue 11, item 10)', () => {
  let t: TestApp;
  let admin: Session;
  let person: Session;
  let event: { id: string; slug: string };
  let reg: string;

  beforeAll(async () => {
    t = await startTestApp('security-headers');
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin);
    event = await createEvent(t, admin);
    person = await signup(t, { name: 'Awa Traoré', organisationId: org.id });
    reg = (
      await t
        .http()
        .post(`/api/events/${event.id}/registrations`)
        .set(person.auth)
        .send(registrationBody(org.id, { phone: '+226 70 12 34 56' }))
        .expect(201)
    ).body.id;
    await t
      .http()
      .put(`/api/registrations/${reg}/travel`)
      .set(person.auth)
      .send({ passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' } })
      .expect(200);
  });
  afterAll(() => t.close());

  it('every personal API answer says Cache-Control: private, no-store', async () => {
    const asPerson = [
      '/api/me',
      '/api/me/registrations',
      `/api/registrations/${reg}`,
      `/api/registrations/${reg}/travel`,
      `/api/registrations/${reg}/history`,
      '/api/me/agenda',
      '/api/me/calendar.ics',
      `/api/events/${event.id}/calendar.ics`,
      '/api/me/export',
    ];
    const asOrganiser = [
      `/api/events/${event.id}/registrations`,
      `/api/events/${event.id}/registrations?format=csv`,
      `/api/events/${event.id}/arrivals`,
      `/api/events/${event.id}/arrivals?format=csv`,
      `/api/events/${event.id}/visas`,
      `/api/events/${event.id}/stats`,
      `/api/events/${event.id}/messages`,
      `/api/registrations/${reg}/visa-letter.pdf`,
    ];
    const seen: Record<string, string | undefined> = {};
    for (const [who, paths] of [
      [person, asPerson],
      [admin, asOrganiser],
    ] as const) {
      for (const path of paths) {
        const res = await t.http().get(path).set(who.auth);
        expect(res.status).toBeLessThan(500);
        seen[path] = res.headers['cache-control'];
      }
    }
    expect(Object.entries(seen).filter(([, v]) => v !== NO_STORE)).toEqual([]);
  });

  it('errors to a logged-in caller and the secret calendar feed are not stored either', async () => {
    const missing = await t
      .http()
      .get('/api/registrations/00000000-0000-4000-8000-000000000000')
      .set(person.auth)
      .expect(404);
    expect(missing.headers['cache-control']).toBe(NO_STORE);
    const feed = await t.http().post('/api/me/calendar-token').set(person.auth).expect(201);
    const path = new URL(feed.body.url as string).pathname;
    const res = await t.http().get(path).expect(200);
    expect(res.headers['cache-control']).toBe(NO_STORE);
  });

  it('public answers to anonymous callers keep their own caching', async () => {
    const res = await t.http().get(`/api/events/${event.id}/calendar.ics`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('the pages’ downloads are not stored', async () => {
    const browser = new WebClient(t);
    await browser.signIn(person.email, 'a-long-password');
    const res = await browser.get('/my/data/export.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(NO_STORE);
  });

  it('every HTML page, the 404 fallback included, has a CSP without inline script', async () => {
    const visitor = new WebClient(t);
    const pages = ['/', '/signin', `/e/${event.slug}`, '/no/such/page', '/e/no-such-event'];
    for (const path of pages) {
      const res = await visitor.get(path);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const csp = res.headers['content-security-policy'] as string | undefined;
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("script-src 'self'") });
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      // No inline <script> for the policy to have to allow.
      expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    }
    const unknown = await visitor.get('/no/such/page');
    expect(unknown.status).toBe(404);
  });

  it('a first visit carries the stylesheet inline, allowed by its hash and nothing wider', async () => {
    const visitor = new WebClient(t, { firstVisit: true });
    const first = await visitor.get(`/e/${event.slug}`);
    expect(first.status).toBe(200);
    const styles = [...first.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    const csp = first.headers['content-security-policy'] as string;
    const styleSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('style-src '));
    const hash = createHash('sha256').update(styles[0]).digest('base64');
    // The browser applies the element only if its text hashes to a source of the policy;
    // the policy allows the two stylesheets' hashes and nothing wider.
    const sources = styleSrc!.split(' ').slice(1);
    expect(sources).toContain(`'sha256-${hash}'`);
    expect(sources).toEqual([
      "'self'",
      expect.stringMatching(/^'sha256-/),
      expect.stringMatching(/^'sha256-/),
    ]);
    expect(first.text).not.toMatch(/<link rel="stylesheet"/);
    const prefetch = /<link rel="prefetch" href="(\/assets\/app-[0-9a-f]{12}\.css)"/.exec(
      first.text,
    );
    expect(prefetch).not.toBeNull();

    // Neither an unknown asset nor the script stands for the stylesheet; fetching it does.
    const unknown = await visitor.get('/assets/app-000000000000.css');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['set-cookie']).toBeUndefined();
    const script = /<script src="(\/assets\/app-[0-9a-f]{12}\.js)"/.exec(first.text)![1];
    expect((await visitor.get(script)).headers['set-cookie']).toBeUndefined();
    expect(visitor.cookie('cv_css')).toBeUndefined();
    const css = await visitor.get(prefetch![1]);
    expect(css.status).toBe(200);
    expect(css.text).toBe(styles[0]);
    const cookie = (css.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(cookie).toMatch(
      /^cv_css=[0-9a-f]{12}; Max-Age=31536000; Path=\/;.*HttpOnly; SameSite=Lax$/m,
    );

    // From then on pages link it, and carry no inline style.
    const next = await visitor.get('/signin');
    expect(next.text).toMatch(/<link rel="stylesheet" href="\/assets\/app-[0-9a-f]{12}\.css"\/>/);
    expect(next.text).not.toMatch(/<style>/);

    // A cookie naming an older stylesheet: the new one comes inline again.
    const returning = await t.http().get('/signin').set('cookie', 'cv_css=000000000000');
    expect(returning.text).toMatch(/<style>/);
    expect(returning.text).not.toMatch(/<link rel="stylesheet"/);
  });

  it('participants get a stylesheet without the console; an organiser holding both links each', async () => {
    const organiser = new WebClient(t, { firstVisit: true });
    const eventPage = await organiser.get(`/e/${event.slug}`);
    const participantCss = /<link rel="prefetch" href="(\/assets\/app-[0-9a-f]{12}\.css)"/.exec(
      eventPage.text,
    )![1];
    await organiser.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const consolePage = await organiser.get(`/console/events/${event.id}`);
    expect(consolePage.status).toBe(200);
    // The console's first visit carries the whole stylesheet and the console's script.
    const consoleStyle = /<style>([\s\S]*?)<\/style>/.exec(consolePage.text)![1];
    const participantStyle = /<style>([\s\S]*?)<\/style>/.exec(eventPage.text)![1];
    expect(consoleStyle).toContain('.console-nav');
    expect(participantStyle).not.toContain('.console-nav');
    expect(participantStyle.length).toBeLessThan(consoleStyle.length / 2);
    const consoleCss = /<link rel="prefetch" href="(\/assets\/console-[0-9a-f]{12}\.css)"/.exec(
      consolePage.text,
    )![1];
    expect(consolePage.text).toMatch(/<script src="\/assets\/console-[0-9a-f]{12}\.js" defer/);
    expect(eventPage.text).toMatch(/<script src="\/assets\/app-[0-9a-f]{12}\.js" defer/);

    // Fetching one stylesheet, then the other: the cookie holds both versions.
    await organiser.get(participantCss);
    await organiser.get(consoleCss);
    expect(organiser.cookie('cv_css')!.split('.')).toHaveLength(2);
    const again = await organiser.get(`/e/${event.slug}`);
    expect(again.text).toContain(`<link rel="stylesheet" href="${participantCss}"/>`);
    expect(again.text).not.toMatch(/<style>/);
    const consoleAgain = await organiser.get(`/console/events/${event.id}`);
    expect(consoleAgain.text).toContain(`<link rel="stylesheet" href="${consoleCss}"/>`);
    expect(consoleAgain.text).not.toMatch(/<style>/);

    // Versions that are no longer served are dropped from the cookie, not kept for ever.
    const stale = await t
      .http()
      .get(participantCss)
      .set('cookie', 'cv_css=000000000000.111111111111');
    const set = (stale.headers['set-cookie'] as unknown as string[]).join('\n');
    const version = /app-([0-9a-f]{12})\.css$/.exec(participantCss)![1];
    expect(set).toMatch(new RegExp(`^cv_css=${version};`, 'm'));
  });

  it('a session title with line breaks, commas, semicolons and backslashes injects no calendar line', async () => {
    const title =
      'Atelier; familles, C:\\x\r\nATTENDEE:mailto:attacker@example.org\r\nBEGIN:VALARM';
    await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(admin.auth)
      .send(sessionBody({ status: 'published', title }))
      .expect(201);
    const res = await t.http().get(`/api/events/${event.id}/calendar.ics`).expect(200);
    const lines = res.text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((l) => /^(ATTENDEE|BEGIN:VALARM)/.test(l))).toEqual([]);
    const root = new ICAL.Component(ICAL.parse(res.text));
    const [vevent] = root.getAllSubcomponents('vevent');
    expect(vevent.getAllSubcomponents('valarm')).toHaveLength(0);
    expect(vevent.getAllProperties('attendee')).toHaveLength(0);
    expect(vevent.getFirstPropertyValue('summary')).toContain('Atelier; familles, C:\\x');
  });
});
