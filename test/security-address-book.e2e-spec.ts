import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 11, item 5: account ids are not an address book. An organiser of one event who
 * got hold of a stranger's account id (a facilitator list, a shared link, a log) tries
 * to learn that person's email and the other editions they went to, and to register
 * them without asking.
 */
describe('Security: account ids are not an address book (issue 11, item 5)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let stranger: Session;
  let org: { id: string };
  let ownEvent: { id: string };
  let otherEvent: { id: string };
  let strangerElsewhere: string;

  const details = (organisationId: string) => ({
    organisationId,
    profession: 'psychologist',
    phone: '+212 600 000 111',
    dietary: 'No pork',
    consent: { dataProcessing: true },
  });

  beforeAll(async () => {
    t = await startTestApp('security-address-book');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    org = await createOrganisation(t, admin);
    organiser = await signup(t, { name: 'Olga Organiser' });
    stranger = await signup(t, {
      name: 'Samira Stranger',
      email: `samira-${Date.now()}@example.org`,
    });
    ownEvent = await createEvent(t, admin, { name: 'Olga week' });
    // Platform admins may still add by id: they run every account anyway.
    await t
      .http()
      .post(`/api/events/${ownEvent.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    otherEvent = await createEvent(t, admin, { name: 'Someone else’s immersion' });
    const reg = await t
      .http()
      .post(`/api/events/${otherEvent.id}/registrations`)
      .set(stranger.auth)
      .send(details(org.id))
      .expect(201);
    strangerElsewhere = reg.body.id;
  });
  afterAll(() => t.close());

  const leaks = (body: unknown) => JSON.stringify(body).includes(stranger.email);

  it('an organiser cannot add a stranger as staff by account id (and so read their email)', async () => {
    const res = await t
      .http()
      .post(`/api/events/${ownEvent.id}/staff`)
      .set(organiser.auth)
      .send({ accountId: stranger.id, role: 'host' })
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, details: { field: 'accountId' } });
    expect(res.body.message).toMatch(/by email/);
    expect(leaks(res.body)).toBe(false);
    const staff = await t.http().get(`/api/events/${ownEvent.id}/staff`).set(organiser.auth);
    expect(staff.status).toBe(200);
    expect(leaks(staff.body)).toBe(false);
    expect(staff.body.map((s: { accountId: string }) => s.accountId)).not.toContain(stranger.id);
    // Nor read the profile by id.
    const profile = await t.http().get(`/api/accounts/${stranger.id}`).set(organiser.auth);
    expect(profile.status).toBe(403);
    expect(leaks(profile.body)).toBe(false);
  });

  it('an organiser adds staff by email through the API, as the pages do', async () => {
    const email = `new-facilitator-${Date.now()}@example.org`;
    const res = await t
      .http()
      .post(`/api/events/${ownEvent.id}/staff`)
      .set(organiser.auth)
      .send({ email, role: 'facilitator', name: 'Nadia Facilitator', locale: 'fr' })
      .expect(201);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email, role: 'facilitator', invited: true }),
      ]),
    );
    const [invitation] = (await ds.query(
      `SELECT locale FROM messages WHERE recipient_email = $1 ORDER BY created_at DESC LIMIT 1`,
      [email],
    )) as Array<{ locale: string }>;
    expect(invitation?.locale).toBe('fr');
    // Neither an email nor an id: 400 naming the field.
    const missing = await t
      .http()
      .post(`/api/events/${ownEvent.id}/staff`)
      .set(organiser.auth)
      .send({ role: 'host' })
      .expect(400);
    expect(missing.body.details.fields[0]).toMatchObject({ field: 'email' });
  });

  it('an organiser cannot register a stranger by account id', async () => {
    const res = await t
      .http()
      .post(`/api/events/${ownEvent.id}/registrations`)
      .set(organiser.auth)
      .send({ ...details(org.id), accountId: stranger.id })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, details: { field: 'accountId' } });
    expect(res.body.message).toMatch(/on-behalf/);
    const rows = (await ds.query(
      `SELECT 1 FROM registrations WHERE event_id = $1 AND account_id = $2`,
      [ownEvent.id, stranger.id],
    )) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('registered by email, the person waits for their own consent; the organiser sees only their own edition', async () => {
    const made = await t
      .http()
      .post(`/api/events/${ownEvent.id}/registrations/on-behalf`)
      .set(organiser.auth)
      .send({
        email: stranger.email,
        name: 'ignored for an existing account',
        locale: 'en',
        organisationId: org.id,
        profession: 'psychologist',
      })
      .expect(201);
    expect(made.body).toMatchObject({ status: 'awaiting_consent', accountId: stranger.id });
    const id = made.body.id as string;

    // Not counted anywhere until the person agrees.
    const stats = await t.http().get(`/api/events/${ownEvent.id}/stats`).set(organiser.auth);
    expect(stats.body.participants).toBe(0);

    // The other editions this person went to are not the organiser's business.
    const editions = await t
      .http()
      .get(`/api/registrations/${id}/editions`)
      .set(organiser.auth)
      .expect(200);
    expect(editions.body.map((e: { registrationId: string }) => e.registrationId)).toEqual([id]);
    expect(JSON.stringify(editions.body)).not.toContain(otherEvent.id);
    // ...nor is the registration there, or its history.
    await t.http().get(`/api/registrations/${strangerElsewhere}`).set(organiser.auth).expect(404);
    await t
      .http()
      .get(`/api/registrations/${strangerElsewhere}/history`)
      .set(organiser.auth)
      .expect(404);
    // Prefill is the caller's own past answers, never someone else's.
    const prefill = await t
      .http()
      .get(`/api/events/${ownEvent.id}/registrations/prefill`)
      .set(organiser.auth)
      .expect(200);
    expect(prefill.body).toMatchObject({ from: null, phone: null, dietary: null });

    // The organiser cannot answer for the person.
    await t
      .http()
      .post(`/api/registrations/${id}/consent`)
      .set(organiser.auth)
      .send({ agree: true })
      .expect(404);
    // The person does, signed in; the consent version shown is recorded.
    const agreed = await t
      .http()
      .post(`/api/registrations/${id}/consent`)
      .set(stranger.auth)
      .send({ agree: true, locale: 'fr' })
      .expect(200);
    expect(agreed.body.status).toBe('confirmed');
    const [row] = (await ds.query(
      `SELECT consent_version, consent_locale, consent_data_processing_at FROM registrations WHERE id = $1`,
      [id],
    )) as Array<{
      consent_version: string;
      consent_locale: string;
      consent_data_processing_at: Date;
    }>;
    expect(row).toMatchObject({ consent_version: expect.any(String), consent_locale: 'fr' });
    expect(row.consent_data_processing_at).not.toBeNull();
    // Admins still see every edition.
    const all = await t.http().get(`/api/registrations/${id}/editions`).set(admin.auth).expect(200);
    expect(all.body).toHaveLength(2);
  });
});
