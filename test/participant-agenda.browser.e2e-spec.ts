import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  accessibilityViolations,
  LAPTOP,
  linkIn,
  PHONE,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';
import { createEvent, createOrganisation, loginAdmin, signup } from './support/factories.js';

/*
 * Awa, on a 360 px phone in French, picks her workshops, accepts the rules of the site
 * visit, finds herself second in line for a full session, and sees her week; the host,
 * on a laptop, sees who comes on the bus. Every page passes axe-core at WCAG 2.1 AA.
 */
describe('the agenda in a real browser', () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld('participant_agenda_browser');
  });
  afterAll(() => w.close());

  it('Awa signs up for a workshop and the site visit, waits for a full session, and sees her week; the host sees the bus', async () => {
    const t = w.t;
    const admin = await loginAdmin(t);
    const ouaga = await createOrganisation(t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
      city: 'Ouagadougou',
    });
    const tanger = await createOrganisation(t, admin, { name: 'Association Tanger Familles' });
    const event = await createEvent(t, admin, { name: 'Communautés de pratique — Tanger 2027' });
    const password = 'awa-long-password';
    const awa = await signup(t, {
      name: 'Awa Traoré',
      locale: 'fr',
      password,
      organisationId: ouaga.id,
    });
    await register(t, event.id, awa, ouaga.id, {
      emergencyContact: { name: 'Moussa Traoré', phone: '+226 70 12 34 56' },
    });
    const khai = await signup(t, {
      name: 'Nguyễn Thị Minh Khai-Hằng',
      locale: 'en',
      organisationId: ouaga.id,
    });
    await register(t, event.id, khai, ouaga.id);
    const mohamed = await signup(t, {
      name: 'محمد بن عبد الرحمن الإدريسي',
      locale: 'fr',
      organisationId: tanger.id,
    });
    await register(t, event.id, mohamed, tanger.id);
    const host = await signup(t, { name: 'Samira El Amrani', locale: 'fr', password });
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);

    const create = async (body: Record<string, unknown>) =>
      (
        await t
          .http()
          .post(`/api/events/${event.id}/sessions`)
          .set(admin.auth)
          .send(sessionBody(body))
          .expect(201)
      ).body.id as string;
    await create({
      kind: 'plenary',
      title: 'Plénière d’ouverture : bienvenue à Tanger',
      startsAt: '2027-10-25T09:00',
      endsAt: '2027-10-25T10:30',
      language: 'fr',
      interpretationLanguages: ['en', 'es'],
    });
    await create({
      kind: 'break',
      title: 'Pause café',
      startsAt: '2027-10-25T10:30',
      endsAt: '2027-10-25T11:00',
    });
    const workshopId = await create({
      title: 'Soutenir les familles autrement',
      theme: 'Parentalité',
      language: 'fr',
      capacity: 12,
      signupRequired: true,
      startsAt: '2027-10-26T10:00',
      endsAt: '2027-10-26T12:00',
    });
    const full = await create({
      title: 'Écouter les adolescents',
      theme: 'Parentalité',
      language: 'fr',
      capacity: 1,
      signupRequired: true,
      startsAt: '2027-10-27T10:00',
      endsAt: '2027-10-27T12:00',
    });
    const visit = await create({
      kind: 'site_visit',
      title: 'Visite du programme de soutien aux mères',
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
    await t.http().post(`/api/events/${event.id}/agenda/publish`).set(admin.auth).expect(200);
    // Two others got there first: one takes the only seat, one is first in line.
    await t.http().post(`/api/sessions/${full}/signups`).set(khai.auth).send({}).expect(201);
    await t.http().post(`/api/sessions/${full}/signups`).set(mohamed.auth).send({}).expect(201);
    await t
      .http()
      .post(`/api/sessions/${visit}/signups`)
      .set(khai.auth)
      .send({ acceptRules: true })
      .expect(201);
    await t
      .http()
      .post(`/api/sessions/${visit}/signups`)
      .set(mohamed.auth)
      .send({ acceptRules: true })
      .expect(201);

    // Awa signs in through the sign-in page, on her phone, in French.
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });
    await page.goto(`/signin?next=${encodeURIComponent(`/e/${event.slug}/agenda`)}`);
    await page.locator('#password-form').getByLabel('Adresse e-mail').fill(awa.email);
    await page.locator('#password-form').getByLabel('Mot de passe').fill(password);
    await page.locator('#password-form').getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Programme', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'lundi 25 octobre 2027' }).count()).toBe(1);
    expect(await page.getByText('09:00–10:30').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'agenda-fr-phone');

    // A workshop, straight from the agenda.
    const workshop = page.locator('li', { hasText: 'Soutenir les familles autrement' });
    await workshop.getByRole('button', { name: "M'inscrire" }).click();
    await page.getByText('Vous êtes inscrit·e. À bientôt !').waitFor();
    await page
      .locator('li', { hasText: 'Soutenir les familles autrement' })
      .getByText('Inscrit·e', { exact: true })
      .waitFor();

    // The site visit: its page, its rules, the checkbox forgotten first.
    await page
      .locator('li', { hasText: 'Visite du programme' })
      .getByRole('link', { name: "M'inscrire" })
      .click();
    await page.getByRole('heading', { name: "Les règles de l'hôte" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('#signup').getByRole('button', { name: "M'inscrire" }).click();
    await page.getByText('Il y a un problème').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'site-visit-rules-error-fr-phone');
    await page.getByLabel("J'ai lu les règles de l'hôte et je les accepte").check();
    await page.locator('#signup').getByRole('button', { name: "M'inscrire" }).click();
    await page.getByText("Vous avez accepté les règles de l'hôte.").waitFor();
    await snap(page, 'site-visit-fr-phone');

    // The full session: the waiting list, second in line.
    await page.goto(`/e/${event.slug}/sessions/${full}`);
    await page.getByRole('button', { name: "M'inscrire sur la liste d'attente" }).click();
    await page.getByText("Vous êtes 2e sur la liste d'attente.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'session-waitlist-fr-phone');

    // Her week.
    await page.getByRole('link', { name: 'Mon programme' }).click();
    await page.getByRole('heading', { name: 'Mon programme', level: 1 }).waitFor();
    for (const title of [
      'Plénière d’ouverture : bienvenue à Tanger',
      'Pause café',
      'Soutenir les familles autrement',
      'Visite du programme de soutien aux mères',
      'Écouter les adolescents',
    ]) {
      expect(await page.getByRole('link', { name: title }).count()).toBe(1);
    }
    expect(await page.getByText("Sur liste d'attente, 2e").count()).toBe(1);
    expect(
      await page.getByRole('link', { name: 'Ajouter mon programme à mon agenda' }).count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'my-agenda-fr-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await context.close();

    // A seat frees up: the first in line is promoted, and the email links to the session page.
    await t.http().delete(`/api/sessions/${full}/signups/me`).set(khai.auth).expect(204);
    const promoted = await w.mailTo(mohamed.email, /Une place s'est libérée/);
    expect(linkIn(promoted, w.baseUrl)).toBe(`${w.baseUrl}/e/${event.slug}/sessions/${full}`);
    // Awa's calendar entries link to the pages too, not to the JSON API.
    const ics = (await t.http().get('/api/me/calendar.ics').set(awa.auth).expect(200)).text.replace(
      /\r?\n[ \t]/g,
      '',
    );
    expect(ics).toContain(`URL;VALUE=URI:${w.baseUrl}/e/${event.slug}/sessions/${workshopId}`);
    expect(ics).not.toContain('/api/sessions/');

    // The host, on a laptop: her visits, then the bus list.
    const h = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
    await h.page.goto('/signin?next=/host');
    await h.page.locator('#password-form').getByLabel('Adresse e-mail').fill(host.email);
    await h.page.locator('#password-form').getByLabel('Mot de passe').fill(password);
    await h.page.locator('#password-form').getByRole('button', { name: 'Se connecter' }).click();
    await h.page.getByRole('heading', { name: 'Les visites que vous accueillez' }).waitFor();
    expect(await accessibilityViolations(h.page)).toEqual([]);
    await snap(h.page, 'host-index-fr-laptop');
    await h.page.getByRole('link', { name: 'Communautés de pratique — Tanger 2027' }).click();
    await h.page.getByRole('heading', { name: 'Visites de terrain' }).waitFor();
    expect(await accessibilityViolations(h.page)).toEqual([]);
    await h.page.getByRole('link', { name: 'Voir qui vient' }).click();
    await h.page.getByRole('heading', { name: /Liste du bus/ }).waitFor();
    for (const name of ['Awa Traoré', 'Nguyễn Thị Minh Khai-Hằng', 'محمد بن عبد الرحمن الإدريسي']) {
      expect(await h.page.getByRole('cell', { name, exact: true }).count()).toBe(1);
    }
    expect(await h.page.getByText('Moussa Traoré').count()).toBe(1);
    expect(await accessibilityViolations(h.page)).toEqual([]);
    await snap(h.page, 'host-bus-list-fr-laptop');

    // An immersion she hosts: who comes, and when they land.
    const immersion = await createEvent(t, admin, {
      name: 'Immersion Ouagadougou → Tanger',
      kind: 'immersion',
      hostOrganisationId: tanger.id,
      capacity: 4,
    });
    await t
      .http()
      .post(`/api/events/${immersion.id}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    const stay = await register(t, immersion.id, khai, ouaga.id);
    await t
      .http()
      .put(`/api/registrations/${stay}/travel`)
      .set(khai.auth)
      .send({ arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T16:40' } })
      .expect(200);
    await h.page.goto(`/host/events/${immersion.id}`);
    await h.page.getByRole('heading', { name: 'Qui vient, et quand : les arrivées' }).waitFor();
    expect(await h.page.getByRole('cell', { name: 'Nguyễn Thị Minh Khai-Hằng' }).count()).toBe(1);
    expect(await accessibilityViolations(h.page)).toEqual([]);
    await snap(h.page, 'host-immersion-fr-laptop');
    await h.context.close();

    // The same pages in Spanish, for a look at the wording.
    const es = await w.newPage({ viewport: PHONE, locale: 'es-ES' });
    await es.page.goto(`/e/${event.slug}/sessions/${visit}?lang=es`);
    await es.page.getByRole('heading', { name: 'Las normas del anfitrión' }).waitFor();
    expect(await accessibilityViolations(es.page)).toEqual([]);
    await snap(es.page, 'site-visit-es-phone');
    await es.page.goto(`/e/${event.slug}/agenda`);
    expect(await accessibilityViolations(es.page)).toEqual([]);
    await snap(es.page, 'agenda-es-phone');
    // A filter that cannot be: the error summary, the filters open, the field marked.
    await es.page.goto(`/e/${event.slug}/agenda?kind=party`);
    await es.page.getByText('Hay un problema').waitFor();
    expect(await accessibilityViolations(es.page)).toEqual([]);
    await snap(es.page, 'agenda-filter-error-es-phone');
    await es.context.close();
  });
});
