import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ParsedMail } from 'mailparser';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { readIcs } from '../libs/ics/src/testing/read-ics.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Updated invites end to end: a change to a published session -> session_changed
 * outbox rows -> relay -> BullMQ -> worker -> a real SMTP server, where the email
 * arrives with a text/calendar part that calendar apps take as the newer version.
 */

let t: TestApp;
let sink: SmtpSink;
let worker: INestApplicationContext;
let admin: Session;
let awa: Session;
let lucia: Session;
let sessionId: string;

const templateOf = (mail: ParsedMail) => String(mail.headers.get('x-convene-template') ?? '');

/** Waits for the n-th email of a template to a person. */
async function mailTo(person: Session, template: string, nth = 1, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = sink.received.filter(
      (m) => JSON.stringify(m.to).includes(person.email) && templateOf(m) === template,
    );
    if (found.length >= nth) return found[nth - 1];
    if (Date.now() > until) throw new Error(`No ${template} email #${nth} to ${person.email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The text/calendar part, read as calendar apps do (the METHOD is also in its MIME type). */
function inviteOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error(`No text/calendar part in "${mail.subject}"`);
  const type = part.headers.get('content-type') as { params: Record<string, string> };
  const file = mail.attachments.find((a) => a.filename === 'invite.ics');
  return {
    mimeMethod: type.params.method,
    calendar: readIcs(part.content.toString('utf8')),
    hasFile: Boolean(file),
  };
}

beforeAll(async () => {
  t = await startTestApp('calendar_invites');
  sink = await SmtpSink.start();
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: 200 },
      { backoffMs: 150, attempts: 4, relayIntervalMs: 150 },
    ),
    { logger: false },
  );
  admin = await loginAdmin(t);
  const org = await createOrganisation(t, admin);
  const event = await createEvent(t, admin, { name: 'Tangier 2027' });
  const room = await t
    .http()
    .post(`/api/events/${event.id}/rooms`)
    .set(admin.auth)
    .send({ name: 'Salle Ibn Battuta', capacity: 40 })
    .expect(201);
  sessionId = (
    await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(admin.auth)
      .send(
        sessionBody({
          status: 'published',
          roomId: room.body.id,
          capacity: 1,
          signupRequired: true,
          startsAt: '2027-10-26T10:00',
          endsAt: '2027-10-26T12:00',
        }),
      )
      .expect(201)
  ).body.id;
  awa = await signup(t, { name: 'Awa Traoré', locale: 'en' });
  lucia = await signup(t, { name: 'Lucía Pérez', locale: 'es' });
  for (const person of [awa, lucia]) await register(t, event.id, person, org.id);
  const seats = [];
  for (const person of [awa, lucia]) {
    seats.push(
      (await t.http().post(`/api/sessions/${sessionId}/signups`).set(person.auth).send({})).body
        .status,
    );
  }
  expect(seats).toEqual(['confirmed', 'waitlisted']);
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
});

it('a moved session emails an updated REQUEST invite with the new time and the next SEQUENCE', async () => {
  await t
    .http()
    .patch(`/api/sessions/${sessionId}`)
    .set(admin.auth)
    .send({ startsAt: '2027-10-26T15:00', endsAt: '2027-10-26T17:00' })
    .expect(200);
  const mail = await mailTo(awa, 'session_changed');
  const invite = inviteOf(mail);
  expect(invite.mimeMethod).toBe('REQUEST');
  expect(invite.hasFile).toBe(true);
  expect(invite.calendar.method).toBe('REQUEST');
  const [event] = invite.calendar.events;
  expect(event.uid).toBe(`${sessionId}@convene`);
  expect(event.sequence).toBe(1);
  expect(event.status).toBe('CONFIRMED');
  expect(event.tzid).toBe('Africa/Casablanca');
  expect(event.localStart).toBe('2027-10-26T15:00:00');
  expect(event.start.toISOString()).toBe('2027-10-26T15:00:00.000Z');
  expect(event.end.toISOString()).toBe('2027-10-26T17:00:00.000Z');
  expect(event.attendees.map((a) => a.toLowerCase())).toEqual([`mailto:${awa.email}`]);
  expect(event.organizer?.toLowerCase()).toMatch(/^mailto:no-reply@/);
  expect(invite.calendar.timezones.get('Africa/Casablanca')!.offsetAt('2027-10-26T15:00:00')).toBe(
    0,
  );

  // The same version as the calendar files.
  const file = readIcs(
    (await t.http().get(`/api/sessions/${sessionId}/calendar.ics`).expect(200)).text,
  );
  expect(file.events[0].sequence).toBe(event.sequence);

  // The waitlisted person hears of it too, with an invite of their own.
  const waiting = inviteOf(await mailTo(lucia, 'session_changed'));
  expect(waiting.calendar.events[0].attendees.map((a) => a.toLowerCase())).toEqual([
    `mailto:${lucia.email}`,
  ]);
});

it('a seat freed from the waitlist emails the promoted person a REQUEST invite', async () => {
  await t.http().delete(`/api/sessions/${sessionId}/signups/me`).set(awa.auth).expect(204);
  const invite = inviteOf(await mailTo(lucia, 'signup_promoted'));
  expect(invite.mimeMethod).toBe('REQUEST');
  const [event] = invite.calendar.events;
  expect(event.uid).toBe(`${sessionId}@convene`);
  expect(event.sequence).toBe(1);
  expect(event.localStart).toBe('2027-10-26T15:00:00');
});

it('a cancelled session emails a CANCEL with STATUS:CANCELLED', async () => {
  await t.http().post(`/api/sessions/${sessionId}/cancel`).set(admin.auth).expect(200);
  const mail = await mailTo(lucia, 'session_changed', 2);
  const invite = inviteOf(mail);
  expect(invite.mimeMethod).toBe('CANCEL');
  expect(invite.calendar.method).toBe('CANCEL');
  const [event] = invite.calendar.events;
  expect(event).toMatchObject({ uid: `${sessionId}@convene`, sequence: 2, status: 'CANCELLED' });
  expect(event.summary).toBe('Cancelada: How can we support families differently?');
});
