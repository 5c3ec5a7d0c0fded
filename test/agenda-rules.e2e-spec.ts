import { DataSource } from 'typeorm';
import { confirmMany, sessionBody } from './support/agenda-fixtures.js';
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
 * Agenda rules beyond room and facilitator clashes: a capacity above the room's and a
 * session outside the event's dates are refused unless forced, publishing lists every
 * conflict, and a waitlisted person is served when the session they clashed with goes.
 */
describe('agenda rules', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organisationId: string;
  let eventId: string;
  let roomId: string;

  const createSession = (body: Record<string, unknown>, as: Session = admin, event = eventId) =>
    t.http().post(`/api/events/${event}/sessions`).set(as.auth).send(body);
  const patch = (id: string, body: Record<string, unknown>, as: Session = admin) =>
    t.http().patch(`/api/sessions/${id}`).set(as.auth).send(body);
  const statusOf = async (signupId: string) =>
    (
      (await ds.query(`SELECT status FROM signups WHERE id = $1`, [signupId])) as Array<{
        status: string;
      }>
    )[0].status;

  beforeAll(async () => {
    t = await startTestApp('agenda_rules');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    organisationId = (await createOrganisation(t, admin)).id;
    eventId = (await createEvent(t, admin, { capacity: 100 })).id;
    roomId = (
      await t
        .http()
        .post(`/api/events/${eventId}/rooms`)
        .set(admin.auth)
        .send({ name: 'Salle Averroès', capacity: 20 })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  describe('capacity above the room and outside the event dates', () => {
    it('refuses a capacity above the room on create and keeps it when forced', async () => {
      const body = sessionBody({ title: 'Too big', roomId, capacity: 30 });
      const refused = await createSession(body).expect(409);
      expect(refused.body.details).toMatchObject({
        code: 'session_conflicts',
        conflicts: [
          { type: 'capacity_above_room', sessionIds: [], roomId, capacity: 30, roomCapacity: 20 },
        ],
      });
      expect(refused.body.message).toContain('capacity_above_room');
      const forced = await createSession({ ...body, force: true }).expect(201);
      expect(forced.body.capacity).toBe(30);
      const fits = await createSession(
        sessionBody({
          title: 'Fits',
          roomId,
          capacity: 20,
          startsAt: '2027-10-27T10:00',
          endsAt: '2027-10-27T11:00',
        }),
      ).expect(201);
      // Raising the capacity later, or moving to a smaller room, is refused the same way.
      const raised = await patch(fits.body.id, { capacity: 21 }).expect(409);
      expect(raised.body.details.conflicts).toEqual([
        {
          type: 'capacity_above_room',
          sessionIds: [fits.body.id],
          roomId,
          capacity: 21,
          roomCapacity: 20,
        },
      ]);
      await patch(fits.body.id, { capacity: 21, force: true }).expect(200);
      // An edit that changes neither capacity nor room does not re-raise a kept conflict.
      await patch(fits.body.id, { title: 'Fits, renamed' }).expect(200);
    });

    it('refuses a session outside the event dates on create and on a move', async () => {
      const early = sessionBody({
        title: 'Before the event',
        startsAt: '2027-10-24T09:00',
        endsAt: '2027-10-24T10:00',
      });
      const refused = await createSession(early).expect(409);
      expect(refused.body.details.conflicts).toEqual([
        { type: 'outside_event_dates', sessionIds: [] },
      ]);
      const inside = await createSession(
        sessionBody({ title: 'Inside', startsAt: '2027-10-28T16:00', endsAt: '2027-10-28T17:00' }),
      ).expect(201);
      const moved = await patch(inside.body.id, {
        startsAt: '2027-10-31T16:00',
        endsAt: '2027-10-31T17:00',
      }).expect(409);
      expect(moved.body.details.conflicts).toEqual([
        { type: 'outside_event_dates', sessionIds: [inside.body.id] },
      ]);
      // Nothing was saved by the refused move.
      const still = await t
        .http()
        .get(`/api/sessions/${inside.body.id}`)
        .set(admin.auth)
        .expect(200);
      expect(still.body.startsAt).toMatch(/^2027-10-28T16:00/);
    });

    it('lists every kind of clash at once', async () => {
      const first = await createSession(
        sessionBody({
          title: 'Holder',
          roomId,
          startsAt: '2027-10-29T10:00',
          endsAt: '2027-10-29T11:00',
        }),
      ).expect(201);
      const res = await createSession(
        sessionBody({
          title: 'Everything wrong',
          roomId,
          capacity: 50,
          startsAt: '2027-10-29T10:30',
          endsAt: '2027-10-29T11:30',
        }),
      ).expect(409);
      const types = res.body.details.conflicts.map((c: { type: string }) => c.type).sort();
      expect(types).toEqual(['capacity_above_room', 'room_double_booked']);
      await patch(first.body.id, { status: 'cancelled' }).expect(200);
    });
  });

  describe('publishing the agenda', () => {
    let event: string;
    let clean: string;
    let tooBig: string;
    let organiser: Session;
    let stranger: Session;

    beforeAll(async () => {
      event = (await createEvent(t, admin, { name: 'Publish rules' })).id;
      [organiser, stranger] = await fastAccounts(t, 2, { organisationId, prefix: 'rules' });
      await t
        .http()
        .post(`/api/events/${event}/staff`)
        .set(admin.auth)
        .send({ accountId: organiser.id, role: 'organiser' })
        .expect(201);
      // The stranger organises another event: no rights on this one.
      const theirs = (await createEvent(t, admin, { name: 'Their own' })).id;
      await t
        .http()
        .post(`/api/events/${theirs}/staff`)
        .set(admin.auth)
        .send({ accountId: stranger.id, role: 'organiser' })
        .expect(201);
      const room = (
        await t
          .http()
          .post(`/api/events/${event}/rooms`)
          .set(admin.auth)
          .send({ name: 'Petite salle', capacity: 10 })
          .expect(201)
      ).body.id;
      clean = (await createSession(sessionBody({ title: 'Clean' }), admin, event).expect(201)).body
        .id;
      tooBig = (
        await createSession(
          sessionBody({
            title: 'Too big, kept',
            roomId: room,
            capacity: 40,
            startsAt: '2027-10-27T10:00',
            endsAt: '2027-10-27T11:00',
            force: true,
          }),
          admin,
          event,
        ).expect(201)
      ).body.id;
    });

    it('refuses while a session to publish has a conflict, listing it, and publishes when forced', async () => {
      const url = `/api/events/${event}/agenda/publish`;
      await t.http().post(url).set(stranger.auth).send({ force: true }).expect(403);
      const refused = await t.http().post(url).set(organiser.auth).send({}).expect(409);
      expect(refused.body.details.code).toBe('agenda_conflicts');
      expect(refused.body.details.conflicts).toEqual([
        expect.objectContaining({ type: 'capacity_above_room', sessionIds: [tooBig] }),
      ]);
      expect(refused.body.details.sessions).toEqual([
        expect.objectContaining({ id: tooBig, title: 'Too big, kept', status: 'draft' }),
      ]);
      const statuses = async () =>
        (
          (await ds.query(`SELECT id, status FROM sessions WHERE event_id = $1 ORDER BY title`, [
            event,
          ])) as Array<{ id: string; status: string }>
        ).map((r) => r.status);
      expect(await statuses()).toEqual(['draft', 'draft']);
      await t.http().post(url).set(organiser.auth).send({ force: 'yes' }).expect(400);
      const forced = await t.http().post(url).set(organiser.auth).send({ force: true }).expect(200);
      expect(forced.body.published).toBe(2);
      expect(forced.body.conflicts).toHaveLength(1);
      expect(await statuses()).toEqual(['published', 'published']);
      // Nothing left to publish: no conflict of a published session blocks.
      const again = await t.http().post(url).set(organiser.auth).send({}).expect(200);
      expect(again.body).toEqual({ published: 0, conflicts: [] });
      expect(clean).toBeDefined();
    });

    it('the console review shows the conflict in words and publishes only when ticked', async () => {
      const web = new WebClient(t);
      const password = 'a-long-password';
      const person = await signup(t, { name: 'Nguyễn Thị Minh Khai', password });
      await t
        .http()
        .post(`/api/events/${event}/staff`)
        .set(admin.auth)
        .send({ accountId: person.id, role: 'organiser' })
        .expect(201);
      await web.signIn(person.email, password);
      const draft = (
        await createSession(
          sessionBody({
            title: 'Late night',
            startsAt: '2027-10-31T22:00',
            endsAt: '2027-10-31T23:00',
            force: true,
          }),
          admin,
          event,
        ).expect(201)
      ).body.id;
      const base = `/console/events/${event}/agenda`;
      const review = await web.get(`${base}/review`);
      expect(review.status).toBe(200);
      expect(review.text).toContain("Outside the event's dates");
      expect(review.text).toContain('Capacity 40 is above the room');
      const refused = await web.post(`${base}/publish`, {});
      expect(refused.status).toBe(400);
      const done = await web.post(`${base}/publish`, { reviewed: 'on' });
      expect(done.status).toBe(303);
      const [row] = await ds.query(`SELECT status FROM sessions WHERE id = $1`, [draft]);
      expect(row.status).toBe('published');
    });
  });

  describe('a waitlisted person whose clash goes', () => {
    let event: string;
    let first: Session;
    let waiting: Session;

    const published = (title: string, extra: Record<string, unknown> = {}) =>
      createSession(
        sessionBody({
          title,
          status: 'published',
          signupRequired: true,
          startsAt: '2027-10-26T10:00',
          endsAt: '2027-10-26T12:00',
          ...extra,
        }),
        admin,
        event,
      )
        .expect(201)
        .then((r) => r.body.id as string);
    const signUp = async (who: Session, sessionId: string) =>
      (await t.http().post(`/api/sessions/${sessionId}/signups`).set(who.auth).send({}).expect(201))
        .body as { id: string; status: string };

    /** A full one-seat session where `waiting` waits, passed over because they hold `other`. */
    async function passedOver(label: string, day: string) {
      const at = { startsAt: `${day}T10:00`, endsAt: `${day}T12:00` };
      const full = await published(`${label} full`, { capacity: 1, ...at });
      const other = await published(`${label} other`, at);
      const seat = await signUp(first, full);
      expect(seat.status).toBe('confirmed');
      const wait = await signUp(waiting, full);
      expect(wait.status).toBe('waitlisted');
      await signUp(waiting, other);
      // The seat frees, but the person waiting is busy at that time: it stays empty.
      await t.http().delete(`/api/sessions/${full}/signups/me`).set(first.auth).expect(204);
      expect(await statusOf(wait.id)).toBe('waitlisted');
      return { full, other, wait };
    }

    beforeAll(async () => {
      event = (await createEvent(t, admin, { name: 'Waitlist rules', capacity: 50 })).id;
      [first, waiting] = await fastAccounts(t, 2, { organisationId, prefix: 'waitrule' });
      await confirmMany(t, event, [first, waiting], organisationId);
    });

    it('is promoted when they leave the session they clashed with', async () => {
      const { other, wait } = await passedOver('leave', '2027-10-26');
      await t.http().delete(`/api/sessions/${other}/signups/me`).set(waiting.auth).expect(204);
      expect(await statusOf(wait.id)).toBe('confirmed');
      const [mail] = await ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE template = 'signup_promoted' AND dedupe_key = $1`,
        [`signup_promoted:${wait.id}`],
      );
      expect(mail.n).toBe(1);
    });

    it('is promoted when the session they clashed with is cancelled', async () => {
      const { other, wait } = await passedOver('cancel', '2027-10-27');
      await patch(other, { status: 'cancelled' }).expect(200);
      expect(await statusOf(wait.id)).toBe('confirmed');
    });

    it('is promoted when the session they clashed with moves away', async () => {
      const { other, wait } = await passedOver('move', '2027-10-28');
      await patch(other, { startsAt: '2027-10-28T15:00', endsAt: '2027-10-28T17:00' }).expect(200);
      expect(await statusOf(wait.id)).toBe('confirmed');
    });

    it('is promoted when an organiser takes them off the clashing session', async () => {
      const { other, wait } = await passedOver('removed', '2027-10-29');
      const list = await t.http().get(`/api/sessions/${other}/signups`).set(admin.auth).expect(200);
      const mine = list.body.confirmed.find(
        (p: { accountId: string }) => p.accountId === waiting.id,
      );
      await t
        .http()
        .delete(`/api/sessions/${other}/signups/${mine.signupId}`)
        .set(admin.auth)
        .expect(204);
      expect(await statusOf(wait.id)).toBe('confirmed');
    });
  });
});
