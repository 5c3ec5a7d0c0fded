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

const KHADIJA = 'خديجة بنت عبد الرحمن الإدريسي';
const MINH = 'Nguyễn Thị Minh Khai-Hằng';

/*
 * Certificates in a real browser: the organisers' page (French, Spanish; laptop and
 * phone), a participant's registrations with the certificate link, and the public
 * verification page the QR code leads to. axe-core on every page; long Arabic and
 * Vietnamese names.
 */
describe('certificates pages in a real browser', () => {
  // PDFs are made on the download: a busy shared machine needs more than the default minute.
  jest.setTimeout(180_000);
  let w: BrowserWorld;
  let organiser: Session;
  let eventId: string;
  const people: Record<string, Session & { registrationId: string }> = {};

  beforeAll(async () => {
    w = await startBrowserWorld('certificates_browser');
    const admin = await loginAdmin(w.t);
    organiser = await signup(w.t, { name: 'Nadia Benali', locale: 'fr' });
    const org = await createOrganisation(w.t, admin, {
      name: 'Association Marocaine des Maisons des Familles',
      country: 'MA',
    });
    eventId = (
      await createEvent(w.t, admin, {
        name: 'Communities of Practice and Knowledge — Dakar 2026',
        timezone: 'Africa/Dakar',
        venue: { name: "Hôtel de l'Océan", city: 'Dakar', country: 'SN' },
      })
    ).id;
    await w.t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    for (const [key, name, locale] of [
      ['khadija', KHADIJA, 'fr'],
      ['minh', MINH, 'es'],
    ] as const) {
      const who = await signup(w.t, { name, locale });
      people[key] = { ...who, registrationId: await register(w.t, eventId, who, org.id) };
    }
    await w.db.query(
      `UPDATE events SET start_date = '2026-10-19', end_date = '2026-10-24' WHERE id = $1`,
      [eventId],
    );
    const [{ id: sessionId }] = (await w.db.query(
      `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, status)
       VALUES ($1, 'workshop', 'Atelier : l’accueil d’urgence des enfants',
               '2026-10-19T14:00:00Z', '2026-10-19T17:30:00Z', 'published') RETURNING id`,
      [eventId],
    )) as Array<{ id: string }>;
    for (const p of Object.values(people)) {
      await w.db.query(
        `INSERT INTO session_attendance (session_id, account_id, source) VALUES ($1, $2, 'list')`,
        [sessionId, p.id],
      );
    }
  });
  afterAll(() => w.close());

  async function signIn(page: Page, email: string) {
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it('shows organisers who gets a certificate and downloads the ZIP (fr and es, laptop and phone)', async () => {
    for (const [locale, viewport, size] of [
      ['fr', LAPTOP, 'laptop'],
      ['es', LAPTOP, 'laptop'],
      ['fr', PHONE, 'phone'],
    ] as const) {
      const { context, page } = await w.newPage({ viewport });
      await signIn(page, organiser.email);
      await page.goto(`/console/events/${eventId}/certificates?lang=${locale}`);
      await page.getByRole('cell', { name: KHADIJA, exact: true }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, `console-certificates-${locale}-${size}`);
      if (size === 'laptop' && locale === 'fr') {
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: 'Télécharger toutes les attestations (ZIP)' }).click();
        expect((await download).suggestedFilename()).toBe('certificates-DKR26.zip');
      }
      await context.close();
    }
  });

  it('offers the participant their certificate, and the QR code’s page says valid', async () => {
    const { context, page } = await w.newPage({ viewport: PHONE });
    await signIn(page, people.minh.email);
    await page.goto('/my/registrations');
    const link = page.getByRole('link', { name: 'Certificado de asistencia (PDF)' });
    expect(await link.count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'my-registrations-certificate-es-phone');
    const download = page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toMatch(/^certificado-DKR26-C\d{4}-.+\.pdf$/);
    await context.close();

    const [{ code }] = (await w.db.query(
      `SELECT code FROM certificates WHERE registration_id = $1`,
      [people.minh.registrationId],
    )) as Array<{ code: string }>;
    for (const [locale, viewport, size] of [
      ['fr', PHONE, 'phone'],
      ['es', LAPTOP, 'laptop'],
    ] as const) {
      const visitor = await w.newPage({ viewport, locale });
      await visitor.page.goto(`/verify/${code}?lang=${locale}`);
      await visitor.page.getByText(MINH).first().waitFor();
      expect(await accessibilityViolations(visitor.page)).toEqual([]);
      await snap(visitor.page, `verify-certificate-${locale}-${size}`);
      await visitor.context.close();
    }
  });
});
