import { DataSource } from 'typeorm';
import { parseCsv } from './support/csv.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const MINH = 'Nguyễn Thị Minh Khai-Hằng';

/*
 * The accommodation pages as a browser sends them (cookies, CSRF): the console's
 * occupancy, hotel, person and rooming-list pages, and the participant's stay.
 */
describe('accommodation pages', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: WebClient;
  let eventId: string;
  let hotelPath: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};
  const password = 'a-long-password';
  const base = () => `/console/events/${eventId}/accommodation`;

  async function join(key: string, name: string, orgId: string, extra: Record<string, unknown>) {
    people[key] = await signup(t, { name, email: `${key}@example.org`, locale: 'fr', password });
    const res = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(orgId, extra))
      .expect(201);
    regs[key] = res.body.id;
  }

  async function as(key: string): Promise<WebClient> {
    const web = new WebClient(t);
    await web.signIn(`${key}@example.org`, password);
    return web;
  }

  beforeAll(async () => {
    t = await startTestApp('accommodation_pages');
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' });
    const hanoi = await createOrganisation(t, admin, { name: 'Nhà Gia Đình', country: 'VN' });
    eventId = (await createEvent(t, admin)).id;
    await join('awa', 'Awa Traoré', org.id, { phone: '+226 76 00 11 22' });
    await join('fatou', 'Fatou Ouédraogo', org.id, { phone: '+226 70 99 88 77' });
    await join('minh', MINH, hanoi.id, {});
    await t
      .http()
      .put(`/api/registrations/${regs.awa}/travel`)
      .set(people.awa.auth)
      .send({
        passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' },
        arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T13:00' },
      })
      .expect(200);
    organiser = new WebClient(t);
    await organiser.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  });

  afterAll(() => t?.close());

  it('adds a hotel through the form, with errors per field and what was typed kept', async () => {
    const empty = await organiser.get(`${base()}?lang=fr`);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('Aucun hôtel pour l’instant');
    const bad = await organiser.post(`${base()}/hotels`, {
      name: 'Hôtel Continental',
      address: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('value="Hôtel Continental"');
    expect(bad.text).toMatch(/id="f-address-error"/);
    const ok = await organiser.post(`${base()}/hotels`, {
      name: 'Hôtel Continental',
      address: '36 Rue Dar El Baroud',
      city: 'Tanger',
      phone: '+212 539 93 10 24',
    });
    expect(ok.status).toBe(303);
    hotelPath = ok.headers.location as string;
    expect(hotelPath).toMatch(/\/hotels\/[0-9a-f-]{36}$/);
  });

  it('sets the rooms booked per night, refusing a negative number next to its cell', async () => {
    const page = await organiser.get(hotelPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="twin.2027-10-24"');
    const bad = await organiser.post(`${hotelPath}/inventory`, { 'twin.2027-10-25': '-2' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('aria-invalid="true"');
    const cells: Record<string, string> = {};
    for (const night of [
      '2027-10-24',
      '2027-10-25',
      '2027-10-26',
      '2027-10-27',
      '2027-10-28',
      '2027-10-29',
    ]) {
      cells[`single.${night}`] = '1';
      cells[`twin.${night}`] = '1';
    }
    expect((await organiser.post(`${hotelPath}/inventory`, cells)).status).toBe(303);
    const after = await organiser.get(hotelPath);
    expect(after.text).toContain('Lits jumeaux 1');
  });

  it('suggests rooms, shows them night by night, and refuses a full room in words', async () => {
    const awa = await as('awa');
    await awa.get(`/my/registrations/${regs.awa}/stay`);
    expect(
      (
        await awa.post(`/my/registrations/${regs.awa}/stay`, {
          roomPreference: 'shared',
          shareWith: 'Fatou',
        })
      ).status,
    ).toBe(303);
    await organiser.get(base());
    const suggested = await organiser.post(`${base()}/suggest`);
    expect(suggested.status).toBe(200);
    expect(suggested.text).toContain('3 personnes placées');
    expect(suggested.text).toContain(MINH);
    // Minh has the single; the twin is full: putting Minh there is refused, in French.
    const person = await organiser.get(`${base()}/people/${regs.minh}`);
    const twinId = /<option value="([0-9a-f-]{36})"[^>]*>Hôtel Continental · Lits jumeaux 1/.exec(
      person.text,
    )![1];
    const full = await organiser.post(`${base()}/people/${regs.minh}/room`, { roomId: twinId });
    expect(full.status).toBe(409);
    expect(full.text).toContain('Cette chambre est complète la nuit du');
  });

  it("overrides a person's dates on their page, with a 400 next to the field", async () => {
    const path = `${base()}/people/${regs.minh}`;
    const page = await organiser.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain(MINH);
    const bad = await organiser.post(`${path}/nights`, {
      checkIn: '2027-10-27',
      checkOut: '2027-10-26',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('value="2027-10-26"');
    expect(
      (await organiser.post(`${path}/nights`, { checkIn: '2027-10-25', checkOut: '2027-10-28' }))
        .status,
    ).toBe(303);
    expect((await organiser.get(path)).text).toContain('fixées par un organisateur');
  });

  it('prints the rooming list without phones, passports or emails, as CSV too, and shows changes once sent', async () => {
    const listPath = `${hotelPath}/rooming-list`;
    const page = await organiser.get(listPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Awa Traoré');
    for (const secret of ['B7654321', '76 00 11 22', '70 99 88 77', 'awa@example.org']) {
      expect(page.text).not.toContain(secret);
    }
    const csv = await organiser.get(`${listPath}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''), ';');
    expect(rows[0][2]).toBe('Guest');
    expect(rows.map((r) => r[2])).toContain(MINH);
    expect(csv.text).not.toContain('+226');

    expect((await organiser.post(`${listPath}/sent`)).status).toBe(303);
    expect((await organiser.get(listPath)).text).toContain('Aucun changement depuis l’envoi.');
    await t
      .http()
      .put(`/api/registrations/${regs.awa}/travel`)
      .set(people.awa.auth)
      .send({ departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-28T09:00' } })
      .expect(200);
    const changed = await organiser.get(listPath);
    expect(changed.text).toContain('Nouvelles dates');
    // Rooms in the reader's words, in the changes too (the sent copy says "Twin 1").
    expect(changed.text).toContain('Lits jumeaux 1');
    expect(changed.text).not.toMatch(/Twin \d/);
  });

  it("shows the participant their hotel, nights and roommate's name on the travel page, light", async () => {
    const awa = await as('awa');
    const travel = await awa.get(`/my/registrations/${regs.awa}/travel`);
    expect(travel.status).toBe(200);
    expect(travel.text).toContain('Votre séjour');
    expect(travel.text).toContain('36 Rue Dar El Baroud');
    expect(travel.text).toContain('Vous partagez votre chambre avec Fatou Ouédraogo.');
    expect(travel.text).not.toContain('70 99 88 77');
    // The section adds little to a page that must stay light on a phone.
    const section = /<section class="card" aria-labelledby="stay-title">[\s\S]*?<\/section>/.exec(
      travel.text,
    )![0];
    expect(Buffer.byteLength(section)).toBeLessThan(1200);
    const bad = await awa.post(`/my/registrations/${regs.awa}/stay`, { roomPreference: 'suite' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="f-roomPreference-error"');
  });

  it('gives 404 to everyone but organisers on the console, and to others on a stay page', async () => {
    const fatou = await as('fatou');
    expect((await fatou.get(base())).status).toBe(404);
    expect((await fatou.get(`${hotelPath}/rooming-list.csv`)).status).toBe(404);
    expect((await fatou.get(`/my/registrations/${regs.awa}/stay`)).status).toBe(404);
    await fatou.get(`/my/registrations/${regs.fatou}/stay`);
    expect(
      (await fatou.post(`/my/registrations/${regs.awa}/stay`, { roomPreference: 'single' })).status,
    ).toBe(404);
    expect((await fatou.post(`${base()}/suggest`)).status).toBe(404);
    // The organiser's own page for an id of nobody in this event.
    expect(
      (await organiser.get(`${base()}/people/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
  });

  it('links each person left to place to their page once a picker per row would be too many', async () => {
    const ds = t.app.get(DataSource);
    let added = 0;
    const confirmMore = async (n: number) => {
      const ids = (await ds.query(
        `WITH a AS (
           INSERT INTO accounts (email, name, locale)
           SELECT 'late-' || (i + $2::int) || '@example.org', 'Arrivée tardive ' || (i + $2::int), 'fr'
             FROM generate_series(1, $1::int) i RETURNING id)
         INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
                                    languages, consent_data_processing_at)
         SELECT $3, a.id, (SELECT organisation_id FROM registrations WHERE id = $4), 'confirmed',
                'social_worker', '{fr}', now()
           FROM a RETURNING id`,
        [n, added, eventId, regs.awa],
      )) as Array<{ id: string }>;
      added += n;
      return ids.map((r) => r.id);
    };
    const [first] = await confirmMore(1);
    const few = await organiser.get(base());
    expect(few.text).toContain(`id="room-${first}"`);

    const many = await confirmMore(20);
    const page = await organiser.get(base());
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="room-');
    for (const id of [first, ...many])
      expect(page.text).toContain(
        `href="${base()}/people/${id}" class="btn small">Choisir une chambre`,
      );
  });
  it("keeps a large meeting's rooms night by night on each hotel's page, the overview light", async () => {
    const small = await organiser.get(base());
    expect(small.text).toContain('class="ac-grid"');

    const added = await organiser.post(`${base()}/hotels`, {
      name: 'Grand Hôtel Villa de France',
      address: '143 Rue de Hollande',
      city: 'Tanger',
    });
    expect(added.status).toBe(303);
    const bigHotel = added.headers.location as string;
    await organiser.get(bigHotel);
    const cells: Record<string, string> = {};
    for (const night of ['2027-10-24', '2027-10-25', '2027-10-26', '2027-10-27', '2027-10-28']) {
      cells[`single.${night}`] = '200';
      cells[`twin.${night}`] = '100';
    }
    expect((await organiser.post(`${bigHotel}/inventory`, cells)).status).toBe(303);

    // A hotel with no room booked yet says so, rather than "0 rooms, see its page".
    expect(
      (
        await organiser.post(`${base()}/hotels`, {
          name: 'Hôtel Rembrandt',
          address: '1 Boulevard Mohammed V',
          city: 'Tanger',
        })
      ).status,
    ).toBe(303);

    // 302 rooms over the nights: past the overview's 1,500 cells.
    const overview = await organiser.get(base());
    expect(overview.status).toBe(200);
    expect(overview.text).not.toContain('class="ac-grid"');
    expect(overview.text).toContain('Cet hôtel compte 300 chambres');
    expect(overview.text).toContain(`href="${hotelPath}#ac-occupancy">Chambre par chambre</a>`);
    expect(overview.text).toContain('<td>2 sur 2 occupées</td>');
    expect(overview.text).not.toContain('compte 0 chambre');
    expect(overview.text).toContain('Aucune chambre réservée pour l’instant.');

    // Each hotel's own page shows who sleeps where.
    const continental = await organiser.get(hotelPath);
    expect(continental.status).toBe(200);
    expect(continental.text).toContain('id="ac-occupancy"');
    expect(continental.text).toContain('class="ac-grid"');
    expect(continental.text).toContain(`<span class="ac-name" dir="auto">${MINH}</span>`);
    expect(continental.text).not.toContain('Grand Hôtel Villa de France : les chambres');
  });
});
