import type { BrowserContext } from 'playwright-core';
import { register } from './support/agenda-fixtures.js';
import {
  accessibilityViolations,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';

const PASSWORD = 'a-long-password';
const PHONE_390 = { width: 390, height: 844 };

/*
 * The journal, the host's page and the exchange report in a real browser: axe-core finds
 * nothing, nothing is wider than a 390 px phone, and the journal form works without
 * JavaScript (saved, then shown with the host's answer).
 */
describe('learning pages in a browser', () => {
  let w: BrowserWorld;
  let visitor: Session;
  let host: Session;
  let eventId: string;
  let slug: string;

  beforeAll(async () => {
    w = await startBrowserWorld('learning_pages');
    const t = w.t;
    const admin = await loginAdmin(t);
    const batoto = await createOrganisation(t, admin, {
      name: 'Solidarité Batoto',
      country: 'CD',
      city: 'Kinshasa',
    });
    const kogl = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
    visitor = await signup(t, {
      name: 'Nguyễn Thị Minh Khai-Hằng',
      password: PASSWORD,
      locale: 'fr',
      organisationId: kogl.id,
    });
    const other = await signup(t, { name: 'محمد بن عبد الرحمن الإدريسي', organisationId: kogl.id });
    host = await signup(t, {
      name: 'Espérance Mbuyi',
      password: PASSWORD,
      locale: 'fr',
      organisationId: batoto.id,
    });
    const event = await createEvent(t, admin, {
      name: 'Immersion : Kogl Taaba chez Solidarité Batoto',
      kind: 'immersion',
      hostOrganisationId: batoto.id,
      timezone: 'Africa/Kinshasa',
      startDate: '2027-03-08',
      endDate: '2027-03-10',
      languages: ['fr'],
      venue: { name: 'Maison des Familles', city: 'Kinshasa', country: 'CD' },
    });
    eventId = event.id;
    slug = event.slug;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    await register(t, eventId, visitor, kogl.id);
    await register(t, eventId, other, kogl.id);
    const session = (title: string, startsAt: string, endsAt: string) =>
      t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(admin.auth)
        .send({ kind: 'workshop', title, startsAt, endsAt })
        .expect(201);
    await session('Réunion d’équipe du lundi', '2027-03-08T08:30', '2027-03-08T10:00');
    await session(
      'Atelier avec les familles : la parole aux parents, et une longue suite de mots',
      '2027-03-09T14:00',
      '2027-03-09T16:30',
    );
    await t.http().post(`/api/events/${eventId}/agenda/publish`).set(admin.auth).expect(200);
    const shared = await t
      .http()
      .put(`/api/events/${eventId}/journal/2027-03-08`)
      .set(other.auth)
      .send({
        observations: 'Chaque famille a une référente nommée dès le premier jour.',
        questions: 'Qui reprend le suivi quand la référente est absente ?',
        sharing: 'network',
      })
      .expect(200);
    await t
      .http()
      .put(`/api/journal-entries/${shared.body.id}/answer`)
      .set(host.auth)
      .send({ body: 'Une binôme : chaque référente a une collègue qui connaît ses familles.' })
      .expect(200);
  });
  afterAll(() => w?.close());

  const signIn = async (who: Session, viewport: { width: number; height: number }) => {
    const { context, page } = await w.newPage({ viewport, locale: 'fr-FR' });
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill(who.email);
    await page.locator('#password-form input[name=password]').fill(PASSWORD);
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.close();
    return context;
  };

  const check = async (
    context: BrowserContext,
    path: string,
    name: string,
    width: number,
    problems: string[],
  ) => {
    const page = await context.newPage();
    const res = await page.goto(path);
    if (res?.status() !== 200) problems.push(`${name}: ${res?.status()}`);
    for (const v of await accessibilityViolations(page)) problems.push(`${name}: ${v}`);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > width) problems.push(`${name}: ${scroll}px wide`);
    await snap(page, `learning-${name}`);
    return page;
  };

  it('shows the journal, the host page and the report accessibly on a 390 px phone', async () => {
    const problems: string[] = [];
    const phone = await signIn(visitor, PHONE_390);
    const journal = await check(phone, `/e/${slug}/journal`, 'journal-phone', 390, problems);
    // Written and shared through the form, without any script.
    const day = journal.locator('#day-2027-03-09');
    await day
      .locator('textarea[name=observations]')
      .fill('Les parents animent une partie de l’atelier.');
    await day.locator('input[name=sharing][value=host]').check();
    await day.locator('button[type=submit]').click();
    await journal.waitForURL(/journal/);
    await journal
      .locator('#day-2027-03-09')
      .getByText('Partagée avec l’équipe d’accueil')
      .waitFor();
    await journal.close();
    await (await check(phone, `/e/${slug}/report`, 'report-phone', 390, problems)).close();
    await phone.close();

    const hostPhone = await signIn(host, PHONE_390);
    const hostPage = await check(
      hostPhone,
      `/host/events/${eventId}/journal`,
      'host-phone',
      390,
      problems,
    );
    await hostPage.getByText('Les parents animent une partie de l’atelier.').waitFor();
    await hostPage.close();
    await hostPhone.close();
    expect(problems).toEqual([]);
  });
});
