import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { register } from './support/agenda-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Audit issue 11, item 11: hosts could mark attendance, although only organisers and the
 * session's facilitators may. A host reads a site visit's bus list; calling its roll is
 * not theirs. The check lives in the agenda service, so the console page is covered too.
 */
describe('security: who marks attendance (issue 11, item 11)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let facilitator: Session;
  let host: Session;
  let participant: Session;
  let visitId: string;
  let signupId: string;

  const staff = (eventId: string, who: Session, role: string) =>
    ds.query(`INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, $3)`, [
      eventId,
      who.id,
      role,
    ]);
  const attended = async () =>
    (
      (await ds.query(`SELECT attended FROM signups WHERE id = $1`, [signupId])) as Array<{
        attended: boolean | null;
      }>
    )[0].attended;
  const mark = (who: Session, value: boolean) =>
    t
      .http()
      .patch(`/api/sessions/${visitId}/signups/${signupId}/attendance`)
      .set(who.auth)
      .send({ attended: value });

  beforeAll(async () => {
    t = await startTestApp('security_attendance');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { country: 'MA' });
    const eventId = (await createEvent(t, admin)).id;
    organiser = await signup(t, { name: 'Organiser' });
    facilitator = await signup(t, { name: 'Facilitator' });
    host = await signup(t, { name: 'Host of the visit' });
    participant = await signup(t, { name: 'Participant' });
    await staff(eventId, organiser, 'organiser');
    await staff(eventId, host, 'host');
    await register(t, eventId, participant, org.id);
    const visit = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'site_visit',
        title: 'Visit: Amal day centre',
        startsAt: '2027-10-28T09:00',
        endsAt: '2027-10-28T12:00',
        status: 'published',
        signupRequired: true,
        facilitatorIds: [facilitator.id],
        siteVisit: {
          hostOrganisationId: org.id,
          address: 'Rue de la Kasbah, Tanger',
          meetingPoint: 'Medina gate',
          departureAt: '2027-10-28T09:10',
          returnAt: '2027-10-28T11:50',
          transport: 'bus',
          seats: 10,
        },
      })
      .expect(201);
    visitId = visit.body.id;
    signupId = (
      await t
        .http()
        .post(`/api/sessions/${visitId}/signups`)
        .set(participant.auth)
        .send({ acceptRules: true })
        .expect(201)
    ).body.id;
    // The bus has left: the roll may be called.
    await ds.query(
      `UPDATE site_visits SET departure_at = now() - interval '1 minute' WHERE session_id = $1`,
      [visitId],
    );
  });
  afterAll(() => t.close());

  it('refuses the host of the visit (403), who can still read the bus list', async () => {
    await t.http().get(`/api/sessions/${visitId}/signups`).set(host.auth).expect(200);
    const res = await mark(host, true).expect(403);
    expect(res.body).toMatchObject({
      statusCode: 403,
      message: "Only organisers and the session's facilitators can mark attendance",
    });
    expect(await attended()).toBeNull();
  });

  it('refuses the participant marking themself', async () => {
    const res = await mark(participant, true);
    expect([403, 404]).toContain(res.status);
    expect(await attended()).toBeNull();
  });

  it("lets the session's facilitator and the event's organiser mark it", async () => {
    expect((await mark(facilitator, true).expect(200)).body.attended).toBe(true);
    expect(await attended()).toBe(true);
    expect((await mark(organiser, false).expect(200)).body.attended).toBe(false);
    expect(await attended()).toBe(false);
  });
});
