import {
  createEvent,
  createOrganisation,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * A logged-in stranger (no registration, no staff role) calls every documented
 * operation with the real ids of other people's objects. Only what is public by
 * design (published events, agendas, the partner directory, their own profile and
 * their own registration) may answer 2xx; everything else must be 401/403/404.
 * A new endpoint that forgets its permission check fails here.
 */

type Doc = { paths: Record<string, Record<string, unknown>> };

/** Operations a stranger may use successfully, as "METHOD /path/template". */
const OPEN_TO_ANY_ACCOUNT = new Set([
  'GET /api/events',
  'GET /api/events/{id}',
  'GET /api/events/{id}/agenda',
  'GET /api/events/{id}/sessions',
  'GET /api/sessions/{id}',
  'GET /api/events/{id}/rooms',
  'GET /api/events/{id}/rooms/{roomId}',
  'GET /api/organisations',
  'GET /api/organisations/{id}',
  'GET /api/me',
  'PATCH /api/me',
  'GET /api/me/registrations',
  'GET /api/me/agenda',
  'GET /api/events/{id}/registrations/prefill',
  'POST /api/events/{id}/registrations',
  'GET /api/health/live',
  'GET /api/health/ready',
  // Erases the caller's own account: covered by the privacy tests, and would end this one.
  'DELETE /api/me',
]);

describe('a stranger reaches nothing that is not theirs', () => {
  let t: TestApp;
  let admin: Session;
  let owner: Session;
  let stranger: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('stranger_access');
    admin = await loginAdmin(t);
    owner = await signup(t);
    stranger = await signup(t);
    const org = await createOrganisation(t, admin);
    const event = await createEvent(t, admin);
    const registration = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(owner.auth)
      .send(
        registrationBody(org.id, {
          emergencyContact: { name: 'Mariam', phone: '+226 70 00 00 00', relation: 'sister' },
        }),
      )
      .expect(201);
    const room = await t
      .http()
      .post(`/api/events/${event.id}/rooms`)
      .set(admin.auth)
      .send({ name: 'Salle B', capacity: 20 })
      .expect(201);
    const session = await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'workshop',
        title: 'Atelier',
        startsAt: '2027-10-26T09:00',
        endsAt: '2027-10-26T10:00',
        roomId: room.body.id,
        capacity: 10,
        signupRequired: true,
      })
      .expect(201);
    await t
      .http()
      .post(`/api/events/${event.id}/agenda/publish`)
      .set(admin.auth)
      .expect((r) => expect(r.status).toBeLessThan(300));
    const signupRes = await t
      .http()
      .post(`/api/sessions/${session.body.id}/signups`)
      .set(owner.auth)
      .send({})
      .expect(201);
    const [message] = await t.app
      .get((await import('typeorm')).DataSource)
      .query(`SELECT id FROM messages LIMIT 1`);
    Object.assign(ids, {
      event: event.id,
      organisation: org.id,
      registration: registration.body.id,
      room: room.body.id,
      session: session.body.id,
      signup: signupRes.body.id,
      account: owner.id,
      message: message?.id ?? '00000000-0000-4000-8000-000000000000',
    });
  });
  afterAll(() => t.close());

  it('answers 401, 403 or 404 everywhere else', async () => {
    const doc: Doc = (await t.http().get('/docs-json').expect(200)).body;
    const leaks: string[] = [];
    let checked = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      if (template.startsWith('/api/auth/')) continue;
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${template}`;
        if (OPEN_TO_ANY_ACCOUNT.has(key)) continue;
        const resource = template.split('/')[2];
        const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
          if (name === 'id') {
            return (
              {
                events: ids.event,
                organisations: ids.organisation,
                registrations: ids.registration,
                sessions: ids.session,
                accounts: ids.account,
                messages: ids.message,
              }[resource] ?? ids.event
            );
          }
          return (
            { roomId: ids.room, signupId: ids.signup, accountId: ids.account, role: 'organiser' }[
              name
            ] ?? ids.event
          );
        });
        const verb = method as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const res = await t.http()[verb](url).set(stranger.auth).send({});
        checked++;
        if (![401, 403, 404].includes(res.status) && !(res.status === 400 && method !== 'get')) {
          leaks.push(`${key} -> ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(leaks).toEqual([]);
  });

  it('shows the owner their registration, emergency contact included, and no one else', async () => {
    const own = await t
      .http()
      .get(`/api/registrations/${ids.registration}`)
      .set(owner.auth)
      .expect(200);
    expect(JSON.stringify(own.body)).toContain('+226 70 00 00 00');
    const other = await t.http().get(`/api/registrations/${ids.registration}`).set(stranger.auth);
    expect([403, 404]).toContain(other.status);
    expect(JSON.stringify(other.body)).not.toContain('+226');
  });
});
