import { DataSource } from 'typeorm';
import { FieldCipher, loadConfig } from '#core';
import { DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { seedExchanges } from '../scripts/seed/seed-exchanges.js';
import { seedFoundation } from '../scripts/seed/seed-foundation.js';
import { createEvent, loginAdmin, type Session } from './support/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * Issue 14 through the pages, on the demo's "Family support 2027": the programme with its
 * figures in French and Spanish and its GET filters, the host partner's staff seeing their
 * visitors (another host: 404), a manager nominating a visitor, and the organisers'
 * console making an exchange and linking its return visit. The seed runs twice (idempotent).
 */
let t: TestApp;
let ds: DataSource;
let admin: Session;
const orgs: Record<string, string> = {};
const exchangeOf: Record<string, string> = {};

const signedIn = async (email: string, password = DEMO_PASSWORD) => {
  const web = new WebClient(t);
  await web.signIn(email, password);
  return web;
};
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await startTestApp('exchanges_pages');
  ds = t.app.get(DataSource);
  const ctx = {
    ...(await seedFoundation(ds)),
    fieldCipher: new FieldCipher(loadConfig().dataEncryptionKey),
  };
  await seedExchanges(ctx);
  await seedExchanges(ctx);
  admin = await loginAdmin(t);
  for (const r of (await ds.query(
    `SELECT o.name, x.id, e.slug FROM exchanges x JOIN organisations o ON o.id = x.visiting_organisation_id
       JOIN events e ON e.id = x.event_id`,
  )) as Array<{ name: string; id: string; slug: string }>) {
    exchangeOf[r.name] = r.id;
  }
  for (const r of (await ds.query(`SELECT id, name FROM organisations`)) as Array<{
    id: string;
    name: string;
  }>) {
    orgs[r.name] = r.id;
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the programme page', () => {
  it('the seed is idempotent: four immersions, two pairs, eleven confirmed social workers', async () => {
    const [counts] = (await ds.query(
      `SELECT (SELECT count(*)::int FROM exchanges) AS exchanges,
              (SELECT count(*)::int FROM exchanges WHERE return_exchange_id IS NOT NULL) AS linked,
              (SELECT count(*)::int FROM programmes) AS programmes,
              (SELECT count(*)::int FROM registrations r JOIN exchanges x ON x.event_id = r.event_id
                WHERE r.status = 'confirmed' AND r.profession = 'social_worker') AS visitors,
              (SELECT count(*)::int FROM sessions s JOIN exchanges x ON x.event_id = s.event_id) AS sessions`,
    )) as Array<Record<string, number>>;
    expect(counts).toEqual({ exchanges: 4, linked: 4, programmes: 1, visitors: 11, sessions: 3 });
  });

  it('says the figures in French and Spanish, and shows each exchange with its state and return visit', async () => {
    const web = await signedIn('batoto@convene.demo');
    const fr = await web.get('/programmes/family-support-2027?lang=fr');
    expect(fr.status).toBe(200);
    const frText = text(fr.text);
    expect(frText).toContain('Soutien aux familles 2027');
    expect(frText).toContain('4 immersions, 11 travailleurs sociaux, 4 pays');
    expect(frText).toContain('Kogl Taaba (Burkina Faso) chez Solidarité Batoto');
    // 2026's pair is done both ways; Cameleon awaits the return planned for February 2027.
    expect(frText.match(/Réalisée/g)).toHaveLength(2);
    expect(frText).toContain('Visite retour attendue');
    expect(frText).toContain('Prévue');
    expect(fr.text).toContain('href="/e/immersion-batoto-kogl-taaba-2026"');
    // The Tangier week is in the programme too.
    expect(frText).toContain('Rencontre');

    const es = await web.get('/programmes/family-support-2027?lang=es');
    expect(text(es.text)).toContain('4 inmersiones, 11 trabajadores sociales, 4 países');
  });

  it('filters by partner, country and year with a plain GET form', async () => {
    const web = await signedIn('cameleon@convene.demo');
    const page = await web.get(`/programmes/family-support-2027?lang=en`);
    expect(page.text).toContain('<form action="/programmes/family-support-2027" method="get"');
    const wrc = text(
      (await web.get(`/programmes/family-support-2027?partner=${orgs["Women's Resource Center"]}`))
        .text,
    );
    expect(wrc).toContain('2 immersions, 5 social workers, 2 countries');
    expect(wrc).not.toContain('Kogl Taaba visits');
    const bf = text((await web.get('/programmes/family-support-2027?country=BF')).text);
    expect(bf).toContain('2 immersions, 6 social workers, 2 countries');
    const y2027 = text((await web.get('/programmes/family-support-2027?year=2027')).text);
    // One immersion (singular) and the Tangier week.
    expect(y2027).toContain('1 immersion, 2 social workers, 2 countries');
    expect(y2027).toContain('Meeting');
    // A malformed filter is ignored, never a 500.
    expect((await web.get('/programmes/family-support-2027?year=abc&partner=x')).status).toBe(200);
    expect((await web.get('/programmes/no-such-programme')).status).toBe(404);
    // Signed out: to the sign-in page.
    expect((await new WebClient(t).get('/programmes/family-support-2027')).status).toBe(303);
  });
});

