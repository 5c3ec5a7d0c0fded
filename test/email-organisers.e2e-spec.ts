import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { registrationBody } from './support/registration-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';

/*
 * What every email says about who is behind it: Reply-To and signature of the event's
 * organisers, List-Unsubscribe on optional announcements (a working one-click stop),
 * times in the reader's zone, and no English reason in a French or Spanish email.
 */

let t: TestApp;
let sink: SmtpSink;
let worker: INestApplicationContext;
let admin: Session;
let ds: DataSource;
let orgId: string;

const templateOf = (mail: ParsedMail) => String(mail.headers.get('x-convene-template') ?? '');

async function mailTo(person: { email: string }, template: string, nth = 1) {
  const until = Date.now() + 20_000;
  for (;;) {
    const found = sink.received.filter(
      (m) => JSON.stringify(m.to).includes(person.email) && templateOf(m) === template,
    );
    if (found.length >= nth) return found[nth - 1];
    if (Date.now() > until) throw new Error(`No ${template} email #${nth} to ${person.email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A header as sent (mailparser turns List-Unsubscribe into an object). */
const rawHeader = (mail: ParsedMail, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '');

const replyTo = (mail: ParsedMail) => mail.replyTo?.value.map((a) => a.address) ?? [];

async function registerIn(eventId: string, person: Session) {
  const res = await t
    .http()
    .post(`/api/events/${eventId}/registrations`)
    .set(person.auth)
    .send(registrationBody(orgId));
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

beforeAll(async () => {
  t = await startTestApp('email_organisers');
  ds = t.app.get(DataSource);
  sink = await SmtpSink.start();
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: 200 },
      { backoffMs: 150, relayIntervalMs: 150 },
    ),
    { logger: false },
  );
  admin = await loginAdmin(t);
  orgId = (await createOrganisation(t, admin)).id;
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
});

it('an event email answers to the organisers and is signed by them', async () => {
  const event = await createEvent(t, admin, { name: 'Tanger 2027' });
  const person = await signup(t, { locale: 'fr', name: 'Nguyễn Thị Hoa' });
  await registerIn(event.id, person);
  const first = await mailTo(person, 'registration_confirmed');
  // No contact set: the event's organiser (here its creator).
  expect(replyTo(first)).toEqual([TEST_ADMIN.email]);
  expect(first.text).toContain(`L'équipe des organisateurs, Tanger 2027 — ${TEST_ADMIN.email}`);
  expect(first.text).not.toContain("L'équipe Convene");
  // What matters first: a phone cuts the end of a subject.
  expect(first.subject).toMatch(/^Inscription confirmée/);

  await ds.query(`UPDATE events SET contact_email = 'contact@cop-network.org' WHERE id = $1`, [
    event.id,
  ]);
  const other = await signup(t, { locale: 'es', name: 'Lucía Pérez' });
  await registerIn(event.id, other);
  const second = await mailTo(other, 'registration_confirmed');
  expect(replyTo(second)).toEqual(['contact@cop-network.org']);
  expect(second.text).toContain('El equipo organizador, Tanger 2027 — contact@cop-network.org');
});

it('an optional announcement carries List-Unsubscribe one-click that stops the next ones, not service emails', async () => {
  const event = await createEvent(t, admin, { name: 'Dakar 2028' });
  const awa = await signup(t, { locale: 'fr', name: 'Awa Diop' });
  const joseph = await signup(t, { locale: 'en', name: 'Joseph Mensah' });
  await registerIn(event.id, awa);
  await registerIn(event.id, joseph);
  const announce = (subject: string, essential = false) =>
    t
      .http()
      .post(`/api/events/${event.id}/announcements`)
      .set(admin.auth)
      .send({
        audience: 'confirmed',
        subject: { fr: subject, en: subject, es: subject },
        body: { fr: 'Texte.', en: 'Text.', es: 'Texto.' },
        essential,
      })
      .expect(201);
  await announce('Programme');
  const mail = await mailTo(awa, 'announcement');
  const header = String(rawHeader(mail, 'list-unsubscribe'));
  const url = /<(https?:[^>]+)>/.exec(header)?.[1];
  expect(url).toBeDefined();
  expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  const path = new URL(url!).pathname;
  // People click the footer's link: a page in their language, not the API's JSON.
  expect(mail.text).toContain(`${url!.replace('/api/unsubscribe/', '/unsubscribe/')}?lang=fr`);

  // A GET (a link checker, a preview) changes nothing.
  expect((await t.http().get(path).expect(200)).body).toMatchObject({
    eventId: event.id,
    unsubscribed: false,
  });
  // A forged or altered token is refused.
  await t
    .http()
    .post(`${path.slice(0, -3)}abc`)
    .expect(404);
  await t.http().post('/api/unsubscribe/not-a-token').expect(404);
  // The mail provider's one-click POST (RFC 8058), without any login.
  const done = await t
    .http()
    .post(path)
    .type('form')
    .send('List-Unsubscribe=One-Click')
    .expect(200);
  expect(done.body).toMatchObject({ eventId: event.id, unsubscribed: true });
  await t.http().post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);

  await announce('Deuxième annonce');
  await mailTo(joseph, 'announcement', 2);
  await announce('Changement de lieu', true);
  const essential = await mailTo(awa, 'announcement', 2);
  // What matters first: the organisers' subject, then the event.
  expect(essential.subject).toBe('Changement de lieu — Dakar 2028');
  expect(rawHeader(essential, 'list-unsubscribe')).toBeUndefined();
  await mailTo(joseph, 'announcement', 3);
  const toAwa = sink.received.filter(
    (m) => JSON.stringify(m.to).includes(awa.email) && templateOf(m) === 'announcement',
  );
  expect(toAwa.map((m) => m.subject)).toEqual([
    'Programme — Dakar 2028',
    'Changement de lieu — Dakar 2028',
  ]);
  // Service emails still go: a registration cancelled is told.
  const [reg] = await ds.query(
    `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id WHERE a.email = $1`,
    [awa.email],
  );
  await t.http().post(`/api/registrations/${reg.id}/cancel`).set(awa.auth).expect(200);
  await mailTo(awa, 'registration_cancelled');
});

