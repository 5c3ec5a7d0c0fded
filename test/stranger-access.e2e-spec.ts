import { loginAdmin, signup, type Session } from './support/factories.js';
import { buildWorld, documentedOperations, fillPath, type World } from './support/api-world.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * A logged-in stranger (no registration, no staff role) calls every documented
 * operation with the real ids of other people's objects. Only what is public by
 * design (published events, agendas, the partner directory, their own profile and
 * their own registration) may answer 2xx; everything else must be 401/403/404.
 * A new endpoint that forgets its permission check fails here.
 */

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
  // Calendar files of what is public, and the caller's own calendar and subscription URL.
  'GET /api/events/{id}/calendar.ics',
  'GET /api/sessions/{id}/calendar.ics',
  'GET /api/me/calendar.ics',
  'POST /api/me/calendar-token',
  'DELETE /api/me/calendar-token',
  'GET /api/events/{id}/registrations/prefill',
  'POST /api/events/{id}/registrations',
  'GET /api/health/live',
  'GET /api/health/ready',
  // Erases the caller's own account: covered by the privacy tests, and would end this one.
  'DELETE /api/me',
]);

describe('a stranger reaches nothing that is not theirs', () => {
  let t: TestApp;
  let owner: Session;
  let stranger: Session;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp('stranger_access');
    owner = await signup(t);
    stranger = await signup(t);
    world = await buildWorld(t, await loginAdmin(t), owner);
  });
  afterAll(() => t.close());

  it('answers 401, 403 or 404 everywhere else', async () => {
    const leaks: string[] = [];
    let checked = 0;
    for (const { template, method } of await documentedOperations(t)) {
      const key = `${method.toUpperCase()} ${template}`;
      if (OPEN_TO_ANY_ACCOUNT.has(key)) continue;
      const res = await t.http()[method](fillPath(template, world)).set(stranger.auth).send({});
      checked++;
      // A 400 on a write means the body was refused before anything was read: no leak.
      if (![401, 403, 404].includes(res.status) && !(res.status === 400 && method !== 'get')) {
        leaks.push(`${key} -> ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(leaks).toEqual([]);
  });

  it('shows the owner their registration, emergency contact included, and no one else', async () => {
    const own = await t
      .http()
      .get(`/api/registrations/${world.registration}`)
      .set(owner.auth)
      .expect(200);
    expect(JSON.stringify(own.body)).toContain('+226 70 00 00 00');
    const other = await t.http().get(`/api/registrations/${world.registration}`).set(stranger.auth);
    expect([403, 404]).toContain(other.status);
    expect(JSON.stringify(other.body)).not.toContain('+226');
  });
});
