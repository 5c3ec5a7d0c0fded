import { gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { type Account, MagicLinkDelivery } from '#accounts';
import { loginAdmin, signup } from './support/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';

/** Captures links instead of emailing them, so the test can click them. */
class CapturedLinks extends MagicLinkDelivery {
  readonly links = new Map<string, string>();
  async deliver(_m: EntityManager, account: Account, link: string): Promise<void> {
    this.links.set(account.email, link);
  }
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

describe('auth', () => {
  let t: TestApp;
  const captured = new CapturedLinks();

  beforeAll(async () => {
    t = await startTestApp('auth', { LOGIN_MAX_PER_EMAIL: '5', LOGIN_MAX_PER_IP: '1000' }, (b) =>
      b.overrideProvider(MagicLinkDelivery).useValue(captured),
    );
  });
  afterAll(() => t.close());

  it('signs up, logs in and reads the profile', async () => {
    const res = await t
      .http()
      .post('/api/auth/signup')
      .send({
        email: '  Awa.Traore@Example.org ',
        name: 'Awa Traoré',
        password: 'correct-horse-1',
        locale: 'fr',
      })
      .expect(201);
    expect(res.body.account).toMatchObject({
      email: 'awa.traore@example.org',
      name: 'Awa Traoré',
      locale: 'fr',
    });
    expect(res.body.account.passwordHash).toBeUndefined();

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'AWA.TRAORE@example.org', password: 'correct-horse-1' })
      .expect(200);
    const me = await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ email: 'awa.traore@example.org', platformRole: 'member' });
  });

  it('hands out no token to a sign-up without a password: it emails a link to confirm the address', async () => {
    const res = await t
      .http()
      .post('/api/auth/signup')
      .send({ email: 'no-password@example.org', name: 'Anyone', locale: 'es' })
      .expect(201);
    expect(res.body.accessToken).toBeUndefined();
    expect(res.body).toMatchObject({
      account: { email: 'no-password@example.org' },
      verificationSent: true,
    });
    const link = new URL(captured.links.get('no-password@example.org') ?? 'http://x/none');
    expect(link.pathname).toBe('/verify-email');
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT email_verified_at FROM accounts WHERE email = 'no-password@example.org'`);
    expect(row.email_verified_at).toBeNull();
  });

  it('confirms the address through POST /api/auth/verify-email, once, and then hands out a token', async () => {
    await t
      .http()
      .post('/api/auth/signup')
      .send({ email: 'confirm-me@example.org', name: 'Confirm', locale: 'fr' })
      .expect(201);
    const token = tokenOf(captured.links.get('confirm-me@example.org')!);
    const res = await t.http().post('/api/auth/verify-email').send({ token }).expect(200);
    expect(res.body.account.email).toBe('confirm-me@example.org');
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    await t.http().post('/api/auth/verify-email').send({ token }).expect(401);
    // A sign-in link is not a confirmation link, and the other way round.
    await t.http().post('/api/auth/magic-link/verify').send({ token }).expect(401);
  });

  it('keeps the token of a sign-up with a password, but the account is unconfirmed until a link is used', async () => {
    const res = await t
      .http()
      .post('/api/auth/signup')
      .send({
        email: 'with-password@example.org',
        name: 'Someone',
        password: 'long-enough-1',
        locale: 'en',
      })
      .expect(201);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.verificationSent).toBe(false);
    await t
      .http()
      .post('/api/auth/magic-link')
      .send({ email: 'with-password@example.org' })
      .expect(202);
    const token = tokenOf(captured.links.get('with-password@example.org')!);
    await t.http().post('/api/auth/magic-link/verify').send({ token }).expect(200);
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT email_verified_at FROM accounts WHERE email = 'with-password@example.org'`);
    expect(row.email_verified_at).not.toBeNull();
  });

  // Was a 409 until issue 11 (item 7): a 409 told anyone which addresses have accounts.
  it('makes no second account with the same email in another case, and does not say so', async () => {
    const first = await signup(t, { email: 'dup@example.org' });
    const res = await t
      .http()
      .post('/api/auth/signup')
      .send({ email: 'DUP@example.org', name: 'Again', locale: 'en' })
      .expect(201);
    expect(res.body.account.id).not.toBe(first.id);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM accounts WHERE lower(email) = 'dup@example.org'`);
    expect(n).toBe(1);
    // The owner hears of it: a sign-in link reaches their inbox.
    expect(captured.links.get('dup@example.org')).toBeDefined();
  });

  it('answers 401 to a wrong password and to an unknown email alike', async () => {
    const person = await signup(t);
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: 'wrong-password' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.org', password: 'x' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rejects missing, malformed and forged tokens', async () => {
    await t.http().get('/api/me').expect(401);
    await t.http().get('/api/me').set('Authorization', 'Bearer nonsense').expect(401);
    const forged = Buffer.from(JSON.stringify({ sub: randomBytes(4).toString('hex') })).toString(
      'base64url',
    );
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer eyJhbGciOiJIUzI1NiJ9.${forged}.sig`)
      .expect(401);
  });

  it("refuses an attacker's token claiming the admin: unsigned, re-signed, borrowed or expired", async () => {
    const admin = await loginAdmin(t);
    const [head, body] = admin.token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { sub: string };
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const hmac = (data: string, secret: string) =>
      createHmac('sha256', secret).update(data).digest('base64url');
    const { jwtSecret } = t.config;
    const now = Math.floor(Date.now() / 1000);
    const me = await signup(t);
    const mine = me.token.split('.');
    const attempts = {
      none: `${part({ alg: 'none', typ: 'JWT' })}.${body}.`,
      hs512: (() => {
        const data = `${part({ alg: 'HS512', typ: 'JWT' })}.${body}`;
        return `${data}.${createHmac('sha512', jwtSecret).update(data).digest('base64url')}`;
      })(),
      'another secret': `${head}.${body}.${hmac(`${head}.${body}`, 'guessed-secret-of-thirty-two-chars!')}`,
      "the admin's id under my signature": `${mine[0]}.${body}.${mine[2]}`,
      'expired, with the real key': (() => {
        const data = `${head}.${part({ ...claims, exp: now - 1 })}`;
        return `${data}.${hmac(data, jwtSecret)}`;
      })(),
    };
    for (const [name, forgedToken] of Object.entries(attempts)) {
      const res = await t.http().get('/api/me').set('Authorization', `Bearer ${forgedToken}`);
      expect([name, res.status]).toEqual([name, 401]);
    }
    // The genuine token, and one signed anew with the real key, still work.
    await t.http().get('/api/me').set(admin.auth).expect(200);
    const resigned = `${head}.${body}`;
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${resigned}.${hmac(resigned, jwtSecret)}`)
      .expect(200);
  });

  it('rate-limits login attempts per email with 429 and Retry-After', async () => {
    const person = await signup(t);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: person.email, password: 'wrong-password' });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password waits out the window: guessing gets no signal.
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: 'a-long-password' })
      .expect(429);
  });

  describe('magic links', () => {
    it('logs in once with a link and refuses to reuse it', async () => {
      const person = await signup(t);
      await t
        .http()
        .post('/api/auth/magic-link')
        .send({ email: person.email.toUpperCase() })
        .expect(202);
      const token = tokenOf(captured.links.get(person.email)!);
      const first = await t.http().post('/api/auth/magic-link/verify').send({ token }).expect(200);
      expect(first.body.account.id).toBe(person.id);
      await t.http().post('/api/auth/magic-link/verify').send({ token }).expect(401);
    });

    it('lets exactly one of two simultaneous uses through', async () => {
      const person = await signup(t);
      await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
      const token = tokenOf(captured.links.get(person.email)!);
      const results = await Promise.all(
        [1, 2, 3].map(() => t.http().post('/api/auth/magic-link/verify').send({ token })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    });

    it('refuses an expired link and stores only a hash of the token', async () => {
      const person = await signup(t);
      await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
      const token = tokenOf(captured.links.get(person.email)!);
      const ds = t.app.get(DataSource);
      const hash = createHash('sha256').update(token).digest('hex');
      const [row] = await ds.query(
        `SELECT token_hash, round(extract(epoch FROM expires_at - created_at) / 60)::int AS ttl_minutes FROM magic_link_tokens WHERE token_hash = $1`,
        [hash],
      );
      expect(row.token_hash).not.toContain(token);
      expect(row.ttl_minutes).toBe(15);
      await ds.query(
        `UPDATE magic_link_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [hash],
      );
      const res = await t.http().post('/api/auth/magic-link/verify').send({ token }).expect(401);
      expect(res.body.message).toMatch(/expired/);
    });

    it('answers the same for unknown emails, without sending anything', async () => {
      const before = captured.links.size;
      const res = await t
        .http()
        .post('/api/auth/magic-link')
        .send({ email: 'ghost@example.org' })
        .expect(202);
      expect(res.body.message).toMatch(/If an account exists/);
      expect(captured.links.size).toBe(before);
    });
  });

  describe('profiles', () => {
    it('lets a person change their own profile but not someone else’s', async () => {
      const a = await signup(t);
      const b = await signup(t);
      const patched = await t
        .http()
        .patch('/api/me')
        .set(a.auth)
        .send({ name: 'Lucía Quispe', locale: 'es' })
        .expect(200);
      expect(patched.body).toMatchObject({ name: 'Lucía Quispe', locale: 'es' });
      await t
        .http()
        .patch(`/api/accounts/${b.id}`)
        .set(a.auth)
        .send({ name: 'Hijacked' })
        .expect(403);
      await t.http().get(`/api/accounts/${b.id}`).set(a.auth).expect(403);
      const still = await t.http().get('/api/me').set(b.auth).expect(200);
      expect(still.body.name).toBe('Test Person');
    });

    it('needs the current password to set a new one, and the new one then works', async () => {
      const a = await signup(t);
      await t
        .http()
        .patch('/api/me')
        .set(a.auth)
        .send({ password: 'brand-new-password' })
        .expect(401);
      await t
        .http()
        .patch('/api/me')
        .set(a.auth)
        .send({ password: 'brand-new-password', currentPassword: 'a-long-password' })
        .expect(200);
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: a.email, password: 'brand-new-password' })
        .expect(200);
    });

    it('refuses to let a member promote themselves', async () => {
      const a = await signup(t);
      await t.http().patch('/api/me').set(a.auth).send({ platformRole: 'admin' }).expect(400);
    });

    it('creates the first admin from ADMIN_EMAIL and lets admins edit profiles', async () => {
      const admin = await loginAdmin(t);
      const me = await t.http().get('/api/me').set(admin.auth).expect(200);
      expect(me.body).toMatchObject({ email: TEST_ADMIN.email, platformRole: 'admin' });
      const a = await signup(t);
      await t
        .http()
        .patch(`/api/accounts/${a.id}`)
        .set(admin.auth)
        .send({ locale: 'fr' })
        .expect(200);
    });
  });
});

