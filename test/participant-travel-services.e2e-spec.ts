import { DataSource } from 'typeorm';
import { CalendarFeeds } from '#calendar';
import type { Actor } from '#core';
import { PersonalDataExport } from '#privacy';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const actor = (s: Session): Actor => ({ accountId: s.id, platformRole: 'member' });

/** The domain pieces the pages added: the personal data export and the feed's status. */
describe('PersonalDataExport and CalendarFeeds.status', () => {
  let t: TestApp;
  let ds: DataSource;
  let exporter: PersonalDataExport;
  let feeds: CalendarFeeds;
  let organiser: Session;
  let eventId: string;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp('participant_travel_services');
    ds = t.app.get(DataSource);
    exporter = t.app.get(PersonalDataExport);
    feeds = t.app.get(CalendarFeeds);
    const admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali' });
    orgId = (await createOrganisation(t, admin, { country: 'BF' })).id;
    eventId = (await createEvent(t, admin, { name: 'Rencontre de Tanger' })).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('holds the person, their registrations, passport in full, consents and emails, and no one else', async () => {
    const awa = await signup(t, { name: 'Awa Traoré', locale: 'fr' });
    const jean = await signup(t, { name: 'Jean Mukendi', locale: 'fr' });
    const regs: Record<string, string> = {};
    for (const [who, number] of [
      [awa, 'B1234567'],
      [jean, 'OP7654321'],
    ] as const) {
      const reg = await t
        .http()
        .post(`/api/events/${eventId}/registrations`)
        .set(who.auth)
        .send(registrationBody(orgId, { accessibility: `needs of ${who.id}` }))
        .expect(201);
      regs[who.id] = reg.body.id;
      await t
        .http()
        .put(`/api/registrations/${reg.body.id}/travel`)
        .set(who.auth)
        .send({ passport: { nationality: 'BF', number, expiresOn: '2032-01-31' } })
        .expect(200);
    }
    // The organiser moves her visa: the export keeps the change, not who made it.
    await t
      .http()
      .patch(`/api/registrations/${regs[awa.id]}/visa`)
      .set(organiser.auth)
      .send({ status: 'letter_requested', note: 'Consulate asked for it' })
      .expect(200);
    await t.http().post('/api/auth/magic-link').send({ email: awa.email }).expect(202);

    const data = await exporter.export(actor(awa), new Date('2027-01-01T00:00:00Z'));
    expect(data.exportedAt).toBe('2027-01-01T00:00:00.000Z');
    expect(data.account).toMatchObject({ id: awa.id, email: awa.email, name: 'Awa Traoré' });
    expect(data.registrations.map((r) => r.id)).toEqual([regs[awa.id]]);
    const [reg] = data.registrations;
    expect(reg.accessibility).toBe(`needs of ${awa.id}`);
    expect(reg.event.venueCity).toBe('Tangier');
    expect(reg.statusHistory.map((h) => h.to)).toEqual(['confirmed']);
    expect(reg.travel?.passport?.number).toBe('B1234567');
    expect(reg.travel?.visa.history.at(-1)).toMatchObject({
      to: 'letter_requested',
      note: 'Consulate asked for it',
    });
    expect(reg.travel?.visa.history.at(-1)).not.toHaveProperty('by');
    expect(data.consents).toEqual([
      expect.objectContaining({ registrationId: regs[awa.id], purpose: 'data_processing' }),
    ]);
    // Emails by subject, never their body (a login link is a key).
    const subjects = data.messages.map((m) => m.subject);
    expect(subjects.length).toBeGreaterThanOrEqual(2);
    const [{ payload }] = await ds.query(
      `SELECT payload FROM messages WHERE recipient_account_id = $1 AND template = 'magic_link'`,
      [awa.id],
    );
    const text = JSON.stringify(data);
    expect(text).not.toContain(String(payload.link));
    for (const other of [jean.id, jean.email, 'Jean Mukendi', 'OP7654321', regs[jean.id]]) {
      expect(text).not.toContain(other);
    }
    expect(text).not.toContain('Nadia Benali');
    expect(text).not.toContain(organiser.id);

    // The organiser's own export says which events they run.
    const theirs = await exporter.export(actor(organiser));
    expect(theirs.staffRoles).toEqual([
      expect.objectContaining({ eventName: 'Rencontre de Tanger', role: 'organiser' }),
    ]);
    expect(theirs.registrations).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain('B1234567');
  });

  it('refuses an erased account', async () => {
    const gone = await signup(t, { name: 'Gone Soon' });
    await t.http().delete('/api/me').set(gone.auth).expect(204);
    await expect(exporter.export(actor(gone))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('tells whether a feed exists without ever giving its secret', async () => {
    const awa = await signup(t, { name: 'Awa Feed' });
    expect(await feeds.status(actor(awa))).toBeNull();
    const { url } = await feeds.rotate(actor(awa));
    const status = await feeds.status(actor(awa));
    expect(status).toEqual({ createdAt: expect.any(String), lastUsedAt: null });
    const token = /calendar\/([\w-]{43})\.ics$/.exec(url)![1];
    expect(JSON.stringify(status)).not.toContain(token);
    await t.http().get(new URL(url).pathname).expect(200);
    expect((await feeds.status(actor(awa)))?.lastUsedAt).toEqual(expect.any(String));
    expect((await exporter.export(actor(awa))).calendarSubscription.exists).toBe(true);
    await feeds.revoke(actor(awa));
    expect(await feeds.status(actor(awa))).toBeNull();
  });
});
