import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { VisaLetters } from '#travel';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { parseCsv } from './support/csv.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/** supertest buffers application/pdf only when asked to. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const MINH = 'Nguyễn Thị Minh Khai-Hằng';

/*
 * The visa board and the arrivals sheet of the console, through the pages as a browser
 * sends them (cookies, CSRF fields), with travel plans entered through the API.
 * Tangier 2027: Africa/Casablanca is UTC+0 (tzdata 2026c); Node's ICU still says UTC+1.
 */
describe('console: visa board and arrivals', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let web: WebClient;
  let eventId: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};

  const visas = () => `/console/events/${eventId}/visas`;
  const statusOf = async (reg: string) =>
    (
      (await ds.query(`SELECT visa_status FROM travel_plans WHERE registration_id = $1`, [
        reg,
      ])) as Array<{ visa_status: string | null }>
    )[0]?.visa_status ?? null;

  async function participant(
    key: string,
    name: string,
    org: { id: string },
    extra: Record<string, unknown>,
    travel: Record<string, unknown> | null,
  ) {
    people[key] = await signup(t, { name, locale: key === 'lucia' ? 'es' : 'fr' });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(org.id, extra))
      .expect(201);
    regs[key] = reg.body.id;
    if (travel) {
      await t
        .http()
        .put(`/api/registrations/${regs[key]}/travel`)
        .set(people[key].auth)
        .send(travel)
        .expect(200);
    }
  }

  beforeAll(async () => {
    t = await startTestApp('console_visas');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali', locale: 'en' });
    const ouaga = await createOrganisation(t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
    });
    const lima = await createOrganisation(t, admin, {
      name: 'Casa de las Familias del Perú',
      country: 'PE',
    });
    const hanoi = await createOrganisation(t, admin, {
      name: 'Nhà Gia Đình Hà Nội',
      country: 'VN',
    });
    eventId = (await createEvent(t, admin, { name: 'Communities of Practice — Tangier 2027' })).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    await t
      .http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['BF', 'PE', 'VN'] })
      .expect(200);
    await participant(
      'awa',
      'Awa Traoré',
      ouaga,
      { phone: '+226 76 00 11 22' },
      {
        passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' },
        arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T13:00' },
        departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-31T10:05' },
      },
    );
    await participant(
      'lucia',
      'Lucía Quispe',
      lima,
      {},
      {
        passport: { nationality: 'PE', number: 'P0099887', expiresOn: '2030-06-30' },
        arrival: { flightNumber: 'IB8950', airport: 'TNG', at: '2027-10-24T14:20' },
      },
    );
    await participant(
      'minh',
      MINH,
      hanoi,
      {},
      {
        // The event ends 2027-10-30: this passport runs out less than six months later.
        passport: { nationality: 'VN', number: 'C1234567', expiresOn: '2028-01-15' },
        arrival: { flightNumber: 'AT400', airport: 'RAK', at: '2027-10-24T13:30' },
      },
    );
    await participant(
      'pierre',
      'Pierre Martin',
      ouaga,
      {},
      { passport: { nationality: 'FR', number: 'F1122334', expiresOn: '2032-05-05' } },
    );
    await participant('zoe', 'Zoé Sans Passeport', ouaga, {}, null);
    web = new WebClient(t);
    await web.signIn(organiser.email, 'a-long-password');
  });
  afterAll(() => t.close());

  const count = (html: string, status: string) =>
    Number(
      new RegExp(`status=${status}"[^>]*><span class="cv-count-n">(\\d+)<`).exec(html)?.[1] ??
        'NaN',
    );

  it('counts participants per visa status, each count a link that filters', async () => {
    const res = await web.get(visas());
    expect(res.status).toBe(200);
    expect(count(res.text, 'letter_requested')).toBe(3);
    expect(count(res.text, 'not_required')).toBe(1);
    expect(count(res.text, 'unknown')).toBe(1);
    expect(count(res.text, 'granted')).toBe(0);
    for (const name of ['Awa Traoré', 'Lucía Quispe', MINH, 'Pierre Martin']) {
      expect(res.text).toContain(name);
    }
    // Nationalities are country names in the reader's language, not codes.
    expect(res.text).toContain('<td>Burkina Faso</td>');
    expect(res.text).toContain('<td>Vietnam</td>');
    const fr = await web.get(`${visas()}?lang=fr`);
    expect(fr.text).toContain('<td>Pérou</td>');
    expect(fr.text).toContain('Suivi des visas');
    await web.get(`${visas()}?lang=en`);
  });

  it('filters by status, nationality, passport expiry and search, as a GET form', async () => {
    const notRequired = await web.get(`${visas()}?status=not_required`);
    expect(notRequired.text).toContain('Pierre Martin');
    expect(notRequired.text).not.toContain('Awa Traoré');
    expect(notRequired.text).toContain('1 participant<');

    const vietnam = await web.get(`${visas()}?nationality=VN`);
    expect(vietnam.text).toContain(MINH);
    expect(vietnam.text).not.toContain('Lucía Quispe');

    const expiring = await web.get(`${visas()}?passportExpiring=true`);
    expect(expiring.text).toContain(MINH);
    expect(expiring.text).not.toContain('Awa Traoré');
    expect(expiring.text).toContain('Expires too soon (less than 6 months after the event)');

    const search = await web.get(`${visas()}?q=quispe`);
    expect(search.text).toContain('Lucía Quispe');
    expect(search.text).not.toContain('Pierre Martin');

    // A bad filter is said next to its field; the rest of the page still works.
    const bad = await web.get(`${visas()}?status=bogus&q=awa`);
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('class="error-summary"');
    expect(bad.text).toContain('Awa Traoré');
    expect(bad.text).not.toContain('Lucía Quispe');
  });

  it('issues three letters in bulk: three issued, each emailed and downloadable by its holder', async () => {
    await web.get(visas());
    const res = await web.post(`${visas()}/letters`, {
      registrationId: [regs.awa, regs.lucia, regs.minh],
      // They have not given their date of birth and passport issue date: issued anyway.
      withoutDetails: 'on',
      back: '',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('3 letters issued out of 3 requested.');
    for (const key of ['awa', 'lucia', 'minh']) {
      expect(await statusOf(regs[key])).toBe('letter_issued');
      const pdf = await t
        .http()
        .get(`/api/registrations/${regs[key]}/visa-letter.pdf`)
        .set(people[key].auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const [{ n }] = (await ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE template = 'visa_letter_issued' AND recipient_account_id = $1`,
        [people[key].id],
      )) as Array<{ n: number }>;
      expect(n).toBe(1);
    }
    expect(count(res.text, 'letter_issued')).toBe(3);

    // The same form sent again issues nothing twice, and says so.
    const again = await web.post(`${visas()}/letters`, {
      registrationId: [regs.awa, regs.lucia, regs.minh],
    });
    expect(again.text).toContain('0 letters issued out of 3 requested.');
    expect(again.text).toContain('Already issued earlier: nothing changed.');
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM visa_status_changes WHERE event_id = $1 AND to_status = 'letter_issued'`,
      [eventId],
    )) as Array<{ n: number }>;
    expect(n).toBe(3);
  });

  it('reports a refusal for each letter that cannot be issued, in words', async () => {
    const res = await web.post(`${visas()}/letters`, {
      registrationId: [regs.pierre, regs.zoe, 'not-an-id'],
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('0 letters issued out of 3 requested.');
    expect(res.text).toContain(
      'Not issued: no invitation letter has been requested for this person.',
    );
    expect(res.text).toContain('Unknown person');
    expect(await statusOf(regs.pierre)).toBe('not_required');
    const none = await web.post(`${visas()}/letters`, {});
    expect(none.status).toBe(400);
    expect(none.text).toContain('Please tick at least one person first.');
  });

  it('the service issues a letter without rendering it, only for organisers of that event', async () => {
    const letters = t.app.get(VisaLetters);
    const actor = { accountId: people.awa.id, platformRole: 'user' } as never;
    await expect(letters.issue(actor, regs.awa)).rejects.toMatchObject({ code: 'forbidden' });
    const other = await createEvent(t, admin);
    const asAdmin = { accountId: admin.id, platformRole: 'admin' } as never;
    await expect(letters.issue(asAdmin, regs.awa, other.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('downloads an issued letter from the board, and refuses one never issued without a 500', async () => {
    const pdf = await web.get(`${visas()}/${regs.awa}/letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/attachment; filename=".*\.pdf"/);
    const never = await web.get(`${visas()}/${regs.pierre}/letter.pdf`);
    expect(never.status).toBe(409);
    expect(await statusOf(regs.pierre)).toBe('not_required');
  });

  it('changes a status with a note, which shows in the history', async () => {
    const page = await web.get(`${visas()}/${regs.awa}`);
    expect(page.status).toBe(200);
    // Only the statuses that may follow "Letter issued" are offered.
    expect(page.text).toContain('<option value="applied">Visa applied for</option>');
    expect(page.text).not.toContain('<option value="granted">');
    const note = 'Appointment at the consulate in Ouagadougou on 2 September';
    const res = await web.post(`${visas()}/${regs.awa}/status`, { status: 'applied', note });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${visas()}/${regs.awa}`);
    expect(await statusOf(regs.awa)).toBe('applied');
    const after = await web.get(res.headers.location);
    expect(after.text).toContain('The visa status has been changed.');
    expect(after.text).toContain(note);
    expect(after.text).toMatch(/Letter issued →\s*<strong>Visa applied for<\/strong>/);
    expect(after.text).toContain('Nadia Benali');
  });

  it('refuses a forbidden move with the reason and what is allowed, nothing changed', async () => {
    await web.get(`${visas()}/${regs.lucia}`);
    const res = await web.post(`${visas()}/${regs.lucia}/status`, {
      status: 'granted',
      note: 'typed note stays',
    });
    expect(res.status).toBe(409);
    expect(res.text).toContain('class="error-summary"');
    expect(res.text).toContain(
      'The status cannot go from “Letter issued” to “Visa granted”. From here it can go to: Visa applied for, Letter requested, Not required.',
    );
    expect(res.text).toContain('typed note stays');
    expect(await statusOf(regs.lucia)).toBe('letter_issued');
    const bad = await web.post(`${visas()}/${regs.lucia}/status`, { status: 'flying' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('class="error-summary"');
  });

  it('saves the visa rules and counts the plans to review', async () => {
    const page = await web.get(`${visas()}/rules`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<option value="BF" selected>Burkina Faso</option>');
    const res = await web.post(`${visas()}/rules`, { visaRequiredFor: ['BF', 'PE', 'VN', 'FR'] });
    expect(res.status).toBe(303);
    const after = await web.get(res.headers.location);
    expect(after.text).toContain('The visa rules have been saved.');
    expect(after.text).toContain('<li>France</li>');
    expect(after.text).toContain('1 travel plan is still at “Not required”');
    const [{ visa_required_for }] = (await ds.query(
      `SELECT visa_required_for FROM event_visa_rules WHERE event_id = $1`,
      [eventId],
    )) as Array<{ visa_required_for: string[] }>;
    expect(visa_required_for).toEqual(['BF', 'FR', 'PE', 'VN']);
    const bad = await web.post(`${visas()}/rules`, { visaRequiredFor: ['BF', 'XX'] });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('class="error-summary"');
    expect(bad.text).toContain('<option value="BF" selected>');
  });

  it('lists arrivals by day and airport in pick-up groups, and departures, in Tangier time', async () => {
    const res = await web.get(`/console/events/${eventId}/arrivals`);
    expect(res.status).toBe(200);
    const text = res.text;
    expect(text).toContain('Sunday, 24 October 2027');
    expect(text).toContain('Airport TNG');
    expect(text).toContain('Airport RAK');
    expect(text).toContain('Pick-up group TNG-1: 2 people, landing between 13:00 and 14:20');
    expect(text).toContain('Pick-up group RAK-1: 1 person, landing at 13:30');
    expect(text.indexOf('Awa Traoré')).toBeLessThan(text.indexOf('Lucía Quispe'));
    expect(text).toContain('+226 76 00 11 22');
    expect(text).toContain('Departures');
    expect(text).toContain('Sunday, 31 October 2027');
    expect(text).toMatch(/<td class="cv-nowrap">10:05<\/td><td class="cv-nowrap">AT570<\/td>/);
    expect(text).toContain('Zoé Sans Passeport');
    expect(text).not.toMatch(/B7654321|C1234567/);

    const fr = await web.get(`/console/events/${eventId}/arrivals?lang=fr&airport=rak`);
    expect(fr.text).toContain('dimanche 24 octobre 2027');
    expect(fr.text).toContain('Groupe d’accueil RAK-1 : 1 personne, arrivée à 13:30');
    expect(fr.text).not.toContain('TNG-1');
    expect(fr.text).toContain('<td>Viêt Nam</td>');
    await web.get(`/console/events/${eventId}/arrivals?lang=en`);
  });

  it('the arrivals service also lists confirmed departures, in the event zone (API)', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/arrivals`)
      .set(organiser.auth)
      .expect(200);
    expect(res.body.departures).toEqual([
      {
        registrationId: regs.awa,
        name: 'Awa Traoré',
        organisation: 'Maison des Familles de Ouagadougou',
        country: 'BF',
        phone: '+226 76 00 11 22',
        flightNumber: 'AT570',
        airport: 'TNG',
        at: '2027-10-31T10:05:00+00:00',
      },
    ]);
    const rak = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?airport=RAK`)
      .set(organiser.auth)
      .expect(200);
    expect(rak.body.departures).toEqual([]);
  });

  it('downloads the arrivals CSV of the service', async () => {
    const res = await web.get(`/console/events/${eventId}/arrivals/arrivals.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*-arrivals\.csv"/);
    const rows = parseCsv(res.text.replace(/^\uFEFF/, ''));
    const awa = rows.find((r) => r.includes('Awa Traoré'));
    expect(awa?.slice(0, 8)).toEqual([
      'TNG-1',
      'TNG',
      '2027-10-24',
      '13:00',
      'AT571',
      'Awa Traoré',
      'Maison des Familles de Ouagadougou',
      'BF',
    ]);
    // The organisers' sheet has the phone (a CSV writer may quote a leading + against formulas).
    expect(awa?.[8]).toMatch(/^'?\+226 76 00 11 22$/);
  });

  it('is 404 for a participant, a host and an organiser of another event', async () => {
    const host = await signup(t, { name: 'Airport Team' });
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    const stranger = await signup(t, { name: 'Other Organiser' });
    const other = await createEvent(t, admin);
    await t
      .http()
      .post(`/api/events/${other.id}/staff`)
      .set(admin.auth)
      .send({ accountId: stranger.id, role: 'organiser' })
      .expect(201);
    const pages = [
      visas(),
      `${visas()}/rules`,
      `${visas()}/${regs.awa}`,
      `${visas()}/${regs.awa}/letter.pdf`,
      `/console/events/${eventId}/arrivals`,
      `/console/events/${eventId}/arrivals/arrivals.csv`,
    ];
    for (const who of [people.awa, host, stranger]) {
      const client = new WebClient(t);
      await client.signIn(who.email, 'a-long-password');
      for (const path of pages) {
        const res = await client.get(path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.text).not.toContain('Awa Traoré');
      }
      await client.get('/');
      const post = await client.post(`${visas()}/letters`, { registrationId: regs.pierre });
      expect(post.status).toBe(404);
      const move = await client.post(`${visas()}/${regs.minh}/status`, { status: 'applied' });
      expect(move.status).toBe(404);
      const rules = await client.post(`${visas()}/rules`, { visaRequiredFor: ['DE'] });
      expect(rules.status).toBe(404);
    }
    // A platform admin is let in, like the event's organisers.
    const asAdmin = new WebClient(t);
    await asAdmin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    for (const path of pages.slice(0, 3)) expect((await asAdmin.get(path)).status).toBe(200);
    // The other event's organiser cannot reach this event's people through their own event.
    const client = new WebClient(t);
    await client.signIn(stranger.email, 'a-long-password');
    const via = await client.get(`/console/events/${other.id}/visas/${regs.minh}`);
    expect(via.status).toBe(404);
    expect(await statusOf(regs.minh)).toBe('letter_issued');
    // Nor issue this event's letters by ticking its people on their own event's board.
    await ds.query(
      `UPDATE travel_plans SET visa_status = 'letter_requested' WHERE registration_id = $1`,
      [regs.minh],
    );
    await client.get(`/console/events/${other.id}/visas`);
    const issued = await client.post(`/console/events/${other.id}/visas/letters`, {
      registrationId: [regs.minh],
      withoutDetails: 'on',
      back: '',
    });
    expect(issued.status).toBe(200);
    expect(issued.text).toContain('0 letters issued out of 1 requested.');
    expect(issued.text).toContain('Unknown person');
    expect(issued.text).not.toContain('Nguyễn');
    expect(await statusOf(regs.minh)).toBe('letter_requested');
    await ds.query(
      `UPDATE travel_plans SET visa_status = 'letter_issued' WHERE registration_id = $1`,
      [regs.minh],
    );
  });

  it('answers odd input with a page, never a 500', async () => {
    const odd = [
      `${visas()}?page=1e300`,
      `${visas()}?page=-1&pageSize=100000`,
      `${visas()}?q=${'x'.repeat(5000)}`,
      `${visas()}?status=granted&status=refused&nationality=${encodeURIComponent('<b>')}`,
      `${visas()}/not-a-uuid`,
      `${visas()}/00000000-0000-0000-0000-000000000000`,
      `/console/events/${eventId}/arrivals?airport=${encodeURIComponent("' OR 1=1")}`,
      `/console/events/not-an-event/visas`,
    ];
    for (const path of odd) {
      const res = await web.get(path);
      expect([path, res.status < 500]).toEqual([path, true]);
    }
    await web.get(visas());
    const posts: Array<[string, Record<string, string | string[]>]> = [
      [`${visas()}/letters`, { registrationId: ['x'.repeat(3000), '\u0000'], back: '%%%' }],
      [`${visas()}/${regs.minh}/status`, { status: 'applied', note: 'a\u0000b' }],
      [`${visas()}/${regs.minh}/status`, { status: 'applied', note: 'n'.repeat(1001) }],
      [`${visas()}/rules`, { visaRequiredFor: Array.from({ length: 300 }, (_, i) => `C${i}`) }],
    ];
    for (const [path, form] of posts) {
      const res = await web.post(path, form);
      expect([path, res.status < 500]).toEqual([path, true]);
    }
    expect(await statusOf(regs.minh)).toBe('letter_issued');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const before = await statusOf(regs.minh);
    const res = await web.post(`${visas()}/${regs.minh}/status`, {
      _csrf: '',
      status: 'applied',
    });
    expect(res.status).toBe(403);
    expect(await statusOf(regs.minh)).toBe(before);
    const rules = await web.post(`${visas()}/rules`, { _csrf: '', visaRequiredFor: ['DE'] });
    expect(rules.status).toBe(403);
    const [{ visa_required_for }] = (await ds.query(
      `SELECT visa_required_for FROM event_visa_rules WHERE event_id = $1`,
      [eventId],
    )) as Array<{ visa_required_for: string[] }>;
    expect(visa_required_for).not.toContain('DE');
  });
});
