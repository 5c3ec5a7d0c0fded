import { DataSource } from 'typeorm';
import { seed } from '../scripts/seed.js';
import {
  DEMO_EVENT,
  DEMO_ORGANISER,
  DEMO_PASSWORD,
  DEMO_PREVIOUS_EVENT,
} from '../scripts/seed/demo-data.js';
import { parseCsv } from './support/csv.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The calling code of each country of the network, as the phones must start. */
const CALLING_CODES: Record<string, string> = {
  BF: '+226',
  CD: '+243',
  CG: '+242',
  CM: '+237',
  FR: '+33',
  MA: '+212',
  MG: '+261',
  ML: '+223',
  PE: '+51',
  SN: '+221',
};
/** The API's own rule for a participant's phone (RegistrationDto): a seeded one must pass it. */
/** A phone in a CSV: quoted as text so spreadsheets keep the + (and run no formula). */
const CSV_PHONE = /^'\+[1-9][0-9 ().-]{5,30}$/;

describe('demo seed: the Tangier meeting and its previous edition', () => {
  let t: TestApp;
  let ds: DataSource;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('reg_seed');
    ds = t.app.get(DataSource);
    await seed(t.config);
    for (const slug of [DEMO_EVENT.slug, DEMO_PREVIOUS_EVENT.slug]) {
      const [event] = await ds.query(`SELECT id FROM events WHERE slug = $1`, [slug]);
      ids[slug] = event.id;
    }
  });
  afterAll(() => t.close());

  it("describes the meeting in each of its languages, the first one's in `description`", async () => {
    // Written in English only, the description was taken for French (the event's first
    // language): marked lang="fr" on the Spanish page, and in the French box of the settings.
    const page = async (lang: string) =>
      (await t.http().get(`/e/${DEMO_EVENT.slug}?lang=${lang}`).expect(200)).text;
    expect(await page('es')).toMatch(/<p class="pa-description" dir="auto">Seis días en Tánger/);
    expect(await page('fr')).toMatch(/<p class="pa-description" dir="auto">Six jours à Tanger/);
    const [event] = (await ds.query(`SELECT description FROM events WHERE slug = $1`, [
      DEMO_EVENT.slug,
    ])) as Array<{ description: string }>;
    expect(event.description).toMatch(/^Six jours à Tanger/);
  });

  it('leaves the planner statistics of the rows it wrote', async () => {
    const [stats] = (await ds.query(
      `SELECT c.reltuples::int AS estimated, (SELECT count(*)::int FROM registrations) AS actual
         FROM pg_class c WHERE c.oid = 'registrations'::regclass`,
    )) as Array<{ estimated: number; actual: number }>;
    expect(stats.actual).toBeGreaterThan(20);
    expect(stats.estimated).toBe(stats.actual);
  });

  const auth = async (email: string) => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    return { Authorization: `Bearer ${res.body.accessToken}` };
  };
  const registrationOf = async (email: string, slug: string) =>
    (
      (await ds.query(
        `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
          WHERE lower(a.email) = $1 AND r.event_id = $2`,
        [email, ids[slug]],
      )) as Array<{ id: string }>
    )[0].id;

  it('seeding again changes nothing, row for row, and sends nobody an email', async () => {
    const tables = [
      'organisations',
      'accounts',
      'events',
      'event_staff',
      'registrations',
      'registration_status_changes',
      'rooms',
      'sessions',
      'site_visits',
      'signups',
      'event_visa_rules',
      'travel_plans',
      'visa_status_changes',
      'messages',
    ];
    const snapshot = async () => {
      const out: Record<string, { n: number; digest: string | null }> = {};
      for (const table of tables) {
        const [row] = await ds.query(
          `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
             FROM ${table} t`,
        );
        out[table] = row;
      }
      return out;
    };
    const first = await snapshot();
    await seed(t.config);
    expect(await snapshot()).toEqual(first);
    expect(first.messages.n).toBe(0);
    // The two editions of the week and the four immersions of "Family support 2027".
    expect(first.events.n).toBe(6);
    const perEvent = await ds.query(
      `SELECT e.slug, count(DISTINCT r.id)::int AS registrations, count(c.id)::int AS changes
         FROM events e JOIN registrations r ON r.event_id = e.id
         JOIN registration_status_changes c ON c.registration_id = r.id
        WHERE e.kind = 'meeting'
        GROUP BY e.slug ORDER BY e.slug`,
    );
    expect(perEvent).toEqual([
      { slug: DEMO_PREVIOUS_EVENT.slug, registrations: 10, changes: 11 },
      { slug: DEMO_EVENT.slug, registrations: 26, changes: 26 },
    ]);
  });

  it('reads "26 participants from 19 organisations in 10 countries" for Tangier, the previous edition aside', async () => {
    const organiser = await auth(DEMO_ORGANISER.email);
    const stats = await t
      .http()
      .get(`/api/events/${ids[DEMO_EVENT.slug]}/stats`)
      .set(organiser)
      .expect(200);
    expect(stats.body).toMatchObject({
      participants: 26,
      organisations: 19,
      countries: 10,
      summary: '26 participants from 19 organisations in 10 countries',
      waitlist: 0,
      byStatus: { confirmed: 26, pending: 0, waitlisted: 0, cancelled: 0, rejected: 0 },
    });
    expect(stats.body.byCountry.map((c: { country: string }) => c.country).sort()).toEqual(
      Object.keys(CALLING_CODES),
    );
    expect(
      stats.body.byCountry.reduce(
        (n: number, c: { participants: number }) => n + c.participants,
        0,
      ),
    ).toBe(26);

    const dakar = await t
      .http()
      .get(`/api/events/${ids[DEMO_PREVIOUS_EVENT.slug]}/stats`)
      .set(organiser)
      .expect(200);
    expect(dakar.body).toMatchObject({
      participants: 9,
      byStatus: { confirmed: 9, cancelled: 1 },
    });

    // A generated participant who was not in Dakar can log in and sees one registration.
    const mine = await t
      .http()
      .get('/api/me/registrations')
      .set(await auth('participant01@convene.demo'))
      .expect(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ status: 'confirmed', event: { slug: DEMO_EVENT.slug } });
  });

  it("gives the organiser's CSV real phones by country, emergency contacts for most, and a few needs", async () => {
    const res = await t
      .http()
      .get(`/api/events/${ids[DEMO_EVENT.slug]}/registrations?format=csv`)
      .set(await auth(DEMO_ORGANISER.email))
      .expect(200);
    const [header, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, ''));
    const col = (name: string) => header.indexOf(name);
    const field = (row: string[], name: string) => row[col(name)];
    expect(rows).toHaveLength(26);

    for (const row of rows) {
      const phone = field(row, 'Phone');
      expect(phone).toMatch(CSV_PHONE);
      expect(phone.startsWith(`'${CALLING_CODES[field(row, 'Country')]} `)).toBe(true);
      const contactPhone = field(row, 'Emergency phone');
      if (contactPhone) {
        expect(contactPhone).toMatch(CSV_PHONE);
        expect(contactPhone).not.toBe(phone);
        expect(field(row, 'Emergency contact')).not.toBe('');
        expect(field(row, 'Emergency relation')).not.toBe('');
      }
    }
    expect(new Set(rows.map((r) => field(r, 'Phone'))).size).toBe(26);
    const withContact = rows.filter((r) => field(r, 'Emergency contact') !== '');
    expect(withContact.length).toBe(22);

    const dietary = rows.map((r) => field(r, 'Dietary needs')).filter(Boolean);
    expect(dietary.sort()).toEqual([
      'Halal',
      'Halal',
      'Sans porc',
      'Sin gluten',
      'Vegetarian',
      'Vegetariana',
      'Végétarien',
    ]);
    const accessibility = rows.filter((r) => field(r, 'Accessibility needs') !== '');
    expect(accessibility.map((r) => field(r, 'Name'))).toEqual(['Hery Randriamampionona']);

    const awa = rows.find((r) => field(r, 'Email') === 'awa@convene.demo')!;
    expect(awa.slice(0, 13)).toEqual([
      'Awa Traoré',
      'awa@convene.demo',
      "'+226 70 24 81 36",
      'Maison des Familles de Ouagadougou',
      'BF',
      'social_worker',
      '',
      'fr mos',
      '',
      '',
      'Moussa Traoré',
      "'+226 76 11 52 09",
      'époux',
    ]);
  });

  it("puts a phone on every line of the site visit's bus list", async () => {
    const [visit] = await ds.query(`SELECT session_id FROM site_visits`);
    const res = await t
      .http()
      .get(`/api/sessions/${visit.session_id}/signups?format=csv`)
      .set(await auth(DEMO_ORGANISER.email))
      .expect(200);
    const rows = parseCsv(res.text.replace(/^\uFEFF/, ''));
    const at = rows.findIndex((r) => r[0] === 'status');
    const people = rows.slice(at + 1).filter((r) => r.length > 1);
    expect(people.filter((r) => r[0] === 'confirmed')).toHaveLength(12);
    expect(people.filter((r) => r[0] === 'waitlisted')).toHaveLength(2);
    for (const person of people) expect(person[6]).toMatch(CSV_PHONE);
    expect(people.filter((r) => r[7] !== '').length).toBeGreaterThanOrEqual(10);
  });

  it('keeps Dakar 2026 as an archived edition that prefills and shows in the per-person editions', async () => {
    const list = await t
      .http()
      .get('/api/events?status=archived')
      .set(await auth('awa@convene.demo'))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        slug: 'dakar-2026',
        status: 'archived',
        timezone: 'Africa/Dakar',
        startDate: '2026-10-19',
        endDate: '2026-10-24',
        venue: { name: "Hôtel de l'Océan", city: 'Dakar', country: 'SN' },
      }),
    ]);

    const [ouaga] = await ds.query(
      `SELECT id FROM organisations WHERE name = 'Maison des Familles de Ouagadougou'`,
    );
    const prefill = await t
      .http()
      .get(`/api/events/${ids[DEMO_EVENT.slug]}/registrations/prefill`)
      .set(await auth('awa@convene.demo'))
      .expect(200);
    expect(prefill.body).toMatchObject({
      from: {
        eventId: ids[DEMO_PREVIOUS_EVENT.slug],
        eventName: DEMO_PREVIOUS_EVENT.name,
        registrationId: await registrationOf('awa@convene.demo', DEMO_PREVIOUS_EVENT.slug),
      },
      alreadyRegistered: { status: 'confirmed' },
      organisationId: ouaga.id,
      profession: 'social_worker',
      languages: ['fr', 'mos'],
      phone: '+226 70 24 81 36',
      emergencyContact: { name: 'Moussa Traoré', phone: '+226 76 11 52 09', relation: 'époux' },
    });
    const lucia = await t
      .http()
      .get(`/api/events/${ids[DEMO_EVENT.slug]}/registrations/prefill`)
      .set(await auth('lucia@convene.demo'))
      .expect(200);
    expect(lucia.body).toMatchObject({
      from: { eventName: DEMO_PREVIOUS_EVENT.name },
      profession: 'psychologist',
      dietary: 'Vegetariana',
      phone: '+51 987 412 305',
    });

    const organiser = await auth(DEMO_ORGANISER.email);
    const editions = async (email: string) =>
      (
        await t
          .http()
          .get(`/api/registrations/${await registrationOf(email, DEMO_EVENT.slug)}/editions`)
          .set(organiser)
          .expect(200)
      ).body as Array<{
        status: string;
        profession: string;
        current: boolean;
        event: { slug: string };
      }>;
    const pick = (e: Awaited<ReturnType<typeof editions>>) =>
      e.map((x) => [x.event.slug, x.status, x.profession, x.current]);
    expect(pick(await editions('awa@convene.demo'))).toEqual([
      ['tangier-2027', 'confirmed', 'social_worker', true],
      ['dakar-2026', 'confirmed', 'social_worker', false],
    ]);
    expect(pick(await editions('lucia@convene.demo'))).toEqual([
      ['tangier-2027', 'confirmed', 'psychologist', true],
      ['dakar-2026', 'confirmed', 'psychologist', false],
    ]);
    expect(pick(await editions('joseph@convene.demo'))).toEqual([
      ['tangier-2027', 'confirmed', 'head_of_service', true],
      ['dakar-2026', 'confirmed', 'social_worker', false],
    ]);
    expect(pick(await editions('participant06@convene.demo'))[1]).toEqual([
      'dakar-2026',
      'cancelled',
      'legal_expert',
      false,
    ]);

    // Its audit trail reads in Dakar time, as it happened.
    const history = await t
      .http()
      .get(
        `/api/registrations/${await registrationOf('participant06@convene.demo', DEMO_PREVIOUS_EVENT.slug)}/history`,
      )
      .set(organiser)
      .expect(200);
    expect(
      history.body.map((h: { from: string | null; to: string; at: string }) => [
        h.from,
        h.to,
        h.at,
      ]),
    ).toEqual([
      [null, 'confirmed', '2026-01-21T16:30:00+00:00'],
      ['confirmed', 'cancelled', '2026-09-28T08:15:00+00:00'],
    ]);

    // Archived: nobody registers any more.
    const late = await t
      .http()
      .post(`/api/events/${ids[DEMO_PREVIOUS_EVENT.slug]}/registrations`)
      .set(await auth('participant01@convene.demo'))
      .send({
        organisationId: ouaga.id,
        profession: 'social_worker',
        consent: { dataProcessing: true },
      })
      .expect(409);
    expect(late.body.message).toBe('This event is archived');
  });
});
