import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import {
  accessibilityViolations,
  LAPTOP,
  linkIn,
  PHONE,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';
import { registrationBody } from './support/registration-fixtures.js';

const PASSWORD = 'a-long-password';

describe('travel, calendar and my data in a real browser', () => {
  let w: BrowserWorld;
  let admin: Session;
  let organiser: Session;
  let eventId: string;
  let orgId: string;
  const downloads = mkdtempSync(join(tmpdir(), 'convene-travel-'));

  async function register(name: string, locale: string) {
    const person = await signup(w.t, { name, locale, password: PASSWORD });
    const reg = await w.t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(person.auth)
      .send(registrationBody(orgId, { dietary: 'Végétarienne' }))
      .expect(201);
    return { person, registrationId: reg.body.id as string };
  }

  async function signInThroughPage(page: Page, email: string, next: string, labels: string[]) {
    const [emailLabel, passwordLabel, button] = labels;
    await page.goto(`/signin?next=${encodeURIComponent(next)}`);
    const form = page.locator('#password-form');
    await form.getByLabel(emailLabel).fill(email);
    await form.getByLabel(passwordLabel).fill(PASSWORD);
    await form.getByRole('button', { name: button }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  beforeAll(async () => {
    w = await startBrowserWorld('participant_travel_browser');
    admin = await loginAdmin(w.t);
    organiser = await signup(w.t, { name: 'Nadia Benali' });
    orgId = (
      await createOrganisation(w.t, admin, {
        name: 'Maison des Familles de Ouagadougou',
        country: 'BF',
      })
    ).id;
    eventId = (
      await createEvent(w.t, admin, {
        name: 'Communautés de pratique — Tanger 2027',
        venue: { name: 'Hôtel Continental', city: 'Tanger', country: 'MA' },
      })
    ).id;
    await w.t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
  });
  afterAll(() => w.close());

  it('Awa fills her travel, gets her letter, subscribes to her agenda, exports her data and leaves', async () => {
    const { person: awa, registrationId } = await register('Awa Traoré', 'fr');
    const travel = `/my/registrations/${registrationId}/travel`;
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });
    await signInThroughPage(page, awa.email, travel, [
      'Adresse e-mail',
      'Mot de passe',
      'Se connecter',
    ]);
    await page.getByRole('heading', { name: 'Voyage et visa' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A typing slip first: the message is next to the field, and nothing typed is lost.
    await page.getByLabel('Pays qui a délivré le passeport').selectOption('BF');
    await page.getByLabel('Numéro de passeport').fill('B 1234 567');
    await page.getByLabel('Date d’expiration').fill('2032-06-30');
    const arrival = page.getByRole('group', { name: 'Vol aller' });
    await arrival.getByLabel('Numéro de vol').fill('vol AT');
    await arrival.getByLabel('Aéroport', { exact: true }).fill('TNG');
    await arrival.getByLabel('Atterrissage : date et heure locale').fill('2027-10-24T14:05');
    await page.getByRole('button', { name: 'Enregistrer mon voyage' }).click();
    await page.getByText('Il y a un problème').waitFor();
    expect(await page.getByLabel('Numéro de passeport').inputValue()).toBe('B 1234 567');
    expect(await arrival.getByLabel('Numéro de vol').inputValue()).toBe('vol AT');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'travel-errors-fr-phone');

    await arrival.getByLabel('Numéro de vol').fill('AT571');
    const departure = page.getByRole('group', { name: 'Vol retour' });
    await departure.getByLabel('Numéro de vol').fill('AT570');
    await departure.getByLabel('Aéroport', { exact: true }).fill('TNG');
    await departure.getByLabel('Décollage : date et heure locale').fill('2027-10-31T08:30');
    await page.getByRole('button', { name: 'Enregistrer mon voyage' }).click();
    await page.getByText('Vos informations de voyage sont enregistrées.').waitFor();
    expect(await page.getByLabel('Numéro de passeport').inputValue()).toBe('B1234567');

    // The organisers learn that Burkina Faso passports need a visa for Morocco: her plan,
    // started before, now shows the request button.
    await w.t
      .http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['BF', 'CD'] })
      .expect(200);
    await page.reload();
    await page.getByText('votre passeport nécessite un visa').waitFor();
    await page.getByRole('button', { name: 'Demander une lettre d’invitation' }).click();
    await page.getByText('Votre demande a été transmise').waitFor();
    await page.getByText('Lettre d’invitation demandée').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'travel-requested-fr-phone');

    // An organiser issues it (opening it through the API); the email links to this page.
    await w.t
      .http()
      .get(`/api/registrations/${registrationId}/visa-letter.pdf`)
      .set(organiser.auth)
      .expect(200);
    const mail = await w.mailTo(awa.email, /lettre d'invitation est prête/);
    const link = linkIn(mail, w.baseUrl);
    expect(link).toBe(`${w.baseUrl}${travel}`);
    await page.goto(link);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger ma lettre d’invitation (PDF)' }).click(),
    ]);
    const pdfPath = join(downloads, 'letter.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8');
    expect(text).toContain('Awa Traoré');
    expect(text).toContain('B1234567');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'travel-issued-fr-phone');

    // Calendar: the webcal link for the phone and the QR code for a laptop.
    await page.goto('/my/calendar');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'calendar-fr-phone');
    await page.getByRole('button', { name: 'Créer mon lien d’abonnement' }).click();
    const webcal = page.getByRole('link', { name: 'Ajouter à mon calendrier (webcal)' });
    await webcal.waitFor();
    expect(await webcal.getAttribute('href')).toMatch(/^webcal:\/\/.+\/api\/calendar\/.+\.ics$/);
    expect(await page.locator('.cal-qr svg').isVisible()).toBe(true);
    const url = await page.getByLabel('Adresse d’abonnement (https)').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[\w-]{43}\.ics$/);
    const feed = await w.t.http().get(new URL(url).pathname).expect(200);
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'calendar-link-fr-phone');

    // My data, exported as JSON.
    await page.goto('/my/data');
    await page.getByRole('heading', { name: 'Mes données', level: 1 }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'my-data-fr-phone');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).first().click(),
    ]);
    const jsonPath = join(downloads, 'data.json');
    await json.saveAs(jsonPath);
    const data = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(data.account.name).toBe('Awa Traoré');
    expect(data.registrations[0].travel.passport.number).toBe('B1234567');
    expect(data.registrations[0].travel.visa.status).toBe('letter_issued');

    // Deleting: the consequences first, then done, signed out.
    await page.getByRole('link', { name: 'Supprimer mon compte…' }).click();
    await page.getByRole('heading', { name: 'Supprimer définitivement mon compte ?' }).waitFor();
    await page.getByText('Votre inscription en cours sera annulée.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'my-data-delete-fr-phone');
    await page.getByRole('button', { name: 'Oui, supprimer mon compte' }).click();
    await page.getByRole('heading', { name: 'Votre compte a été supprimé' }).waitFor();
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'my-data-deleted-fr-phone');
    await page.goto('/my/data');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  });

  it('reads well in Spanish with a long name, on a phone and on a laptop', async () => {
    const name = 'Nguyễn Thị Minh Khai-Hằng محمد بن عبد الرحمن الإدريسي';
    await w.t
      .http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['BF', 'CD'] })
      .expect(200);
    const { person, registrationId } = await register(name, 'es');
    const travel = `/my/registrations/${registrationId}/travel`;
    await w.t
      .http()
      .put(`/api/registrations/${registrationId}/travel`)
      .set(person.auth)
      .send({
        passport: { nationality: 'CD', number: 'OP0123456', expiresOn: '2028-02-15' },
        arrival: {
          flightNumber: 'AT571',
          airport: 'TNG',
          at: '2027-10-24T23:40',
          airportTimezone: 'Africa/Casablanca',
        },
      })
      .expect(200);
    for (const [viewport, label] of [
      [PHONE, 'phone'],
      [LAPTOP, 'laptop'],
    ] as const) {
      const { context, page } = await w.newPage({ viewport, locale: 'es-ES' });
      await signInThroughPage(page, person.email, travel, [
        'Correo electrónico',
        'Contraseña',
        'Entrar',
      ]);
      await page.getByRole('heading', { name: 'Viaje y visado' }).waitFor();
      await page.getByText('Carta de invitación solicitada').first().waitFor();
      // Expiring less than six months after the meeting: a warning in words.
      await page.getByText('Su pasaporte caduca el martes, 15 de febrero de 2028').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, `travel-es-${label}`);
      await page.goto('/my/data');
      await page.getByText(name).first().waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, `my-data-es-${label}`);
      await page.goto('/my/calendar');
      if (label === 'phone') {
        await page.getByRole('button', { name: 'Crear mi enlace de suscripción' }).click();
      } else {
        // A link exists since the phone: a new one replaces it, after a confirmation.
        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Crear un enlace nuevo' }).click();
        await page.getByText('El anterior ya no funciona.').waitFor();
      }
      await page.locator('.cal-qr svg').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await snap(page, `calendar-link-es-${label}`);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }
  });

  it('works with JavaScript off: travel saved, letter asked, data downloaded', async () => {
    const { person, registrationId } = await register('Fatou Diop', 'fr');
    const travel = `/my/registrations/${registrationId}/travel`;
    const { context, page } = await w.newPage({
      viewport: PHONE,
      locale: 'fr-FR',
      javaScriptEnabled: false,
    });
    await signInThroughPage(page, person.email, travel, [
      'Adresse e-mail',
      'Mot de passe',
      'Se connecter',
    ]);
    await page.getByLabel('Pays qui a délivré le passeport').selectOption('SN');
    await page.getByLabel('Numéro de passeport').fill('A00012345');
    await page.getByLabel('Date d’expiration').fill('2031-03-31');
    await page.getByRole('button', { name: 'Enregistrer mon voyage' }).click();
    await page.getByText('Vos informations de voyage sont enregistrées.').waitFor();
    await page.getByText('Sénégal, numéro A00012345').waitFor();
    await page.getByRole('button', { name: 'Demander une lettre d’invitation' }).click();
    await page.getByText('Votre demande a été transmise').waitFor();
    await page.goto('/my/data');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).first().click(),
    ]);
    const path = join(downloads, 'fatou.json');
    await json.saveAs(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).account.name).toBe('Fatou Diop');
    await context.close();
  });
});
