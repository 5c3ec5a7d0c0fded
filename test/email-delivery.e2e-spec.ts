import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { type AppConfig } from '#core';
import { Outbox } from '#messaging';
import { MailProcessor, MailQueue, type MailWorkerOptions } from '#messaging/worker';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { OutboxRelay } from '../libs/messaging/src/delivery/outbox-relay.service.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { FAST_MAIL } from './support/mail-fixtures.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * The whole path through real pieces: API (or Outbox) -> messages row -> relay ->
 * BullMQ on Redis -> worker -> nodemailer -> an SMTP server started here.
 */

let t: TestApp;
let sink: SmtpSink;
let worker: INestApplicationContext;
let admin: Session;
let ds: DataSource;

const FAST = FAST_MAIL;

async function startWorker(
  config: Partial<AppConfig> = {},
  mail: Partial<MailWorkerOptions> = FAST,
) {
  return NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: 200, ...config },
      mail,
    ),
    { logger: false },
  );
}

async function messagesTo(email: string) {
  return ds.query(`SELECT * FROM messages WHERE recipient_email = $1 ORDER BY created_at`, [
    email,
  ]) as Promise<Array<Record<string, unknown>>>;
}

async function waitForStatus(id: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await ds.query(`SELECT * FROM messages WHERE id = $1`, [id]);
    if (row?.status === status) return row as Record<string, unknown>;
    if (Date.now() > until) throw new Error(`Message ${id} is ${row?.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mailsTo = (email: string) =>
  sink.received.filter((m) => m.to && JSON.stringify(m.to).includes(email));

beforeAll(async () => {
  t = await startTestApp('email');
  ds = t.app.get(DataSource);
  sink = await SmtpSink.start();
  worker = await startWorker();
  admin = await loginAdmin(t);
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
});

describe('email through the outbox, the queue and SMTP', () => {
  it('sends a magic link once, in the account language, with text and HTML parts', async () => {
    const person = await signup(t, { locale: 'fr', name: 'Amina Benali' });
    const before = sink.accepted;
    await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
    await sink.waitFor(before + 1);

    const [mail] = mailsTo(person.email);
    expect(mailsTo(person.email)).toHaveLength(1);
    expect(mail.subject).toBe('Votre lien de connexion à Convene');
    expect(mail.text).toContain('Bonjour Amina Benali,');
    expect(mail.text).toMatch(/\/login\/magic\?token=/);
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.text).toContain("parce qu'une connexion à Convene a été demandée");

    const [row] = await messagesTo(person.email);
    const sent = await waitForStatus(row.id as string, 'sent');
    expect(sent.attempts).toBe(1);
    expect(sent.provider_message_id).toBeTruthy();
  });

  it('a registration produces exactly one email, in the registrant language, with local dates', async () => {
    const org = await createOrganisation(t, admin, { country: 'BF' });
    const event = await createEvent(t, admin, {
      name: 'Semaine des communautés de pratique',
      startDate: '2027-10-25',
      endDate: '2027-10-30',
    });
    const person = await signup(t, { locale: 'es', name: 'Lucía Pérez', organisationId: org.id });
    const before = sink.accepted;
    const res = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(person.auth)
      .send({
        organisationId: org.id,
        profession: 'social_worker',
        consent: { dataProcessing: true },
      });
    expect(res.status).toBe(201);
    await sink.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 300)); // nothing else should follow

    const mails = mailsTo(person.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe('Inscripción confirmada: Semaine des communautés de pratique');
    expect(mail.text).toContain('Hola, Lucía Pérez:');
    expect(mail.text).toContain(
      'del lunes, 25 de octubre de 2027 al sábado, 30 de octubre de 2027',
    );
    expect(mail.text).toContain('Tánger');
    expect(mail.html).toContain('Semaine des communaut');
    expect(mail.text).toContain('Recibe este mensaje porque se inscribió');
  });

  it('writes session times in the event zone: Casablanca is UTC+0 after 2026-09-20', async () => {
    const event = await createEvent(t, admin);
    const email = `agenda-${Date.now()}@example.org`;
    const before = sink.accepted;
    await ds.transaction((m) =>
      t.app.get(Outbox).enqueue(m, [
        {
          template: 'session_changed',
          recipientEmail: email,
          locale: 'fr',
          eventId: event.id,
          payload: {
            eventId: event.id,
            eventName: 'Semaine de Tanger',
            eventStartDate: '2027-10-25',
            eventEndDate: '2027-10-30',
            eventTimezone: 'Africa/Casablanca',
            venueName: 'Hôtel Continental',
            venueCity: 'Tangier',
            recipientName: 'Amina',
            sessionId: event.id,
            sessionTitle: 'Atelier <protection de l’enfance> & familles',
            startsAt: '2027-10-28T09:00:00Z',
            endsAt: '2027-10-28T10:30:00Z',
            roomName: 'Salle Ibn Battouta',
            status: 'scheduled',
            changes: ['time'],
          },
        },
      ]),
    );
    await sink.waitFor(before + 1);
    const [mail] = mailsTo(email);
    expect(mail.text).toContain('jeudi 28 octobre 2027, 09:00–10:30, heure de Tanger');
    // User content is escaped in HTML, never interpreted.
    expect(mail.html).toContain('Atelier &lt;protection de l’enfance&gt; &amp; familles');
    expect(mail.html).not.toContain('<protection');
    expect(mail.html).not.toMatch(/<img|src="http/);
  });

  it('SMTP down, then up: the message is retried and sent once', async () => {
    const email = `outage-${Date.now()}@example.org`;
    await sink.close();
    await ds.transaction((m) =>
      t.app.get(Outbox).enqueue(m, [
        {
          template: 'magic_link',
          recipientEmail: email,
          locale: 'en',
          payload: {
            recipientName: 'Kim',
            link: 'https://convene.test/x',
            expiresAt: new Date().toISOString(),
          },
        },
      ]),
    );
    const until = Date.now() + 10_000;
    let row: Record<string, unknown> | undefined;
    while (Date.now() < until) {
      [row] = await messagesTo(email);
      if (row && (row.attempts as number) >= 1 && row.status === 'delayed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(row?.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(row?.next_attempt_at).toBeInstanceOf(Date);
    expect(row?.retry_since).toBeInstanceOf(Date);
    const before = sink.accepted;
    await sink.listen();
    await sink.waitFor(before + 1);
    const sent = await waitForStatus(row!.id as string, 'sent');
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('SMTP answering 550: failed at once, no retry, error kept for organisers', async () => {
    const email = `rejected-${Date.now()}@example.org`;
    sink.mode = 'reject';
    try {
      const attemptsBefore = sink.attempts;
      await ds.transaction((m) =>
        t.app.get(Outbox).enqueue(m, [
          {
            template: 'magic_link',
            recipientEmail: email,
            locale: 'en',
            payload: {
              recipientName: 'Kim',
              link: 'https://convene.test/x',
              expiresAt: new Date().toISOString(),
            },
          },
        ]),
      );
      const [row] = await messagesTo(email);
      const failed = await waitForStatus(row.id as string, 'failed');
      expect(failed.attempts).toBe(1);
      expect(failed.last_error).toMatch(/550/);
      await new Promise((r) => setTimeout(r, 800)); // longer than the backoff
      expect(sink.attempts - attemptsBefore).toBe(1);
      const [after] = await messagesTo(email);
      expect(after.status).toBe('failed');
    } finally {
      sink.mode = 'accept';
    }
  });

  it('SMTP answering 421: delayed with the next attempt shown, retried with capped backoff, failed only after the retry window', async () => {
    const email = `tempfail-${Date.now()}@example.org`;
    const event = await createEvent(t, admin);
    sink.mode = 'tempfail';
    try {
      const attemptsBefore = sink.attempts;
      await ds.transaction((m) =>
        t.app.get(Outbox).enqueue(m, [
          {
            template: 'magic_link',
            recipientEmail: email,
            locale: 'en',
            eventId: event.id,
            payload: {
              recipientName: 'Kim',
              link: 'https://convene.test/z',
              expiresAt: new Date().toISOString(),
            },
          },
        ]),
      );
      const [row] = await messagesTo(email);
      // Several attempts, far more than the old six-in-2.5-minutes would allow in
      // proportion: the pauses double from 150 ms and stop growing at 600 ms.
      const until = Date.now() + 20_000;
      let current = row;
      while (Date.now() < until && (current.attempts as number) < 5) {
        await new Promise((r) => setTimeout(r, 50));
        [current] = await messagesTo(email);
      }
      expect(current.attempts).toBeGreaterThanOrEqual(5);
      expect(['delayed', 'queued', 'sending']).toContain(current.status);
      expect(current.last_error).toMatch(/421/);

      // The API shows it delayed, with when it goes next.
      await waitForStatus(row.id as string, 'delayed');
      const listed = await t
        .http()
        .get(`/api/events/${event.id}/messages?status=delayed`)
        .set(admin.auth)
        .expect(200);
      const view = listed.body.items.find((m: { id: string }) => m.id === row.id);
      expect(view).toMatchObject({ status: 'delayed' });
      expect(Date.parse(view.nextAttemptAt)).toBeGreaterThan(Date.parse(view.createdAt));
      // And the console's message log, in French: delayed, with when it goes next.
      const web = new WebClient(t);
      await web.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
      // The worker keeps retrying every 600 ms: on a busy machine a read can land while
      // the row is between two attempts ('sending'), so read it again until it is caught
      // waiting, as an organiser reloading the page would.
      let log = await web.get(`/console/events/${event.id}/messages?lang=fr`);
      for (let i = 0; i < 20 && !log.text.includes('Prochain essai le'); i++) {
        await waitForStatus(row.id as string, 'delayed');
        log = await web.get(`/console/events/${event.id}/messages?lang=fr`);
      }
      expect(log.status).toBe(200);
      expect(log.text).toContain('Retardé, nouvel essai prévu');
      expect(log.text).toContain('Prochain essai le');

      // The pause between attempts is capped: the gap never exceeds maxBackoffMs (+ work).
      const [{ gap }] = await ds.query(
        `SELECT extract(epoch FROM next_attempt_at - updated_at) * 1000 AS gap FROM messages WHERE id = $1`,
        [row.id],
      );
      expect(Number(gap)).toBeLessThanOrEqual(FAST.maxBackoffMs! + 50);

      // The window is over (its first failure was two days ago): the next failure is final.
      await ds.query(`UPDATE messages SET retry_since = now() - interval '2 days' WHERE id = $1`, [
        row.id,
      ]);
      const failed = await waitForStatus(row.id as string, 'failed');
      expect(failed.last_error).toMatch(/421/);
      expect(failed.next_attempt_at).toBeNull();
      const tried = sink.attempts - attemptsBefore;
      await new Promise((r) => setTimeout(r, 1_000)); // longer than the capped backoff
      expect(sink.attempts - attemptsBefore).toBe(tried);
      expect((await messagesTo(email))[0].status).toBe('failed');

      // "Retry all failed" for the event puts it back; with the server accepting, it goes once.
      sink.mode = 'accept';
      const failedLog = await web.get(`/console/events/${event.id}/messages?lang=fr`);
      expect(failedLog.text).toContain('Renvoyer tous les e-mails en échec');
      const before = sink.accepted;
      const retried = await t
        .http()
        .post(`/api/events/${event.id}/messages/retry-failed`)
        .set(admin.auth)
        .expect(200);
      expect(retried.body.requeued).toBe(1);
      await sink.waitFor(before + 1);
      await waitForStatus(row.id as string, 'sent');
      expect(mailsTo(email)).toHaveLength(1);
    } finally {
      sink.mode = 'accept';
    }
  });

  it('retry-failed is for the event’s organisers only', async () => {
    const event = await createEvent(t, admin);
    const stranger = await signup(t, { locale: 'en' });
    await t
      .http()
      .post(`/api/events/${event.id}/messages/retry-failed`)
      .set(stranger.auth)
      .expect((res) => expect([403, 404]).toContain(res.status));
    await t.http().post(`/api/events/${event.id}/messages/retry-failed`).expect(401);
  });

  it('the same job processed twice (a stalled job run again) sends one email', async () => {
    const email = `twice-${Date.now()}@example.org`;
    // A worker that only processes jobs it is handed: no relay, no BullMQ consumer.
    const manual = await startWorker({}, { ...FAST, relay: false, processor: false });
    try {
      const [{ id }] = await ds.query(
        `INSERT INTO messages (template, locale, recipient_email, payload, status, attempts, enqueued_at)
         VALUES ('magic_link', 'es', $1, $2, 'queued', 0, now()) RETURNING id`,
        [
          email,
          {
            recipientName: 'Ana',
            link: 'https://convene.test/y',
            expiresAt: new Date().toISOString(),
          },
        ],
      );
      const processor = manual.get(MailProcessor);
      const job = { name: 'send-message', data: { messageId: id } };
      const before = sink.accepted;
      const outcomes = await Promise.all([processor.handle(job), processor.handle(job)]);
      expect(outcomes.sort()).toEqual(['sent', 'skipped']);
      // And once more later, as BullMQ would after a stalled-job check.
      expect(await processor.handle(job)).toBe('skipped');
      // Re-adding the job to the real queue changes nothing either.
      await manual.get(MailQueue).add([id]);
      await new Promise((r) => setTimeout(r, 600));
      expect(sink.accepted - before).toBe(1);
      expect(mailsTo(email)).toHaveLength(1);
      expect(mailsTo(email)[0].subject).toBe('Su enlace para entrar en Convene');
      const [row] = await messagesTo(email);
      expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await manual.close();
    }
  });

  it('a row handed to a queue that lost its job (Redis restarted empty) is queued again and sent once', async () => {
    const email = `lost-${Date.now()}@example.org`;
    const manual = await startWorker({}, { ...FAST, relay: false, processor: false });
    try {
      // Handed over an hour ago, yet Redis has no job for it.
      const [{ id }] = await ds.query(
        `INSERT INTO messages (template, locale, recipient_email, payload, status, attempts, enqueued_at)
         VALUES ('magic_link', 'en', $1, $2, 'queued', 0, now() - interval '1 hour') RETURNING id`,
        [
          email,
          {
            recipientName: 'Lou',
            link: 'https://convene.test/l',
            expiresAt: new Date().toISOString(),
          },
        ],
      );
      const before = sink.accepted;
      expect(await manual.get(OutboxRelay).requeueLost(60_000)).toBe(1);
      await sink.waitFor(before + 1);
      const sent = await waitForStatus(id as string, 'sent');
      expect(sent.attempts).toBe(1);
      // Nothing left to requeue: the sent row is not touched again.
      expect(await manual.get(OutboxRelay).requeueLost(0)).toBe(0);
      expect(mailsTo(email)).toHaveLength(1);
    } finally {
      await manual.close();
    }
  });
});
