import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parseCsv } from './support/csv.js';
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
  linkIn,
  PHONE,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

const KARIM = 'محمد بن عبد الرحمن الإدريسي';
const MINH = 'Nguyễn Thị Minh Khai-Hằng';

/*
 * An organiser on a laptop runs the registrations of an event that requires approval:
 * approves two (one from its page, one ticked in the table), rejects one with a reason
 * that reaches the person through the real SMTP server, downloads the CSV, registers
 * someone on their behalf, who confirms from the emailed link on a phone. axe-core on
 * every page; screenshots in French and Spanish with Arabic and Vietnamese names.
 */
describe('console registrations in a real browser (1280x800)', () => {
  let w: BrowserWorld;
  let admin: Session;
  let organiser: Session;
  let eventId: string;
  let orgId: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};
  const base = () => `/console/events/${eventId}/registrations`;

  async function participant(key: string, name: string, org: string, locale = 'fr') {
    people[key] = await signup(w.t, { name, locale });
    const reg = await w.t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(org, { dietary: 'Halal', languages: ['ar', 'fr'] }))
      .expect(201);
    regs[key] = reg.body.id;
  }

  beforeAll(async () => {
    w = await startBrowserWorld('console_registrations_browser');
    admin = await loginAdmin(w.t);
    const bf = await createOrganisation(w.t, admin, {
      name: 'Association Sœurs Unies pour la Protection de l’Enfance',
      country: 'BF',
      city: 'Ouagadougou',
    });
    const vn = await createOrganisation(w.t, admin, {
      name: 'Trung tâm Công tác xã hội Hà Nội',
      country: 'VN',
      city: 'Hanoi',
    });
    const ma = await createOrganisation(w.t, admin, {
      name: 'جمعية أمل للأسرة',
      country: 'MA',
      city: 'Tangier',
    });
    orgId = bf.id;
    organiser = await signup(w.t, { name: 'Nadia Benali', locale: 'fr' });
    const first = await createEvent(w.t, admin, {}, { publish: false });
    await w.t
      .http()
      .post(`/api/events/${first.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    eventId = (
      await createEvent(w.t, organiser, {
        name: 'Rencontre des partenaires, Tanger 2027',
        requiresApproval: true,
        capacity: 20,
      })
    ).id;
    await participant('karim', KARIM, ma.id);
    await participant('minh', MINH, vn.id, 'en');
    await participant('awa', 'Awa Traoré', bf.id);
    await participant('juan', 'Juan Pérez', bf.id, 'es');
  });
  afterAll(() => w.close());

  async function signIn(page: Page) {
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(organiser.email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it('approves two, rejects one with a reason, downloads the CSV', async () => {
    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
    page.on('dialog', (d) => void d.accept());
    await signIn(page);
    await page.goto(base());
    await page.getByRole('heading', { name: 'Inscriptions', level: 1 }).waitFor();
    expect(await page.locator('td.cr-name').count()).toBe(4);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-registrations-list-fr-laptop');

    // One approved from its page.
    await page.getByRole('link', { name: KARIM }).click();
    await page.getByRole('heading', { name: `Inscription de ${KARIM}` }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-registrations-detail-fr-laptop');
    await page.getByRole('button', { name: 'Valider', exact: true }).click();
    await page.getByText('Validée : la personne a une place').waitFor();

    // One ticked in the table and approved with the bulk form.
    await page.goto(base());
    await page.getByRole('checkbox', { name: `Sélectionner ${MINH}` }).check();
    await page.getByLabel('Action').selectOption('approve');
    await page.getByRole('button', { name: 'Appliquer aux personnes cochées' }).click();
    await page.getByText('1 validée').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-registrations-bulk-result-fr-laptop');

    // One rejected with a reason, which the person receives by email in Spanish.
    await page.goto(`${base()}/${regs.juan}`);
    const reason = 'La rencontre est réservée aux travailleurs sociaux de terrain.';
    // Without a reason the form says so.
    await page.getByRole('button', { name: 'Refuser', exact: true }).click();
    await page.getByText('Il y a un problème').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Motif du refus').fill(reason);
    await page.getByRole('button', { name: 'Refuser', exact: true }).click();
    await page.getByText('Refusée : la personne a été prévenue').waitFor();
    await page.getByRole('cell', { name: reason }).waitFor();
    const mail = await w.mailTo(people.juan.email, /Inscripción no aceptada/);
    expect(mail.text).toContain(reason);

    // The table now: two confirmed, one rejected, one still to approve (one is said in the singular).
    await page.goto(base());
    await page.getByRole('link', { name: 'Confirmées : 2' }).waitFor();
    await page.getByRole('link', { name: 'Refusée : 1' }).waitFor();
    await page.getByRole('link', { name: 'À valider : 1' }).waitFor();

    // The CSV of the confirmed ones.
    await page.goto(`${base()}?status=confirmed&sort=name`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger en CSV (tableur)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/registrations\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // French readers get semicolons, as their spreadsheet program expects.
    const [header, ...rows] = parseCsv(text.slice(1), ';');
    expect(header.slice(0, 5)).toEqual(['Name', 'Email', 'Phone', 'Organisation', 'Country']);
    expect(rows.map((r) => r[0]).sort()).toEqual([KARIM, MINH].sort());
    expect(rows.every((r) => r[header.indexOf('Status')] === 'confirmed')).toBe(true);
    expect(rows.find((r) => r[0] === MINH)![header.indexOf('Organisation')]).toBe(
      'Trung tâm Công tác xã hội Hà Nội',
    );

    // In Spanish, with a filter, for a look at the words.
    await page.goto(`${base()}?lang=es&country=VN`);
    await page.getByRole('heading', { name: 'Inscripciones', level: 1 }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${base()}`);
    await snap(page, 'console-registrations-list-es-laptop');
    await page.goto(`${base()}/${regs.minh}`);
    await snap(page, 'console-registrations-detail-es-laptop');
    await context.close();
  });

  it('registers someone on their behalf, who confirms from the emailed link on a phone', async () => {
    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
    await signIn(page);
    await page.goto(`${base()}/new`);
    await page.getByRole('heading', { name: 'Inscrire une personne' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // A mistake first: the summary and the message next to the field.
    await page.getByLabel('Son adresse e-mail').fill('pas une adresse');
    await page.getByLabel('Son nom complet').fill('Trần Văn Phúc');
    await page.getByRole('button', { name: "Inscrire et envoyer l'e-mail" }).click();
    await page.getByText('Il y a un problème').waitFor();
    expect(await page.getByLabel('Son nom complet').inputValue()).toBe('Trần Văn Phúc');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-registrations-new-errors-fr-laptop');

    const email = 'tran.van.phuc@example.org';
    await page.getByLabel('Son adresse e-mail').fill(email);
    await page.getByLabel('Langue de ses e-mails').selectOption('es');
    await page.getByLabel('Organisation').selectOption(orgId);
    await page.getByRole('button', { name: "Inscrire et envoyer l'e-mail" }).click();
    await page.getByText('Inscription enregistrée').waitFor();
    await page.getByText('En attente de son accord').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-registrations-awaiting-consent-fr-laptop');
    await context.close();

    const mail = await w.mailTo(email, /confirme su inscripción/);
    const link = linkIn(mail, w.baseUrl);
    expect(link).toContain('/consent?token=');
    const phone = await w.newPage({ viewport: PHONE, locale: 'es-ES' });
    await phone.page.goto(link);
    await phone.page.getByRole('heading', { name: 'Confirme su inscripción' }).waitFor();
    expect(await accessibilityViolations(phone.page)).toEqual([]);
    await snap(phone.page, 'consent-es-phone');
    await phone.page.getByRole('button', { name: 'Acepto y confirmo mi inscripción' }).click();
    await phone.page.getByText('Gracias: su inscripción está confirmada.').waitFor();
    expect(await accessibilityViolations(phone.page)).toEqual([]);
    await snap(phone.page, 'consent-done-es-phone');
    await phone.context.close();
    const confirmed = await w.mailTo(email, /Inscripción confirmada/);
    expect(confirmed.subject).toContain('Rencontre des partenaires');
  });

  it('approving past capacity puts on the waiting list, and says so; the list in order', async () => {
    // Three seats, three confirmed (Karim, Minh, Phúc): Awa's approval finds the event full.
    await w.t
      .http()
      .patch(`/api/events/${eventId}`)
      .set(organiser.auth)
      .send({ capacity: 3 })
      .expect(200);
    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'en-GB' });
    page.on('dialog', (d) => void d.accept());
    await signIn(page);
    await page.goto(`${base()}/${regs.awa}?lang=en`);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText('Approved, but the event is full').waitFor();
    await page.getByText('Waitlist place: 1').waitFor();
    await page.goto(base());
    await page.getByRole('link', { name: 'The waiting list, in order' }).click();
    await page.getByRole('heading', { name: 'Waiting list', level: 1 }).waitFor();
    expect(await page.locator('td.cr-name a').allTextContents()).toEqual(['Awa Traoré']);
    expect(await page.locator('td.cr-num').allTextContents()).toEqual(['1']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-registrations-waitlist-en-laptop');
    await context.close();

    const visitor = await w.newPage({ viewport: LAPTOP, locale: 'en-GB' });
    await visitor.page.goto('/signin');
    await visitor.page.locator('#password-form input[name=email]').fill(people.awa.email);
    await visitor.page.locator('#password-form input[name=password]').fill('a-long-password');
    await visitor.page.locator('#password-form button[type=submit]').click();
    await visitor.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    const res = await visitor.page.goto(base());
    expect(res?.status()).toBe(404);
    await visitor.context.close();
  });
});
