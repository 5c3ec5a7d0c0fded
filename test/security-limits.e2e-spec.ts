import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * Audit issue 11, item 9: input at the server's limits. A tiny body nested very deep
 * overflowed the stack of validation (500); a page number like 1e308 became OFFSET
 * Infinity in SQL (500). Both are the client's mistake: a 400 in the one error shape.
 */
describe('security: input at the server limits (issue 11, item 9)', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: Session;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp('security_limits');
    admin = await loginAdmin(t);
    // Admins create events; the admin organises this one (its creator).
    organiser = admin;
    eventId = (await createEvent(t, admin)).id;
    await createOrganisation(t, admin);
  });

  afterAll(() => t.close());

  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('refuses 10,000 nested arrays (20 kB) with a 400 that names the body', async () => {
    const body = nested(10_000);
    expect(body.length).toBe(20_000);
    const person = await signup(t);
    for (const [method, url, auth] of [
      ['post', '/api/auth/login', {}],
      ['post', '/api/events', organiser.auth],
      ['post', `/api/events/${eventId}/registrations`, organiser.auth],
      ['patch', '/api/me', person.auth],
    ] as const) {
      const client = t.http();
      const res = await client[method](url)
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: { field: 'body' },
      });
      expect(res.body.message).toMatch(/body nests .* more than 32 levels/);
    }
  });

  it('refuses deep objects inside a field, and strings full of brackets do not count', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = { a: deep };
    const res = await t
      .http()
      .post('/api/events')
      .set(organiser.auth)
      .send({ name: 'Deep', venue: deep });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ field: 'body' });

    // Brackets inside a string are text, not depth: the usual 400 of validation instead.
    const text = await t
      .http()
      .post('/api/events')
      .set(organiser.auth)
      .send({ name: '['.repeat(5_000) });
    expect(text.status).toBe(400);
    expect(text.body.details.fields).toBeDefined();
  });

  it('refuses a web form whose field name nests 200,000 levels (a.a.a..., 400 kB)', async () => {
    const web = new WebClient(t);
    await web.get('/signup');
    const res = await web.post('/verify-email/resend', {
      ['a.'.repeat(200_000) + 'a']: 'x',
      email: 'deep@example.org',
    });
    expect(res.status).toBe(400);
  });

  it('still takes bodies nested a few levels, as every real one is', async () => {
    const res = await t
      .http()
      .post('/api/events')
      .set(organiser.auth)
      .send({
        name: 'Nested venue',
        kind: 'meeting',
        timezone: 'Africa/Casablanca',
        startDate: '2027-10-25',
        endDate: '2027-10-30',
        venue: { name: 'Hotel', city: 'Tangier', country: 'MA' },
        capacity: 30,
        requiresApproval: false,
        languages: ['fr', 'en'],
      });
    expect(res.status).toBe(201);
  });

  it.each(['1e308', '1e6', '100001', 'Infinity', '1.5', '-1'])(
    'answers 400 to ?page=%s on every paginated list',
    async (page) => {
      for (const url of [
        '/api/events',
        '/api/organisations',
        `/api/events/${eventId}/registrations`,
        `/api/events/${eventId}/visas`,
        `/api/events/${eventId}/messages`,
      ]) {
        const auth = url === '/api/organisations' ? admin.auth : organiser.auth;
        const res = await t.http().get(url).query({ page }).set(auth);
        expect({ url, page, status: res.status }).toEqual({ url, page, status: 400 });
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        expect(res.body.details.fields[0].field).toBe('page');
      }
    },
  );

  it('serves the last allowed page (an empty page, no error)', async () => {
    for (const url of [
      '/api/events',
      '/api/organisations',
      `/api/events/${eventId}/registrations`,
      `/api/events/${eventId}/visas`,
    ]) {
      const res = await t
        .http()
        .get(url)
        .query({ page: 100000, pageSize: 200 })
        .set(organiser.auth);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.body.items).toEqual([]);
      expect(res.body.page).toBe(100000);
    }
  });
});
