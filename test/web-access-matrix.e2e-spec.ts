import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { baseUrl, registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const PASSWORD = 'a-long-password';

describe('web access matrix: another participant’s ids, and a doubled register form', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let orgId: string;
  let event: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp('web_access_matrix', { LOGIN_MAX_PER_IP: '1000' });
    ds = t.app.get(DataSource);
    // Listening for real, so that two requests can be in flight at once.
    await baseUrl(t);
    admin = await loginAdmin(t);
    orgId = (await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' })).id;
    event = await createEvent(t, admin, { name: 'Rencontre de Tanger 2027', capacity: 30 });
  });
  afterAll(() => t.close());

  it('gives participant B a 404 for every page and download that carries A’s ids, leaking nothing and changing nothing', async () => {
    const aName = 'Zénabou Kaboré-Ouattara';
    const a = await signup(t, {
      name: aName,
      email: `zenabou-${Date.now()}@example.org`,
      password: PASSWORD,
      locale: 'fr',
    });
    const reg = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(a.auth)
      .send(registrationBody(orgId, { phone: '+22670000000' }))
      .expect(201);
    expect(reg.body.status).toBe('confirmed');
    const regId = reg.body.id as string;
    await t
      .http()
      .put(`/api/registrations/${regId}/travel`)
      .set(a.auth)
      .send({
        passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' },
        arrival: { flightNumber: 'AT 551', airport: 'TNG', at: '2027-10-24T18:30' },
      })
      .expect(200);
    const travelBefore = await t
      .http()
      .get(`/api/registrations/${regId}/travel`)
      .set(a.auth)
      .expect(200);

    // A sees her own pages (so a 404 for B is about B, not a broken page).
    const aWeb = new WebClient(t);
    await aWeb.signIn(a.email, PASSWORD);
    const own = await aWeb.get(`/my/registrations/${regId}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Rencontre de Tanger 2027');
    expect((await aWeb.get(`/my/registrations/${regId}/travel`)).status).toBe(200);

    const b = await signup(t, { name: 'Jean Mukendi', password: PASSWORD, locale: 'fr' });
    const bWeb = new WebClient(t);
    await bWeb.signIn(b.email, PASSWORD);
    // B loads a page of his own, so his posts carry a valid CSRF token.
    expect((await bWeb.get('/my/registrations')).status).toBe(200);
    expect(bWeb.csrf).not.toBe('');

    const leaks = [aName, 'Zénabou', 'Kaboré', 'Ouattara', a.email, a.email.split('@')[0]];
    const expect404 = (label: string, res: { status: number; text?: string }) => {
      expect({ label, status: res.status }).toEqual({ label, status: 404 });
      const body = res.text ?? '';
      for (const part of leaks)
        expect({ label, leaked: body.includes(part) }).toEqual({ label, leaked: false });
    };

    const mine = `/my/registrations/${regId}`;
    const gets = [
      mine,
      `${mine}/cancel`,
      `${mine}/travel`,
      `${mine}/travel/invitation-letter.pdf`,
      `${mine}/consent`,
      `/console/events/${event.id}`,
      `/console/events/${event.id}/registrations`,
      `/console/events/${event.id}/registrations/${regId}`,
      `/console/events/${event.id}/visas`,
      `/console/events/${event.id}/visas/${regId}`,
      `/console/events/${event.id}/arrivals`,
      `/console/events/${event.id}/agenda`,
      `/console/events/${event.id}/announcements`,
      `/console/events/${event.id}/messages`,
      `/console/events/${event.id}/staff`,
      `/console/events/${event.id}/settings`,
      `/host/events/${event.id}`,
    ];
    for (const path of gets) expect404(`GET ${path}`, await bWeb.get(path));

    const posts: Array<[string, Record<string, string>]> = [
      [`${mine}/cancel`, {}],
      [`${mine}/consent`, { answer: 'decline' }],
      [`${mine}/travel/letter-request`, {}],
      [
        `${mine}/travel`,
        {
          'passport.nationality': 'CD',
          'passport.number': 'OP0000001',
          'passport.expiresOn': '2032-01-01',
        },
      ],
    ];
    for (const [path, form] of posts) {
      await bWeb.get('/my/registrations'); // a fresh token, as a browser would have
      expect404(`POST ${path}`, await bWeb.post(path, form));
    }

    // A's registration and travel plan are exactly as they were.
    const after = await t.http().get(`/api/registrations/${regId}`).set(a.auth).expect(200);
    expect(after.body.status).toBe('confirmed');
    const travelAfter = await t
      .http()
      .get(`/api/registrations/${regId}/travel`)
      .set(a.auth)
      .expect(200);
    expect(travelAfter.body).toEqual(travelBefore.body);
    expect(travelAfter.body.passport).toMatchObject({ nationality: 'BF' });
  });

  it('creates exactly one registration when the register form is posted twice at the same time', async () => {
    const person = await signup(t, { name: 'Awa Sawadogo', password: PASSWORD, locale: 'fr' });
    const web = new WebClient(t);
    await web.signIn(person.email, PASSWORD);
    const form = await web.get(`/e/${event.slug}/register`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('id="pa-register"');
    const token = web.csrf;
    expect(token).not.toBe('');

    const fields = {
      _csrf: token,
      organisationId: orgId,
      profession: 'social_worker',
      languages: ['fr', 'en'],
      'consent.dataProcessing': 'on',
      consentVersion: /name="consentVersion" value="([^"]+)"/.exec(form.text)?.[1] ?? '',
    };
    expect(fields.consentVersion).not.toBe('');
    const [one, two] = await Promise.all([
      web.post(`/e/${event.slug}/register`, fields),
      web.post(`/e/${event.slug}/register`, fields),
    ]);
    // Neither post is a server error; at least one went through.
    expect([one.status, two.status].every((s) => s < 500)).toBe(true);
    expect([one.status, two.status]).toContain(303);

    const mine = await t.http().get('/api/me/registrations').set(person.auth).expect(200);
    expect(mine.body.filter((r: { eventId: string }) => r.eventId === event.id)).toHaveLength(1);
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM registrations WHERE account_id = $1 AND event_id = $2`,
      [person.id, event.id],
    )) as Array<{ n: number }>;
    expect(n).toBe(1);
    // Whichever post came second lands on the same registration, not on an error.
    for (const res of [one, two]) {
      if (res.status === 303)
        expect(res.headers.location).toBe(`/my/registrations/${mine.body[0].id}`);
    }
  });
});
