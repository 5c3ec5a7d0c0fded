import { DataSource } from 'typeorm';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * An exchange names its immersion's host organisation: once one links the immersion, the
 * event's host may not change (the exchange's host side would silently disagree). A 409
 * naming hostOrganisationId through the API, in fr/en/es, and next to the field in the
 * console's settings form; an immersion that is no exchange still changes its host.
 */
let t: TestApp;
let ds: DataSource;
let admin: Session;
let host: { id: string };
let visiting: { id: string };
let other: { id: string };
let linked: string;

const immersion = (hostOrganisationId: string, name: string) => ({
  name,
  kind: 'immersion',
  hostOrganisationId,
  timezone: 'Africa/Kinshasa',
  startDate: '2027-03-08',
  endDate: '2027-03-12',
  capacity: 6,
  languages: ['fr', 'en'],
  venue: { name: 'Maison des Familles', city: 'Kinshasa', country: 'CD' },
});

const hostOf = async (eventId: string) =>
  (
    (await ds.query(`SELECT host_organisation_id AS id FROM events WHERE id = $1`, [
      eventId,
    ])) as Array<{ id: string }>
  )[0].id;

beforeAll(async () => {
  t = await startTestApp('exchange_host_locked');
  ds = t.app.get(DataSource);
  admin = await loginAdmin(t);
  host = await createOrganisation(t, admin, { name: 'Solidarité Batoto', country: 'CD' });
  visiting = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
  other = await createOrganisation(t, admin, { name: 'Cameleon', country: 'PH' });
  linked = (await createEvent(t, admin, immersion(host.id, 'Kogl Taaba à Kinshasa'))).id;
  await t
    .http()
    .post('/api/exchanges')
    .set(admin.auth)
    .send({ eventId: linked, visitingOrganisationId: visiting.id })
    .expect(201);
});

afterAll(async () => {
  await t?.close();
});

describe("an exchange's immersion keeps its host organisation", () => {
  it('refuses another host through the API with a 409 naming the field, in each language', async () => {
    const change = (lang: string) =>
      t
        .http()
        .patch(`/api/events/${linked}`)
        .set(admin.auth)
        .set('Accept-Language', lang)
        .send({ hostOrganisationId: other.id });
    const en = await change('en').expect(409);
    expect(en.body.code).toBe('conflict');
    expect(en.body.details.fields).toEqual([
      { field: 'hostOrganisationId', codes: ['hostFixedByExchange'] },
    ]);
    expect(en.body.message).toContain('hostOrganisationId');
    const fr = await change('fr').expect(409);
    expect(fr.body.message).toContain('hostOrganisationId');
    expect(fr.body.message).toContain('Un échange relie cette immersion');
    const es = await change('es').expect(409);
    expect(es.body.message).toContain('hostOrganisationId');
    expect(es.body.message).toContain('Un intercambio vincula esta inmersión');
    // Removing the host is a change too.
    await t
      .http()
      .patch(`/api/events/${linked}`)
      .set(admin.auth)
      .send({ hostOrganisationId: null, kind: 'meeting' })
      .expect(409);
    expect(await hostOf(linked)).toBe(host.id);
  });

  it('still saves the rest of the event, the same host included', async () => {
    const res = await t
      .http()
      .patch(`/api/events/${linked}`)
      .set(admin.auth)
      .send({ hostOrganisationId: host.id, capacity: 8 })
      .expect(200);
    expect(res.body.capacity).toBe(8);
    expect(await hostOf(linked)).toBe(host.id);
  });

  it('lets an immersion that is no exchange change its host', async () => {
    const loose = (await createEvent(t, admin, immersion(host.id, 'Une immersion sans échange')))
      .id;
    await t
      .http()
      .patch(`/api/events/${loose}`)
      .set(admin.auth)
      .send({ hostOrganisationId: other.id })
      .expect(200);
    expect(await hostOf(loose)).toBe(other.id);
  });

  it("says it next to the field in the console's settings form", async () => {
    const web = new WebClient(t);
    await web.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const form = await web.get(`/console/events/${linked}/settings?lang=fr`);
    expect(form.status).toBe(200);
    // The form as a browser posts it, with another host chosen.
    const saved = await web.post(`/console/events/${linked}/settings?lang=fr`, {
      kind: 'immersion',
      hostOrganisationId: other.id,
      languages: ['fr', 'en'],
      'names.fr': 'Kogl Taaba à Kinshasa',
      'names.en': '',
      timezone: 'Africa/Kinshasa',
      startDate: '2027-03-08',
      endDate: '2027-03-12',
      'venue.name': 'Maison des Familles',
      'venue.city': 'Kinshasa',
      'venue.country': 'CD',
      capacity: '6',
    });
    expect(saved.status).toBe(409);
    expect(saved.text).toContain('Un échange relie cette immersion');
    expect(saved.text).toMatch(/id="[^"]*hostOrganisationId[^"]*-error"/);
    expect(await hostOf(linked)).toBe(host.id);
  });
});
