import { DataSource } from 'typeorm';
import { confirmMany, register, sessionBody } from './support/agenda-fixtures.js';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('agenda', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organisationId: string;
  let eventId: string;
  let otherEventId: string;
  let participant: Session;
  let outsider: Session;
  let facilitator: Session;

  beforeAll(async () => {
    t = await startTestApp('agenda');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    organisationId = (await createOrganisation(t, admin)).id;
    eventId = (await createEvent(t, admin, { capacity: 200 })).id;
    otherEventId = (await createEvent(t, admin)).id;
    [participant, outsider, facilitator] = await fastAccounts(t, 3, {
      organisationId,
      prefix: 'agenda',
    });
    await register(t, eventId, participant, organisationId);
  });
  afterAll(() => t.close());

  const createSession = (body: Record<string, unknown>, as: Session = admin, event = eventId) =>
    t.http().post(`/api/events/${event}/sessions`).set(as.auth).send(body);
  const createRoom = async (body: Record<string, unknown>, event = eventId) =>
    (await t.http().post(`/api/events/${event}/rooms`).set(admin.auth).send(body).expect(201)).body;

  describe('rooms', () => {
    it('are created, listed, changed and deleted by organisers', async () => {
      const room = await createRoom({
        name: 'Salle Ibn Battuta',
        capacity: 40,
        floor: '1st floor',
        equipment: ['projector', 'interpretation_booth'],
      });
      expect(room).toMatchObject({ name: 'Salle Ibn Battuta', capacity: 40, eventId });
      await t
        .http()
        .post(`/api/events/${eventId}/rooms`)
        .set(admin.auth)
        .send({ name: 'salle ibn battuta' })
        .expect(409);
      const patched = await t
        .http()
        .patch(`/api/events/${eventId}/rooms/${room.id}`)
        .set(admin.auth)
        .send({ capacity: 35 })
        .expect(200);
      expect(patched.body.capacity).toBe(35);
      const list = await t
        .http()
        .get(`/api/events/${eventId}/rooms`)
        .set(participant.auth)
        .expect(200);
      expect(list.body.map((r: { id: string }) => r.id)).toContain(room.id);
      await t.http().delete(`/api/events/${eventId}/rooms/${room.id}`).set(admin.auth).expect(204);
      await t.http().get(`/api/events/${eventId}/rooms/${room.id}`).set(admin.auth).expect(404);
    });

    it('cannot be created by participants or with a zero capacity', async () => {
      await t
        .http()
        .post(`/api/events/${eventId}/rooms`)
        .set(participant.auth)
        .send({ name: 'Mine' })
        .expect(403);
      const res = await t
        .http()
        .post(`/api/events/${eventId}/rooms`)
        .set(admin.auth)
        .send({ name: 'Zero', capacity: 0 })
        .expect(400);
      expect(res.body.message).toContain('capacity');
    });

    it('in use cannot be deleted', async () => {
      const room = await createRoom({ name: 'Used room' });
      await createSession(
        sessionBody({ roomId: room.id, startsAt: '2027-10-30T08:00', endsAt: '2027-10-30T08:30' }),
      ).expect(201);
      await t.http().delete(`/api/events/${eventId}/rooms/${room.id}`).set(admin.auth).expect(409);
    });
  });

  describe('sessions', () => {
    it('read wall-clock input in the event zone, store UTC and answer with the event offset', async () => {
      const res = await createSession(
        sessionBody({ startsAt: '2027-10-26T10:00', endsAt: '2027-10-26T11:30:00+01:00' }),
      ).expect(201);
      expect(res.body.startsAt).toBe('2027-10-26T10:00:00+00:00');
      expect(res.body.endsAt).toBe('2027-10-26T10:30:00+00:00');
      expect(res.body.status).toBe('draft');
      const [row] = await ds.query(`SELECT starts_at FROM sessions WHERE id = $1`, [res.body.id]);
      expect((row.starts_at as Date).toISOString()).toBe('2027-10-26T10:00:00.000Z');
    });

    it('site visits take the smaller of the host limit and the seats', async () => {
      const res = await createSession({
        kind: 'site_visit',
        title: 'Visit',
        startsAt: '2027-10-28T08:30',
        endsAt: '2027-10-28T13:00',
        siteVisit: {
          hostOrganisationId: organisationId,
          address: 'Rue de Fès',
          meetingPoint: 'Lobby',
          departureAt: '2027-10-28T08:45',
          transport: 'minibus',
          seats: 16,
          hostLimit: 10,
          hostContactName: 'Samira',
          hostContactPhone: '+212 600 000 000',
          rules: ['No photos of beneficiaries', 'Confidentiality'],
        },
      }).expect(201);
      expect(res.body.capacity).toBe(10);
      expect(res.body.signupRequired).toBe(true);
      expect(res.body.siteVisit).toMatchObject({
        departureAt: '2027-10-28T08:45:00+00:00',
        returnAt: '2027-10-28T13:00:00+00:00',
        seats: 16,
        rules: ['No photos of beneficiaries', 'Confidentiality'],
      });
      const missing = await createSession({
        kind: 'site_visit',
        title: 'No details',
        startsAt: '2027-10-28T08:00',
        endsAt: '2027-10-28T09:00',
      }).expect(400);
      expect(missing.body.details.field).toBe('siteVisit');
    });

    it.each([
      ['end before start', { startsAt: '2027-10-26T12:00', endsAt: '2027-10-26T11:00' }, 'endsAt'],
      [
        'end equal to start',
        { startsAt: '2027-10-26T12:00', endsAt: '2027-10-26T12:00' },
        'endsAt',
      ],
      ['malformed start', { startsAt: 'tomorrow morning' }, 'startsAt'],
      ['impossible date', { startsAt: '2027-13-45T10:00' }, 'startsAt'],
      ['malformed end', { endsAt: '2027-10-26 25:00' }, 'endsAt'],
      ['unknown room', { roomId: '00000000-0000-4000-8000-000000000000' }, 'roomId'],
    ])('refuses %s with 400 naming the field', async (_label, overrides, field) => {
      const res = await createSession(sessionBody(overrides)).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    });

    it.each([0, -3, 2.5])('refuses capacity %p', async (capacity) => {
      const res = await createSession(sessionBody({ capacity })).expect(400);
      expect(res.body.message).toContain('capacity');
    });

    it('refuses a room from another event', async () => {
      const foreign = await createRoom({ name: 'Foreign room' }, otherEventId);
      const res = await createSession(sessionBody({ roomId: foreign.id })).expect(400);
      expect(res.body.message).toContain('another event');
    });

    it('answers 404 for a malformed or unknown session id', async () => {
      await t.http().get('/api/sessions/not-a-uuid').set(admin.auth).expect(404);
      await t
        .http()
        .get('/api/sessions/00000000-0000-4000-8000-000000000000')
        .set(admin.auth)
        .expect(404);
    });
  });

  describe('clashes and conflicts', () => {
    let roomId: string;
    let first: { id: string };

    beforeAll(async () => {
      roomId = (await createRoom({ name: 'Clash room', capacity: 10 })).id;
      first = (
        await createSession(
          sessionBody({
            title: 'First',
            roomId,
            facilitatorIds: [facilitator.id],
            startsAt: '2027-10-29T10:00',
            endsAt: '2027-10-29T11:00',
          }),
        ).expect(201)
      ).body;
    });

    it('lets back-to-back sessions share a room (touching is not a clash)', async () => {
      await createSession(
        sessionBody({
          title: 'Next',
          roomId,
          startsAt: '2027-10-29T11:00',
          endsAt: '2027-10-29T12:00',
        }),
      ).expect(201);
    });

    it('refuses a room double-booking with 409 listing the clashing session', async () => {
      const res = await createSession(
        sessionBody({ roomId, startsAt: '2027-10-29T10:30', endsAt: '2027-10-29T10:45' }),
      ).expect(409);
      expect(res.body.details.conflicts).toEqual([
        expect.objectContaining({ type: 'room_double_booked', sessionIds: [first.id] }),
      ]);
    });

    it('refuses a facilitator in two places, including by moving a session', async () => {
      const res = await createSession(
        sessionBody({
          facilitatorIds: [facilitator.id],
          startsAt: '2027-10-29T10:59',
          endsAt: '2027-10-29T11:30',
        }),
      ).expect(409);
      expect(res.body.details.conflicts[0]).toMatchObject({
        type: 'facilitator_overlap',
        facilitator: facilitator.id,
      });
      const elsewhere = (
        await createSession(
          sessionBody({
            facilitatorIds: [facilitator.id],
            startsAt: '2027-10-29T14:00',
            endsAt: '2027-10-29T15:00',
          }),
        ).expect(201)
      ).body;
      const moved = await t
        .http()
        .patch(`/api/sessions/${elsewhere.id}`)
        .set(admin.auth)
        .send({ startsAt: '2027-10-29T10:30' })
        .expect(409);
      expect(moved.body.details.conflicts[0].sessionIds).toEqual([first.id, elsewhere.id]);
    });

    it('keeps a clash with force: true and reports every kind of conflict', async () => {
      const forced = (
        await createSession(
          sessionBody({
            title: 'Forced',
            roomId,
            capacity: 25,
            startsAt: '2027-10-29T10:00',
            endsAt: '2027-10-29T10:30',
            force: true,
          }),
        ).expect(201)
      ).body;
      const early = sessionBody({
        title: 'Too early',
        startsAt: '2027-10-24T23:00',
        endsAt: '2027-10-25T01:00',
      });
      // Outside the event's dates is refused like a clash, and kept when forced.
      const refused = await createSession(early).expect(409);
      expect(refused.body.details.conflicts).toEqual([
        { type: 'outside_event_dates', sessionIds: [] },
      ]);
      const outside = (await createSession({ ...early, force: true }).expect(201)).body;
      const res = await t
        .http()
        .get(`/api/events/${eventId}/conflicts`)
        .set(admin.auth)
        .expect(200);
      const types = res.body.conflicts.map((c: { type: string; sessionIds: string[] }) => [
        c.type,
        [...c.sessionIds].sort(),
      ]);
      expect(types).toEqual(
        expect.arrayContaining([
          ['room_double_booked', [first.id, forced.id].sort()],
          ['capacity_above_room', [forced.id]],
          ['outside_event_dates', [outside.id]],
        ]),
      );
      await t.http().get(`/api/events/${eventId}/conflicts`).set(participant.auth).expect(403);
    });
  });

  describe('publishing, agenda and permissions', () => {
    let draft: { id: string };
    let workshop: { id: string };
    let plenary: { id: string };

    beforeAll(async () => {
      const event = (await createEvent(t, admin, { capacity: 50 })).id;
      eventIdB = event;
      await register(t, event, participant, organisationId);
      draft = (await createSession(sessionBody({ title: 'Still secret' }), admin, event)).body;
      workshop = (
        await createSession(
          sessionBody({
            title: 'Families first',
            theme: 'Parenting support',
            language: 'fr',
            interpretationLanguages: ['en'],
            capacity: 2,
            signupRequired: true,
            facilitatorIds: [facilitator.id],
            startsAt: '2027-10-26T14:00',
            endsAt: '2027-10-26T16:00',
          }),
          admin,
          event,
        )
      ).body;
      plenary = (
        await createSession(
          {
            kind: 'plenary',
            title: 'Opening',
            startsAt: '2027-10-25T09:00',
            endsAt: '2027-10-25T10:30',
            language: 'en',
          },
          admin,
          event,
        )
      ).body;
      await t.http().post(`/api/sessions/${workshop.id}/publish`).set(admin.auth).expect(200);
      await t.http().post(`/api/sessions/${plenary.id}/publish`).set(admin.auth).expect(200);
    });
    let eventIdB: string;

    it('participants cannot create sessions or see drafts', async () => {
      await createSession(sessionBody(), participant, eventIdB).expect(403);
      await t.http().get(`/api/sessions/${draft.id}`).set(participant.auth).expect(404);
      const list = await t
        .http()
        .get(`/api/events/${eventIdB}/sessions`)
        .set(participant.auth)
        .expect(200);
      expect(list.body.map((s: { id: string }) => s.id).sort()).toEqual(
        [workshop.id, plenary.id].sort(),
      );
      const staffList = await t
        .http()
        .get(`/api/events/${eventIdB}/sessions`)
        .set(admin.auth)
        .expect(200);
      expect(staffList.body).toHaveLength(3);
    });

    it('groups the agenda by day in the event zone, with seats left and filters', async () => {
      const res = await t.http().get(`/api/events/${eventIdB}/agenda`).expect(200);
      expect(res.body.days.map((d: { date: string }) => d.date)).toEqual([
        '2027-10-25',
        '2027-10-26',
        '2027-10-27',
        '2027-10-28',
        '2027-10-29',
        '2027-10-30',
      ]);
      expect(res.body.days[0].sessions.map((s: { id: string }) => s.id)).toEqual([plenary.id]);
      expect(res.body.days[1].sessions[0]).toMatchObject({
        id: workshop.id,
        seats: { confirmed: 0, waitlisted: 0, remaining: 2 },
      });
      const byLanguage = await t
        .http()
        .get(`/api/events/${eventIdB}/agenda?language=en`)
        .expect(200);
      expect(byLanguage.body.days.flatMap((d: { sessions: unknown[] }) => d.sessions)).toHaveLength(
        2,
      );
      const byTheme = await t
        .http()
        .get(
          `/api/events/${eventIdB}/agenda?theme=${encodeURIComponent('parenting support')}&kind=workshop`,
        )
        .expect(200);
      expect(byTheme.body.days[1].sessions).toHaveLength(1);
      expect(byTheme.body.days[0].sessions).toHaveLength(0);
      await t.http().get(`/api/events/${eventIdB}/agenda?kind=party`).expect(400);
    });

    it('needs a confirmed registration to sign up, and participants cannot sign up others', async () => {
      const denied = await t
        .http()
        .post(`/api/sessions/${workshop.id}/signups`)
        .set(outsider.auth)
        .send({})
        .expect(403);
      expect(denied.body.message).toContain('confirmed registration');
      await t
        .http()
        .post(`/api/sessions/${workshop.id}/signups`)
        .set(participant.auth)
        .send({ accountId: outsider.id })
        .expect(403);
      await t
        .http()
        .post(`/api/sessions/${draft.id}/signups`)
        .set(participant.auth)
        .send({})
        .expect(404);
      const ok = await t
        .http()
        .post(`/api/sessions/${workshop.id}/signups`)
        .set(participant.auth)
        .send({})
        .expect(201);
      expect(ok.body.status).toBe('confirmed');
      // Signing up twice answers with the same sign-up.
      const again = await t
        .http()
        .post(`/api/sessions/${workshop.id}/signups`)
        .set(participant.auth)
        .send({})
        .expect(201);
      expect(again.body.id).toBe(ok.body.id);
      await t
        .http()
        .post(`/api/sessions/${plenary.id}/signups`)
        .set(participant.auth)
        .send({})
        .expect(409);
    });

    it('lets facilitators (not other participants) read their session list, and mark attendance', async () => {
      const list = await t
        .http()
        .get(`/api/sessions/${workshop.id}/signups`)
        .set(facilitator.auth)
        .expect(200);
      expect(list.body.confirmed).toHaveLength(1);
      await t.http().get(`/api/sessions/${workshop.id}/signups`).set(participant.auth).expect(403);
      const signupId = list.body.confirmed[0].signupId;
      // Not before the session has begun (it is in 2027)...
      const early = await t
        .http()
        .patch(`/api/sessions/${workshop.id}/signups/${signupId}/attendance`)
        .set(facilitator.auth)
        .send({ attended: true })
        .expect(409);
      expect(early.body.details).toMatchObject({ reason: 'attendance_not_open' });
      // ...but once it has started.
      const [{ starts_at: startsAt }] = await ds.query(
        `SELECT starts_at FROM sessions WHERE id = $1`,
        [workshop.id],
      );
      await ds.query(`UPDATE sessions SET starts_at = now() - interval '5 minutes' WHERE id = $1`, [
        workshop.id,
      ]);
      const marked = await t
        .http()
        .patch(`/api/sessions/${workshop.id}/signups/${signupId}/attendance`)
        .set(facilitator.auth)
        .send({ attended: true })
        .expect(200);
      await ds.query(`UPDATE sessions SET starts_at = $2 WHERE id = $1`, [workshop.id, startsAt]);
      expect(marked.body.attended).toBe(true);
      await t
        .http()
        .patch(`/api/sessions/${workshop.id}/signups/${signupId}/attendance`)
        .set(participant.auth)
        .send({ attended: false })
        .expect(403);
    });

    it('shows me my confirmed sessions and every plenary', async () => {
      const res = await t.http().get('/api/me/agenda').set(participant.auth).expect(200);
      const ids = res.body.sessions.map((s: { id: string }) => s.id);
      expect(ids).toEqual(expect.arrayContaining([workshop.id, plenary.id]));
      expect(ids).not.toContain(draft.id);
    });

    it('records a change of a published session and writes session_changed emails in the same transaction', async () => {
      const room = await createRoom({ name: 'Patio' }, eventIdB);
      await t
        .http()
        .patch(`/api/sessions/${workshop.id}`)
        .set(admin.auth)
        .send({ startsAt: '2027-10-26T15:00', endsAt: '2027-10-26T17:00', roomId: room.id })
        .expect(200);
      const [change] = await ds.query(`SELECT changes FROM session_changes WHERE session_id = $1`, [
        workshop.id,
      ]);
      expect(change.changes).toEqual(['time', 'room']);
      const messages = await ds.query(
        `SELECT recipient_account_id, payload FROM messages WHERE template = 'session_changed' AND event_id = $1`,
        [eventIdB],
      );
      expect(messages).toHaveLength(1);
      expect(messages[0].recipient_account_id).toBe(participant.id);
      expect(messages[0].payload).toMatchObject({
        sessionId: workshop.id,
        roomName: 'Patio',
        startsAt: '2027-10-26T15:00:00.000Z',
        changes: ['time', 'room'],
      });
      const [signup] = await ds.query(`SELECT starts_at FROM signups WHERE session_id = $1`, [
        workshop.id,
      ]);
      expect((signup.starts_at as Date).toISOString()).toBe('2027-10-26T15:00:00.000Z');
    });
  });

  describe('site visit sign-ups and lists', () => {
    it('requires the rules to be accepted, waitlists when full, and exports the bus list with phones', async () => {
      const visit = (
        await createSession({
          kind: 'site_visit',
          title: "Mothers' programme",
          status: 'published',
          startsAt: '2027-10-27T09:00',
          endsAt: '2027-10-27T12:00',
          siteVisit: {
            hostOrganisationId: organisationId,
            address: 'Medina',
            meetingPoint: 'Hotel lobby',
            transport: 'bus',
            seats: 1,
            rules: ['No photos of beneficiaries'],
          },
        }).expect(201)
      ).body;
      const [a, b] = await fastAccounts(t, 2, { organisationId, prefix: 'bus' });
      await confirmMany(t, eventId, [a, b], organisationId);
      const refused = await t
        .http()
        .post(`/api/sessions/${visit.id}/signups`)
        .set(a.auth)
        .send({})
        .expect(400);
      expect(refused.body.details).toMatchObject({
        field: 'acceptRules',
        rules: ['No photos of beneficiaries'],
      });
      const first = await t
        .http()
        .post(`/api/sessions/${visit.id}/signups`)
        .set(a.auth)
        .send({ acceptRules: true })
        .expect(201);
      const second = await t
        .http()
        .post(`/api/sessions/${visit.id}/signups`)
        .set(b.auth)
        .send({ acceptRules: true })
        .expect(201);
      expect([first.body.status, second.body.status]).toEqual(['confirmed', 'waitlisted']);
      expect(second.body.position).toBe(1);

      const csv = await t
        .http()
        .get(`/api/sessions/${visit.id}/signups?format=csv`)
        .set(admin.auth)
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain('Meeting point: Hotel lobby');
      expect(csv.text).toContain(
        'status,position,name,organisation,country,email,phone,emergency_contact,emergency_phone',
      );
      expect(csv.text).toMatch(/confirmed,,Person \d+,.*\+212 600 000/);

      // The organiser takes the first person off: the waitlisted one moves up at once.
      await t
        .http()
        .delete(`/api/sessions/${visit.id}/signups/${first.body.id}`)
        .set(admin.auth)
        .expect(204);
      const list = await t
        .http()
        .get(`/api/sessions/${visit.id}/signups`)
        .set(admin.auth)
        .expect(200);
      expect(list.body.confirmed.map((p: { accountId: string }) => p.accountId)).toEqual([b.id]);

      // And can move them to another session.
      const other = (
        await createSession(
          sessionBody({
            title: 'Afternoon',
            status: 'published',
            signupRequired: true,
            startsAt: '2027-10-27T14:00',
            endsAt: '2027-10-27T15:00',
          }),
        ).expect(201)
      ).body;
      const moved = await t
        .http()
        .post(`/api/sessions/${visit.id}/signups/${list.body.confirmed[0].signupId}/move`)
        .set(admin.auth)
        .send({ toSessionId: other.id })
        .expect(200);
      expect(moved.body).toMatchObject({
        sessionId: other.id,
        accountId: b.id,
        status: 'confirmed',
      });
      await t.http().delete(`/api/sessions/${other.id}/signups/me`).set(b.auth).expect(204);
      await t.http().delete(`/api/sessions/${other.id}/signups/me`).set(b.auth).expect(404);
    });
  });
  describe('an organiser of one event acting on another', () => {
    let organiserX: Session;
    let personY: Session;
    let roomY: { id: string };
    let sessionY: { id: string };
    let signupY: { id: string };
    let sessionX: { id: string };
    let otherX: { id: string };

    beforeAll(async () => {
      [organiserX, personY] = await fastAccounts(t, 2, { organisationId, prefix: 'cross' });
      await t
        .http()
        .post(`/api/events/${eventId}/staff`)
        .set(admin.auth)
        .send({ accountId: organiserX.id, role: 'organiser' })
        .expect(201);
      roomY = await createRoom({ name: 'Room of Y' }, otherEventId);
      sessionY = (
        await createSession(
          sessionBody({
            title: 'Y workshop',
            status: 'published',
            signupRequired: true,
            capacity: 5,
            roomId: roomY.id,
          }),
          admin,
          otherEventId,
        ).expect(201)
      ).body;
      await confirmMany(t, otherEventId, [personY], organisationId);
      signupY = (
        await t
          .http()
          .post(`/api/sessions/${sessionY.id}/signups`)
          .set(personY.auth)
          .send({})
          .expect(201)
      ).body;
      const published = { status: 'published', signupRequired: true };
      sessionX = (
        await createSession(
          sessionBody({
            ...published,
            title: 'X one',
            startsAt: '2027-10-30T16:00',
            endsAt: '2027-10-30T17:00',
          }),
          organiserX,
        ).expect(201)
      ).body;
      otherX = (
        await createSession(
          sessionBody({
            ...published,
            title: 'X two',
            startsAt: '2027-10-30T18:00',
            endsAt: '2027-10-30T19:00',
          }),
          organiserX,
        ).expect(201)
      ).body;
    });

    it("is refused on the other event's agenda, rooms, sessions and sign-ups, and nothing changes", async () => {
      const http = () => t.http();
      const as = organiserX.auth;
      // The role itself works on the event they organise.
      await http()
        .post(`/api/events/${eventId}/rooms`)
        .set(as)
        .send({ name: 'X room' })
        .expect(201);

      await createSession(sessionBody(), organiserX, otherEventId).expect(403);
      await http()
        .post(`/api/events/${otherEventId}/rooms`)
        .set(as)
        .send({ name: 'Mine' })
        .expect(403);
      await http()
        .patch(`/api/events/${otherEventId}/rooms/${roomY.id}`)
        .set(as)
        .send({ capacity: 1 })
        .expect(403);
      await http().delete(`/api/events/${otherEventId}/rooms/${roomY.id}`).set(as).expect(403);
      // Y's room through X's address is no room of X.
      await http()
        .patch(`/api/events/${eventId}/rooms/${roomY.id}`)
        .set(as)
        .send({ capacity: 1 })
        .expect(404);
      await http().delete(`/api/events/${eventId}/rooms/${roomY.id}`).set(as).expect(404);
      await http()
        .patch(`/api/sessions/${sessionX.id}`)
        .set(as)
        .send({ roomId: roomY.id })
        .expect(400);

      await http()
        .patch(`/api/sessions/${sessionY.id}`)
        .set(as)
        .send({ title: 'Mine now' })
        .expect(403);
      await http().post(`/api/sessions/${sessionY.id}/cancel`).set(as).expect(403);
      await http().delete(`/api/sessions/${sessionY.id}`).set(as).expect(403);
      await http().post(`/api/events/${otherEventId}/agenda/publish`).set(as).expect(403);
      await http().get(`/api/events/${otherEventId}/conflicts`).set(as).expect(403);

      await http()
        .post(`/api/sessions/${sessionY.id}/signups`)
        .set(as)
        .send({ accountId: participant.id })
        .expect(403);
      await http().get(`/api/sessions/${sessionY.id}/signups`).set(as).expect(403);
      await http().get(`/api/sessions/${sessionY.id}/signups?format=csv`).set(as).expect(403);
      await http()
        .patch(`/api/sessions/${sessionY.id}/signups/${signupY.id}/attendance`)
        .set(as)
        .send({ attended: false })
        .expect(403);
      await http()
        .post(`/api/sessions/${sessionY.id}/signups/${signupY.id}/move`)
        .set(as)
        .send({ toSessionId: sessionX.id })
        .expect(403);
      // Nor through a session of their own: Y's sign-up is not on it.
      await http()
        .post(`/api/sessions/${sessionX.id}/signups/${signupY.id}/move`)
        .set(as)
        .send({ toSessionId: otherX.id })
        .expect(404);
      await http().delete(`/api/sessions/${sessionY.id}/signups/${signupY.id}`).set(as).expect(403);
      await http().delete(`/api/sessions/${sessionX.id}/signups/${signupY.id}`).set(as).expect(404);

      const [y] = await ds.query(`SELECT title, status FROM sessions WHERE id = $1`, [sessionY.id]);
      expect(y).toEqual({ title: 'Y workshop', status: 'published' });
      const [room] = await ds.query(`SELECT capacity FROM rooms WHERE id = $1`, [roomY.id]);
      expect(room.capacity).toBeNull();
      const held = await ds.query(
        `SELECT session_id, status, attended FROM signups WHERE id = $1`,
        [signupY.id],
      );
      expect(held).toEqual([{ session_id: sessionY.id, status: 'confirmed', attended: null }]);
    });
  });

  describe('bad input on rooms and sign-ups', () => {
    let open: { id: string };
    let signupId: string;

    beforeAll(async () => {
      open = (
        await createSession(
          sessionBody({
            title: 'Open for bad input',
            status: 'published',
            signupRequired: true,
            startsAt: '2027-10-30T20:00',
            endsAt: '2027-10-30T21:00',
          }),
        ).expect(201)
      ).body;
      signupId = (
        await t
          .http()
          .post(`/api/sessions/${open.id}/signups`)
          .set(participant.auth)
          .send({})
          .expect(201)
      ).body.id;
    });

    it.each([
      ['an empty room name', 'rooms', { name: '' }, 'name'],
      ['a room capacity in words', 'rooms', { name: 'Words', capacity: 'forty' }, 'capacity'],
      ['a negative room capacity', 'rooms', { name: 'Negative', capacity: -1 }, 'capacity'],
      [
        'equipment that is not a short name',
        'rooms',
        { name: 'Gear', equipment: ['<script>'] },
        'equipment',
      ],
    ])('refuses %s with 400 naming the field', async (_label, path, body, field) => {
      const res = await t
        .http()
        .post(`/api/events/${eventId}/${path}`)
        .set(admin.auth)
        .send(body)
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    });

    it.each([
      ['a malformed accountId', 'signups', { accountId: 'someone' }, 'accountId'],
      ['acceptRules that is not a boolean', 'signups', { acceptRules: 'yes' }, 'acceptRules'],
    ])('refuses a sign-up with %s', async (_label, path, body, field) => {
      const res = await t
        .http()
        .post(`/api/sessions/${open.id}/${path}`)
        .set(admin.auth)
        .send(body)
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    });

    it('refuses to delete a session people are signed up for; an empty one goes', async () => {
      const res = await t.http().delete(`/api/sessions/${open.id}`).set(admin.auth).expect(409);
      expect(res.body.message).toContain('cancel it instead');
      const [kept] = await ds.query(
        `SELECT count(*)::int AS n FROM signups WHERE session_id = $1`,
        [open.id],
      );
      expect(kept.n).toBe(1);
      const empty = (
        await createSession(
          sessionBody({
            title: 'Nobody came',
            startsAt: '2027-10-30T06:00',
            endsAt: '2027-10-30T07:00',
          }),
        ).expect(201)
      ).body;
      await t.http().delete(`/api/sessions/${empty.id}`).set(admin.auth).expect(204);
      await t.http().get(`/api/sessions/${empty.id}`).set(admin.auth).expect(404);
    });

    it('refuses a malformed move, attendance or list format, and changes nothing', async () => {
      const base = `/api/sessions/${open.id}/signups`;
      const move = await t
        .http()
        .post(`${base}/${signupId}/move`)
        .set(admin.auth)
        .send({ toSessionId: 'elsewhere' })
        .expect(400);
      expect(JSON.stringify(move.body)).toContain('toSessionId');
      const attendance = await t
        .http()
        .patch(`${base}/${signupId}/attendance`)
        .set(admin.auth)
        .send({ attended: 'yes' })
        .expect(400);
      expect(JSON.stringify(attendance.body)).toContain('attended');
      await t.http().get(`${base}?format=xml`).set(admin.auth).expect(400);
      await t
        .http()
        .post(`${base}/${signupId}/move`)
        .set(admin.auth)
        .send({ toSessionId: open.id })
        .expect(400);
      const [row] = await ds.query(
        `SELECT session_id, status, attended FROM signups WHERE id = $1`,
        [signupId],
      );
      expect(row).toEqual({ session_id: open.id, status: 'confirmed', attended: null });
    });
  });
});
