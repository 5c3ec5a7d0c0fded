import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { EVEN_ANSWER_MS } from '#accounts';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
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
 * Audit issue 11, item 7: a database dump held every emailed sign-in link in clear
 * (messages.payload), older links kept working after a new one was sent, and sign-up
 * answered 409 to an address that has an account. Here the whole real path runs: API ->
 * outbox -> queue -> worker -> an SMTP server, and the attacker reads the database.
 */
let t: TestApp;
let sink: SmtpSink;
let worker: INestApplicationContext;
let ds: DataSource;

beforeAll(async () => {
  t = await startTestApp('security_magic', { LOGIN_MAX_PER_IP: '1000' });
  ds = t.app.get(DataSource);
  sink = await SmtpSink.start();
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: 200 },
      { backoffMs: 150, attempts: 4, relayIntervalMs: 100 },
    ),
    { logger: false },
  );
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
});

const mailsTo = (email: string) =>
  sink.received.filter((m) => JSON.stringify(m.to ?? '').includes(email));

/** Waits for the n-th email to `email` and returns the token of the link in it. */
async function nthLinkTo(email: string, n: number, path = ''): Promise<string> {
  const until = Date.now() + 15_000;
  while (mailsTo(email).length < n) {
    if (Date.now() > until) throw new Error(`no email #${n} to ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const text = mailsTo(email)[n - 1].text ?? '';
  const match = new RegExp(`${path}[^\\s]*[?&]token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return decodeURIComponent(match[1]);
}

/** Every message to `email` once the worker has marked them all sent. */
async function sentRows(email: string): Promise<Array<{ template: string; payload: object }>> {
  const until = Date.now() + 15_000;
  for (;;) {
    const rows = (await ds.query(
      `SELECT template, status, payload FROM messages WHERE recipient_email = $1`,
      [email],
    )) as Array<{ template: string; status: string; payload: object }>;
    if (rows.length > 0 && rows.every((r) => r.status === 'sent')) return rows;
    if (Date.now() > until) throw new Error(`messages to ${email} not all sent`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a database dump of the outbox holds. */
const dump = async () =>
  ((await ds.query(`SELECT payload::text AS p FROM messages`)) as Array<{ p: string }>)
    .map((r) => r.p)
    .join('\n');

describe('security: emailed links (issue 11, item 7)', () => {
  it('a dump of the outbox after sending holds no usable sign-in link', async () => {
    const person = await signup(t);
    await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
    const token = await nthLinkTo(person.email, 1, '/login/magic');
    const [row] = await sentRows(person.email);
    expect(row.template).toBe('magic_link');
    expect(row.payload).toMatchObject({ link: 'erased-after-sending' });
    expect(await dump()).not.toContain(token);
    // The email itself carried a working link.
    const res = await t.http().post('/api/auth/magic-link/verify').send({ token }).expect(200);
    expect(res.body.account.id).toBe(person.id);
  });

  it('confirmation, password-reset and staff-invitation links leave the outbox too', async () => {
    // Confirmation: a sign-up without a password.
    const email = `confirm-${Date.now()}@example.org`;
    await t
      .http()
      .post('/api/auth/signup')
      .send({ email, name: 'Fatou Diop', locale: 'fr' })
      .expect(201);
    const confirm = await nthLinkTo(email, 1, '/verify-email');

    // Password reset.
    const person = await signup(t);
    await t.http().post('/api/auth/password-reset').send({ email: person.email }).expect(202);
    const reset = await nthLinkTo(person.email, 1, '/password/reset');

    // Staff invitation of an address without an account.
    const admin = await loginAdmin(t);
    const event = await createEvent(t, admin);
    const invited = `invited-${Date.now()}@example.org`;
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ email: invited, role: 'facilitator', name: 'Invited Person' })
      .expect(201);
    const invitation = await nthLinkTo(invited, 1, '/login/magic');

    for (const who of [email, person.email, invited]) {
      for (const row of await sentRows(who)) {
        expect(row.payload).toMatchObject({ link: 'erased-after-sending' });
      }
    }
    const everything = await dump();
    for (const token of [confirm, reset, invitation]) expect(everything).not.toContain(token);

    // The emails worked: each link does what it says, once.
    await t.http().post('/api/auth/verify-email').send({ token: confirm }).expect(200);
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: reset, password: 'quiet lantern meadow' })
      .expect(200);
    await t.http().post('/api/auth/magic-link/verify').send({ token: invitation }).expect(200);
  });

  it('the consent link of a registration made by an organiser leaves the outbox too', async () => {
    const admin = await loginAdmin(t);
    const event = await createEvent(t, admin);
    const org = await createOrganisation(t, admin);
    const email = `consent-${Date.now()}@example.org`;
    await t
      .http()
      .post(`/api/events/${event.id}/registrations/on-behalf`)
      .set(admin.auth)
      .send({
        email,
        name: 'Lucía Pérez',
        locale: 'es',
        organisationId: org.id,
        profession: 'social_worker',
      })
      .expect(201);
    const token = await nthLinkTo(email, 1, '/consent');
    const [row] = await sentRows(email);
    expect(row.template).toBe('registration_consent_requested');
    expect(row.payload).toMatchObject({ consentToken: 'erased-after-sending' });
    expect(await dump()).not.toContain(token);
  });

  it('a new sign-in link retires the older unused ones', async () => {
    const person = await signup(t);
    await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
    const first = await nthLinkTo(person.email, 1);
    await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
    const second = await nthLinkTo(person.email, 2);
    expect(second).not.toBe(first);
    await t.http().post('/api/auth/magic-link/verify').send({ token: first }).expect(401);
    await t.http().post('/api/auth/magic-link/verify').send({ token: second }).expect(200);
  });

  it('a new password-reset link retires the older one', async () => {
    const person = await signup(t);
    await t.http().post('/api/auth/password-reset').send({ email: person.email }).expect(202);
    const first = await nthLinkTo(person.email, 1);
    await t.http().post('/api/auth/password-reset').send({ email: person.email }).expect(202);
    const second = await nthLinkTo(person.email, 2);
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: first, password: 'quiet lantern meadow' })
      .expect(401);
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: second, password: 'quiet lantern meadow' })
      .expect(200);
  });
});

