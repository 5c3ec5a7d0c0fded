import { signup } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

describe('web foundation: sessions, CSRF, languages, errors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('web_foundation');
  });
  afterAll(() => t.close());

  it('serves the home page in the browser language, with no external asset', async () => {
    const web = new WebClient(t);
    const res = await web.get('/', { 'accept-language': 'es-PE,es;q=0.9' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="es">');
    expect(res.text).toContain('Encuentros e inmersiones');
    expect(res.text).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('switches language with ?lang= and remembers it', async () => {
    const web = new WebClient(t);
    await web.get('/?lang=fr', { 'accept-language': 'en' });
    const res = await web.get('/', { 'accept-language': 'en' });
    expect(res.text).toContain('<html lang="fr">');
  });

  it('signs in with a password into an HttpOnly SameSite=Lax cookie session, and out', async () => {
    const person = await signup(t, { password: 'a-long-password', locale: 'fr' });
    const web = new WebClient(t);
    await web.get('/signin');
    const res = await web.post('/signin?next=/', {
      email: person.email,
      password: 'a-long-password',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = (res.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(setCookie).toMatch(/cv_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/cv_session=[^;]+;.*SameSite=Lax/);
    const home = await web.get('/');
    expect(home.text).toContain('Se déconnecter');
    expect(home.text).toContain('Vous êtes connecté·e.');

    const out = await web.post('/signout');
    expect(out.status).toBe(303);
    expect((await web.get('/')).text).not.toContain('Se déconnecter');
  });

  it('refuses a form posted without its CSRF token, or with another browser token', async () => {
    const person = await signup(t, { password: 'a-long-password' });
    const web = new WebClient(t);
    await web.get('/signin');
    const missing = await web.post('/signin', {
      _csrf: '',
      email: person.email,
      password: 'a-long-password',
    });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('This form has expired');
    expect(web.cookie('cv_session')).toBeUndefined();

    const other = new WebClient(t);
    await other.get('/signin');
    const forged = await web.post('/signin', {
      _csrf: other.csrf,
      email: person.email,
      password: 'a-long-password',
    });
    expect(forged.status).toBe(403);
    expect(web.cookie('cv_session')).toBeUndefined();
  });

  it("says what is wrong next to the field, in the person's language, keeping what was typed", async () => {
    const web = new WebClient(t);
    await web.get('/signin?lang=es');
    const res = await web.post('/signin', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Hay un problema');
    expect(res.text).toContain('Escriba una dirección de correo');
    expect(res.text).toContain('value="not-an-email"');
    const wrong = await web.post('/signin', {
      email: 'nobody@example.org',
      password: 'wrong-password',
    });
    expect(wrong.text).toContain('El correo o la contraseña no son correctos.');
  });

  it('ends every browser session when the password changes', async () => {
    const person = await signup(t, { password: 'a-long-password' });
    const web = new WebClient(t);
    await web.signIn(person.email, 'a-long-password');
    expect((await web.get('/')).text).toContain('Sign out');
    await t
      .http()
      .patch('/api/me')
      .set(person.auth)
      .send({ password: 'another-long-password', currentPassword: 'a-long-password' })
      .expect(200);
    expect((await web.get('/')).text).not.toContain('Sign out');
  });

  it('ends the session when the account is erased', async () => {
    const person = await signup(t, { password: 'a-long-password' });
    const web = new WebClient(t);
    await web.signIn(person.email, 'a-long-password');
    await t.http().delete('/api/me').set(person.auth).expect(204);
    expect((await web.get('/')).text).not.toContain('Sign out');
  });

  it('answers an unknown page with an HTML 404 and an unknown API path with JSON', async () => {
    const page = await new WebClient(t).get('/no-such-page', { 'accept-language': 'fr' });
    expect(page.status).toBe(404);
    expect(page.text).toContain('Page introuvable');
    const api = await t.http().get('/api/no-such-thing').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });

  it('writes the 404 page in the language the visitor chose, over the browser language', async () => {
    const web = new WebClient(t);
    await web.get('/?lang=es', { 'accept-language': 'fr' });
    const page = await web.get('/no-such-page', { 'accept-language': 'fr' });
    expect(page.status).toBe(404);
    expect(page.text).toContain('<html lang="es">');
    expect(page.text).toContain('Página no encontrada');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('keeps the emailed link unspent on GET and spends it once on POST', async () => {
    const web = new WebClient(t);
    const landing = await web.get('/login/magic?token=abc');
    expect(landing.status).toBe(200);
    const bad = await web.post('/login/magic', { token: 'x'.repeat(43) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('This link is invalid');
  });

  it('never redirects off-site after sign-in', async () => {
    const person = await signup(t, { password: 'a-long-password' });
    const web = new WebClient(t);
    await web.get('/signin');
    const res = await web.post('/signin?next=//evil.example/x', {
      email: person.email,
      password: 'a-long-password',
    });
    expect(res.headers.location).toBe('/');
  });
});
