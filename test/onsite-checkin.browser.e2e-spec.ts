import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { register } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  PHONE,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

const AWA = 'Awa Diallo';
const THAO = 'Nguyễn Thị Phương Thảo Hoàng-Lê';

/*
 * The check-in desk on a 360 px phone: a badge code submitted shows the person big and
 * green; a scan made while the connection is lost is kept on the phone and sent once it
 * is back (the check-in then exists). axe-core on every state; screenshots in fr and es.
 */
// A real browser on a busy shared machine: each step may wait its turn.
jest.setTimeout(180_000);

describe('check-in desk in a real browser (phone)', () => {
  let w: BrowserWorld;
  let organiser: Session;
  let eventId: string;
  const regs: Record<string, string> = {};

  const codeOf = async (who: Session, registrationId: string) => {
    await w.t
      .http()
      .get(`/api/registrations/${registrationId}/badge.pdf`)
      .set(who.auth)
      .expect(200);
    const [{ code }] = await w.db.query(`SELECT code FROM badge_codes WHERE registration_id = $1`, [
      registrationId,
    ]);
    return `${w.baseUrl}/verify/${code}`;
  };
  const checkIns = async (registrationId: string): Promise<number> =>
    (
      await w.db.query(`SELECT count(*)::int AS n FROM check_ins WHERE registration_id = $1`, [
        registrationId,
      ])
    )[0].n;
  const axeClean = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

  beforeAll(async () => {
    w = await startBrowserWorld('onsite_checkin_browser');
    const admin = await loginAdmin(w.t);
    organiser = await signup(w.t, { name: 'Nadia Benali', locale: 'fr' });
    const org = await createOrganisation(w.t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
    });
    const hanoi = await createOrganisation(w.t, admin, {
      name: 'Trung tâm Công tác Xã hội Hà Nội',
      country: 'VN',
    });
    eventId = (await createEvent(w.t, admin, { name: 'Communities of Practice — Tangier 2027' }))
      .id;
    await w.db.query(
      `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
      [eventId, organiser.id],
    );
    const awa = await signup(w.t, { name: AWA });
    const thao = await signup(w.t, { name: THAO });
    regs.awa = await register(w.t, eventId, awa, org.id);
    regs.thao = await register(w.t, eventId, thao, hanoi.id);
    regs.awaCode = await codeOf(awa, regs.awa);
    regs.thaoCode = await codeOf(thao, regs.thao);
  });
  afterAll(() => w.close());

  it('checks a badge in, and keeps a scan made offline until the server answers', async () => {
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(organiser.email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    await page.goto(`/console/events/${eventId}/check-in?lang=fr`);
    await axeClean(page);
    await snap(page, 'onsite-checkin-choose-fr-360');
    await page.getByRole('link', { name: 'Arrivée du jour' }).click();
    await page.waitForURL(/\/check-in\/day/);
    // Chromium headless has no camera: the page says so and offers the typed code.
    expect(await page.locator('#ci-no-camera').isVisible()).toBe(true);
    await axeClean(page);

    await page.locator('#ci-code').fill(regs.awaCode);
    await page.locator('#ci-code-form button[type=submit]').click();
    await page.locator('#ci-result.ci-ok').waitFor();
    const text = await page.locator('#ci-result').innerText();
    expect(text).toMatch(new RegExp(`^${AWA} — arrivée enregistrée à \\d\\d:\\d\\d`));
    expect(await checkIns(regs.awa)).toBe(1);
    await axeClean(page);
    await snap(page, 'onsite-checkin-day-fr-360');

    // The connection drops: the scan waits on the phone, nothing reached the server.
    await context.setOffline(true);
    await page.locator('#ci-code').fill(regs.thaoCode);
    await page.locator('#ci-code-form button[type=submit]').click();
    await page.locator('#ci-queue:not([hidden])').waitFor();
    expect(await page.locator('#ci-queue').innerText()).toContain('1 scan attend la connexion');
    expect(await checkIns(regs.thao)).toBe(0);
    await axeClean(page);
    await snap(page, 'onsite-checkin-offline-fr-360');
    // Back online: the queued scan is sent, the result shows her, the queue empties.
    await context.setOffline(false);
    await page.locator('#ci-queue[hidden]').waitFor({ state: 'attached' });
    await page.locator('#ci-result.ci-ok', { hasText: THAO }).waitFor();
    expect(await checkIns(regs.thao)).toBe(1);
    await context.close();
  });

  it('finds people by name without the camera, in Spanish, on a phone and a laptop', async () => {
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'es-ES' });
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(organiser.email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto(`/console/events/${eventId}/check-in/day?lang=es&q=nguyen`);
    await page.getByText(THAO).waitFor();
    await axeClean(page);
    await snap(page, 'onsite-checkin-search-es-360');
    await page.setViewportSize(LAPTOP);
    await snap(page, 'onsite-checkin-search-es-1280');
    await context.close();
  });
});
