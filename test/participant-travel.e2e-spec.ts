import { gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { pdfText } from './support/pdf-text.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const PASSWORD = 'a-long-password';

/** supertest buffers a PDF only when asked to. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const FEED = /\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics/;

describe('participant travel, calendar and my data pages', () => {
  let t: TestApp;
  let ds: DataSource;
  let organiser: Session;
  let eventId: string;
  let orgId: string;

  async function participant(name: string, locale = 'fr') {
    const person = await signup(t, { name, locale, password: PASSWORD });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(person.auth)
      .send(registrationBody(orgId, { phone: '+22670000000', dietary: 'Sans porc' }))
      .expect(201);
    const web = new WebClient(t);
    await web.signIn(person.email, PASSWORD);
    return { person, registrationId: reg.body.id as string, web };
  }

  const travelPath = (id: string) => `/my/registrations/${id}/travel`;

  beforeAll(async () => {
    t = await startTestApp('participant_travel');
    ds = t.app.get(DataSource);
    const admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali', password: PASSWORD });
    orgId = (await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' })).id;
    eventId = (
      await createEvent(t, admin, {
        name: 'Communities of Practice — Tangier 2027',
        venue: { name: 'Hôtel Continental', city: 'Tanger', country: 'MA' },
      })
    ).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
  });
  afterAll(() => t.close());

  it("gives 404 for another participant's travel page, letter and forms", async () => {
    const awa = await participant('Awa Traoré');
    const other = await participant('Jean Mukendi');
    expect((await awa.web.get(travelPath(awa.registrationId))).status).toBe(200);

    const page = await other.web.get(travelPath(awa.registrationId));
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('Awa');
    const letter = await other.web.get(`${travelPath(awa.registrationId)}/invitation-letter.pdf`);
    expect(letter.status).toBe(404);
    await other.web.get('/my/data');
    const post = await other.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'CD',
      'passport.number': 'OP0000001',
      'passport.expiresOn': '2032-01-01',
    });
    expect(post.status).toBe(404);
    const request = await other.web.post(`${travelPath(awa.registrationId)}/letter-request`);
    expect(request.status).toBe(404);
    const plan = await t
      .http()
      .get(`/api/registrations/${awa.registrationId}/travel`)
      .set(awa.person.auth)
      .expect(200);
    expect(plan.body.passport).toBeNull();
    // Not a page at all for an unknown or malformed id, nor for someone signed out.
    expect((await other.web.get(travelPath('not-a-uuid'))).status).toBe(404);
    const signedOut = await new WebClient(t).get(travelPath(awa.registrationId));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toMatch(/^\/signin\?next=/);
  });

  it('refuses the travel form posted without its CSRF token', async () => {
    const awa = await participant('Awa Ouédraogo');
    await awa.web.get(travelPath(awa.registrationId));
    const res = await awa.web.post(travelPath(awa.registrationId), {
      _csrf: '',
      'passport.nationality': 'BF',
      'passport.number': 'B1234567',
      'passport.expiresOn': '2032-01-31',
    });
    expect(res.status).toBe(403);
    const plan = await t
      .http()
      .get(`/api/registrations/${awa.registrationId}/travel`)
      .set(awa.person.auth)
      .expect(200);
    expect(plan.body.passport).toBeNull();
  });

  it('says what is wrong next to each field, in French and in Spanish, keeping what was typed', async () => {
    const awa = await participant('Awa Sawadogo', 'fr');
    await awa.web.get(travelPath(awa.registrationId));
    const fr = await awa.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'ZZ',
      'passport.number': 'B12!',
      'passport.expiresOn': '31/01/2032',
      'arrival.flightNumber': 'vol du matin',
      'arrival.airport': 'TANGER',
      'arrival.at': 'demain',
    });
    expect(fr.status).toBe(400);
    expect(fr.text).toContain('Il y a un problème');
    expect(fr.text).toContain('Choisissez le pays qui a délivré votre passeport.');
    expect(fr.text).toContain('Saisissez le numéro tel qu’il est imprimé sur votre passeport');
    expect(fr.text).toContain('Indiquez la date d’expiration : jour, mois et année.');
    expect(fr.text).toContain('Saisissez le code de la compagnie et le numéro du vol');
    expect(fr.text).toContain('Saisissez le code à trois lettres de l’aéroport');
    expect(fr.text).toContain('Indiquez la date et l’heure locale.');
    // The message sits next to its field, and the summary links to it.
    expect(fr.text).toMatch(
      /id="f-arrival-airport-error">Saisissez le code à trois lettres[^<]*<\/span><input id="f-arrival-airport"/,
    );
    expect(fr.text).toContain('href="#f-passport-number"');
    expect(fr.text).toContain('value="B12!"');
    expect(fr.text).toContain('value="vol du matin"');
    expect(fr.text).toContain('value="TANGER"');

    // The service's own rules come back next to their fields too: an expired passport,
    // a flight home before the flight in.
    const es = await awa.web.post(`${travelPath(awa.registrationId)}?lang=es`, {
      'passport.nationality': 'BF',
      'passport.number': 'B 123-4567',
      'passport.expiresOn': '2020-01-31',
    });
    expect(es.status).toBe(400);
    expect(es.text).toContain('Hay un problema');
    expect(es.text).toContain('Esta fecha ya ha pasado');
    expect(es.text).toContain('value="B 123-4567"');
    const order = await awa.web.post(travelPath(awa.registrationId), {
      'arrival.flightNumber': 'AT571',
      'arrival.airport': 'TNG',
      'arrival.at': '2027-10-24T14:05',
      'departure.flightNumber': 'AT570',
      'departure.airport': 'TNG',
      'departure.at': '2027-10-20T09:00',
    });
    expect(order.status).toBe(400);
    expect(order.text).toContain('El vuelo de vuelta debe salir después');
    const plan = await t
      .http()
      .get(`/api/registrations/${awa.registrationId}/travel`)
      .set(awa.person.auth)
      .expect(200);
    expect(plan.body.passport).toBeNull();
    expect(plan.body.arrival).toBeNull();
  });

  it('saves passport and flights, reads wall-clock times at the airport, and shows them the local way', async () => {
    const awa = await participant('Awa Kaboré', 'fr');
    await awa.web.get(travelPath(awa.registrationId));
    const saved = await awa.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'BF',
      'passport.number': 'b 1234-567',
      'passport.expiresOn': '2028-01-31',
      'arrival.flightNumber': 'at 571',
      'arrival.airport': 'tng',
      'arrival.at': '2027-10-24T14:05',
      'arrival.airportTimezone': '',
      'departure.flightNumber': 'AT570',
      'departure.airport': 'CMN',
      'departure.at': '2027-10-31T08:30',
      'departure.airportTimezone': 'Africa/Casablanca',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(travelPath(awa.registrationId));
    const plan = await t
      .http()
      .get(`/api/registrations/${awa.registrationId}/travel`)
      .set(awa.person.auth)
      .expect(200);
    expect(plan.body.passport).toMatchObject({ nationality: 'BF', number: 'B1234567' });
    expect(plan.body.arrival).toMatchObject({
      flightNumber: 'AT571',
      airport: 'TNG',
      at: '2027-10-24T14:05:00+00:00',
    });
    expect(plan.body.departure.airportTimezone).toBe('Africa/Casablanca');

    const page = await awa.web.get(travelPath(awa.registrationId));
    expect(page.text).toContain('Vos informations de voyage sont enregistrées.');
    // The holder sees her number in full; the country is named in her language.
    expect(page.text).toContain('value="B1234567"');
    expect(page.text).toMatch(/<option value="BF" selected>Burkina Faso<\/option>/);
    expect(page.text).toContain('value="2027-10-24T14:05"');
    // Less than six months after the meeting: said in words.
    expect(page.text).toContain('Votre passeport expire le lundi 31 janvier 2028');
    expect(page.text).toContain('Pas de visa nécessaire');
    // In words: the flights at the airport's local time with the zone named, the passport too.
    expect(page.text).toContain(
      'Vol AT571, aéroport TNG · dimanche 24 octobre 2027, 14:05, heure de Tanger',
    );
    expect(page.text).toContain(
      'Vol AT570, aéroport CMN · dimanche 31 octobre 2027, 08:30, heure de Casablanca',
    );
    expect(page.text).toContain('Burkina Faso, numéro B1234567, expire le lundi 31 janvier 2028');

    // An organiser sees the number masked (the API's rule), never on this page.
    const organiserView = await t
      .http()
      .get(`/api/registrations/${awa.registrationId}/travel`)
      .set(organiser.auth)
      .expect(200);
    expect(organiserView.body.passport.number).toBe('•••••4567');
    const organiserWeb = new WebClient(t);
    await organiserWeb.signIn(organiser.email, PASSWORD);
    expect((await organiserWeb.get(travelPath(awa.registrationId))).status).toBe(404);

    // A flight left blank is removed; the number left blank stays on file.
    await awa.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'BF',
      'passport.number': '',
      'passport.expiresOn': '2028-01-31',
      'arrival.flightNumber': 'AT571',
      'arrival.airport': 'TNG',
      'arrival.at': '2027-10-24T14:05',
    });
    const after = await t
      .http()
      .get(`/api/registrations/${awa.registrationId}/travel`)
      .set(awa.person.auth)
      .expect(200);
    expect(after.body.passport.number).toBe('B1234567');
    expect(after.body.departure).toBeNull();
  });

  it('lets the holder request a letter, refuses the download until an organiser issued it, then serves the PDF', async () => {
    const awa = await participant('Awa Zongo', 'fr');
    await awa.web.get(travelPath(awa.registrationId));
    await awa.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'BF',
      'passport.number': 'B7654321',
      'passport.expiresOn': '2032-06-30',
    });
    // Not in the rules: no visa needed, but she may still ask.
    let page = await awa.web.get(travelPath(awa.registrationId));
    expect(page.text).toContain('Demander une lettre d’invitation');
    expect(page.text).not.toContain('Télécharger ma lettre');

    const requested = await awa.web.post(`${travelPath(awa.registrationId)}/letter-request`);
    expect(requested.status).toBe(303);
    page = await awa.web.get(travelPath(awa.registrationId));
    expect(page.text).toContain('Votre demande a été transmise');
    expect(page.text).toContain('Lettre d’invitation demandée');
    expect(page.text).not.toContain('Demander une lettre d’invitation');

    const early = await awa.web.get(`${travelPath(awa.registrationId)}/invitation-letter.pdf`);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toMatch(/text\/html/);
    expect(early.text).toContain('Votre lettre d’invitation n’a pas encore été délivrée.');
    const [{ visa_status }] = await ds.query(
      'SELECT visa_status FROM travel_plans WHERE registration_id = $1',
      [awa.registrationId],
    );
    expect(visa_status).toBe('letter_requested');

    // The organiser opens it (through the API): that issues it.
    await t
      .http()
      .get(`/api/registrations/${awa.registrationId}/visa-letter.pdf`)
      .set(organiser.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);

    page = await awa.web.get(travelPath(awa.registrationId));
    expect(page.text).toContain('Lettre d’invitation délivrée');
    expect(page.text).toContain('Télécharger ma lettre d’invitation (PDF)');
    expect(page.text).not.toContain('Demander une lettre d’invitation');
    expect(page.text).toContain('Fixé selon les règles de visa de la rencontre');
    const pdf = await awa.web.get(`${travelPath(awa.registrationId)}/invitation-letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="invitation-letter-/);
    const res = await t
      .http()
      .get(`${travelPath(awa.registrationId)}/invitation-letter.pdf`)
      .set('cookie', `cv_session=${awa.web.cookie('cv_session')}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Awa Zongo');
    expect(text).toContain('B7654321');
  });

  it('shows a cancelled registration read-only, and says why a change is refused', async () => {
    const awa = await participant('Awa Nikiéma', 'fr');
    await awa.web.get(travelPath(awa.registrationId));
    await awa.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'BF',
      'passport.number': 'B5555555',
      'passport.expiresOn': '2032-06-30',
    });
    const form = (await awa.web.get(travelPath(awa.registrationId))).text;
    await t
      .http()
      .post(`/api/registrations/${awa.registrationId}/cancel`)
      .set(awa.person.auth)
      .send({})
      .expect(200);
    const page = await awa.web.get(travelPath(awa.registrationId));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Cette inscription n’est plus active');
    expect(page.text).toContain('Burkina Faso, numéro B5555555');
    expect(page.text).not.toContain('Enregistrer mon voyage');
    expect(page.text).not.toContain('Demander une lettre d’invitation');
    // A form left open in another tab is refused in words, not with a server error.
    expect(form).toContain('Enregistrer mon voyage');
    const late = await awa.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'CD',
      'passport.number': 'OP1111111',
      'passport.expiresOn': '2032-06-30',
    });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Cette inscription n’est plus active');
    const letter = await awa.web.post(`${travelPath(awa.registrationId)}/letter-request`);
    expect(letter.status).toBe(409);
  });

  it('shows the subscription link once, and rotating it makes the old URL stop working', async () => {
    const awa = await participant('Awa Compaoré', 'fr');
    let page = await awa.web.get('/my/calendar');
    expect(page.text).toContain('Vous n’avez pas encore de lien d’abonnement.');
    expect(page.text).not.toMatch(FEED);

    const created = await awa.web.post('/my/calendar/link');
    expect(created.status).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const first = FEED.exec(created.text)![0];
    expect(created.text).toContain(`href="webcal://`);
    expect(created.text).toMatch(/<svg[^>]*>/);
    expect(created.text).toContain('role="img"');
    await t.http().get(first).expect(200);

    // A later visit cannot show the secret again.
    page = await awa.web.get('/my/calendar');
    expect(page.text).toContain('Vous avez un lien d’abonnement, créé le');
    expect(page.text).not.toMatch(FEED);

    const rotated = await awa.web.post('/my/calendar/link');
    const second = FEED.exec(rotated.text)![0];
    expect(second).not.toBe(first);
    expect(rotated.text).toContain('L’ancien ne fonctionne plus.');
    await t.http().get(first).expect(404);
    await t.http().get(second).expect(200);

    const revoked = await awa.web.post('/my/calendar/revoke');
    expect(revoked.status).toBe(303);
    await t.http().get(second).expect(404);
    page = await awa.web.get('/my/calendar');
    expect(page.text).toContain('Votre lien d’abonnement a été révoqué');

    const ics = await awa.web.get('/my/calendar.ics');
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('BEGIN:VCALENDAR');

    // Without its token the rotation is refused.
    const forged = await awa.web.post('/my/calendar/link', { _csrf: '' });
    expect(forged.status).toBe(403);
  });

  it('keeps every page within the phone budget: 14 KB of HTML, compressed', async () => {
    const awa = await participant('Awa Budget', 'fr');
    await awa.web.get(travelPath(awa.registrationId));
    await awa.web.post(travelPath(awa.registrationId), {
      'passport.nationality': 'BF',
      'passport.number': 'B9999999',
      'passport.expiresOn': '2032-06-30',
      'arrival.flightNumber': 'AT571',
      'arrival.airport': 'TNG',
      'arrival.at': '2027-10-24T14:05',
    });
    const created = await awa.web.post('/my/calendar/link');
    const pages = [
      (await awa.web.get(travelPath(awa.registrationId))).text,
      created.text,
      (await awa.web.get('/my/calendar')).text,
      (await awa.web.get('/my/data')).text,
      (await awa.web.get('/my/data/delete')).text,
    ];
    for (const html of pages) expect(gzipSync(html).length).toBeLessThan(14 * 1024);
  });

  it("exports the person's own data as JSON, and nobody else's", async () => {
    const awa = await participant('Awa Ilboudo', 'fr');
    const jean = await participant('Jean Kabila', 'fr');
    for (const [who, number] of [
      [awa, 'B1111111'],
      [jean, 'OP2222222'],
    ] as const) {
      await who.web.get(travelPath(who.registrationId));
      await who.web.post(travelPath(who.registrationId), {
        'passport.nationality': who === awa ? 'BF' : 'CD',
        'passport.number': number,
        'passport.expiresOn': '2032-06-30',
      });
    }
    await awa.web.post('/my/calendar/link');

    const page = await awa.web.get('/my/data');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Awa Ilboudo');
    expect(page.text).toContain('•••••1111');
    expect(page.text).not.toContain('B1111111');
    expect(page.text).toContain('Un lien d’abonnement existe');
    expect(page.text).toContain('Sans porc');

    const res = await awa.web.get('/my/data/export.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="convene-my-data-/);
    const data = JSON.parse(res.text);
    expect(data.format).toBe('convene-personal-data/1');
    expect(data.account).toMatchObject({ name: 'Awa Ilboudo', email: awa.person.email });
    expect(data.registrations).toHaveLength(1);
    expect(data.registrations[0]).toMatchObject({
      id: awa.registrationId,
      phone: '+22670000000',
      dietary: 'Sans porc',
    });
    expect(data.registrations[0].travel.passport.number).toBe('B1111111');
    expect(data.consents).toHaveLength(1);
    expect(data.calendarSubscription.exists).toBe(true);
    // Nothing about anyone else: not Jean, not the organisers who touched her file.
    expect(res.text).not.toContain('Jean Kabila');
    expect(res.text).not.toContain(jean.person.email);
    expect(res.text).not.toContain('OP2222222');
    expect(res.text).not.toContain(jean.registrationId);
    expect(res.text).not.toContain('Nadia Benali');
    // The secret calendar URL is not in the export either.
    expect(res.text).not.toMatch(FEED);

    // Signed out: no export.
    const anonymous = await new WebClient(t).get('/my/data/export.json');
    expect(anonymous.status).toBe(303);
  });

  it('changes name and language, with messages next to the fields', async () => {
    const awa = await participant('Awa Diallo', 'fr');
    await awa.web.get('/my/data');
    const bad = await awa.web.post('/my/data/profile', { name: '', locale: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Saisissez votre nom : de 1 à 200 caractères.');
    expect(bad.text).toContain('Choisissez l’une des langues.');
    const ok = await awa.web.post('/my/data/profile', {
      name: 'Awa Diallo-Traoré',
      locale: 'es',
    });
    expect(ok.status).toBe(303);
    const page = await awa.web.get(ok.headers.location);
    expect(page.text).toContain('<html lang="es">');
    expect(page.text).toContain('Sus datos se han guardado.');
    expect(page.text).toContain('Awa Diallo-Traoré');
  });

  it('says the consequences first, then deletes the account and ends the session', async () => {
    const awa = await participant('Awa Yaméogo', 'fr');
    const confirm = await awa.web.get('/my/data/delete');
    expect(confirm.text).toContain('Votre inscription en cours sera annulée.');
    expect(confirm.text).toContain('C’est irréversible.');
    expect(confirm.text).toContain('Communities of Practice — Tangier 2027');

    const done = await awa.web.post('/my/data/delete');
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/my/data/deleted?lang=fr');
    expect(awa.web.cookie('cv_session')).toBeUndefined();
    const after = await awa.web.get(done.headers.location);
    expect(after.text).toContain('Votre compte a été supprimé');
    expect(after.text).not.toContain('Se déconnecter');
    expect((await awa.web.get('/my/data')).status).toBe(303);

    const [row] = await ds.query('SELECT erased_at, email FROM accounts WHERE id = $1', [
      awa.person.id,
    ]);
    expect(row.erased_at).not.toBeNull();
    const [reg] = await ds.query('SELECT status FROM registrations WHERE id = $1', [
      awa.registrationId,
    ]);
    expect(reg.status).toBe('cancelled');
    expect(
      await ds.query('SELECT 1 FROM web_sessions WHERE account_id = $1', [awa.person.id]),
    ).toHaveLength(0);
  });

  it("shows the service's refusal in words when the person is an event's only organiser", async () => {
    const admin = await loginAdmin(t);
    const solo = await signup(t, { name: 'Solo Organiser', password: PASSWORD, locale: 'fr' });
    const own = await createEvent(t, admin, { name: 'Rencontre de Lima 2028' });
    await t
      .http()
      .post(`/api/events/${own.id}/staff`)
      .set(admin.auth)
      .send({ accountId: solo.id, role: 'organiser' })
      .expect(201);
    await ds.query(
      `DELETE FROM event_staff WHERE event_id = $1 AND account_id <> $2 AND role = 'organiser'`,
      [own.id, solo.id],
    );
    const web = new WebClient(t);
    await web.signIn(solo.email, PASSWORD);
    await web.get('/my/data/delete');
    const refused = await web.post('/my/data/delete');
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(
      'Vous êtes la seule personne qui organise : Rencontre de Lima 2028.',
    );
    expect((await web.get('/my/data')).status).toBe(200);
  });
});
