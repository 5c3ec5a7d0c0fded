import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { parseCsv } from './support/csv.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Tangier 2027: Africa/Casablanca is UTC+0 all year since 2026-09-20 (tzdata 2026c),
 * while Node's bundled ICU still says UTC+1. Every time below must read +00:00.
 */
describe('arrivals and pick-up groups', () => {
  let t: TestApp;
  let admin: Session;
  let host: Session;
  let eventId: string;
  const regs: Record<string, string> = {};
  const people: Record<string, Session> = {};

  async function traveller(
    key: string,
    name: string,
    org: { id: string },
    extra: Record<string, unknown>,
    travel: Record<string, unknown>,
  ) {
    people[key] = await signup(t, { name, locale: 'fr' });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(org.id, extra))
      .expect(201);
    regs[key] = reg.body.id;
    await t
      .http()
      .put(`/api/registrations/${regs[key]}/travel`)
      .set(people[key].auth)
      .send(travel)
      .expect(200);
  }

  const flight = (flightNumber: string, airport: string, at: string) => ({
    arrival: { flightNumber, airport, at },
  });

  beforeAll(async () => {
    t = await startTestApp('travel_arrivals');
    admin = await loginAdmin(t);
    host = await signup(t, { name: 'Airport Team' });
    const ouaga = await createOrganisation(t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
    });
    const lima = await createOrganisation(t, admin, {
      name: 'Casa de las Familias del Perú',
      country: 'PE',
    });
    eventId = (await createEvent(t, admin, { slug: 'tangier-2027' })).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    // Wall-clock input is read in the event's zone (Tangier) unless the airport's is given.
    await traveller(
      'awa',
      'Awa Traoré',
      ouaga,
      { phone: '+226 76 00 11 22' },
      {
        passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' },
        ...flight('AT571', 'TNG', '2027-10-24T13:00'),
      },
    );
    await traveller(
      'lucia',
      'Lucía Quispe',
      lima,
      {},
      {
        passport: { nationality: 'PE', number: 'P0099887', expiresOn: '2030-06-30' },
        ...flight('IB8950', 'TNG', '2027-10-24T14:20:00+00:00'),
      },
    );
    await traveller(
      'joseph',
      'Joseph Mukendi',
      ouaga,
      {},
      flight('AT573', 'TNG', '2027-10-24T17:20'),
    );
    await traveller('fatou', 'Fatou Ndiaye', ouaga, {}, flight('AT400', 'RAK', '2027-10-24T13:30'));
    await traveller(
      'gone',
      'Cancelled Person',
      ouaga,
      {},
      flight('AT571', 'TNG', '2027-10-24T13:00'),
    );
    await t
      .http()
      .post(`/api/registrations/${regs.gone}/cancel`)
      .set(people.gone.auth)
      .send({})
      .expect(200);
    people.noflight = await signup(t, { name: 'Zoé Sans Vol' });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people.noflight.auth)
      .send(registrationBody(ouaga.id))
      .expect(201);
    regs.noflight = reg.body.id;
  });
  afterAll(() => t.close());

  it('groups confirmed arrivals 80 minutes apart at one airport, and not one 3 hours later', async () => {
    const res = await t.http().get(`/api/events/${eventId}/arrivals`).set(admin.auth).expect(200);
    expect(res.body).toMatchObject({
      eventId,
      timezone: 'Africa/Casablanca',
      windowMinutes: 90,
    });
    const groups = res.body.groups.map((g: { id: string; arrivals: Array<{ name: string }> }) => [
      g.id,
      g.arrivals.map((a) => a.name),
    ]);
    expect(groups).toEqual([
      ['TNG-1', ['Awa Traoré', 'Lucía Quispe']],
      ['RAK-1', ['Fatou Ndiaye']],
      ['TNG-2', ['Joseph Mukendi']],
    ]);
    expect(res.body.groups[0]).toMatchObject({
      airport: 'TNG',
      date: '2027-10-24',
      firstArrivalAt: '2027-10-24T13:00:00+00:00',
      lastArrivalAt: '2027-10-24T14:20:00+00:00',
      size: 2,
    });
    expect(res.body.groups[0].arrivals[0]).toEqual({
      registrationId: regs.awa,
      name: 'Awa Traoré',
      organisation: 'Maison des Familles de Ouagadougou',
      country: 'BF',
      phone: '+226 76 00 11 22',
      flightNumber: 'AT571',
      airport: 'TNG',
      at: '2027-10-24T13:00:00+00:00',
    });
    expect(res.body.groups[2].firstArrivalAt).toBe('2027-10-24T17:20:00+00:00');
    expect(res.body.withoutArrival).toEqual([
      {
        registrationId: regs.noflight,
        name: 'Zoé Sans Vol',
        organisation: 'Maison des Familles de Ouagadougou',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/B7654321|P0099887|passport/i);

    const onlyTng = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?airport=tng`)
      .set(admin.auth)
      .expect(200);
    expect(onlyTng.body.groups.map((g: { id: string }) => g.id)).toEqual(['TNG-1', 'TNG-2']);
  });

  it('shows each person their pick-up group', async () => {
    const lucia = await t
      .http()
      .get(`/api/registrations/${regs.lucia}/travel`)
      .set(people.lucia.auth)
      .expect(200);
    expect(lucia.body.pickupGroup).toEqual({
      id: 'TNG-1',
      airport: 'TNG',
      firstArrivalAt: '2027-10-24T13:00:00+00:00',
      lastArrivalAt: '2027-10-24T14:20:00+00:00',
      size: 2,
    });
    const joseph = await t
      .http()
      .get(`/api/registrations/${regs.joseph}/travel`)
      .set(people.joseph.auth)
      .expect(200);
    expect(joseph.body.pickupGroup).toMatchObject({ id: 'TNG-2', size: 1 });
  });

  it('gives the airport team a CSV, field by field, accents intact and no passport numbers', async () => {
    // Hosts get the same sheet without the Phone column: phones are the organisers'.
    const forHost = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?format=csv`)
      .set(host.auth)
      .expect(200);
    expect(parseCsv(forHost.text.slice(1))[0]).not.toContain('Phone');
    expect(forHost.text).not.toContain('+226 76 00 11 22');
    const res = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?format=csv`)
      .set(admin.auth)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="tangier-2027-arrivals.csv"',
    );
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    expect(res.text).not.toMatch(/B7654321|P0099887/);
    const rows = parseCsv(res.text.slice(1));
    expect(rows[0]).toEqual([
      'Pick-up group',
      'Airport',
      'Arrival date',
      'Arrival time (Africa/Casablanca)',
      'Flight',
      'Name',
      'Organisation',
      'Country',
      'Phone',
    ]);
    expect(rows.slice(1).filter((r) => r.length > 1)).toEqual([
      [
        'TNG-1',
        'TNG',
        '2027-10-24',
        '13:00',
        'AT571',
        'Awa Traoré',
        'Maison des Familles de Ouagadougou',
        'BF',
        "'+226 76 00 11 22",
      ],
      [
        'TNG-1',
        'TNG',
        '2027-10-24',
        '14:20',
        'IB8950',
        'Lucía Quispe',
        'Casa de las Familias del Perú',
        'PE',
        '',
      ],
      [
        'RAK-1',
        'RAK',
        '2027-10-24',
        '13:30',
        'AT400',
        'Fatou Ndiaye',
        'Maison des Familles de Ouagadougou',
        'BF',
        '',
      ],
      [
        'TNG-2',
        'TNG',
        '2027-10-24',
        '17:20',
        'AT573',
        'Joseph Mukendi',
        'Maison des Familles de Ouagadougou',
        'BF',
        '',
      ],
    ]);
  });

  it('is for the event’s staff only', async () => {
    await t.http().get(`/api/events/${eventId}/arrivals`).set(people.awa.auth).expect(403);
    await t
      .http()
      .get(`/api/events/${eventId}/arrivals?format=csv`)
      .set(people.awa.auth)
      .expect(403);
    const bad = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?format=xls`)
      .set(admin.auth)
      .expect(400);
    expect(bad.body.message).toMatch(/format/);
    const badAirport = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?airport=TANGIER`)
      .set(admin.auth)
      .expect(400);
    expect(badAirport.body.message).toMatch(/airport/);
  });
});
