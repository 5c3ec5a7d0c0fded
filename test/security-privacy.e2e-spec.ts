import { DataSource } from 'typeorm';
import { CURRENT_CONSENT_VERSION } from '#registrations';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What an organiser typed in free text about a person: the audit found exactly this. */
const PHONE = '+226 70 12 34 56';
const PASSPORT = 'B7654321';
const typedNote = (name: string) =>
  `Called ${name} on ${PHONE}; passport ${PASSPORT} checked at the embassy`;

/**
 * Issue 11, item 12 (rest): after "forget me" or an event's erasure, nothing an organiser
 * typed about the person survives in the database (someone with a dump is the attacker
 * here); consent records which text was shown; a person can take their data out through
 * the API and read their own registration's history.
 */
describe('Security: privacy (issue 11, item 12)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let org: { id: string };
  let event: { id: string };

  beforeAll(async () => {
    t = await startTestApp('security-privacy');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    org = await createOrganisation(t, admin);
    event = await visaEvent();
  });
  afterAll(() => t.close());

  async function visaEvent(): Promise<{ id: string }> {
    const created = await createEvent(t, admin, { requiresApproval: true });
    await t
      .http()
      .put(`/api/events/${created.id}/visa-rules`)
      .set(admin.auth)
      .send({ visaRequiredFor: ['BF'] })
      .expect(200);
    return created;
  }

  /** A registration with a passport, an organiser's typed visa note and decision reason. */
  async function personWithNotes(
    name: string,
    eventId = event.id,
  ): Promise<{ who: Session; reg: string }> {
    const who = await signup(t, { name, organisationId: org.id });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(who.auth)
      .send(registrationBody(org.id, { phone: PHONE, consent: { dataProcessing: true } }))
      .expect(201);
    await t
      .http()
      .post(`/api/registrations/${reg.body.id}/approve`)
      .set(admin.auth)
      .send({ reason: `Approved after phoning ${name} on ${PHONE}` })
      .expect(200);
    const travel = await t
      .http()
      .put(`/api/registrations/${reg.body.id}/travel`)
      .set(who.auth)
      .send({ passport: { nationality: 'BF', number: PASSPORT, expiresOn: '2031-01-31' } })
      .expect(200);
    expect(travel.body.visa.status).toBe('letter_requested');
    await t
      .http()
      .patch(`/api/registrations/${reg.body.id}/visa`)
      .set(admin.auth)
      .send({ status: 'letter_issued', note: typedNote(name), withoutLetterDetails: true })
      .expect(200);
    return { who, reg: reg.body.id };
  }

  /** Every free-text cell the database holds about this registration. */
  async function freeText(reg: string): Promise<string> {
    const rows = (await ds.query(
      `SELECT note AS text FROM visa_status_changes WHERE registration_id = $1
       UNION ALL SELECT reason FROM registration_status_changes WHERE registration_id = $1
       UNION ALL SELECT phone FROM registrations WHERE id = $1`,
      [reg],
    )) as Array<{ text: string | null }>;
    return rows.map((r) => r.text ?? '').join('\n');
  }

  it('DELETE /me erases the organisers’ visa notes and typed reasons with the personal data', async () => {
    const { who, reg } = await personWithNotes('Awa Traoré');
    expect(await freeText(reg)).toContain(PASSPORT);

    await t.http().delete('/api/me').set(who.auth).expect(204);

    const left = await freeText(reg);
    expect(left).not.toContain(PASSPORT);
    expect(left).not.toContain(PHONE);
    expect(left).not.toContain('Awa');
    // The history keeps its shape (who needed a visa, when) and Convene's own words.
    const reasons = (await ds.query(
      `SELECT reason FROM registration_status_changes WHERE registration_id = $1 ORDER BY changed_at`,
      [reg],
    )) as Array<{ reason: string | null }>;
    expect(reasons.map((r) => r.reason)).toContain('The participant erased their account');
    const visa = (await ds.query(
      `SELECT to_status FROM visa_status_changes WHERE registration_id = $1`,
      [reg],
    )) as unknown[];
    expect(visa.length).toBeGreaterThan(0);
  });

  it("an event's erasure erases the visa notes and typed reasons too", async () => {
    const past = await visaEvent();
    const { reg } = await personWithNotes('Joseph Mbuyi', past.id);
    expect(await freeText(reg)).toContain(PHONE);
    // The week is over (moved into the past rather than waiting for it).
    await ds.query(
      `UPDATE events SET start_date = '2025-01-10', end_date = '2025-01-12',
              registration_opens_at = NULL, registration_closes_at = NULL WHERE id = $1`,
      [past.id],
    );
    await t.http().post(`/api/events/${past.id}/erase-personal-data`).set(admin.auth).expect(200);
    const left = await freeText(reg);
    expect(left).not.toContain(PASSPORT);
    expect(left).not.toContain(PHONE);
    expect(left).not.toContain('Joseph');
  });

  it('records the consent text version shown and its language', async () => {
    const who = await signup(t, { name: 'Lucía Gómez', organisationId: org.id, locale: 'es' });
    const other = await createEvent(t, admin);
    const reg = await t
      .http()
      .post(`/api/events/${other.id}/registrations`)
      .set(who.auth)
      .send(registrationBody(org.id))
      .expect(201);
    const [row] = (await ds.query(
      `SELECT consent_version, consent_locale FROM registrations WHERE id = $1`,
      [reg.body.id],
    )) as Array<{ consent_version: string; consent_locale: string }>;
    expect(row).toEqual({ consent_version: CURRENT_CONSENT_VERSION, consent_locale: 'es' });
  });

  it('a person exports their own data as JSON through the API, and only theirs', async () => {
    const { who, reg } = await personWithNotes('Nguyễn Thị Minh');
    const neighbour = await personWithNotes('Someone Else');
    const res = await t.http().get('/api/me/export').set(who.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="convene-my-data-/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body.account).toMatchObject({ email: who.email, name: 'Nguyễn Thị Minh' });
    const text = JSON.stringify(res.body);
    expect(text).toContain(reg);
    expect(text).not.toContain(neighbour.reg);
    expect(text).not.toContain(neighbour.who.email);
    expect(text).not.toContain('Someone Else');
    // Without a login: nothing.
    await t.http().get('/api/me/export').expect(401);
  });

  it('a person reads their own registration history; organisers stay unnamed; strangers get 404', async () => {
    const { who, reg } = await personWithNotes('Chloé Martin');
    const own = await t.http().get(`/api/registrations/${reg}/history`).set(who.auth).expect(200);
    expect(own.body.map((h: { to: string }) => h.to)).toEqual(['pending', 'confirmed']);
    expect(own.body[0].by).toEqual({ accountId: who.id, name: 'Chloé Martin' });
    expect(own.body[1].by).toEqual({ accountId: null, name: null });
    const stranger = await signup(t);
    await t.http().get(`/api/registrations/${reg}/history`).set(stranger.auth).expect(404);
    // Organisers still see who acted.
    const seen = await t
      .http()
      .get(`/api/registrations/${reg}/history`)
      .set(admin.auth)
      .expect(200);
    expect(seen.body[1].by.accountId).toBe(admin.id);
  });
});
