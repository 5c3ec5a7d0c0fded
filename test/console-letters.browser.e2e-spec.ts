import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import pngjs from 'pngjs';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { pdfText } from './support/pdf-text.js';
import { registrationBody } from './support/registration-fixtures.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  PHONE,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

const MOHAMED = 'محمد بن عبد الله';
const MINH = 'Nguyễn Thị Minh Khai-Hằng';

/** A 48x48 PNG logo: a green disc. */
function logoFile(): string {
  const { PNG } = pngjs;
  const image = new PNG({ width: 48, height: 48 });
  for (let i = 0; i < 48 * 48; i++) {
    const x = i % 48;
    const y = Math.floor(i / 48);
    const ink = (x - 24) ** 2 + (y - 24) ** 2 < 400;
    image.data.set(ink ? [20, 90, 60, 255] : [255, 255, 255, 255], i * 4);
  }
  const path = join(tmpdir(), `convene-logo-${process.pid}.png`);
  writeFileSync(path, PNG.sync.write(image));
  return path;
}

/** Each test is a few page loads with axe; on a shared, busy machine they take minutes. */
const SLOW = 180_000;

/*
 * An organiser on a laptop sets the event's invitation letter (letterhead with a logo,
 * signatory, who pays) in French; a participant on a phone gives the letter's details
 * (date of birth, passport issue date, consulate) in Spanish. axe on every page.
 */
