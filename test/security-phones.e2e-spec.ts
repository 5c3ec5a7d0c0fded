import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { register } from './support/agenda-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * Audit issue 11, item 4: hosts read every confirmed participant's phone through the
 * arrivals board and its CSV. The rule, decided once: a participant's own mobile is for
 * the event's organisers (and the facilitators of their sessions, on their lists); hosts
 * see who lands where and when without any phone, and on the bus list of a site visit
 * the emergency contacts of the people on their bus, never their mobiles.
 */
const PASSWORD = 'a-long-password';
const ON_BUS = { phone: '+212 600 111 111', emergency: '+212 661 111 111' };
const OFF_BUS = { phone: '+51 987 222 222', emergency: '+51 1 222 2222' };
const digits = (phone: string) => phone.replace(/\D/g, '');

describe('security: who sees phones (issue 11, item 4)', () => {
  let t: TestApp;
  let admin: Session;
  let host: Session;
  let eventId: string;
  let visitId: string;

  /** No phone of either participant, in any form (spaces dropped, quoted for Excel). */
  const expectNoPhones = (text: string, phones: string[]) => {
    const flat = text.replace(/\D/g, '');
    for (const p of phones) expect(flat).not.toContain(digits(p));
  };

  beforeAll(async () => {
    t = await startTestApp('security_phones');
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { country: 'MA' });
    eventId = (await createEvent(t, admin, { slug: 'phones-2027' })).id;
    host = await signup(t, { name: 'Samira El Amrani', password: PASSWORD });
    await t.app
      .get(DataSource)
      .query(`INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'host')`, [
        eventId,
        host.id,
      ]);
    const people: Record<string, Session> = {};
    for (const [key, who] of Object.entries({ onBus: ON_BUS, offBus: OFF_BUS })) {
      people[key] = await signup(t, { name: key === 'onBus' ? 'Awa Traoré' : 'Lucía Quispe' });
      const reg = await register(t, eventId, people[key], org.id, {
        phone: who.phone,
        emergencyContact: { name: `Family of ${key}`, phone: who.emergency },
      });
      await t
        .http()
        .put(`/api/registrations/${reg}/travel`)
        .set(people[key].auth)
        .send({
          arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T13:00' },
          departure: { flightNumber: 'AT572', airport: 'TNG', at: '2027-10-31T10:00' },
        })
        .expect(200);
    }
    const visit = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'site_visit',
        title: 'Visit: Amal day centre',
        startsAt: '2027-10-28T09:00',
        endsAt: '2027-10-28T12:00',
        status: 'published',
        signupRequired: true,
        siteVisit: {
          hostOrganisationId: org.id,
          address: 'Rue de la Kasbah, Tanger',
          meetingPoint: 'Medina gate',
          departureAt: '2027-10-28T09:10',
          returnAt: '2027-10-28T11:50',
          transport: 'bus',
          seats: 10,
        },
      })
      .expect(201);
    visitId = visit.body.id;
    await t
      .http()
      .post(`/api/sessions/${visitId}/signups`)
      .set(people.onBus.auth)
      .send({ acceptRules: true })
      .expect(201);
  });
  afterAll(() => t.close());

  it('gives a host the arrivals board without a single phone', async () => {
    const res = await t.http().get(`/api/events/${eventId}/arrivals`).set(host.auth).expect(200);
    const arrivals = res.body.groups.flatMap((g: { arrivals: unknown[] }) => g.arrivals);
    expect(arrivals).toHaveLength(2);
    expect(res.body.departures).toHaveLength(2);
    for (const a of [...arrivals, ...res.body.departures]) expect(a.phone).toBeNull();
    expectNoPhones(JSON.stringify(res.body), [
      ON_BUS.phone,
      OFF_BUS.phone,
      ON_BUS.emergency,
      OFF_BUS.emergency,
    ]);
  });

  it('gives a host the arrivals CSV without a phone column or any phone', async () => {
    for (const path of [
      `/api/events/${eventId}/arrivals?format=csv`,
      `/api/events/${eventId}/arrivals?format=csv&separator=semicolon`,
    ]) {
      const res = await t.http().get(path).set(host.auth).expect(200);
      expect(res.text).toContain('Awa Traoré');
      expect(res.text).toContain('Lucía Quispe');
      expect(res.text).not.toMatch(/Phone/);
      expectNoPhones(res.text.replace(/2027-10-\d\d|\d\d:\d\d|AT57\d/g, ''), [
        ON_BUS.phone,
        OFF_BUS.phone,
      ]);
    }
  });

  it("gives a host no phone through the console's arrivals pages either", async () => {
    const web = new WebClient(t);
    await web.signIn(host.email, PASSWORD);
    for (const path of [
      `/console/events/${eventId}/arrivals`,
      `/console/events/${eventId}/arrivals/arrivals.csv`,
    ]) {
      const res = await web.get(path);
      expect(res.text).not.toContain(ON_BUS.phone);
      expect(res.text).not.toContain(OFF_BUS.phone);
    }
  });

  it("gives a host the bus list's emergency contacts of the people on the bus only, no mobiles", async () => {
    const list = await t.http().get(`/api/sessions/${visitId}/signups`).set(host.auth).expect(200);
    expect(list.body.confirmed).toHaveLength(1);
    expect(list.body.confirmed[0]).toMatchObject({
      name: 'Awa Traoré',
      phone: null,
      emergencyContact: { name: 'Family of onBus', phone: ON_BUS.emergency },
    });
    const csv = await t
      .http()
      .get(`/api/sessions/${visitId}/signups?format=csv`)
      .set(host.auth)
      .expect(200);
    expect(csv.text).toContain(ON_BUS.emergency);
    expect(csv.text).not.toContain(ON_BUS.phone);
    expectNoPhones(csv.text.replace(/2027-10-\d\dT[\d:+]+/g, ''), [
      OFF_BUS.phone,
      OFF_BUS.emergency,
    ]);
  });

  it('still gives the organisers every phone on the arrivals board and its CSV', async () => {
    const res = await t.http().get(`/api/events/${eventId}/arrivals`).set(admin.auth).expect(200);
    const phones = res.body.groups
      .flatMap((g: { arrivals: Array<{ phone: string }> }) => g.arrivals)
      .map((a: { phone: string }) => a.phone)
      .sort();
    expect(phones).toEqual([ON_BUS.phone, OFF_BUS.phone].sort());
    const csv = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?format=csv`)
      .set(admin.auth)
      .expect(200);
    expect(csv.text).toContain(`'${ON_BUS.phone}`);
    expect(csv.text).toContain(`'${OFF_BUS.phone}`);
  });
});
