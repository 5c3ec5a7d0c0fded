import { loginAdmin, signup, type Session } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * API error messages follow Accept-Language (fr, en, es) while everything a client
 * branches on stays: the status, the stable code, details (field codes included).
 */
describe('API errors in the caller’s language', () => {
  let t: TestApp;
  let admin: Session;
  let participant: Session;

  beforeAll(async () => {
    t = await startTestApp('api_errors_language');
    admin = await loginAdmin(t);
    participant = await signup(t);
  });
  afterAll(() => t.close());

  const badOrganisation = (language?: string) => {
    const req = t.http().post('/api/organisations').set(admin.auth);
    if (language) req.set('Accept-Language', language);
    return req.send({ name: 'Maison des familles', country: 'XX', city: 'Ouagadougou' });
  };

  it('says a field at fault through the validation catalogue, codes unchanged', async () => {
    const en = await badOrganisation().expect(400);
    const fr = await badOrganisation('fr-FR,fr;q=0.9,en;q=0.5').expect(400);
    const es = await badOrganisation('es').expect(400);

    expect(en.body.message).toMatch(/country/);
    expect(en.headers['content-language']).toBe('en');
    expect(fr.body.message).toBe('country : Choisissez un pays.');
    expect(fr.headers['content-language']).toBe('fr');
    expect(es.body.message).toBe('country: Elija un país.');
    for (const res of [en, fr, es]) {
      expect(res.headers.vary).toMatch(/Accept-Language/i);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
      });
      expect(res.body.details).toEqual(en.body.details);
      expect(res.body.details.fields[0]).toMatchObject({
        field: 'country',
        codes: ['isCountryCode'],
      });
    }
  });

  it('says the rest by its code, never in English to a French or Spanish reader', async () => {
    const forbidden = await t
      .http()
      .post('/api/organisations')
      .set(participant.auth)
      .set('Accept-Language', 'fr')
      .send({ name: 'Intrus', country: 'FR', city: 'Paris' })
      .expect(403);
    expect(forbidden.body).toMatchObject({
      code: 'forbidden',
      message: 'Vous n’avez pas le droit de faire cela.',
    });

    const missing = await t
      .http()
      .get('/api/events/00000000-0000-4000-8000-000000000000')
      .set(admin.auth)
      .set('Accept-Language', 'es')
      .expect(404);
    expect(missing.body).toMatchObject({
      code: 'not_found',
      message: 'Esto no existe, o no tiene permiso para verlo.',
    });

    const anonymous = await t.http().get('/api/me').set('Accept-Language', 'es').expect(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    expect(anonymous.body.message).toMatch(/^Inicie sesión/);

    // An unknown /api path (the fallback after every route) too.
    const unknown = await t
      .http()
      .get('/api/nothing-here')
      .set('Accept-Language', 'fr')
      .expect(404);
    expect(unknown.body).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/n’existe pas/),
    });
  });

  it('keeps the service’s own English sentence for English readers and unknown languages', async () => {
    for (const language of [undefined, 'en-GB', 'de-DE, it;q=0.8']) {
      const req = t.http().get('/api/events/00000000-0000-4000-8000-000000000000').set(admin.auth);
      if (language) req.set('Accept-Language', language);
      const res = await req.expect(404);
      expect(res.body).toMatchObject({ code: 'not_found', message: 'Event not found' });
    }
  });

  it('leaves successful answers alone', async () => {
    const res = await t
      .http()
      .get('/api/organisations')
      .set(admin.auth)
      .set('Accept-Language', 'fr');
    expect(res.status).toBe(200);
    expect(res.body.items).toBeDefined();
    expect(res.headers['content-language']).toBeUndefined();
  });
});
