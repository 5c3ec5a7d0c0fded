import type { Page } from 'playwright-core';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

const KARIM = 'محمد بن عبد الرحمن الإدريسي';
const MINH = 'Nguyễn Thị Minh Khai-Hằng';

/*
 * An organiser on a laptop: the visa board, three letters issued in bulk (each participant
 * emailed through the real SMTP server), one person's visa, the rules, the arrivals sheet.
 * axe-core on every page; screenshots in French and Spanish with Arabic and Vietnamese names.
 */
describe('console visas in a real browser (1280x800)', () => {
  let w: BrowserWorld;
  let organiser: Session;
  let eventId: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};

  async function participant(
    key: string,
    name: string,
    orgId: string,
    passport: Record<string, string>,
    arrival: Record<string, string> | null,
    phone?: string,
  ) {
    people[key] = await signup(w.t, { name, locale: 'fr' });
    const reg = await w.t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(orgId, phone ? { phone } : {}))
      .expect(201);
    regs[key] = reg.body.id;
    await w.t
      .http()
      .put(`/api/registrations/${regs[key]}/travel`)
      .set(people[key].auth)
      .send({ passport, ...(arrival ? { arrival } : {}) })
      .expect(200);
  }

  beforeAll(async () => {
    w = await startBrowserWorld('console_visas_browser');
    const admin = await loginAdmin(w.t);
    organiser = await signup(w.t, { name: 'Nadia Benali', locale: 'fr' });
    const rabat = await createOrganisation(w.t, admin, {
      name: 'Association Marocaine pour l’Accompagnement des Familles et de l’Enfance',
      country: 'MA',
    });
    const ouaga = await createOrganisation(w.t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
    });
    const hanoi = await createOrganisation(w.t, admin, {
      name: 'Trung tâm Công tác Xã hội Hà Nội',
      country: 'VN',
    });
    eventId = (await createEvent(w.t, admin, { name: 'Communities of Practice — Tangier 2027' }))
      .id;
    await w.t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    await w.t
      .http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['BF', 'VN', 'DZ'] })
      .expect(200);
    await participant(
      'karim',
      KARIM,
      rabat.id,
      { nationality: 'DZ', number: 'A9988776', expiresOn: '2028-02-01' },
      { flightNumber: 'AH2024', airport: 'TNG', at: '2027-10-24T12:40' },
      '+213 555 12 34 56',
    );
    await participant(
      'awa',
      'Awa Traoré',
      ouaga.id,
      { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' },
      { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T13:00' },
      '+226 76 00 11 22',
    );
    await participant(
      'minh',
      MINH,
      hanoi.id,
      { nationality: 'VN', number: 'C1234567', expiresOn: '2030-03-03' },
      { flightNumber: 'TK617', airport: 'TNG', at: '2027-10-24T17:30' },
    );
    await participant(
      'pierre',
      'Pierre Martin',
      ouaga.id,
      { nationality: 'FR', number: 'F1122334', expiresOn: '2032-05-05' },
      null,
    );
  });
  afterAll(() => w.close());

  async function signIn(page: Page) {
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(organiser.email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it('issues three visa letters in bulk, sees the statuses change, opens the arrivals sheet', async () => {
    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
    await signIn(page);
    const board = `/console/events/${eventId}/visas`;
    await page.goto(`${board}?lang=fr`);
    await page.getByRole('heading', { name: 'Suivi des visas' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-visas-board-fr-laptop');

    for (const name of [KARIM, 'Awa Traoré', MINH]) {
      await page.getByRole('checkbox', { name: `Sélectionner ${name}` }).check();
    }
    // Their date of birth and passport issue date are not given: issued all the same.
    await page
      .getByRole('checkbox', { name: 'Délivrer même si des informations de la lettre manquent' })
      .check();
    await page.getByRole('button', { name: 'Délivrer les lettres des personnes cochées' }).click();
    await page.getByText('3 lettres délivrées sur 3 demandées.').waitFor();
    const rows = page.locator('table.cv-board tbody tr');
    for (const name of [KARIM, 'Awa Traoré', MINH]) {
      await rows.filter({ hasText: name }).getByText('Lettre délivrée', { exact: true }).waitFor();
    }
    expect(
      await rows.filter({ hasText: 'Pierre Martin' }).getByText('Non nécessaire').count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-visas-bulk-issued-fr-laptop');

    // Each of the three gets the email through the real SMTP server.
    for (const key of ['karim', 'awa', 'minh']) await w.mailTo(people[key].email);

    // One person's visa: the history and the change form.
    await rows.filter({ hasText: KARIM }).getByRole('link', { name: KARIM, exact: true }).click();
    await page.getByRole('heading', { name: 'Changer le statut' }).waitFor();
    await page.getByLabel('Nouveau statut').selectOption('applied');
    await page
      .getByLabel('Note (facultative)')
      .fill('Rendez-vous au consulat d’Alger le 2 septembre');
    await page.getByRole('button', { name: 'Changer le statut' }).click();
    await page.getByText('Le statut du visa a été modifié.').waitFor();
    await page.getByText('Rendez-vous au consulat d’Alger le 2 septembre').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-visas-person-fr-laptop');

    // The visa rules.
    await page.goto(`${board}/rules`);
    await page.getByRole('heading', { name: 'Règles de visa' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-visas-rules-fr-laptop');

    // The arrivals sheet, with its print button (JavaScript is on).
    await page
      .getByRole('navigation', { name: "Rubriques de l'événement" })
      .getByRole('link', { name: 'Arrivées' })
      .click();
    await page.getByRole('heading', { name: 'Arrivées et départs' }).waitFor();
    await page
      .getByText('Groupe d’accueil TNG-1 : 2 personnes, arrivées entre 12:40 et 13:00')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Imprimer la feuille' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-arrivals-fr-laptop');
    await page.emulateMedia({ media: 'print' });
    expect(
      await page.getByRole('navigation', { name: "Rubriques de l'événement" }).isVisible(),
    ).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer la feuille' }).isVisible()).toBe(false);
    await snap(page, 'console-arrivals-print-fr');
    const pdf = await page.pdf({ preferCSSPageSize: true, format: 'Letter' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 (595 x 842 points) from the sheet's own @page rule, whatever the default paper.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    await page.emulateMedia({ media: 'screen' });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger les arrivées (CSV)' }).click();
    expect((await download).suggestedFilename()).toMatch(/-arrivals\.csv$/);
    await context.close();
  });

  it('reads well in Spanish, with the filter errors and a refused move said in words', async () => {
    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'es-ES' });
    await signIn(page);
    const board = `/console/events/${eventId}/visas`;
    await page.goto(`${board}?lang=es&status=bogus`);
    await page.getByText('Hay un problema').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-visas-board-errors-es-laptop');

    await page.goto(`${board}/${regs.pierre}`);
    await page.getByRole('heading', { name: 'Cambiar el estado' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-visas-person-es-laptop');

    await page.goto(`/console/events/${eventId}/arrivals`);
    await page.getByRole('heading', { name: 'Llegadas y salidas' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-arrivals-es-laptop');
    await context.close();
  });

  it('is a 404 page for a participant', async () => {
    const { context, page } = await w.newPage({ viewport: LAPTOP });
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(people.awa.email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    const res = await page.goto(`/console/events/${eventId}/visas`);
    expect(res?.status()).toBe(404);
    expect(await page.content()).not.toContain(KARIM);
    await context.close();
  });
});
