import { loginAdmin, type Session } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('bad input never becomes a 500', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp('http_errors');
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const expectShape = (body: Record<string, unknown>, statusCode: number) =>
    expect(body).toMatchObject({
      statusCode,
      error: expect.any(String),
      message: expect.any(String),
    });

  it('answers malformed JSON with 400 naming the body', async () => {
    const res = await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send('{"name": "Broken", "country": ')
      .expect(400);
    expectShape(res.body, 400);
    expect(res.body).toMatchObject({
      message: 'The request body is not valid JSON',
      details: { field: 'body' },
    });
  });

  it('answers a 2 MB body with 413', async () => {
    const res = await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .send({ name: 'x'.repeat(2 * 1024 * 1024), country: 'FR' })
      .expect(413);
    expectShape(res.body, 413);
  });

  it('names every missing, unknown and mistyped field', async () => {
    const res = await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .send({ country: 12, nickname: 'extra' })
      .expect(400);
    expectShape(res.body, 400);
    const fields = res.body.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['country', 'name', 'nickname']);
    expect(res.body.message).toMatch(/property nickname should not exist/);
    // Stable codes let a client say it in French or Spanish.
    const country = res.body.details.fields.find((f: { field: string }) => f.field === 'country');
    expect(country.codes).toEqual(['isCountryCode']);
  });

  it('refuses null for a field that is not nullable, and text with a NUL character', async () => {
    const org = await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .send({ name: 'Nullable test', country: 'FR' })
      .expect(201);
    const nulled = await t
      .http()
      .patch(`/api/organisations/${org.body.id}`)
      .set(admin.auth)
      .send({ name: null })
      .expect(400);
    expect(nulled.body.details.fields).toEqual([
      {
        field: 'name',
        problems: ['name cannot be null; leave it out instead'],
        codes: ['isNotNull'],
      },
    ]);
    const nul = await t
      .http()
      .patch(`/api/organisations/${org.body.id}`)
      .set(admin.auth)
      .send({ city: 'Tan\u0000ger' })
      .expect(400);
    expect(nul.body.message).toBe('city contains a NUL character');
    // A field documented as nullable still takes null: leaving one's organisation.
    await t.http().patch('/api/me').set(admin.auth).send({ organisationId: null }).expect(200);
  });

  it('refuses a body that is not an object', async () => {
    const res = await t.http().post('/api/organisations').set(admin.auth).send([1, 2, 3]);
    expect(res.status).toBe(400);
  });

  it('answers unknown routes and ids with 404 in the same shape', async () => {
    const route = await t.http().get('/api/nothing-here').set(admin.auth).expect(404);
    expectShape(route.body, 404);
    const id = await t.http().get('/api/events/12345').set(admin.auth).expect(404);
    expect(id.body.message).toBe('Event not found');
  });

  it('sets security headers', async () => {
    const res = await t.http().get('/api/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
