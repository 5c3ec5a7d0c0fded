import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { type Account, MagicLinkDelivery } from '#accounts';
import { signup } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/** Captures every emailed link (sign-in, confirmation, reset) instead of sending it. */
class CapturedLinks extends MagicLinkDelivery {
  readonly links = new Map<string, string>();
  async deliver(_m: EntityManager, account: Account, link: string): Promise<void> {
    this.links.set(account.email, link);
  }
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/**
 * Issue 11, item 6: an attacker holding someone's bearer token (copied from a laptop,
 * a log, a script) keeps it after the owner changes or resets the password, and a
 * stolen token of a password-less account can be turned into a permanent login.
 */
describe('Security: sessions and passwords (issue 11, item 6)', () => {
  let t: TestApp;
  const captured = new CapturedLinks();

  beforeAll(async () => {
    t = await startTestApp('security-sessions', {}, (b) =>
      b.overrideProvider(MagicLinkDelivery).useValue(captured),
    );
  });
  afterAll(() => t.close());

  const me = (auth: Record<string, string>) => t.http().get('/api/me').set(auth);

  it('a password change ends every other session: the stolen bearer token stops working', async () => {
    const owner = await signup(t, { password: 'first-long-passphrase-41' });
    const stolen = owner.auth;
    const laptop = await t
      .http()
      .post('/api/auth/login')
      .send({ email: owner.email, password: 'first-long-passphrase-41' })
      .expect(200);
    await me(stolen).expect(200);

    const changed = await t
      .http()
      .patch('/api/me')
      .set({ Authorization: `Bearer ${laptop.body.accessToken}` })
      .send({ password: 'second-long-passphrase-73', currentPassword: 'first-long-passphrase-41' })
      .expect(200);
    // The client that changed it carries on with the new token it was given...
    expect(changed.body.accessToken).toEqual(expect.any(String));
    await me({ Authorization: `Bearer ${changed.body.accessToken}` }).expect(200);
    // ...while every token signed before, the attacker's included, is over.
    const refused = await me(stolen).expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await me({ Authorization: `Bearer ${laptop.body.accessToken}` }).expect(401);
    await t.http().patch('/api/me').set(stolen).send({ name: 'Attacker was here' }).expect(401);
  });

  it('a cookie session of the same account ends with the password change too', async () => {
    const owner = await signup(t, { password: 'cookie-long-passphrase-55' });
    const browser = new WebClient(t);
    await browser.signIn(owner.email, 'cookie-long-passphrase-55');
    expect((await browser.get('/my/data')).status).toBe(200);
    await t
      .http()
      .patch('/api/me')
      .set(owner.auth)
      .send({ password: 'cookie-new-passphrase-66', currentPassword: 'cookie-long-passphrase-55' })
      .expect(200);
    expect((await browser.get('/my/data')).status).not.toBe(200);
  });

  it('a reset by email ends every bearer token signed before it', async () => {
    const owner = await signup(t, { password: 'reset-long-passphrase-12' });
    const stolen = owner.auth;
    await me(stolen).expect(200);

    const asked = await t
      .http()
      .post('/api/auth/password-reset')
      .send({ email: owner.email })
      .expect(202);
    // The same answer for an address nobody holds.
    const unknown = await t
      .http()
      .post('/api/auth/password-reset')
      .send({ email: 'nobody-here@example.org' })
      .expect(202);
    expect(unknown.body).toEqual(asked.body);

    const link = captured.links.get(owner.email)!;
    expect(link).toMatch(/\/password\/reset\?token=/);
    const reset = await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: tokenOf(link), password: 'reset-new-passphrase-34' })
      .expect(200);
    await me({ Authorization: `Bearer ${reset.body.accessToken}` }).expect(200);
    await me(stolen).expect(401);
    // The link is single use.
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: tokenOf(link), password: 'reset-third-passphrase-56' })
      .expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: owner.email, password: 'reset-new-passphrase-34' })
      .expect(200);
  });

  it('log out ends this token and every other one', async () => {
    const owner = await signup(t, { password: 'logout-long-passphrase-9' });
    const other = await t
      .http()
      .post('/api/auth/login')
      .send({ email: owner.email, password: 'logout-long-passphrase-9' })
      .expect(200);
    await t.http().post('/api/auth/logout').set(owner.auth).expect(204);
    await me(owner.auth).expect(401);
    await me({ Authorization: `Bearer ${other.body.accessToken}` }).expect(401);
  });

  it('a stolen token of a password-less account cannot set a password', async () => {
    // An account without a password: it signs in by emailed link only.
    const email = `no-password-${Date.now()}@example.org`;
    await t
      .http()
      .post('/api/auth/signup')
      .send({ email, name: 'Linked Only', locale: 'en' })
      .expect(201);
    const verified = await t
      .http()
      .post('/api/auth/verify-email')
      .send({ token: tokenOf(captured.links.get(email)!) })
      .expect(200);
    const stolen = { Authorization: `Bearer ${verified.body.accessToken}` };

    const refused = await t
      .http()
      .patch('/api/me')
      .set(stolen)
      .send({ password: 'attacker-chosen-passphrase-88' })
      .expect(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      details: { reason: 'email_proof_required' },
    });
    expect(refused.body.message).toMatch(/password-reset/);
    const [row] = (await t.app
      .get(DataSource)
      .query(`SELECT password_hash FROM accounts WHERE lower(email) = $1`, [email])) as Array<{
      password_hash: string | null;
    }>;
    expect(row.password_hash).toBeNull();
    await t
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'attacker-chosen-passphrase-88' })
      .expect(401);

    // The owner, who reads the mailbox, sets it through the emailed link.
    await t.http().post('/api/auth/password-reset').send({ email }).expect(202);
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: tokenOf(captured.links.get(email)!), password: 'owner-chosen-passphrase-21' })
      .expect(200);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'owner-chosen-passphrase-21' })
      .expect(200);
    await me(stolen).expect(401);
  });

  it('a new account cannot register before it confirms its address', async () => {
    const admin = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'admin@convene.test', password: 'admin-password-123' })
      .expect(200);
    const adminAuth = { Authorization: `Bearer ${admin.body.accessToken}` };
    const org = await t
      .http()
      .post('/api/organisations')
      .set(adminAuth)
      .send({ name: `Partner ${Date.now()}`, country: 'MA', city: 'Tangier' })
      .expect(201);
    const event = await t
      .http()
      .post('/api/events')
      .set(adminAuth)
      .send({
        name: `Sessions week ${Date.now()}`,
        kind: 'meeting',
        timezone: 'Africa/Casablanca',
        startDate: '2027-10-25',
        endDate: '2027-10-30',
        venue: { name: 'Venue', city: 'Tangier', country: 'MA' },
        capacity: 10,
        requiresApproval: false,
        languages: ['fr', 'en'],
      })
      .expect(201);
    await t.http().post(`/api/events/${event.body.id}/publish`).set(adminAuth).expect(200);
    const fresh = await t
      .http()
      .post('/api/auth/signup')
      .send({
        email: `unconfirmed-${Date.now()}@example.org`,
        name: 'Not Yet',
        password: 'unconfirmed-passphrase-77',
        locale: 'en',
      })
      .expect(201);
    const res = await t
      .http()
      .post(`/api/events/${event.body.id}/registrations`)
      .set({ Authorization: `Bearer ${fresh.body.accessToken}` })
      .send({
        organisationId: org.body.id,
        profession: 'social_worker',
        consent: { dataProcessing: true },
      })
      .expect(403);
    expect(res.body.details).toMatchObject({ reason: 'email_not_verified' });
  });
});
