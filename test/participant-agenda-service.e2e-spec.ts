import { ParticipantAgenda } from '#agenda';
import { DomainError } from '#core';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * ParticipantAgenda, the agenda lib's answers for a person's own pages: their holds with
 * waitlist places, their week (what everyone attends, their seats, their places in line,
 * what they lead; never drafts or other people's sessions), and the events they host.
 */
describe('ParticipantAgenda', () => {
  let t: TestApp;
  let svc: ParticipantAgenda;
  let admin: Session;
  let people: Session[];
  let eventId: string;
  const ids: Record<string, string> = {};
  const actor = (s: Session) => ({ accountId: s.id, platformRole: 'member' as const });

  beforeAll(async () => {
    t = await startTestApp('participant_agenda_service');
    svc = t.app.get(ParticipantAgenda);
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin);
    const event = await createEvent(t, admin);
    eventId = event.id;
    people = [];
    for (const name of ['Awa', 'Issa', 'Lucía', 'Joseph']) {
      const p = await signup(t, { name });
      await register(t, eventId, p, org.id);
      people.push(p);
    }
    const create = async (body: Record<string, unknown>) =>
      (
        await t
          .http()
          .post(`/api/events/${eventId}/sessions`)
          .set(admin.auth)
          .send(sessionBody(body))
          .expect(201)
      ).body.id as string;
    ids.plenary = await create({
      kind: 'plenary',
      title: 'Plenary',
      startsAt: '2027-10-25T09:00',
      endsAt: '2027-10-25T10:00',
    });
    ids.lunch = await create({
      kind: 'meal',
      title: 'Lunch',
      startsAt: '2027-10-25T12:30',
      endsAt: '2027-10-25T14:00',
    });
    ids.social = await create({
      kind: 'social',
      title: 'Optional dinner',
      startsAt: '2027-10-25T20:00',
      endsAt: '2027-10-25T22:00',
    });
    ids.small = await create({ title: 'Small', capacity: 1, signupRequired: true });
    ids.led = await create({
      title: 'Led by Joseph',
      facilitatorIds: [people[3].id],
      startsAt: '2027-10-27T10:00',
      endsAt: '2027-10-27T11:00',
    });
    await t.http().post(`/api/events/${eventId}/agenda/publish`).set(admin.auth).expect(200);
    ids.draft = await create({
      kind: 'plenary',
      title: 'Draft plenary',
      startsAt: '2027-10-28T09:00',
      endsAt: '2027-10-28T10:00',
    });
    for (const p of people.slice(0, 3)) {
      await t.http().post(`/api/sessions/${ids.small}/signups`).set(p.auth).send({}).expect(201);
    }
  });
  afterAll(() => t.close());

  it('gives each person their own holds with the waitlist place', async () => {
    const [awa, issa, lucia, joseph] = await Promise.all(
      people.map((p) => svc.mySignups(actor(p), eventId)),
    );
    expect(awa).toEqual([{ sessionId: ids.small, status: 'confirmed', position: null }]);
    expect(issa).toEqual([{ sessionId: ids.small, status: 'waitlisted', position: 1 }]);
    expect(lucia).toEqual([{ sessionId: ids.small, status: 'waitlisted', position: 2 }]);
    expect(joseph).toEqual([]);
  });

  it('builds a week of what everyone attends, their holds and what they lead, without drafts', async () => {
    const [week] = await svc.myWeek(actor(people[2]));
    const reasons = Object.fromEntries(week.sessions.map((s) => [s.title, [s.reason, s.position]]));
    expect(reasons).toEqual({
      Plenary: ['everyone', null],
      Lunch: ['everyone', null],
      Small: ['waitlisted', 2],
    });
    expect(week.sessions.map((s) => s.date)).toEqual(['2027-10-25', '2027-10-25', '2027-10-26']);
    const [josephWeek] = await svc.myWeek(actor(people[3]));
    expect(josephWeek.sessions.find((s) => s.id === ids.led)?.reason).toBe('facilitating');
    expect(josephWeek.sessions.some((s) => s.id === ids.small || s.id === ids.draft)).toBe(false);
    const stranger = await signup(t, { name: 'Stranger' });
    expect(await svc.myWeek(actor(stranger))).toEqual([]);
    // A past edition, archived, is no longer part of anyone's week.
    const org = await createOrganisation(t, admin);
    const past = await createEvent(t, admin, { startDate: '2026-10-25', endDate: '2026-10-30' });
    await register(t, past.id, stranger, org.id);
    expect((await svc.myWeek(actor(stranger))).map((e) => e.id)).toEqual([past.id]);
    await t.http().post(`/api/events/${past.id}/close`).set(admin.auth).expect(200);
    await t.http().post(`/api/events/${past.id}/archive`).set(admin.auth).expect(200);
    expect(await svc.myWeek(actor(stranger))).toEqual([]);
  });

  it('lists only the events a person hosts, and 404s for anyone else', async () => {
    const host = await signup(t, { name: 'Host' });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
      );
    expect(await code(svc.hostedEvents(actor(host)))).toBe('not_found');
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    const draft = await createEvent(t, admin, {}, { publish: false });
    await t
      .http()
      .post(`/api/events/${draft.id}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    const hosted = await svc.hostedEvents(actor(host));
    expect(hosted.map((e) => e.id)).toEqual([eventId]);
    expect(await code(svc.hostedEvents(actor(host), draft.id))).toBe('not_found');
    expect(await code(svc.hostedEvents(actor(people[0]), eventId))).toBe('not_found');
  });
});
