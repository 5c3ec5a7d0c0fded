import { createEvent, loginAdmin, signup } from './support/factories.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  linkIn,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

describe('organiser console: events in a real browser, at 1280x800', () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld('console_events_browser');
  });
  afterAll(() => w.close());

  it('Claire creates an event, writes its texts in three languages, publishes it and invites a facilitator', async () => {
    const admin = await loginAdmin(w.t);
    const claire = await signup(w.t, { name: 'Claire Martin', locale: 'fr' });
    // Claire already organises last year's meeting: that is what lets her create events.
    const previous = await createEvent(w.t, admin, { name: 'Rencontre de Dakar 2026' });
    await w.t
      .http()
      .post(`/api/events/${previous.id}/staff`)
      .set(admin.auth)
      .send({ accountId: claire.id, role: 'organiser' })
      .expect(201);

    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
    await page.goto('/signin?next=/console');
    await page.locator('#password-form').getByLabel('Adresse e-mail').fill(claire.email);
    await page.locator('#password-form').getByLabel('Mot de passe').fill('a-long-password');
    await page.locator('#password-form').getByRole('button').click();
    await page.getByRole('heading', { name: 'Vos événements' }).waitFor();
    expect(await page.getByRole('link', { name: 'Rencontre de Dakar 2026' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-events-list-fr-laptop');

    await page.getByRole('link', { name: 'Créer un événement' }).click();
    await page.getByRole('heading', { name: 'Créer un événement' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A first try with a mistake: the form says so next to the field, keeping the rest.
    await page.locator('#f-names-fr').fill('Rencontre de Tanger 2027');
    await page.locator('#f-capacity').fill('0');
    await page.getByRole('button', { name: "Créer l'événement" }).click();
    await page.getByText('Il y a un problème').waitFor();
    expect(await page.locator('#f-capacity-error').textContent()).toBeTruthy();
    expect(await page.locator('#f-names-fr').inputValue()).toBe('Rencontre de Tanger 2027');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-event-new-errors-fr-laptop');

    await page.getByLabel('Anglais').check();
    await page.getByLabel('Espagnol').check();
    await page.locator('#f-names-en').fill('Tangier meeting 2027');
    await page.locator('#f-names-es').fill('Encuentro de Tánger 2027');
    await page.locator('#f-descriptions-fr').fill('Trois jours pour partager nos pratiques.');
    await page.locator('#f-descriptions-en').fill('Three days to share our practice.');
    await page.locator('#f-descriptions-es').fill('Tres días para compartir nuestras prácticas.');
    await page.locator('#f-practicalInfo-fr').fill('Navette depuis l’aéroport Ibn Battouta.');
    await page.locator('#f-practicalInfo-en').fill('Shuttle from Ibn Battuta airport.');
    await page.locator('#f-practicalInfo-es').fill('Traslado desde el aeropuerto Ibn Battuta.');
    await page.getByLabel('Fuseau horaire').selectOption('Africa/Casablanca');
    await page.getByLabel('Premier jour').fill('2027-10-25');
    await page.getByLabel('Dernier jour').fill('2027-10-30');
    await page.getByLabel('Nom du lieu').fill('Hôtel Continental');
    await page.getByLabel('Ville').fill('Tanger');
    await page.getByLabel('Pays').selectOption('MA');
    await page.locator('#f-capacity').fill('30');
    await page.getByLabel('Ouverture des inscriptions').fill('2027-05-01T09:00');
    await page.getByLabel('Clôture des inscriptions').fill('2027-09-15T18:00');
    await page.getByRole('button', { name: "Créer l'événement" }).click();
    await page.getByText("L'événement est créé, en brouillon.").waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/events\/[0-9a-f-]{36}\/settings$/);
    const eventId = new URL(page.url()).pathname.split('/')[3];
    expect(await page.locator('#f-names-es').inputValue()).toBe('Encuentro de Tánger 2027');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-event-settings-fr-laptop');

    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText("L'événement est publié.").waitFor();
    expect(await page.locator('.ce-lifecycle .ce-status').textContent()).toBe('Publié');
    const stored = await w.t.http().get(`/api/events/${eventId}`).set(admin.auth).expect(200);
    expect(stored.body).toMatchObject({
      status: 'published',
      names: {
        fr: 'Rencontre de Tanger 2027',
        en: 'Tangier meeting 2027',
        es: 'Encuentro de Tánger 2027',
      },
      practicalInfo: { es: 'Traslado desde el aeropuerto Ibn Battuta.' },
    });

    // Staff: a facilitator who has no account yet, invited in Spanish.
    await page
      .getByRole('navigation', { name: "Rubriques de l'événement" })
      .getByRole('link', { name: 'Équipe' })
      .click();
    await page.getByRole('heading', { name: 'Ajouter une personne' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const email = `minh.khai-${Date.now()}@example.org`;
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Nom', { exact: true }).fill('Nguyễn Thị Minh Khai-Hằng');
    await page.getByLabel('Rôle').selectOption('facilitator');
    await page.getByLabel("Langue de l'invitation").selectOption('es');
    await page.getByRole('button', { name: "Ajouter à l'équipe" }).click();
    await page.getByText('une invitation lui a été envoyée').waitFor();
    expect(
      await page.getByRole('cell', { name: 'Nguyễn Thị Minh Khai-Hằng', exact: true }).count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-event-staff-fr-laptop');

    // The invitation reaches the real SMTP server, in Spanish, with a link that signs in.
    const mail = await w.mailTo(
      email,
      /Invitación a unirse al equipo de «Encuentro de Tánger 2027»/,
    );
    expect(mail.text).toContain('Claire Martin');
    const link = linkIn(mail, w.baseUrl);
    const invitee = await w.newPage({ viewport: LAPTOP, locale: 'es-ES' });
    await invitee.page.goto(link);
    await invitee.page
      .getByRole('button')
      .filter({ hasText: /Entrar|Acceder|conectar/i })
      .first()
      .click();
    await invitee.page.waitForURL((url) => url.pathname === `/e/${stored.body.slug}`);
    await invitee.context.close();
    const staff = await w.t.http().get(`/api/events/${eventId}/staff`).set(admin.auth).expect(200);
    expect(staff.body).toContainEqual(
      expect.objectContaining({ email, role: 'facilitator', invited: false }),
    );

    // The same pages in Spanish, for the screenshots.
    await page.goto(`/console/events/${eventId}/settings?lang=es`);
    await page.getByRole('heading', { name: 'Ajustes' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-event-settings-es-laptop');
    await page.goto('/console?lang=es');
    await page.getByRole('link', { name: 'Encuentro de Tánger 2027' }).waitFor();
    await snap(page, 'console-events-list-es-laptop');
    await context.close();
  });

  it('shows a participant the 404 page on the console', async () => {
    const awa = await signup(w.t, { name: 'Awa Traoré', locale: 'fr' });
    const admin = await loginAdmin(w.t);
    const event = await createEvent(w.t, admin);
    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
    await page.goto('/signin');
    await page.locator('#password-form').getByLabel('Adresse e-mail').fill(awa.email);
    await page.locator('#password-form').getByLabel('Mot de passe').fill('a-long-password');
    await page.locator('#password-form').getByRole('button').click();
    await page.waitForURL((url) => url.pathname === '/');
    for (const path of [
      '/console',
      `/console/events/${event.id}/settings`,
      `/console/events/${event.id}/staff`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-events-404-participant-fr-laptop');
    await context.close();
  });
});