describe('sign-up limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('auth_signup_limit', { SIGNUP_MAX_PER_IP: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 once an address has created its hourly share of accounts', async () => {
    for (let i = 0; i < 3; i++) await signup(t);
    const res = await t
      .http()
      .post('/api/auth/signup')
      .send({ email: 'one-too-many@example.org', name: 'Late', locale: 'fr' })
      .expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('the login page an emailed link opens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('auth_page');
  });
  afterAll(() => t.close());

  it('is served outside /api in the reader’s language, uncached, and spends nothing on GET', async () => {
    const person = await signup(t);
    await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
    const [row] = await t.app
      .get(DataSource)
      .query(
        `SELECT payload->>'link' AS link FROM messages WHERE template = 'magic_link' AND recipient_email = $1`,
        [person.email],
      );
    const link = new URL(row.link);
    expect(link.pathname).toBe('/login/magic');
    const res = await t
      .http()
      .get(`${link.pathname}${link.search}`)
      .set('Accept-Language', 'es-PE,es;q=0.9')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<html lang="es">');
    expect(res.text).toContain('action="/login/magic"');
    // The page's own HTML stays small; opened on a new phone (no stylesheet yet), it also
    // carries the stylesheet and still fits the first round trip, compressed.
    expect(res.text.replace(/<style>[\s\S]*?<\/style>/, '').length).toBeLessThan(8192);
    expect(gzipSync(res.text).length).toBeLessThan(14 * 1024);
    // Opening the page (as a mail scanner would) leaves the token usable for its owner.
    const verified = await t
      .http()
      .post('/api/auth/magic-link/verify')
      .send({ token: tokenOf(row.link) })
      .expect(200);
    expect(verified.body.account.id).toBe(person.id);
  });
});