describe('hosts, managers and organisers', () => {
  it("the host partner's staff see their visitors and needs; another host gets 404", async () => {
    const batoto = await signedIn('batoto@convene.demo');
    const page = await batoto.get(`/exchanges/${exchangeOf['Kogl Taaba']}/visitors?lang=fr`);
    expect(page.status).toBe(200);
    const seen = text(page.text);
    expect(seen).toContain('Mariam Ouédraogo');
    expect(seen).toContain('Sans porc');
    expect(seen).toContain('Travailleur·se social·e');
    const host = await batoto.get(`/host?lang=fr`);
    expect(host.status).toBe(200);
    expect(text(host.text)).toContain('Kogl Taaba chez Solidarité Batoto');
    const [{ event_id: visitA }] = (await ds.query(`SELECT event_id FROM exchanges WHERE id = $1`, [
      exchangeOf['Kogl Taaba'],
    ])) as Array<{ event_id: string }>;
    const arrivals = await batoto.get(`/host/events/${visitA}`);
    expect(arrivals.status).toBe(200);

    // The host builds the visitors' programme with the console's agenda pages.
    const agenda = await batoto.get(`/console/events/${visitA}/agenda?lang=fr`);
    expect(agenda.status).toBe(200);
    expect(agenda.text).toContain(`/console/events/${visitA}/agenda/sessions/new`);
    await batoto.get(`/console/events/${visitA}/agenda/sessions/new?lang=fr`);
    const made = await batoto.post(`/console/events/${visitA}/agenda/sessions/new`, {
      kind: 'family_workshop',
      title: 'Atelier avec les familles du quartier',
      day: '2026-03-10',
      startsAt: '14:00',
      endsAt: '16:00',
      roomId: '',
    });
    expect(made.status).toBe(303);
    const [workshop] = (await ds.query(
      `SELECT kind, created_by FROM sessions WHERE event_id = $1 AND title = $2`,
      [visitA, 'Atelier avec les familles du quartier'],
    )) as Array<{ kind: string; created_by: string }>;
    expect(workshop.kind).toBe('family_workshop');

    const cameleon = await signedIn('cameleon@convene.demo');
    expect((await cameleon.get(`/console/events/${visitA}/agenda`)).status).toBe(404);
    expect((await cameleon.get(`/exchanges/${exchangeOf['Kogl Taaba']}/visitors`)).status).toBe(
      404,
    );
    const own = await cameleon.get(`/exchanges/${exchangeOf["Women's Resource Center"]}/visitors`);
    expect(text(own.text)).toContain('ចាន់ ស្រីមុំ');
  });

  it("visitors read the host's programme in their language", async () => {
    const fr = text(
      (await new WebClient(t).get('/e/immersion-wrc-cameleon-2027/agenda?lang=fr')).text,
    );
    expect(fr).toContain('Réunion d’équipe du lundi');
    expect(fr).toContain('Journée d’observation');
    const es = text(
      (await new WebClient(t).get('/e/immersion-wrc-cameleon-2027/agenda?lang=es')).text,
    );
    expect(es).toContain('Taller con familias: círculos de crianza');
  });

  it('a manager of the visiting partner nominates a visitor; someone of another partner is refused on the email field', async () => {
    const [sophea] = (await ds.query(
      `SELECT id FROM accounts WHERE email = 'wrc@convene.demo'`,
    )) as Array<{ id: string }>;
    const web = await signedIn('wrc@convene.demo');
    const id = exchangeOf["Women's Resource Center"];
    // Not a manager yet: the form does not exist for her.
    expect((await web.get(`/exchanges/${id}/nominate`)).status).toBe(404);
    await t
      .http()
      .post(`/api/organisations/${orgs["Women's Resource Center"]}/managers`)
      .set(admin.auth)
      .send({ accountId: sophea.id })
      .expect(201);
    const list = await web.get('/exchanges/nominate?lang=en');
    expect(list.text).toContain(`/exchanges/${id}/nominate`);
    await web.get(`/exchanges/${id}/nominate`);
    const wrong = await web.post(`/exchanges/${id}/nominate`, {
      name: 'Mariam',
      email: 'mariam.ouedraogo@kogltaaba.demo',
      locale: 'en',
      profession: 'social_worker',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="f-email-error"/);
    const ok = await web.post(`/exchanges/${id}/nominate`, {
      name: 'Chenda Phan',
      email: 'chenda.phan@wrc.demo',
      locale: 'en',
      profession: 'social_worker',
    });
    expect(ok.status).toBe(303);
    const [reg] = (await ds.query(
      `SELECT r.status, o.name FROM registrations r JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id WHERE a.email = 'chenda.phan@wrc.demo'`,
    )) as Array<{ status: string; name: string }>;
    expect(reg).toEqual({ status: 'awaiting_consent', name: "Women's Resource Center" });
  });

  it('organisers create a programme and an exchange in the console and link its return visit', async () => {
    const web = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await web.get('/console/exchanges?lang=en')).status).toBe(200);
    const bad = await web.post('/console/exchanges/programmes', {
      'names.en': 'Family support 2028',
      year: 'next year',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="f-p-year-error"/);
    const made = await web.post('/console/exchanges/programmes', {
      'names.en': 'Family support 2028',
      'names.fr': 'Soutien aux familles 2028',
      year: '2028',
    });
    expect(made.status).toBe(303);
    const [programme] = (await ds.query(
      `SELECT id FROM programmes WHERE slug = 'family-support-2028'`,
    )) as Array<{ id: string }>;

    const immersion = (host: string, start: string, name: string) =>
      createEvent(t, admin, {
        name,
        kind: 'immersion',
        hostOrganisationId: orgs[host],
        timezone: 'Africa/Kinshasa',
        startDate: start,
        endDate: start.replace(
          /-(\d\d)$/,
          (_m, d: string) => `-${String(Number(d) + 3).padStart(2, '0')}`,
        ),
        languages: ['fr'],
      });
    const go = await immersion('Solidarité Batoto', '2028-03-06', 'Kogl Taaba à Kinshasa 2028');
    const back = await immersion('Kogl Taaba', '2028-05-08', 'Batoto à Ouagadougou 2028');
    await web.get('/console/exchanges');
    for (const [eventId, visiting] of [
      [go.id, 'Kogl Taaba'],
      [back.id, 'Solidarité Batoto'],
    ]) {
      const res = await web.post('/console/exchanges', {
        eventId,
        visitingOrganisationId: orgs[visiting],
        programmeId: programme.id,
      });
      expect(res.status).toBe(303);
    }
    // The visiting partner cannot be the host.
    const same = await web.post('/console/exchanges', {
      eventId: (await immersion('Cameleon', '2028-06-05', 'Cameleon alone')).id,
      visitingOrganisationId: orgs.Cameleon,
    });
    expect(same.status).toBe(400);
    expect(same.text).toMatch(/id="f-x-visitingOrganisationId-error"/);

    const [goX, backX] = (await ds.query(
      `SELECT x.id FROM exchanges x WHERE x.event_id IN ($1, $2) ORDER BY x.event_id = $1 DESC`,
      [go.id, back.id],
    )) as Array<{ id: string }>;
    const page = await web.get('/console/exchanges');
    expect(page.text).toContain(`action="/console/exchanges/${goX.id}/return"`);
    const linked = await web.post(`/console/exchanges/${goX.id}/return`, {
      returnExchangeId: backX.id,
    });
    expect(linked.status).toBe(303);
    const pair = await t.http().get(`/api/exchanges/${backX.id}`).set(admin.auth).expect(200);
    expect(pair.body.returnExchangeId).toBe(goX.id);
    const programmePage = text((await web.get('/programmes/family-support-2028?lang=en')).text);
    expect(programmePage).toContain('2 immersions, 0 social workers, 2 countries');
    expect(programmePage).toContain('Return visit');

    // A host's staff (no organiser) do not get the console.
    const batoto = await signedIn('batoto@convene.demo');
    expect((await batoto.get('/console/exchanges')).status).toBe(404);
  });
});
