import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
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

let t: TestApp;
let ds: DataSource;
let sink: SmtpSink;
let worker: INestApplicationContext;
let admin: Session;
let event: { id: string };
let orgMA: { id: string };
let orgBF: { id: string };
const people: Array<{ email: string; locale: string; org: string }> = [];

const SUBJECTS = { fr: 'Changement de salle', en: 'Room change', es: 'Cambio de sala' };
const BODIES = {
  fr: "L'atelier de jeudi a lieu en salle 2.\n\nMerci <b>de</b> venir à l'heure.",
  en: "Thursday's workshop is in room 2.",
  es: 'El taller del jueves es en la sala 2.',
};

async function addRegistrations(
  count: number,
  status: string,
  locale: string,
  organisationId: string,
  tag: string,
) {
  const rows: Array<{ email: string }> = await ds.query(
    `WITH a AS (
       INSERT INTO accounts (email, name, locale, organisation_id)
       SELECT $1 || '-' || i || '@example.org', 'Person ' || $1 || ' ' || i, $2, $3
         FROM generate_series(1, $4::int) i
       RETURNING id, email)
     , r AS (
       INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
                                  consent_data_processing_at, waitlist_seq)
       SELECT $5, a.id, $3, $6, 'social_worker', now(),
              CASE WHEN $6 = 'waitlisted' THEN (random() * 1e9)::int END
         FROM a
       RETURNING account_id)
     SELECT email FROM a`,
    [tag, locale, organisationId, count, event.id, status],
  );
  return rows.map((r) => r.email);
}

beforeAll(async () => {
  t = await startTestApp('messages');
  ds = t.app.get(DataSource);
  sink = await SmtpSink.start();
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: 500 },
      { relayIntervalMs: 150, backoffMs: 150 },
    ),
    { logger: false },
  );
  admin = await loginAdmin(t);
  orgMA = await createOrganisation(t, admin, { country: 'MA' });
  orgBF = await createOrganisation(t, admin, { country: 'BF' });
  // The event writes in English first: the fallback for languages not written.
  event = await createEvent(t, admin, { languages: ['en', 'fr', 'es'] });
  for (const [locale, org] of [
    ['fr', orgMA.id],
    ['en', orgMA.id],
    ['es', orgBF.id],
  ] as const) {
    for (const email of await addRegistrations(10, 'confirmed', locale, org, `c${locale}`)) {
      people.push({ email, locale, org });
    }
  }
  await addRegistrations(2, 'waitlisted', 'es', orgMA.id, 'wl');
  await addRegistrations(1, 'cancelled', 'fr', orgMA.id, 'gone');
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
});

