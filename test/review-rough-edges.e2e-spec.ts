import { DataSource } from 'typeorm';
import { VisaLetters } from '#travel';
import { PassportCipher } from '../libs/travel/src/passport-cipher.js';
import { unsubscribeToken } from '../libs/messaging/src/unsubscribe/unsubscribe-token.js';
import { registrationBody } from './support/registration-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/**
 * Three rough edges of the last review: the unsubscribe link opens a page (not JSON), the
 * event's contact address has a field, and a letter waits for its details unless confirmed.
 */
describe('unsubscribe page, event contact address, letter details before issuing', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let event: { id: string; slug: string };
  let orgId: string;

  const asAdmin = async () => {
    const web = new WebClient(t);
    await web.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    return web;
  };

  /** A confirmed participant who asked for a letter, with a passport but no letter details. */
  const asksForLetter = async (name: string, locale: string) => {
    const who = await signup(t, { name, locale });
    const reg = (
      await t
        .http()
        .post(`/api/events/${event.id}/registrations`)
        .set(who.auth)
        .send(registrationBody(orgId))
        .expect(201)
    ).body.id as string;
    await t
      .http()
      .put(`/api/registrations/${reg}/travel`)
      .set(who.auth)
      .send({ passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' } })
      .expect(200);
    await t
      .http()
      .patch(`/api/registrations/${reg}/visa`)
      .set(who.auth)
      .send({ status: 'letter_requested' })
      .expect(200);
    return reg;
  };
  const statusOf = async (reg: string) =>
    (
      (await ds.query(`SELECT visa_status FROM travel_plans WHERE registration_id = $1`, [
        reg,
      ])) as Array<{ visa_status: string }>
    )[0]?.visa_status;

  beforeAll(async () => {
    t = await startTestApp('review_rough_edges');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    orgId = (await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' })).id;
    event = await createEvent(t, admin, { name: 'Tangier 2027' });
    await t
      .http()
      .put(`/api/events/${event.id}/visa-rules`)
      .set(admin.auth)
      .send({ visaRequiredFor: ['BF'] })
      .expect(200);
  });
  afterAll(() => t.close());

  it('opens the unsubscribe link as a page in the person’s language; the button stops them', async () => {
    const email = 'awa.unsub@example.org';
    const token = unsubscribeToken(t.config.jwtSecret, { eventId: event.id, email });
    const optOuts = async () =>
      (
        (await ds.query(
          `SELECT count(*)::int AS n FROM announcement_opt_outs WHERE event_id = $1 AND email = $2`,
          [event.id, email],
        )) as Array<{ n: number }>
      )[0]!.n;
    const web = new WebClient(t);
    const page = await web.get(`/unsubscribe/${token}?lang=fr`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    expect(page.text).toContain('Ne plus recevoir ces annonces');
    expect(page.text).toContain('Tangier 2027');
    // Opening it (a mail scanner, a preview) changes nothing.
    expect(await optOuts()).toBe(0);

    const done = await web.post(`/unsubscribe/${token}`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Vous ne recevrez plus les annonces facultatives de Tangier 2027.');
    expect(await optOuts()).toBe(1);
    expect((await web.get(`/unsubscribe/${token}`)).text).toContain('Vous ne recevez déjà plus');

    expect((await web.get(`/unsubscribe/${token.slice(0, -3)}abc`)).status).toBe(404);
    expect((await web.post(`/unsubscribe/not-a-token`)).status).toBe(404);
    // Mail providers' one-click POST on the API stays as it was.
    const api = await t.http().post(`/api/unsubscribe/${token}`).expect(200);
    expect(api.body).toMatchObject({ eventId: event.id, unsubscribed: true });
  });

  it('edits the event’s contact address in the console and the API, refusing a bad one by name', async () => {
    const web = await asAdmin();
    const settings = `/console/events/${event.id}/settings`;
    const form = await web.get(settings);
    expect(form.text).toContain('name="contactEmail"');
    const fields = (contactEmail: string) => ({
      kind: 'meeting',
      hostOrganisationId: '',
      languages: ['en'],
      'names.en': 'Tangier 2027',
      timezone: 'Africa/Casablanca',
      startDate: '2027-10-25',
      endDate: '2027-10-30',
      capacity: '30',
      contactEmail,
    });
    const bad = await web.post(settings, fields('contact at network'));
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="f-contactEmail-error">[^<]+</);
    expect(bad.text).toContain("Organisers' contact address");
    expect(bad.text).toContain('value="contact at network"');

    const ok = await web.post(settings, fields('contact@cop-network.org'));
    expect(ok.status).toBe(303);
    const [row] = (await ds.query(`SELECT contact_email FROM events WHERE id = $1`, [
      event.id,
    ])) as Array<{ contact_email: string | null }>;
    expect(row!.contact_email).toBe('contact@cop-network.org');
    expect((await web.get(settings)).text).toContain('value="contact@cop-network.org"');

    const apiBad = await t
      .http()
      .patch(`/api/events/${event.id}`)
      .set(admin.auth)
      .send({ contactEmail: 'nope' })
      .expect(400);
    expect(JSON.stringify(apiBad.body)).toContain('contactEmail');
    const cleared = await t
      .http()
      .patch(`/api/events/${event.id}`)
      .set(admin.auth)
      .send({ contactEmail: null })
      .expect(200);
    expect(cleared.body.contactEmail).toBeNull();
  });

  it('flags missing letter details on the board and issues only once the organiser confirms', async () => {
    const awa = await asksForLetter('Awa Traoré', 'fr');
    const joseph = await asksForLetter('Joseph Kaboré', 'en');

    const letters = t.app.get(VisaLetters);
    const actor = { accountId: admin.id, platformRole: 'admin' as const };
    await expect(letters.issue(actor, awa, event.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('missing: date of birth, passport issue date'),
      details: { reason: 'letter_details_missing', missing: ['birthDate', 'passportIssuedOn'] },
    });
    expect(await statusOf(awa)).toBe('letter_requested');
    const board = await t.http().get(`/api/events/${event.id}/visas`).set(admin.auth).expect(200);
    const item = (board.body.items as Array<{ registrationId: string }>).find(
      (i) => i.registrationId === awa,
    );
    expect(item).toMatchObject({ letterDetailsMissing: ['birthDate', 'passportIssuedOn'] });

    const web = await asAdmin();
    const visas = `/console/events/${event.id}/visas`;
    const page = await web.get(visas);
    expect(page.text).toContain('Letter details missing: date of birth, passport issue date');
    const refused = await web.post(`${visas}/letters`, { only: awa, back: '' });
    expect(refused.text).toContain('0 letters issued out of 1 requested.');
    expect(refused.text).toContain('the date of birth or the passport issue date is missing');
    expect(await statusOf(awa)).toBe('letter_requested');

    const confirmed = await web.post(`${visas}/letters`, {
      only: awa,
      withoutDetails: 'on',
      back: '',
    });
    expect(confirmed.text).toContain('1 letter issued out of 1 requested.');
    expect(await statusOf(awa)).toBe('letter_issued');

    // A status change to "letter issued" waits for the details the same way.
    const lucia = await asksForLetter('Lucía Quispe', 'es');
    const move = (body: object) =>
      t.http().patch(`/api/registrations/${lucia}/visa`).set(admin.auth).send(body);
    const moved = await move({ status: 'letter_issued' }).expect(409);
    expect(moved.body.details).toMatchObject({ reason: 'letter_details_missing' });
    const person = await web.get(`${visas}/${lucia}`);
    expect(person.text).toContain('name="withoutLetterDetails"');
    const refusedMove = await web.post(`${visas}/${lucia}/status`, { status: 'letter_issued' });
    expect(refusedMove.status).toBe(409);
    expect(refusedMove.text).toContain('the date of birth or the passport issue date is missing');
    await move({ status: 'letter_issued', withoutLetterDetails: true }).expect(200);
    expect(await statusOf(lucia)).toBe('letter_issued');

    // Once the participant gives them, no confirmation is needed.
    const cipher = t.app.get(PassportCipher);
    await ds.query(
      `UPDATE travel_plans SET birth_date_encrypted = $2, passport_issued_on_encrypted = $3
        WHERE registration_id = $1`,
      [joseph, cipher.seal('1985-03-02'), cipher.seal('2022-01-10')],
    );
    expect((await web.get(visas)).text).not.toContain('Letter details missing');
    await expect(letters.issue(actor, joseph, event.id)).resolves.toEqual({
      registrationId: joseph,
      issued: true,
    });
    expect(await statusOf(joseph)).toBe('letter_issued');
  });
});
