import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  linkIn,
  PHONE,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { pdfText } from './support/pdf-text.js';

/*
 * Issue 8: one journey through all the participant pages, as a person goes, by clicking
 * links from page to page (the only URL typed is the one in the sign-in email). Every
 * page she sees passes axe-core at WCAG 2.1 AA and is photographed for a person to look at.
 */
describe('the whole participant journey, on a phone, in a real browser', () => {
  let w: BrowserWorld;
  let organiser: Session;
  let ouaga: { id: string; name: string };
  let lima: { id: string; name: string };
  let event: { id: string; slug: string };
  let fullId: string;
  const EVENT = 'Rencontre du réseau — Tanger 2027';
  const WORKSHOP = 'Soutenir les familles autrement';
  const FULL = 'Écouter les adolescents';
  const VISIT = 'Visite du programme de soutien aux mères';
  const PLENARY = 'Plénière d’ouverture : bienvenue à Tanger';
  const MEAL = 'Déjeuner au jardin';
  const downloads = mkdtempSync(join(tmpdir(), 'convene-journey-'));

  /** axe-core on the page as it is, no page wider than the phone, and a screenshot. */
  async function look(page: Page, name: string): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, `journey-${name}`);
  }

  /** Asks for a sign-in link on /signin, then opens the link from the real SMTP server. */
  async function signInByEmail(
    page: Page,
    email: string,
    words: { signIn: string; email: string; send: string; sent: string; button: string },
    subject: RegExp,
    name: string,
  ): Promise<void> {
    await page.getByRole('link', { name: words.signIn, exact: true }).click();
    await page.locator('form').getByLabel(words.email).first().fill(email);
    await look(page, `${name}-sign-in`);
    await page.getByRole('button', { name: words.send }).click();
    await page.getByText(words.sent).first().waitFor();
    await look(page, `${name}-link-sent`);
    const mail = await w.mailTo(email, subject);
    await page.goto(linkIn(mail, w.baseUrl));
    await look(page, `${name}-magic-link`);
    await page.getByRole('button', { name: words.button }).click();
  }

  beforeAll(async () => {
    w = await startBrowserWorld('participant_journey_browser');
    const t = w.t;
    const admin = await loginAdmin(t);
    ouaga = await createOrganisation(t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
      city: 'Ouagadougou',
    });
    lima = await createOrganisation(t, admin, {
      name: 'Centro de Apoyo Familiar de Lima',
      country: 'PE',
      city: 'Lima',
    });
    const tanger = await createOrganisation(t, admin, { name: 'Association Tanger Familles' });
    organiser = await signup(t, { name: 'Nadia Benali', locale: 'fr' });
    event = await createEvent(t, admin, {
      name: EVENT,
      description: 'La rencontre annuelle du réseau : ateliers, visites de terrain et plénières.',
      venue: { name: 'Hôtel Continental', city: 'Tanger', country: 'MA' },
    });
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    // The organisers' visa rules do not list Burkina Faso: Awa asks for a letter herself
    // (her consulate wants one); a listed passport gets its letter requested on saving.
    await t
      .http()
      .put(`/api/events/${event.id}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['CD', 'NG'] })
      .expect(200);

    const room = async (name: string, capacity: number) =>
      (
        await t
          .http()
          .post(`/api/events/${event.id}/rooms`)
          .set(organiser.auth)
          .send({ name, capacity })
          .expect(201)
      ).body.id as string;
    const hall = await room('Grande salle', 200);
    const atelier = await room('Salle Ibn Battuta', 20);
    const session = async (body: Record<string, unknown>) =>
      (
        await t
          .http()
          .post(`/api/events/${event.id}/sessions`)
          .set(organiser.auth)
          .send(sessionBody(body))
          .expect(201)
      ).body.id as string;
    await session({
      kind: 'plenary',
      title: PLENARY,
      roomId: hall,
      startsAt: '2027-10-25T09:00',
      endsAt: '2027-10-25T10:30',
      language: 'fr',
      interpretationLanguages: ['en', 'es'],
    });
    await session({
      kind: 'meal',
      title: MEAL,
      startsAt: '2027-10-25T12:30',
      endsAt: '2027-10-25T14:00',
    });
    await session({
      title: WORKSHOP,
      roomId: atelier,
      theme: 'Parentalité',
      language: 'fr',
      capacity: 12,
      signupRequired: true,
      startsAt: '2027-10-26T10:00',
      endsAt: '2027-10-26T12:00',
    });
    fullId = await session({
      title: FULL,
      roomId: atelier,
      theme: 'Parentalité',
      language: 'fr',
      capacity: 1,
      signupRequired: true,
      startsAt: '2027-10-27T10:00',
      endsAt: '2027-10-27T12:00',
    });
    await session({
      kind: 'site_visit',
      title: VISIT,
      startsAt: '2027-10-28T08:30',
      endsAt: '2027-10-28T13:00',
      siteVisit: {
        hostOrganisationId: tanger.id,
        address: '12 rue de la Kasbah, Tanger',
        meetingPoint: 'Hall de l’Hôtel Continental',
        departureAt: '2027-10-28T08:30',
        returnAt: '2027-10-28T13:00',
        transport: 'minibus',
        seats: 12,
        rules: ['Aucune photo des familles', 'Demander avant de parler à une famille'],
      },
    });
    await t.http().post(`/api/events/${event.id}/agenda/publish`).set(organiser.auth).expect(200);

    // Two others got there first: one takes the full workshop's only seat, one is first in line.
    for (const name of ['Nguyễn Thị Minh Khai-Hằng', 'محمد بن عبد الرحمن الإدريسي']) {
      const other = await signup(t, { name, organisationId: ouaga.id });
      await register(t, event.id, other, ouaga.id);
      await t.http().post(`/api/sessions/${fullId}/signups`).set(other.auth).send({}).expect(201);
    }
  }, 120_000);
  afterAll(() => w.close());

  it('Awa, in French on her phone: signs in by email, registers, travels, gets her letter, picks sessions, subscribes, exports her data and leaves', async () => {
    const t = w.t;
    const awa = await signup(t, { name: 'Awa Traoré', locale: 'fr', organisationId: ouaga.id });
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });

    // The front door, not signed in.
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await look(page, 'awa-home-visitor');
    await signInByEmail(
      page,
      awa.email,
      {
        signIn: 'Se connecter',
        email: 'Adresse e-mail',
        send: 'Recevoir un lien de connexion',
        sent: 'Consultez vos e-mails',
        button: 'Me connecter',
      },
      /Votre lien de connexion à Convene/,
      'awa',
    );
    await page.getByText('Vous êtes connecté·e.').waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    // From the home page to the event, and registering.
    await page.getByRole('link', { name: 'Événements', exact: true }).click();
    await look(page, 'awa-home');
    await page.getByRole('link', { name: EVENT }).click();
    await page.getByRole('heading', { name: EVENT, level: 1 }).waitFor();
    await look(page, 'awa-event');
    await page.getByRole('link', { name: 'M’inscrire', exact: true }).click();
    await page.locator('#pa-register').waitFor();
    await page
      .getByLabel('Organisation', { exact: true })
      .selectOption({ label: `${ouaga.name} (Ouagadougou)` });
    await page.getByLabel('Profession', { exact: true }).selectOption('social_worker');
    await page.locator('#f-consent-dataProcessing').check();
    await look(page, 'awa-register');
    await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
    await page.getByText('Votre inscription est envoyée.').waitFor();
    await page.locator('.badge', { hasText: 'Confirmée' }).first().waitFor();
    await look(page, 'awa-registration');

    // My registrations, then her travel page.
    await page.getByRole('link', { name: 'Mes inscriptions' }).click();
    const card = page.locator('.pa-reg', { hasText: EVENT });
    await card.locator('.badge', { hasText: 'Confirmée' }).waitFor();
    await look(page, 'awa-my-registrations');
    await card.getByRole('link', { name: 'Voyage et visa' }).click();
    await page.getByRole('heading', { name: 'Voyage et visa', level: 1 }).waitFor();
    await look(page, 'awa-travel');
    await page.getByLabel('Pays qui a délivré le passeport').selectOption('BF');
    await page.getByLabel('Numéro de passeport').fill('B1234567');
    await page.getByLabel('Date d’expiration').fill('2032-06-30');
    const arrival = page.getByRole('group', { name: 'Vol aller' });
    await arrival.getByLabel('Numéro de vol').fill('AT571');
    await arrival.getByLabel('Aéroport', { exact: true }).fill('TNG');
    await arrival.getByLabel('Atterrissage : date et heure locale').fill('2027-10-24T14:05');
    const departure = page.getByRole('group', { name: 'Vol retour' });
    await departure.getByLabel('Numéro de vol').fill('AT570');
    await departure.getByLabel('Aéroport', { exact: true }).fill('TNG');
    await departure.getByLabel('Décollage : date et heure locale').fill('2027-10-31T08:30');
    await page.getByRole('button', { name: 'Enregistrer mon voyage' }).click();
    await page.getByText('Vos informations de voyage sont enregistrées.').waitFor();
    await page.getByText('Si votre consulat vous demande tout de même').waitFor();
    await look(page, 'awa-travel-saved');
    await page.getByRole('button', { name: 'Demander une lettre d’invitation' }).click();
    await page.getByText('Votre demande a été transmise').waitFor();
    await look(page, 'awa-letter-requested');

    // The organiser issues the letter (opening it issues it); the email brings her back.
    const registrationId = new URL(page.url()).pathname.split('/')[3];
    await t
      .http()
      .get(`/api/registrations/${registrationId}/visa-letter.pdf`)
      .set(organiser.auth)
      .expect(200);
    const ready = await w.mailTo(awa.email, /lettre d'invitation est prête/);
    await page.goto(linkIn(ready, w.baseUrl));
    await page.getByText('Lettre d’invitation délivrée').first().waitFor();
    await look(page, 'awa-letter-issued');
    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger ma lettre d’invitation (PDF)' }).click(),
    ]);
    const letterPath = join(downloads, 'letter.pdf');
    await letter.saveAs(letterPath);
    const pdf = readFileSync(letterPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('Awa Traoré');

    // From the event to its agenda: a workshop, the site visit and its rules, a full session.
    await page.getByRole('link', { name: 'Événements', exact: true }).click();
    await page.getByRole('link', { name: EVENT }).click();
    await page.locator('.pa-cta').getByText('Confirmée').waitFor();
    await look(page, 'awa-event-registered');
    await page.getByRole('link', { name: 'Voir le programme complet' }).click();
    await page.getByRole('heading', { name: 'Programme', level: 1 }).waitFor();
    await look(page, 'awa-agenda');
    await page
      .locator('li', { hasText: WORKSHOP })
      .getByRole('button', { name: "M'inscrire" })
      .click();
    await page.getByText('Vous êtes inscrit·e. À bientôt !').waitFor();
    await page
      .locator('li', { hasText: WORKSHOP })
      .getByText('Inscrit·e', { exact: true })
      .waitFor();
    await look(page, 'awa-agenda-signed-up');

    await page.locator('li', { hasText: VISIT }).getByRole('link', { name: "M'inscrire" }).click();
    await page.getByRole('heading', { name: "Les règles de l'hôte" }).waitFor();
    await page.getByText('Hall de l’Hôtel Continental').waitFor();
    await look(page, 'awa-site-visit');
    await page.getByLabel("J'ai lu les règles de l'hôte et je les accepte").check();
    await page.locator('#signup').getByRole('button', { name: "M'inscrire" }).click();
    await page.getByText("Vous avez accepté les règles de l'hôte.").waitFor();
    await look(page, 'awa-site-visit-signed-up');

    await page.getByRole('link', { name: 'Retour au programme' }).click();
    await page.getByRole('link', { name: FULL }).click();
    await page.getByRole('heading', { name: FULL, level: 1 }).waitFor();
    await page.getByText('Complet').first().waitFor();
    await look(page, 'awa-full-session');
    await page.getByRole('button', { name: "M'inscrire sur la liste d'attente" }).click();
    await page.getByText("Vous êtes 2e sur la liste d'attente.").waitFor();
    await look(page, 'awa-full-session-waitlisted');

    // Her week: the plenary and the meal for everyone, her seats, her place in line.
    await page.getByRole('link', { name: 'Mon programme' }).first().click();
    await page.getByRole('heading', { name: 'Mon programme', level: 1 }).waitFor();
    for (const title of [PLENARY, MEAL, WORKSHOP, VISIT, FULL]) {
      expect(await page.getByRole('link', { name: title }).count()).toBe(1);
    }
    expect(await page.getByText("Sur liste d'attente, 2e").count()).toBe(1);
    await look(page, 'awa-my-agenda');

    // The calendar: a webcal link for the phone, a QR code for a laptop.
    await page.getByRole('link', { name: 'Ajouter mon programme à mon agenda' }).click();
    await look(page, 'awa-calendar');
    await page.getByRole('button', { name: 'Créer mon lien d’abonnement' }).click();
    const webcal = page.getByRole('link', { name: 'Ajouter à mon calendrier (webcal)' });
    await webcal.waitFor();
    expect(await webcal.getAttribute('href')).toMatch(/^webcal:\/\/.+\/api\/calendar\/.+\.ics$/);
    expect(await page.locator('.cal-qr svg').isVisible()).toBe(true);
    const feedUrl = await page.getByLabel('Adresse d’abonnement (https)').inputValue();
    const feed = await t.http().get(new URL(feedUrl).pathname).expect(200);
    expect(feed.text).toContain(WORKSHOP);
    await look(page, 'awa-calendar-link');

    // Her data, exported, then her account deleted.
    await page.getByRole('link', { name: 'Mes données' }).click();
    await page.getByRole('heading', { name: 'Mes données', level: 1 }).waitFor();
    await look(page, 'awa-my-data');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).first().click(),
    ]);
    const jsonPath = join(downloads, 'awa.json');
    await json.saveAs(jsonPath);
    const data = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(data.account.name).toBe('Awa Traoré');
    expect(JSON.stringify(data)).toContain(EVENT);

    await page.getByRole('link', { name: 'Supprimer mon compte…' }).click();
    await page.getByRole('heading', { name: 'Supprimer définitivement mon compte ?' }).waitFor();
    await look(page, 'awa-delete');
    await page.getByRole('button', { name: 'Oui, supprimer mon compte' }).click();
    await page.getByRole('heading', { name: 'Votre compte a été supprimé' }).waitFor();
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
    await look(page, 'awa-deleted');

    // Signed out for good: her pages send her to sign in, and signing in fails.
    await page.getByRole('link', { name: 'Se connecter' }).click();
    const form = page.locator('#password-form');
    await form.getByLabel('Adresse e-mail').fill(awa.email);
    await form.getByLabel('Mot de passe').fill('a-long-password');
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .locator('#f-pw-password-error', {
        hasText: "L'adresse e-mail ou le mot de passe est incorrect.",
      })
      .waitFor();
    await look(page, 'awa-sign-in-refused');
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: awa.email, password: 'a-long-password' })
      .expect(401);
    // Her calendar feed ends with her account.
    await t.http().get(new URL(feedUrl).pathname).expect(404);
    await context.close();
  }, 600_000);

  it('Lucía, in Spanish with a long name: signs in by email, registers, signs up for a workshop, sees her week', async () => {
    const name = 'María Lucía Fernández de la Cruz Huamán';
    const lucia = await signup(w.t, { name, locale: 'es', organisationId: lima.id });
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'es-PE' });
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await signInByEmail(
      page,
      lucia.email,
      {
        signIn: 'Entrar',
        email: 'Correo electrónico',
        send: 'Enviarme un enlace para entrar',
        sent: 'Revise su correo',
        button: 'Entrar',
      },
      /Su enlace para entrar en Convene/,
      'lucia',
    );
    await page.getByText('Ha entrado.').waitFor();

    await page.getByRole('link', { name: 'Eventos', exact: true }).click();
    await page.getByRole('link', { name: EVENT }).click();
    await look(page, 'lucia-event');
    await page.getByRole('link', { name: 'Inscribirme', exact: true }).click();
    await page.locator('#pa-register').waitFor();
    await page.locator('select[name=organisationId]').selectOption(lima.id);
    await page.locator('select[name=profession]').selectOption('psychologist');
    await page.locator('#f-consent-dataProcessing').check();
    await look(page, 'lucia-register');
    await page.getByRole('button', { name: 'Enviar mi inscripción' }).click();
    await page.getByText('Su inscripción ha sido enviada.').waitFor();
    await look(page, 'lucia-registration');

    await page.getByRole('link', { name: 'Programa y talleres' }).click();
    await page.getByRole('heading', { name: 'Programa', level: 1 }).waitFor();
    await look(page, 'lucia-agenda');
    await page
      .locator('li', { hasText: WORKSHOP })
      .getByRole('button', { name: 'Inscribirme' })
      .click();
    await page.locator('li', { hasText: WORKSHOP }).locator('.pa-mark, .badge').first().waitFor();
    await page.getByRole('link', { name: 'Mi programa' }).first().click();
    await page.getByRole('heading', { name: 'Mi programa', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: WORKSHOP }).count()).toBe(1);
    expect(await page.getByRole('link', { name: PLENARY }).count()).toBe(1);
    await look(page, 'lucia-my-agenda');

    await page.getByRole('link', { name: 'Mis datos' }).click();
    await page.getByText(name).first().waitFor();
    await look(page, 'lucia-my-data');
    await context.close();
  }, 300_000);

  it('a first visit paints with the stylesheet in the page, then the next page takes it from the cache', async () => {
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`/e/${event.slug}`);
    expect(await page.locator('head style').count()).toBe(1);
    expect(await page.locator('link[rel=stylesheet]').count()).toBe(0);
    // Styled by the inline copy: the header's colour comes from the stylesheet, not the browser.
    const header = await page
      .locator('.site-header')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).not.toBe('rgba(0, 0, 0, 0)');
    // The prefetch fetched the stylesheet when the link was idle, which set its cookie.
    const hasCookie = async () => (await context.cookies()).some((c) => c.name === 'cv_css');
    for (let i = 0; i < 80 && !(await hasCookie()); i++) await page.waitForTimeout(250);
    expect(await hasCookie()).toBe(true);

    await page.goto('/signin');
    expect(await page.locator('head style').count()).toBe(0);
    expect(await page.locator('link[rel=stylesheet]').count()).toBe(1);
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.css'))
        .map((e) => (e as PerformanceResourceTiming).transferSize),
    );
    // In the cache: nothing crossed the network for it on the second page.
    expect(fetched).toEqual([0]);
    expect(refused).toEqual([]);
    await context.close();
  });

  it('registers with JavaScript off', async () => {
    const person = await signup(w.t, {
      name: 'Nguyễn Văn An',
      locale: 'fr',
      organisationId: ouaga.id,
    });
    const { context, page } = await w.newPage({
      viewport: PHONE,
      locale: 'fr-FR',
      javaScriptEnabled: false,
    });
    await page.goto('/');
    await page.getByRole('link', { name: EVENT }).click();
    await page.getByRole('link', { name: 'M’inscrire', exact: true }).click();
    // Not signed in: the sign-in page, which then leads to the form.
    const form = page.locator('#password-form');
    await form.getByLabel('Adresse e-mail').fill(person.email);
    await form.getByLabel('Mot de passe').fill('a-long-password');
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('#pa-register').waitFor();
    await page.locator('select[name=organisationId]').selectOption(ouaga.id);
    await page.locator('select[name=profession]').selectOption('legal_expert');
    await page.locator('#f-consent-dataProcessing').check();
    await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
    await page.getByText('Votre inscription est envoyée.').waitFor();
    await page.locator('.badge', { hasText: 'Confirmée' }).first().waitFor();
    await snap(page, 'journey-nojs-registration');
    await context.close();
  }, 180_000);
});
