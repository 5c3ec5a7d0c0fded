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
 * Audit issue 11, item 12 (archived editions): an archived event still accepted new
 * sessions and rooms, travel-plan and visa changes, and cancellations of its
 * registrations. An archived edition is read-only: every such change is a 409 with
 * details.reason "event_archived", and nothing changes; reading it still works.
 */
describe('security: archived editions are read-only (issue 11, item 12)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let awa: Session;
  let eventId: string;
  let roomId: string;
  let sessionId: string;
  let registrationId: string;
  let pendingId: string;
  let otherSessionId: string;
  let signupId: string;

  const statusOf = async (id: string) =>
    (
      (await ds.query(`SELECT status FROM registrations WHERE id = $1`, [id])) as Array<{
        status: string;
      }>
    )[0].status;

  /** The one answer for any change to an archived edition. */
  const expectArchived = (res: { status: number; body: Record<string, unknown> }, what: string) => {
    expect([what, res.status]).toEqual([what, 409]);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringMatching(/archived/),
      details: { reason: 'event_archived' },
    });
  };

  beforeAll(async () => {
    t = await startTestApp('security_archived');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { country: 'BF' });
    eventId = (await createEvent(t, admin, { slug: 'dakar-2026-archived' })).id;
    organiser = await signup(t, { name: 'Nadia Benali' });
    await ds.query(
      `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
      [eventId, organiser.id],
    );
    await t
      .http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['BF'] })
      .expect(200);
    roomId = (
      await t
        .http()
        .post(`/api/events/${eventId}/rooms`)
        .set(organiser.auth)
        .send({ name: 'Salle A', capacity: 30 })
        .expect(201)
    ).body.id;
    sessionId = (
      await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(organiser.auth)
        .send({
          kind: 'workshop',
          title: 'Atelier',
          startsAt: '2027-10-26T09:00',
          endsAt: '2027-10-26T10:00',
          roomId,
          status: 'published',
          signupRequired: true,
          capacity: 10,
        })
        .expect(201)
    ).body.id;
    otherSessionId = (
      await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(organiser.auth)
        .send({
          kind: 'workshop',
          title: 'Second workshop',
          startsAt: '2027-10-27T09:00',
          endsAt: '2027-10-27T10:00',
          status: 'published',
          signupRequired: true,
          capacity: 10,
        })
        .expect(201)
    ).body.id;
    awa = await signup(t, { name: 'Awa Traoré' });
    registrationId = await register(t, eventId, awa, org.id, { phone: '+226 76 00 11 22' });
    await t
      .http()
      .put(`/api/registrations/${registrationId}/travel`)
      .set(awa.auth)
      .send({ passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' } })
      .expect(200);
    signupId = (
      await t.http().post(`/api/sessions/${sessionId}/signups`).set(awa.auth).send({}).expect(201)
    ).body.id;
    // Someone still waiting for approval when the edition was archived.
    const late = await signup(t, { name: 'Late Person' });
    const pending = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(late.auth)
      .send({
        organisationId: org.id,
        profession: 'social_worker',
        consent: { dataProcessing: true },
      })
      .expect(201);
    pendingId = pending.body.id;
    await ds.query(`UPDATE registrations SET status = 'pending' WHERE id = $1`, [pendingId]);
    await t.http().post(`/api/events/${eventId}/archive`).set(organiser.auth).expect(200);
  });
  afterAll(() => t.close());

  it('refuses new and changed rooms', async () => {
    const http = () => t.http();
    expectArchived(
      await http()
        .post(`/api/events/${eventId}/rooms`)
        .set(organiser.auth)
        .send({ name: 'Salle B', capacity: 10 }),
      'create room',
    );
    expectArchived(
      await http()
        .patch(`/api/events/${eventId}/rooms/${roomId}`)
        .set(organiser.auth)
        .send({ name: 'Renamed' }),
      'edit room',
    );
    expectArchived(
      await http().delete(`/api/events/${eventId}/rooms/${roomId}`).set(admin.auth),
      'delete room (even an admin)',
    );
    const rooms = await http().get(`/api/events/${eventId}/rooms`).set(organiser.auth).expect(200);
    expect(rooms.body.map((r: { name: string }) => r.name)).toEqual(['Salle A']);
  });

  it('refuses new and changed sessions, and publishing the agenda', async () => {
    const http = () => t.http();
    expectArchived(
      await http().post(`/api/events/${eventId}/sessions`).set(organiser.auth).send({
        kind: 'workshop',
        title: 'Late addition',
        startsAt: '2027-10-27T09:00',
        endsAt: '2027-10-27T10:00',
      }),
      'create session',
    );
    expectArchived(
      await http()
        .patch(`/api/sessions/${sessionId}`)
        .set(organiser.auth)
        .send({ title: 'Rewritten history' }),
      'edit session',
    );
    expectArchived(
      await http().post(`/api/sessions/${sessionId}/publish`).set(organiser.auth).send({}),
      'publish session',
    );
    expectArchived(
      await http().delete(`/api/sessions/${sessionId}`).set(organiser.auth),
      'delete session',
    );
    expectArchived(
      await http().post(`/api/events/${eventId}/agenda/publish`).set(organiser.auth).send({}),
      'publish agenda',
    );
    const session = await http().get(`/api/sessions/${sessionId}`).set(organiser.auth).expect(200);
    expect(session.body.title).toBe('Atelier');
  });

  it("refuses sign-ups, leaving a session, organisers' moves and removals, and attendance", async () => {
    const http = () => t.http();
    expectArchived(
      await http().post(`/api/sessions/${otherSessionId}/signups`).set(awa.auth).send({}),
      'sign up',
    );
    expectArchived(
      await http().delete(`/api/sessions/${sessionId}/signups/me`).set(awa.auth),
      'leave a session',
    );
    expectArchived(
      await http().delete(`/api/sessions/${sessionId}/signups/${signupId}`).set(organiser.auth),
      'take someone off',
    );
    expectArchived(
      await http()
        .post(`/api/sessions/${sessionId}/signups/${signupId}/move`)
        .set(organiser.auth)
        .send({ toSessionId: otherSessionId }),
      'move someone',
    );
    expectArchived(
      await http()
        .patch(`/api/sessions/${sessionId}/signups/${signupId}/attendance`)
        .set(organiser.auth)
        .send({ attended: true }),
      'mark attendance',
    );
    const [held] = (await ds.query(`SELECT status, attended FROM signups WHERE id = $1`, [
      signupId,
    ])) as Array<{ status: string; attended: boolean | null }>;
    expect(held).toEqual({ status: 'confirmed', attended: null });
  });

  it('refuses travel-plan changes, visa moves, visa rules and issuing letters', async () => {
    const http = () => t.http();
    expectArchived(
      await http()
        .put(`/api/registrations/${registrationId}/travel`)
        .set(awa.auth)
        .send({ arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T13:00' } }),
      'travel plan by the participant',
    );
    expectArchived(
      await http()
        .put(`/api/registrations/${registrationId}/travel`)
        .set(organiser.auth)
        .send({ passport: null }),
      'travel plan by an organiser',
    );
    expectArchived(
      await http()
        .patch(`/api/registrations/${registrationId}/visa`)
        .set(organiser.auth)
        .send({ status: 'letter_issued' }),
      'visa move by an organiser',
    );
    expectArchived(
      await http()
        .put(`/api/events/${eventId}/visa-rules`)
        .set(organiser.auth)
        .send({ visaRequiredFor: ['BF', 'CD'] }),
      'visa rules',
    );
    // Opening a requested letter would issue it: not on an archived edition.
    expectArchived(
      await http().get(`/api/registrations/${registrationId}/visa-letter.pdf`).set(organiser.auth),
      'issue a letter by opening it',
    );
    const travel = await http()
      .get(`/api/registrations/${registrationId}/travel`)
      .set(awa.auth)
      .expect(200);
    expect(travel.body).toMatchObject({
      visa: expect.objectContaining({ status: 'letter_requested' }),
    });
    const rules = await http()
      .get(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .expect(200);
    expect(rules.body.visaRequiredFor).toEqual(['BF']);
  });

  it('refuses cancelling, approving, rejecting and editing its registrations', async () => {
    const http = () => t.http();
    expectArchived(
      await http().post(`/api/registrations/${registrationId}/cancel`).set(awa.auth).send({}),
      'cancel by the participant',
    );
    expectArchived(
      await http()
        .post(`/api/registrations/${registrationId}/cancel`)
        .set(organiser.auth)
        .send({ reason: 'Tidying up' }),
      'cancel by an organiser',
    );
    expectArchived(
      await http().post(`/api/registrations/${pendingId}/approve`).set(organiser.auth).send({}),
      'approve',
    );
    expectArchived(
      await http()
        .post(`/api/registrations/${pendingId}/reject`)
        .set(organiser.auth)
        .send({ reason: 'Too late' }),
      'reject',
    );
    expectArchived(
      await http()
        .patch(`/api/registrations/${registrationId}`)
        .set(awa.auth)
        .send({ dietary: 'Vegetarian' }),
      'edit registration',
    );
    expect(await statusOf(registrationId)).toBe('confirmed');
    expect(await statusOf(pendingId)).toBe('pending');
  });

  it('still lets a participant erase their account: the archived record stays, anonymised', async () => {
    await t.http().delete('/api/me').set(awa.auth).expect(204);
    expect(await statusOf(registrationId)).toBe('confirmed');
    const [account] = (await ds.query(`SELECT name FROM accounts WHERE id = $1`, [
      awa.id,
    ])) as Array<{
      name: string;
    }>;
    expect(account.name).toBe('Erased account');
  });
});
