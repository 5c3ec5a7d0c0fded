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
  type BrowserWorld,
  LAPTOP,
  linkIn,
  PHONE,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

/** Every page built here is checked by axe-core (JavaScript on), and photographed. */
async function check(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  await snap(page, name);
}

describe('participant access in a real browser', () => {
  let w: BrowserWorld;
  let admin: Session;
  let org: { id: string; name: string };
  let tangier: { id: string; slug: string };
  let dakar: { id: string; slug: string };

  /** Registers someone through the API (accounts from the factories are confirmed). */
  async function apiRegister(person: Session, eventId: string, body: Record<string, unknown> = {}) {
    await w.t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(person.auth)
      .send({
        organisationId: org.id,
        profession: 'social_worker',
        consent: { dataProcessing: true },
        ...body,
      })
      .expect(201);
  }

  /** Fills and sends the sign-up form, then opens the confirmation link from the SMTP server. */
  async function signUpAndConfirm(
    page: Page,
    person: { name: string; email: string; locale: string },
    subject: RegExp,
    prefix: string,
  ): Promise<void> {
    await page.locator('input[name=name]').fill(person.name);
    await page.locator('input[name=email]').fill(person.email);
    await page.locator('select[name=locale]').selectOption(person.locale);
    await page.locator('select[name=organisationId]').selectOption(org.id);
    await page.locator('input[name=password]').fill('a-long-password');
    await check(page, `${prefix}-sign-up-phone`);
    await page.locator('form[action^="/signup"] button[type=submit]').click();
    await page.locator('.notice[role=status]').waitFor();
    await check(page, `${prefix}-check-email-phone`);

    const mail = await w.mailTo(person.email, subject);
    await page.goto(linkIn(mail, w.baseUrl));
    await check(page, `${prefix}-verify-email-phone`);
    await page.locator('form[action^="/verify-email"] button[type=submit]').click();
  }

  beforeAll(async () => {
    w = await startBrowserWorld('participant_access_browser');
    admin = await loginAdmin(w.t);
    org = await createOrganisation(w.t, admin, {
      name: 'Association des travailleurs sociaux de Ouagadougou',
      country: 'BF',
      city: 'Ouagadougou',
    });
    // Last year's meeting, where Awa gave her details once already.
    dakar = await createEvent(w.t, admin, {
      name: 'Rencontre de Dakar 2026',
      startDate: '2027-03-01',
      endDate: '2027-03-05',
      timezone: 'Africa/Dakar',
      venue: { name: 'Hôtel Terrou-Bi', city: 'Dakar', country: 'SN' },
    });
    // One place, already taken, and one person already waiting.
    tangier = await createEvent(w.t, admin, {
      name: 'Rencontre de Tanger 2027',
      capacity: 1,
      description: 'La rencontre annuelle du réseau : ateliers, visites de terrain et plénières.',
    });
    await apiRegister(await signup(w.t), tangier.id);
    await apiRegister(await signup(w.t), tangier.id);
  });
  afterAll(() => w.close());

  it('Awa signs up in French on her phone, confirms her address, registers and cancels another registration', async () => {
    const email = `awa-${Date.now()}@example.org`;
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });

    await page.goto(`/e/${tangier.slug}`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByText('Toutes les places sont prises').waitFor();
    await check(page, 'pa-event-page-fr-phone');
    await page.getByRole('link', { name: 'M’inscrire sur la liste d’attente' }).click();
    // Not signed in: the sign-in page, which leads to the sign-up form.
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await page.getByRole('heading', { name: 'Créer un compte' }).waitFor();
    await signUpAndConfirm(
      page,
      { name: 'Awa Traoré', email, locale: 'fr' },
      /Confirmez votre adresse/,
      'pa-awa',
    );
    // Confirmed and signed in, she lands on the form she was going to.
    await page.getByText('votre adresse e-mail est confirmée').waitFor();
    await page.locator('#pa-register').waitFor();

    // Her registration for last year's meeting, so this year's form starts filled in.
    const login = await w.t
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'a-long-password' })
      .expect(200);
    const awa: Session = {
      token: login.body.accessToken,
      id: login.body.account.id,
      email,
      auth: { Authorization: `Bearer ${login.body.accessToken}` },
    };
    await apiRegister(awa, dakar.id, {
      profession: 'psychologist',
      languages: ['fr', 'wo'],
      dietary: 'Végétarienne',
      emergencyContact: { name: 'Moussa Traoré', phone: '+226 70 12 34 56', relation: 'frère' },
    });

    await page.goto(`/e/${tangier.slug}`);
    await page.getByRole('link', { name: 'M’inscrire sur la liste d’attente' }).click();
    await page
      .getByText('Nous avons repris ce que vous nous aviez indiqué pour Rencontre de Dakar 2026')
      .waitFor();
    expect(await page.locator('select[name=profession]').inputValue()).toBe('psychologist');
    expect(await page.locator('textarea[name=dietary]').inputValue()).toBe('Végétarienne');
    expect(await page.locator('#f-emergencyContact-name').inputValue()).toBe('Moussa Traoré');
    expect(await page.locator('#f-languages-5').isChecked()).toBe(true); // wolof
    await page
      .getByText('Toutes les places sont prises. Vous serez sur la liste d’attente')
      .waitFor();
    await page.getByText('Version du texte : 2026-12-01').waitFor();
    await check(page, 'pa-register-prefilled-fr-phone');

    // Forgetting the consent box: the message is next to it, nothing is lost.
    await page.locator('input[name=phone]').fill('+226 76 00 00 00');
    await page.getByRole('button', { name: 'M’inscrire sur la liste d’attente' }).click();
    await page.getByText('Il y a un problème').waitFor();
    expect(await page.locator('input[name=phone]').inputValue()).toBe('+226 76 00 00 00');
    await check(page, 'pa-register-errors-fr-phone');
    await page.locator('#f-consent-dataProcessing').check();
    await page.getByRole('button', { name: 'M’inscrire sur la liste d’attente' }).click();

    await page.getByText('Votre inscription est envoyée.').waitFor();
    await page.getByRole('heading', { name: 'Et maintenant ?' }).waitFor();
    await page.getByText('Vous êtes 2e sur la liste d’attente.').waitFor();
    await check(page, 'pa-registration-next-fr-phone');

    await page.getByRole('link', { name: 'Mes inscriptions' }).click();
    const tangierCard = page.locator('.pa-reg', { hasText: 'Rencontre de Tanger 2027' });
    await tangierCard.getByText('Sur liste d’attente').waitFor();
    await tangierCard.getByText('Vous êtes 2e sur la liste d’attente.').waitFor();
    await check(page, 'pa-my-registrations-fr-phone');

    // She cannot go to Dakar after all: cancel, after reading what it means.
    const dakarCard = page.locator('.pa-reg', { hasText: 'Rencontre de Dakar 2026' });
    await dakarCard.getByRole('link', { name: 'Détails et annulation' }).click();
    await page.getByRole('link', { name: 'Annuler mon inscription' }).click();
    await page.getByText('Avant d’annuler, lisez ce que cela implique').waitFor();
    await check(page, 'pa-cancel-confirm-fr-phone');
    await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
    await page.getByText('Votre inscription est annulée.').waitFor();
    await page.locator('.badge', { hasText: 'Annulée' }).waitFor();
    expect(await page.getByRole('link', { name: 'Annuler mon inscription' }).count()).toBe(0);
    await check(page, 'pa-registration-cancelled-fr-phone');

    // The cancellation email links back to the registration's page.
    const mail = await w.mailTo(email, /Inscription annulée/);
    expect(linkIn(mail, w.baseUrl)).toMatch(/\/my\/registrations\/[0-9a-f-]{36}$/);
    await context.close();
  }, 300_000);

  it('Lucía does the same in Spanish', async () => {
    const email = `lucia-${Date.now()}@example.org`;
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'es-PE' });
    await page.goto('/signup');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await signUpAndConfirm(
      page,
      { name: 'Lucía Quispe Mamani', email, locale: 'es' },
      /Confirme su dirección/,
      'pa-lucia',
    );
    await page.getByText('su dirección de correo está confirmada').waitFor();
    await page.getByRole('heading', { name: 'Mis inscripciones' }).waitFor();

    await page.goto(`/e/${tangier.slug}`);
    await page.getByText('Tánger').first().waitFor();
    await check(page, 'pa-event-page-es-phone');
    await page.getByRole('link', { name: 'Inscribirme en la lista de espera' }).click();
    await page.locator('select[name=profession]').selectOption('social_worker');
    await page.locator('#f-consent-dataProcessing').check();
    await check(page, 'pa-register-es-phone');
    await page.getByRole('button', { name: 'Inscribirme en la lista de espera' }).click();
    await page.getByRole('heading', { name: 'Y ahora, ¿qué?' }).waitFor();
    await page.getByText('Ocupa el puesto 3.º de la lista de espera.').waitFor();
    await check(page, 'pa-registration-next-es-phone');
    await page.getByRole('link', { name: 'Mis inscripciones' }).click();
    await page.getByText('En lista de espera').waitFor();
    await context.close();

    // The same pages on a laptop: the reading width holds, nothing stretches.
    const laptop = await w.newPage({ viewport: LAPTOP, locale: 'es-ES' });
    await laptop.page.goto(`/e/${tangier.slug}`);
    await check(laptop.page, 'pa-event-page-es-laptop');
    await laptop.context.close();
  }, 240_000);

  it('registers with JavaScript off, and the password pages pass axe', async () => {
    const manila = await createEvent(w.t, admin, {
      name: 'Immersion à Manille',
      timezone: 'Asia/Manila',
      venue: { name: 'Centro Escolar', city: 'Manila', country: 'PH' },
      requiresApproval: true,
    });
    const person = await signup(w.t, {
      name: 'محمد بن عبد الرحمن الإدريسي',
      locale: 'fr',
      organisationId: org.id,
    });
    const { context, page } = await w.newPage({ javaScriptEnabled: false, locale: 'fr-FR' });
    await page.goto(`/signin?next=/e/${manila.slug}/register`);
    await page.locator('#password-form input[name=email]').fill(person.email);
    await page.locator('#password-form input[name=password]').fill('a-long-password');
    await page.locator('#password-form button[type=submit]').click();
    await page.locator('#pa-register').waitFor();
    await page.getByText('L’équipe d’organisation examine chaque inscription').waitFor();
    await page.locator('select[name=profession]').selectOption('legal_expert');
    await page.locator('#f-consent-dataProcessing').check();
    await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
    await page.getByText('Votre inscription est envoyée.').waitFor();
    await page.getByText('En attente de validation').first().waitFor();
    await snap(page, 'pa-registration-pending-nojs-fr-phone');
    await context.close();

    const js = await w.newPage({ locale: 'fr-FR' });
    // A long Vietnamese name and a mistyped address: the name stays, the message is next to the field.
    await js.page.goto('/signup');
    await js.page.locator('input[name=name]').fill('Nguyễn Thị Minh Khai-Hằng');
    await js.page.locator('input[name=email]').fill('minh.khai@');
    await js.page.locator('form[action^="/signup"] button[type=submit]').click();
    await js.page.getByText('Il y a un problème').waitFor();
    expect(await js.page.locator('input[name=name]').inputValue()).toBe(
      'Nguyễn Thị Minh Khai-Hằng',
    );
    await check(js.page, 'pa-sign-up-errors-fr-phone');
    await js.page.goto('/password/forgot');
    await check(js.page, 'pa-password-forgot-fr-phone');
    await js.page.locator('input[name=email]').fill(person.email);
    await js.page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await js.page.locator('.notice[role=status]').waitFor();
    const mail = await w.mailTo(person.email, /nouveau mot de passe/);
    await js.page.goto(linkIn(mail, w.baseUrl));
    await check(js.page, 'pa-password-reset-fr-phone');
    await js.page.locator('input[name=password]').fill('brand-new-password');
    await js.page.locator('input[name=passwordAgain]').fill('brand-new-password');
    await js.page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
    await js.page.getByText('Votre nouveau mot de passe est enregistré').waitFor();
    await js.page.goto('/password/reset?token=used-or-wrong-token-000000');
    await check(js.page, 'pa-password-reset-invalid-fr-phone');
    await js.context.close();
  }, 240_000);
});