describe('security: who has an account stays secret (issue 11, item 7)', () => {
  let owner: Session;

  beforeAll(async () => {
    owner = await signup(t, { name: 'Awa Traoré' });
  });

  /** The parts of an answer that do not vary by nature (ids, tokens, dates). */
  const shape = (res: { status: number; body: Record<string, unknown> }) => ({
    status: res.status,
    keys: Object.keys(res.body).sort(),
    accountKeys: Object.keys((res.body.account as object) ?? {}).sort(),
    verificationSent: res.body.verificationSent,
  });

  it('sign-up answers an existing address as a new one, and emails the owner instead', async () => {
    const signupAs = (email: string, password?: string) =>
      t
        .http()
        .post('/api/auth/signup')
        .send({ email, name: 'Someone', locale: 'en', ...(password ? { password } : {}) });

    const before = mailsTo(owner.email).length;
    for (const password of [undefined, 'violet harbour engine']) {
      const fresh = await signupAs(`fresh-${Date.now()}-${Math.random()}@example.org`, password);
      const taken = await signupAs(owner.email.toUpperCase(), password);
      expect(shape(taken)).toEqual(shape(fresh));
      expect(taken.status).toBe(201);
      expect(taken.body.account.id).not.toBe(owner.id);
      if (password) {
        // The token handed back belongs to nobody.
        await t
          .http()
          .get('/api/me')
          .set('Authorization', `Bearer ${taken.body.accessToken}`)
          .expect(401);
      }
    }
    // Nothing of the owner's account changed; they got a sign-in link each time.
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM accounts WHERE lower(email) = lower($1)`,
      [owner.email],
    );
    expect(n).toBe(1);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: owner.email, password: 'a-long-password' })
      .expect(200);
    // Two emails (the worker may deliver them in either order): the newer link works,
    // the older one was retired by it.
    const tokens = [
      await nthLinkTo(owner.email, before + 1, '/login/magic'),
      await nthLinkTo(owner.email, before + 2, '/login/magic'),
    ];
    const statuses = [];
    for (const token of tokens) {
      statuses.push((await t.http().post('/api/auth/magic-link/verify').send({ token })).status);
    }
    expect(statuses.sort()).toEqual([200, 401]);
  });

  it('the sign-up page answers an existing address as a new one', async () => {
    const submit = async (email: string) => {
      const web = new WebClient(t);
      await web.get('/signup');
      const res = await web.post('/signup', {
        name: 'Someone',
        email,
        locale: 'en',
        password: 'violet harbour engine',
      });
      return {
        status: res.status,
        page: res.text.replaceAll(email, 'EMAIL').replace(/name="_csrf" value="[^"]+"/g, ''),
      };
    };
    const fresh = await submit(`web-fresh-${Date.now()}@example.org`);
    const taken = await submit(owner.email);
    expect(taken.status).toBe(fresh.status);
    expect(taken.page).toBe(fresh.page);
  });

  it('login and magic-link requests answer the same for unknown addresses', async () => {
    const unknown = `nobody-${Date.now()}@example.org`;
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: owner.email, password: 'not-the-password' });
    const missing = await t
      .http()
      .post('/api/auth/login')
      .send({ email: unknown, password: 'not-the-password' });
    expect([wrong.status, wrong.body]).toEqual([missing.status, missing.body]);

    const known = await t.http().post('/api/auth/magic-link').send({ email: owner.email });
    const stranger = await t.http().post('/api/auth/magic-link').send({ email: unknown });
    expect([known.status, known.body]).toEqual([stranger.status, stranger.body]);
  });

  it('sign-up, login and link requests take about the same time whether the address exists or not', async () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const timed = async (send: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await send();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const signupTimes = { taken: [] as number[], fresh: [] as number[] };
    const loginTimes = { known: [] as number[], unknown: [] as number[] };
    const linkTimes = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 5; i++) {
      signupTimes.taken.push(
        await timed(() =>
          t.http().post('/api/auth/signup').send({
            email: owner.email,
            name: 'X',
            locale: 'en',
            password: 'violet harbour engine',
          }),
        ),
      );
      signupTimes.fresh.push(
        await timed(() =>
          t
            .http()
            .post('/api/auth/signup')
            .send({
              email: `timing-${i}-${Date.now()}@example.org`,
              name: 'X',
              locale: 'en',
              password: 'violet harbour engine',
            }),
        ),
      );
      loginTimes.known.push(
        await timed(() =>
          t.http().post('/api/auth/login').send({ email: owner.email, password: 'wrong-guess-1' }),
        ),
      );
      loginTimes.unknown.push(
        await timed(() =>
          t
            .http()
            .post('/api/auth/login')
            .send({ email: `ghost-${i}@example.org`, password: 'wrong-guess-1' }),
        ),
      );
    }
    for (let i = 0; i < 7; i++) {
      linkTimes.known.push(
        await timed(() => t.http().post('/api/auth/magic-link').send({ email: owner.email })),
      );
      linkTimes.unknown.push(
        await timed(() =>
          t
            .http()
            .post('/api/auth/magic-link')
            .send({ email: `ghost-link-${i}@example.org` }),
        ),
      );
    }
    // Both sides hash or verify with argon2: no difference a network could show. The bound
    // is loose (a shared 2-core machine); without the hashing the gap is the whole hash.
    const close = (a: number, b: number) => Math.abs(a - b) < Math.max(60, 0.6 * Math.max(a, b));
    expect(close(median(signupTimes.taken), median(signupTimes.fresh))).toBe(true);
    expect(close(median(loginTimes.known), median(loginTimes.unknown))).toBe(true);
    // Sign-in links: the known address's extra database work hides under a common floor.
    // (unknown addresses answered in about 20 ms, known ones in 35, before the floor).
    expect(Math.min(...linkTimes.unknown, ...linkTimes.known)).toBeGreaterThanOrEqual(
      EVEN_ANSWER_MS - 2,
    );
    expect(Math.abs(median(linkTimes.known) - median(linkTimes.unknown))).toBeLessThan(25);
  });
});
