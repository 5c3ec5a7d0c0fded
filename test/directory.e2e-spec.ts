import { DataSource } from 'typeorm';
import { register } from './support/agenda-fixtures.js';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('directory of participants: opt-in, seen only by the event’s people', () => {
  let t: TestApp;
  let admin: Session;
  let awa: Session;
  let linh: Session;
  let quiet: Session;
  let waitlisted: Session;
  let otherParticipant: Session;
  let otherOrganiser: Session;
  let stranger: Session;
  let eventId: string;
  let otherEventId: string;
  let awaReg: string;
  let linhReg: string;
  let waitReg: string;
  let otherReg: string;

  beforeAll(async () => {
    t = await startTestApp('directory');
    admin = await loginAdmin(t);
    const bf = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
    [awa, linh, quiet, waitlisted, otherParticipant, otherOrganiser, stranger] = await fastAccounts(
      t,
      7,
      { organisationId: bf.id, prefix: 'directory' },
    );
    await t.app
      .get(DataSource)
      .query(`UPDATE accounts SET name = $2 WHERE id = $1`, [linh.id, 'Nguyễn Thị Linh']);
    eventId = (await createEvent(t, admin, { capacity: 3 })).id;
    otherEventId = (await createEvent(t, admin)).id;
    await t
      .http()
      .post(`/api/events/${otherEventId}/staff`)
      .set(admin.auth)
      .send({ accountId: otherOrganiser.id, role: 'organiser' })
      .expect(201);
    awaReg = await register(t, eventId, awa, bf.id, { phone: '+226 70 00 00 01' });
    linhReg = await register(t, eventId, linh, bf.id, { languages: ['vi', 'en'] });
    await register(t, eventId, quiet, bf.id);
    const wait = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(waitlisted.auth)
      .send({
        organisationId: bf.id,
        profession: 'psychologist',
        languages: ['fr'],
        consent: { dataProcessing: true },
      })
      .expect(201);
    expect(wait.body.status).toBe('waitlisted');
    waitReg = wait.body.id;
    otherReg = await register(t, otherEventId, otherParticipant, bf.id);
  });
  afterAll(() => t.close());

  const directory = (as: Session, event = eventId) =>
    t.http().get(`/api/events/${event}/directory`).set(as.auth);
  const put = (as: Session, reg: string, listed: unknown) =>
    t.http().put(`/api/registrations/${reg}/directory`).set(as.auth).send({ listed });

  it('is off by default: nobody is listed', async () => {
    expect((await directory(awa).expect(200)).body).toEqual([]);
    const mine = await t.http().get(`/api/registrations/${awaReg}/directory`).set(awa.auth);
    expect(mine.body).toEqual({ listed: false, eventId });
  });

  it('shows those who opted in to the other confirmed participants and to staff', async () => {
    await put(awa, awaReg, true).expect(200, { listed: true, eventId });
    await put(linh, linhReg, true).expect(200);
    await put(awa, awaReg, true).expect(200);
    const seen = (await directory(quiet).expect(200)).body;
    expect(seen.map((e: { registrationId: string }) => e.registrationId).sort()).toEqual(
      [awaReg, linhReg].sort(),
    );
    const linhEntry = seen.find((e: { registrationId: string }) => e.registrationId === linhReg);
    expect(linhEntry).toEqual({
      registrationId: linhReg,
      name: 'Nguyễn Thị Linh',
      organisation: { name: 'Kogl Taaba', country: 'BF' },
      profession: 'social_worker',
      professionOther: null,
      languages: ['vi', 'en'],
      isMe: false,
    });
    const own = (await directory(awa).expect(200)).body;
    expect(own.find((e: { isMe: boolean }) => e.isMe).registrationId).toBe(awaReg);
    expect((await directory(admin).expect(200)).body).toHaveLength(2);
  });

  it('never carries an email or a phone', async () => {
    const raw = JSON.stringify((await directory(quiet).expect(200)).body);
    expect(raw).not.toContain('@');
    expect(raw).not.toContain('+226');
    expect(raw).not.toMatch(/email|phone/i);
  });

  it('is a 404 for waitlisted people, another event’s participant or organiser, and strangers', async () => {
    for (const who of [waitlisted, otherParticipant, otherOrganiser, stranger]) {
      await directory(who).expect(404);
    }
    await t.http().get(`/api/events/${eventId}/directory`).expect(401);
  });

  it('lets only the participant list themselves (404 for anyone else’s registration)', async () => {
    for (const who of [awa, otherOrganiser, stranger, admin]) {
      await put(who, linhReg, false).expect(404);
    }
    await put(otherParticipant, awaReg, false).expect(404);
    await put(awa, otherReg, true).expect(404);
    await put(awa, awaReg, 'yes')
      .expect(400)
      .expect((r) => expect(JSON.stringify(r.body.details)).toContain('listed'));
  });

  it('does not show a waitlisted person even when they opted in', async () => {
    await put(waitlisted, waitReg, true).expect(200);
    const seen = (await directory(quiet).expect(200)).body;
    expect(seen.map((e: { registrationId: string }) => e.registrationId)).not.toContain(waitReg);
  });

  it('withdrawing removes the person at once', async () => {
    await put(linh, linhReg, false).expect(200, { listed: false, eventId });
    const seen = (await directory(quiet).expect(200)).body;
    expect(seen.map((e: { registrationId: string }) => e.registrationId)).toEqual([awaReg]);
  });
});
