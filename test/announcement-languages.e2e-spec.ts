import { DataSource } from 'typeorm';
import { confirmMany } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/**
 * An announcement missing a language its recipients read goes out only when the
 * organiser confirms that those people get another language (API and console form).
 */
describe('announcements in a language some recipients do not read', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let eventId: string;
  const password = 'a-long-password';
  const frOnly = { subject: { fr: 'Changement de salle' }, body: { fr: 'Salle 2.' } };

  beforeAll(async () => {
    t = await startTestApp('announcement_languages');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const organisationId = (await createOrganisation(t, admin)).id;
    eventId = (await createEvent(t, admin, { languages: ['fr', 'en', 'es'] })).id;
    const readers = [
      ...(await fastAccounts(t, 2, { organisationId, locale: 'fr', prefix: 'annfr' })),
      ...(await fastAccounts(t, 3, { organisationId, locale: 'es', prefix: 'annes' })),
    ];
    await confirmMany(t, eventId, readers, organisationId);
  });
  afterAll(() => t.close());

  const count = async (subject: string) =>
    (
      (await ds.query(`SELECT count(*)::int AS n FROM messages WHERE payload->>'subject' = $1`, [
        subject,
      ])) as Array<{ n: number }>
    )[0].n;

  it('API: 409 announcement_language_missing with the languages and counts, sent once confirmed', async () => {
    const url = `/api/events/${eventId}/announcements`;
    const refused = await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ ...frOnly, audience: 'confirmed' })
      .expect(409);
    expect(refused.body.details).toEqual({
      code: 'announcement_language_missing',
      languages: [{ language: 'es', recipients: 3 }],
      fallbacks: [{ from: 'es', to: 'fr', recipients: 3 }],
    });
    expect(await count('Changement de salle')).toBe(0);
    await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ ...frOnly, audience: 'confirmed', allowFallback: 'yes' })
      .expect(400);
    const sent = await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ ...frOnly, audience: 'confirmed', allowFallback: true })
      .expect(201);
    expect(sent.body).toMatchObject({ recipients: 5, byLocale: { fr: 5 } });
    // Written in every language read: no confirmation needed.
    await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({
        subject: { fr: 'Bus', es: 'Autobús' },
        body: { fr: 'À 8 h.', es: 'A las 8.' },
        audience: 'confirmed',
      })
      .expect(201);
  });

  it('console: the send needs the confirmation box ticked', async () => {
    const organiser = await signup(t, { name: 'Nguyễn Thị Minh Khai', password, locale: 'en' });
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    const web = new WebClient(t);
    await web.signIn(organiser.email, password);
    const path = `/console/events/${eventId}/announcements`;
    await web.get(path);
    const texts = { 'subject.fr': 'Atelier déplacé', 'body.fr': "L'atelier est en salle 3." };
    const preview = await web.post(path, { ...texts, audience: 'confirmed', action: 'preview' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Some recipients will not read it in their language');
    expect(preview.text).toContain('name="allowFallback"');
    const checked = /name="checked" value="([^"]+)"/.exec(preview.text)![1];
    const announcementId = /name="announcementId" value="([^"]+)"/.exec(preview.text)![1];
    const form = { ...texts, audience: 'confirmed', action: 'send', checked, announcementId };
    const refused = await web.post(path, form);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Tick the box to send it to these people in another language');
    expect(refused.text).toContain('value="Atelier déplacé"');
    expect(await count('Atelier déplacé')).toBe(0);
    const sent = await web.post(path, { ...form, allowFallback: 'on' });
    expect(sent.status).toBe(303);
    expect(await count('Atelier déplacé')).toBe(5);

    // Another event's organiser cannot send to these people, confirmed or not.
    const stranger = await signup(t, { name: 'Stranger', password, locale: 'en' });
    const theirs = (await createEvent(t, admin, { name: 'Their event' })).id;
    await t
      .http()
      .post(`/api/events/${theirs}/staff`)
      .set(admin.auth)
      .send({ accountId: stranger.id, role: 'organiser' })
      .expect(201);
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: stranger.email, password })
      .expect(200);
    const res = await t
      .http()
      .post(`/api/events/${eventId}/announcements`)
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .send({ ...frOnly, audience: 'confirmed', allowFallback: true });
    expect([403, 404]).toContain(res.status);
    expect(await count('Changement de salle')).toBe(5);
  });
});
