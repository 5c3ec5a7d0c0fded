import type { EntityManager } from 'typeorm';
import { type Account, MagicLinkDelivery } from '#accounts';
import { signup } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/** Captures links instead of emailing them. */
class CapturedLinks extends MagicLinkDelivery {
  readonly links: Array<{ email: string; link: string }> = [];
  async deliver(_m: EntityManager, account: Account, link: string): Promise<void> {
    this.links.push({ email: account.email, link });
  }
  sentTo(email: string): number {
    return this.links.filter((l) => l.email === email).length;
  }
}

const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';
const PASSWORD = 'a-long-password';

/*
 * Audit issue 11, item 8: ten wrong passwords typed on one email, from anywhere, locked
 * its real owner out for 15 minutes, magic links included; and any 10-character
 * password was accepted, "1234567890" too.
 */
describe('security: lockouts and common passwords (issue 11, item 8)', () => {
  let t: TestApp;
  const captured = new CapturedLinks();

  beforeAll(async () => {
    t = await startTestApp(
      'security_lockout',
      { LOGIN_MAX_PER_EMAIL: '10', LOGIN_MAX_PER_IP: '40' },
      (b) => b.overrideProvider(MagicLinkDelivery).useValue(captured),
    );
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, from: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
  const magicLink = (email: string, from: string) =>
    t.http().post('/api/auth/magic-link').set('X-Forwarded-For', from).send({ email });

  describe('an attacker elsewhere cannot lock the owner out', () => {
    it('guesses the password until refused; the owner still logs in and gets links', async () => {
      const owner = await signup(t);
      const statuses: number[] = [];
      for (let i = 0; i < 14; i++) {
        statuses.push((await login(owner.email, `guess-number-${i}`, ATTACKER)).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
      // Even the right password from the attacker's address waits: guessing gets no signal.
      expect((await login(owner.email, PASSWORD, ATTACKER)).status).toBe(429);

      // The owner, from their own address, is not locked out...
      const mine = await login(owner.email, PASSWORD, OWNER);
      expect(mine.status).toBe(200);
      expect(mine.body.account.id).toBe(owner.id);
      // ...and sign-in links still reach them.
      const before = captured.sentTo(owner.email);
      await magicLink(owner.email, OWNER).expect(202);
      expect(captured.sentTo(owner.email)).toBe(before + 1);
    });

    it('password guesses never stop magic-link requests, even from the same address', async () => {
      const owner = await signup(t);
      const shared = '192.0.2.44'; // a partner office behind one address
      for (let i = 0; i < 11; i++) await login(owner.email, `guess-${i}`, shared);
      expect((await login(owner.email, PASSWORD, shared)).status).toBe(429);
      await magicLink(owner.email, shared).expect(202);
      expect(captured.sentTo(owner.email)).toBe(1);
    });

    it('flooding the owner with link requests from elsewhere does not stop theirs', async () => {
      const owner = await signup(t);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await magicLink(owner.email, ATTACKER)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
      expect(statuses.slice(10)).toEqual([429, 429]);
      await magicLink(owner.email, OWNER).expect(202);
      await t
        .http()
        .post('/api/auth/password-reset')
        .set('X-Forwarded-For', OWNER)
        .send({ email: owner.email })
        .expect(202);
    });

    it('still limits one address across many emails', async () => {
      const from = '203.0.113.200';
      const statuses: number[] = [];
      for (let i = 0; i < 42; i++) {
        statuses.push((await login(`nobody-${i}@example.org`, 'wrong-guess', from)).status);
      }
      expect(statuses.slice(0, 40).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(40)).toEqual([429, 429]);
    });
  });

  describe('common and breached passwords are refused, in plain words', () => {
    const COMMON = ['1234567890', 'password123', 'qwertyuiop', 'iloveyou12', 'aaaaaaaaaaaa'];

    it.each(COMMON)('refuses "%s" on sign-up', async (password) => {
      const res = await t
        .http()
        .post('/api/auth/signup')
        .send({ email: `weak-${Date.now()}@example.org`, name: 'Weak', password, locale: 'en' })
        .expect(400);
      expect(res.body.message).toMatch(/password is too common or too easy to guess/);
      expect(res.body.details.fields).toEqual([
        expect.objectContaining({ field: 'password', codes: ['passwordTooCommon'] }),
      ]);
    });

    it('refuses a common password on change, and accepts a good one', async () => {
      const person = await signup(t);
      for (const password of COMMON) {
        const res = await t
          .http()
          .patch('/api/me')
          .set(person.auth)
          .send({ password, currentPassword: PASSWORD })
          .expect(400);
        expect(res.body.details.fields[0]).toMatchObject({
          field: 'password',
          codes: ['passwordTooCommon'],
        });
      }
      await t
        .http()
        .patch('/api/me')
        .set(person.auth)
        .send({ password: 'saffron kettle harbour', currentPassword: PASSWORD })
        .expect(200);
    });

    it('refuses a common password on reset', async () => {
      const res = await t
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token: 'x'.repeat(43), password: 'password123' })
        .expect(400);
      expect(res.body.details.fields[0]).toMatchObject({
        field: 'password',
        codes: ['passwordTooCommon'],
      });
    });

    it('keeps the length rule with its own code', async () => {
      const res = await t
        .http()
        .post('/api/auth/signup')
        .send({ email: 'short@example.org', name: 'Short', password: 'abc', locale: 'en' })
        .expect(400);
      expect(res.body.details.fields[0].codes).toEqual(['passwordTooShort']);
    });

    it('says why on the French sign-up page', async () => {
      const web = new WebClient(t);
      await web.get('/signup?lang=fr', { 'accept-language': 'fr' });
      const res = await web.post('/signup', {
        name: 'Awa',
        email: 'awa-weak@example.org',
        locale: 'fr',
        password: '1234567890',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('trop courant ou trop facile à deviner');
    });
  });
});