describe('invitation letter settings and request in a real browser', () => {
  let w: BrowserWorld;
  let organiser: Session;
  let eventId: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};

  beforeAll(async () => {
    w = await startBrowserWorld('console_letters_browser');
    const admin = await loginAdmin(w.t);
    organiser = await signup(w.t, { name: 'Nadia Benali', locale: 'fr' });
    eventId = (
      await createEvent(w.t, admin, {
        name: 'Communities of Practice — Tangier 2027',
        venue: { name: 'Hôtel Continental', city: 'Tanger', country: 'MA' },
      })
    ).id;
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
      .send({ visaRequiredFor: ['EG', 'VN', 'PE'] })
      .expect(200);
    for (const [key, name, locale, country, passport] of [
      ['mohamed', MOHAMED, 'es', 'EG', 'A12345678'],
      ['minh', MINH, 'fr', 'VN', 'C4455667'],
    ] as const) {
      const org = await createOrganisation(w.t, admin, {
        name: key === 'mohamed' ? 'جمعية الأمل للتنمية' : 'Trung tâm Công tác Xã hội Hà Nội',
        country,
      });
      people[key] = await signup(w.t, { name, locale });
      const reg = await w.t
        .http()
        .post(`/api/events/${eventId}/registrations`)
        .set(people[key].auth)
        .send(registrationBody(org.id))
        .expect(201);
      regs[key] = reg.body.id;
      await w.t
        .http()
        .put(`/api/registrations/${regs[key]}/travel`)
        .set(people[key].auth)
        .send({ passport: { nationality: country, number: passport, expiresOn: '2031-05-31' } })
        .expect(200);
    }
  });
  afterAll(() => w.close());

  async function signIn(page: Page, who: Session) {
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(who.email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }

  it(
    'lets an organiser set the letterhead, logo, signatory and who pays, with errors per field',
    async () => {
      const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
      await signIn(page, organiser);
      await page.goto(`/console/events/${eventId}/letter?lang=fr`);
      await page.getByRole('heading', { name: 'Lettre d’invitation' }).first().waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Nom de l’organisation').fill('Association Darna Tanger');
      await page
        .getByLabel('Adresse', { exact: true })
        .fill('جمعية دارنا طنجة\n23, rue de la Liberté\n90000 Tanger, Maroc');
      await page.getByLabel('Téléphone').fill('+212 539 94 00 00');
      await page.getByLabel('E-mail').fill('pas-une-adresse');
      await page.getByLabel('Logo').setInputFiles(logoFile());
      await page.getByLabel('Nom de la personne qui signe').fill('Fatima Zahra El Amrani');
      await page.getByLabel('Fonction').fill('Présidente');
      await page.getByLabel('En français').fill('Consulat général du Royaume du Maroc');
      await page.getByLabel('Voyage', { exact: true }).selectOption('organisers');
      await page.getByLabel('Hébergement', { exact: true }).selectOption('organisers');
      await page.getByLabel('Frais de visa').selectOption('participant');
      await page.getByRole('button', { name: 'Enregistrer les réglages de la lettre' }).click();
      // A wrong email: the form comes back with what was typed and a message by the field.
      await page.locator('.error-summary').waitFor();
      expect(await page.getByLabel('Nom de l’organisation').inputValue()).toBe(
        'Association Darna Tanger',
      );
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'console-letter-error-fr-laptop');
      await page.getByLabel('E-mail').fill('contact@darna-tanger.ma');
      await page.getByLabel('Logo').setInputFiles(logoFile());
      await page.getByRole('button', { name: 'Enregistrer les réglages de la lettre' }).click();
      await page.getByText('Les réglages de la lettre sont enregistrés.').waitFor();
      await page.getByText(/Enregistré : PNG/).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'console-letter-saved-fr-laptop');
      await context.close();

      const settings = await w.t
        .http()
        .get(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .expect(200);
      expect(settings.body).toMatchObject({
        orgName: 'Association Darna Tanger',
        orgAddress: 'جمعية دارنا طنجة\n23, rue de la Liberté\n90000 Tanger, Maroc',
        orgEmail: 'contact@darna-tanger.ma',
        logo: { contentType: 'image/png' },
        coverage: { travel: 'organisers', accommodation: 'organisers', visaFees: 'participant' },
      });
    },
    SLOW,
  );

  it('is no page for a participant', async () => {
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'es-ES' });
    await signIn(page, people.minh);
    const res = await page.goto(`/console/events/${eventId}/letter`);
    expect(res?.status()).toBe(404);
    await context.close();
  });

  it(
    'asks a participant for the letter’s details on the travel page, in Spanish on a phone',
    async () => {
      const { context, page } = await w.newPage({ viewport: PHONE, locale: 'es-ES' });
      await signIn(page, people.mohamed);
      await page.goto(`/my/registrations/${regs.mohamed}/travel?lang=es`);
      await page.getByRole('heading', { name: 'Datos para su carta de invitación' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Fecha de nacimiento').fill('1988-04-12');
      await page.getByLabel('Fecha de expedición del pasaporte').fill('2099-01-01');
      await page.getByLabel('País del consulado').selectOption('EG');
      await page.getByRole('button', { name: 'Guardar los datos de la carta' }).click();
      await page.getByText('Indique la ciudad del consulado.').waitFor();
      expect(await page.getByLabel('Fecha de nacimiento').inputValue()).toBe('1988-04-12');
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'participant-letter-request-error-es-phone');
      await page.getByLabel('Ciudad del consulado').fill('El Cairo');
      await page.getByRole('button', { name: 'Guardar los datos de la carta' }).click();
      await page
        .getByText(
          'Indique la fecha de expedición del pasaporte: no en el futuro y antes de su caducidad.',
        )
        .waitFor();
      await page.getByLabel('Fecha de expedición del pasaporte').fill('2021-03-01');
      await page.getByRole('button', { name: 'Guardar los datos de la carta' }).click();
      await page.getByText('Los datos de su carta están guardados.').waitFor();
      await page.getByText('El Cairo (Egipto)').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'participant-letter-request-saved-es-phone');
      await context.close();

      // The organiser's letter carries what was given, under the letterhead.
      const pdf = await w.t
        .http()
        .get(`/api/registrations/${regs.mohamed}/visa-letter.pdf`)
        .set(organiser.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const text = pdfText(pdf.body as Buffer).replace(/\s+/g, ' ');
      expect(text).toContain(MOHAMED);
      expect(text).toContain('Fecha de nacimiento: 12 de abril de 1988');
      expect(text).toContain('Fecha de expedición del pasaporte: 1 de marzo de 2021');
      expect(text).toContain('A la atención del Consulado de Marruecos en El Cairo (Egipto)');
      expect(text).toContain('Association Darna Tanger');
    },
    SLOW,
  );

  it(
    'shows the French form with a Vietnamese name at 1280 px, and refuses another participant',
    async () => {
      const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
      await signIn(page, people.minh);
      await page.goto(`/my/registrations/${regs.minh}/travel?lang=fr`);
      await page
        .getByRole('heading', { name: 'Informations pour votre lettre d’invitation' })
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, 'participant-letter-request-fr-laptop');
      const other = await page.goto(`/my/registrations/${regs.mohamed}/travel`);
      expect(other?.status()).toBe(404);
      await context.close();
    },
    SLOW,
  );
});