describe('POST /api/events/:id/announcements', () => {
  it('sends 30 confirmed participants one email each, in their language', async () => {
    const res = await t
      .http()
      .post(`/api/events/${event.id}/announcements`)
      .set(admin.auth)
      .send({ subject: SUBJECTS, body: BODIES, audience: 'confirmed' })
      .expect(201);
    expect(res.body).toMatchObject({ recipients: 30, byLocale: { fr: 10, en: 10, es: 10 } });

    await sink.waitFor(30);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received).toHaveLength(30);
    for (const person of people) {
      const mails = sink.received.filter((m) => JSON.stringify(m.to).includes(person.email));
      expect(mails).toHaveLength(1);
      const subject = SUBJECTS[person.locale as keyof typeof SUBJECTS];
      expect(mails[0].subject).toContain(subject);
      expect(mails[0].text).toContain(BODIES[person.locale as keyof typeof BODIES]);
      expect(mails[0].html).toBeTruthy();
    }
    const fr = sink.received.find((m) => m.subject?.includes(SUBJECTS.fr))!;
    expect(fr.html).toContain('Merci &lt;b&gt;de&lt;/b&gt; venir');
    expect(fr.text).toContain('Vous recevez cette annonce parce que');
  });

  it('falls back to the event language when the recipient language was not written, once confirmed', async () => {
    const before = sink.accepted;
    const body = {
      subject: { fr: SUBJECTS.fr, en: SUBJECTS.en },
      body: { fr: BODIES.fr, en: BODIES.en },
      audience: 'waitlisted',
    };
    const url = `/api/events/${event.id}/announcements`;
    // Two waitlisted people read Spanish, which was not written: refused until confirmed.
    const refused = await t.http().post(url).set(admin.auth).send(body).expect(409);
    expect(refused.body.details).toMatchObject({
      code: 'announcement_language_missing',
      languages: [{ language: 'es', recipients: 2 }],
      fallbacks: [{ from: 'es', to: 'en', recipients: 2 }],
    });
    expect(
      await ds.query(`SELECT 1 FROM messages WHERE payload->>'subject' = $1`, [SUBJECTS.en]),
    ).toHaveLength(10);
    const res = await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ ...body, allowFallback: true })
      .expect(201);
    expect(res.body).toMatchObject({ recipients: 2, byLocale: { en: 2 } });
    await sink.waitFor(before + 2);
  });

  it('targets one country or one organisation', async () => {
    const before = sink.accepted;
    const send = (extra: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/events/${event.id}/announcements`)
        .set(admin.auth)
        .send({ subject: { en: 'x' }, body: { en: 'y' }, allowFallback: true, ...extra });
    expect((await send({ audience: 'country', country: 'bf' }).expect(201)).body.recipients).toBe(
      10,
    );
    expect(
      (await send({ audience: 'organisation', organisationId: orgMA.id }).expect(201)).body
        .recipients,
    ).toBe(22);
    expect((await send({ audience: 'all' }).expect(201)).body.recipients).toBe(32);
    await sink.waitFor(before + 10 + 22 + 32);
  });

  it('refuses bad input with the field named, and non-organisers', async () => {
    const url = `/api/events/${event.id}/announcements`;
    const noBody = await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ subject: { fr: 'Salut' }, body: { en: 'Hello' }, audience: 'all' })
      .expect(400);
    expect(noBody.body.message).toMatch(/body\.fr|subject\.en/);
    const nothing = await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ subject: {}, body: {}, audience: 'all' })
      .expect(400);
    expect(nothing.body.message).toMatch(/at least one/);
    const org = await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ subject: { en: 'a' }, body: { en: 'b' }, audience: 'organisation' })
      .expect(400);
    expect(org.body.message).toMatch(/organisationId/);
    const audience = await t
      .http()
      .post(url)
      .set(admin.auth)
      .send({ subject: { en: 'a' }, body: { en: 'b' }, audience: 'everyone' })
      .expect(400);
    expect(audience.body.message).toMatch(/audience/);

    const stranger = await signup(t);
    await t
      .http()
      .post(url)
      .set(stranger.auth)
      .send({ subject: { en: 'a' }, body: { en: 'b' }, audience: 'all' })
      .expect(403);
    await t.http().get(`/api/events/${event.id}/messages`).set(stranger.auth).expect(403);
  });
});

describe('GET /api/events/:id/messages and POST /api/messages/:id/retry', () => {
  it('lists delivery status with filters and pages', async () => {
    const page = await t
      .http()
      .get(`/api/events/${event.id}/messages`)
      .query({ template: 'announcement', pageSize: 10, page: 2 })
      .set(admin.auth)
      .expect(200);
    expect(page.body.total).toBeGreaterThanOrEqual(30);
    expect(page.body.items).toHaveLength(10);
    expect(page.body).toMatchObject({ page: 2, pageSize: 10 });

    const one = people[0];
    const byQ = await t
      .http()
      .get(`/api/events/${event.id}/messages`)
      .query({ q: one.email.toUpperCase(), status: 'sent' })
      .set(admin.auth)
      .expect(200);
    expect(byQ.body.total).toBeGreaterThanOrEqual(1);
    const first = byQ.body.items.find((i: { subject: string }) => i.subject === SUBJECTS.fr);
    expect(first).toMatchObject({
      recipientEmail: one.email,
      recipientName: expect.stringContaining('Person'),
      status: 'sent',
      template: 'announcement',
      attempts: 1,
    });
    expect(
      byQ.body.items.every((i: { recipientEmail: string }) => i.recipientEmail === one.email),
    ).toBe(true);
    await t
      .http()
      .get(`/api/events/${event.id}/messages`)
      .query({ status: 'lost' })
      .set(admin.auth)
      .expect(400);
  });

  it('retries a failed message once, and refuses to resend a sent one', async () => {
    sink.mode = 'reject';
    const before = sink.attempts;
    try {
      await t
        .http()
        .post(`/api/events/${event.id}/announcements`)
        .set(admin.auth)
        .send({
          subject: { en: 'Bus' },
          body: { en: 'At 8' },
          audience: 'country',
          country: 'BF',
          allowFallback: true,
        })
        .expect(201);
      const until = Date.now() + 10_000;
      let failed: { total: number; items: Array<{ id: string; lastError: string }> };
      do {
        await new Promise((r) => setTimeout(r, 100));
        failed = (
          await t
            .http()
            .get(`/api/events/${event.id}/messages`)
            .query({ status: 'failed' })
            .set(admin.auth)
        ).body;
      } while (failed.total < 10 && Date.now() < until);
      expect(failed.total).toBe(10);
      expect(failed.items[0].lastError).toMatch(/550/);
      expect(sink.attempts - before).toBe(10);

      sink.mode = 'accept';
      const accepted = sink.accepted;
      const retried = await t
        .http()
        .post(`/api/messages/${failed.items[0].id}/retry`)
        .set(admin.auth)
        .expect(200);
      expect(retried.body).toMatchObject({ status: 'queued', id: failed.items[0].id });
      await sink.waitFor(accepted + 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(sink.accepted).toBe(accepted + 1);
      const [row] = await ds.query(`SELECT status, attempts FROM messages WHERE id = $1`, [
        failed.items[0].id,
      ]);
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });

      const again = await t
        .http()
        .post(`/api/messages/${failed.items[0].id}/retry`)
        .set(admin.auth)
        .expect(409);
      expect(again.body.details).toMatchObject({ status: 'sent' });
      const stranger = await signup(t);
      await t
        .http()
        .post(`/api/messages/${failed.items[1].id}/retry`)
        .set(stranger.auth)
        .expect(403);
      await t
        .http()
        .post(`/api/messages/00000000-0000-4000-8000-000000000000/retry`)
        .set(admin.auth)
        .expect(404);
    } finally {
      sink.mode = 'accept';
    }
  });
});

describe('an organiser of another event', () => {
  it("reads and retries their own event's messages only", async () => {
    const organiser = await signup(t);
    const other = await createEvent(t, admin);
    await t
      .http()
      .post(`/api/events/${other.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    // A failed message of each event, and one (a login link) that belongs to no event.
    const failedOf = async (eventId: string | null) => {
      const [{ id }] = await ds.query(
        `INSERT INTO messages (template, locale, event_id, recipient_email, payload, status, attempts, last_error)
         VALUES ('announcement', 'en', $1, $2, '{}', 'failed', 1, '550 Mailbox unavailable')
         RETURNING id`,
        [eventId, `failed-${eventId ?? 'none'}@example.org`],
      );
      return id as string;
    };
    const [mine, theirs, noEvent] = [
      await failedOf(other.id),
      await failedOf(event.id),
      await failedOf(null),
    ];

    const own = await t
      .http()
      .get(`/api/events/${other.id}/messages`)
      .set(organiser.auth)
      .expect(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([mine]);
    await t.http().get(`/api/events/${event.id}/messages`).set(organiser.auth).expect(403);
    await t
      .http()
      .post(`/api/events/${event.id}/announcements`)
      .set(organiser.auth)
      .send({ subject: { en: 'a' }, body: { en: 'b' }, audience: 'all' })
      .expect(403);
    await t.http().post(`/api/messages/${theirs}/retry`).set(organiser.auth).expect(403);
    await t.http().post(`/api/messages/${noEvent}/retry`).set(organiser.auth).expect(403);
    const rows: Array<{ id: string; status: string }> = await ds.query(
      `SELECT id, status FROM messages WHERE id = ANY($1::uuid[])`,
      [[theirs, noEvent]],
    );
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);

    const retried = await t
      .http()
      .post(`/api/messages/${mine}/retry`)
      .set(organiser.auth)
      .expect(200);
    expect(retried.body).toMatchObject({ id: mine, status: 'queued', eventId: other.id });
  });
});