it('a sign-in link says when it expires in the zone of the person’s event, naming it', async () => {
  const event = await createEvent(t, admin, { name: 'Tanger 2027 bis' });
  const person = await signup(t, { locale: 'fr' });
  await registerIn(event.id, person);
  await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
  const mail = await mailTo(person, 'magic_link');
  expect(mail.text).toMatch(/expire à \d\d:\d\d \(heure de Tanger\)/);
  const newcomer = await signup(t, { locale: 'es' });
  await t.http().post('/api/auth/magic-link').send({ email: newcomer.email }).expect(202);
  expect((await mailTo(newcomer, 'magic_link')).text).toMatch(/caduca a las \d\d:\d\d UTC/);
});

it('no English reason reaches a French or Spanish reader (a seat became free)', async () => {
  const event = await createEvent(t, admin, { name: 'Kinshasa 2028', capacity: 1 });
  const first = await signup(t, { locale: 'en' });
  const hoa = await signup(t, { locale: 'fr', name: 'Hoa' });
  const lucia = await signup(t, { locale: 'es', name: 'Lucía' });
  const firstReg = await registerIn(event.id, first);
  const hoaReg = await registerIn(event.id, hoa);
  expect((await registerIn(event.id, lucia)).status).toBe('waitlisted');
  await t.http().post(`/api/registrations/${firstReg.id}/cancel`).set(first.auth).expect(200);
  const fr = await mailTo(hoa, 'registration_promoted');
  await t.http().post(`/api/registrations/${hoaReg.id}/cancel`).set(hoa.auth).expect(200);
  const es = await mailTo(lucia, 'registration_promoted');
  for (const mail of [fr, es]) {
    for (const english of ['A seat became free', 'Reason given', 'seat_freed']) {
      expect(mail.text).not.toContain(english);
      expect(mail.html).not.toContain(english);
    }
  }
  expect(fr.text).toContain('une place s');
  expect(es.text).toContain('se ha liberado una plaza');
});
