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
let eventId: string;
let eventSlug: string;
let orgId: string;
let roomId: string;

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
  eventId = event.id;
  eventSlug = (await t.http().get(`/api/events/${event.id}`).set(admin.auth).expect(200)).body.slug;
  orgId = org.id;
  const room = await t
    .http()
    .post(`/api/events/${event.id}/rooms`)
    .set(admin.auth)
    .send({ name: 'Salle Ibn Battuta', capacity: 40 })
    .expect(201);
  roomId = room.body.id;
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
  // A double quote in a name may not reach a CN parameter as it is (RFC 5545 3.2).
  awa = await signup(t, { name: 'Awa "Nana" Traoré', locale: 'en' });
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

it('a confirmed sign-up emails a REQUEST invite at once; a waitlisted one none', async () => {
  const mail = await mailTo(awa, 'signup_confirmed');
  expect(mail.subject).toBe('Place confirmed: How can we support families differently?');
  const invite = inviteOf(mail);
  expect(invite.mimeMethod).toBe('REQUEST');
  expect(invite.calendar.method).toBe('REQUEST');
  const [event] = invite.calendar.events;
  expect(event).toMatchObject({ uid: `${sessionId}@convene`, status: 'CONFIRMED' });
  expect(event.attendees.map((a) => a.toLowerCase())).toEqual([`mailto:${awa.email}`]);
  // ical.js reads the attendee back whole, its quote replaced (no DQUOTE inside a param).
  expect(event.attendeeNames).toEqual(['Awa ”Nana” Traoré']);
  expect(event.attendeeStatuses).toEqual(['ACCEPTED']);
  // The entry opens the session's web page, not the API's JSON.
  expect(event.url).toBe(`${t.config.publicUrl}/e/${eventSlug}/sessions/${sessionId}`);
  const raw = mail.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString();
  expect(raw).not.toMatch(/CN="[^"\r\n]*"[^;:]/); // no stray quote after the quoted CN
  expect(raw.endsWith('\r\n')).toBe(true);

  await new Promise((r) => setTimeout(r, 500));
  const toLucia = sink.received.filter((m) => JSON.stringify(m.to).includes(lucia.email));
  expect(toLucia.map(templateOf)).not.toContain('signup_confirmed');
  expect(toLucia.some((m) => m.attachments.some((a) => a.contentType === 'text/calendar'))).toBe(
    false,
  );
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

  // The waitlisted person hears of it too, told they still wait, with no invite (an
  // invite would put in their calendar a session they have no seat in).
  const waiting = await mailTo(lucia, 'session_changed');
  expect(waiting.attachments.some((a) => a.contentType === 'text/calendar')).toBe(false);
  expect(waiting.text).toContain('Sigue en la lista de espera de esta sesión');
  expect(waiting.text).not.toContain('porque participa');
});

it('leaving a session emails a CANCEL; the seat freed from the waitlist emails the promoted person a REQUEST', async () => {
  await t.http().delete(`/api/sessions/${sessionId}/signups/me`).set(awa.auth).expect(204);
  const left = inviteOf(await mailTo(awa, 'signup_cancelled'));
  expect(left.mimeMethod).toBe('CANCEL');
  expect(left.calendar.method).toBe('CANCEL');
  expect(left.calendar.events[0]).toMatchObject({
    uid: `${sessionId}@convene`,
    status: 'CANCELLED',
  });

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

it('a session cancelled under a person stays in their calendar and feed, STATUS:CANCELLED', async () => {
  for (const path of ['/api/me/calendar.ics']) {
    const res = await t.http().get(path).set(lucia.auth).expect(200);
    const file = readIcs(res.text);
    const entry = file.events.find((e) => e.uid === `${sessionId}@convene`);
    expect(entry).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    expect(entry!.url).toBe(`${t.config.publicUrl}/e/${eventSlug}/sessions/${sessionId}`);
  }
  const token = (await t.http().post('/api/me/calendar-token').set(lucia.auth).expect(201)).body;
  const feed = await t.http().get(new URL(token.url).pathname).expect(200);
  const entry = readIcs(feed.text).events.find((e) => e.uid === `${sessionId}@convene`);
  expect(entry?.status).toBe('CANCELLED');
  // Awa left before the cancellation: not hers any more.
  const hers = readIcs((await t.http().get('/api/me/calendar.ics').set(awa.auth).expect(200)).text);
  expect(hers.events.find((e) => e.uid === `${sessionId}@convene`)).toBeUndefined();
});

it('calendar files put calendar properties before the components and end every line with CRLF', async () => {
  const files = [
    (await t.http().get(`/api/events/${eventId}/calendar.ics`).set(admin.auth).expect(200)).text,
    (await t.http().get('/api/me/calendar.ics').set(lucia.auth).expect(200)).text,
  ];
  for (const text of files) {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    const firstComponent = lines.findIndex((l, i) => i > 0 && l.startsWith('BEGIN:'));
    for (const name of ['REFRESH-INTERVAL', 'X-PUBLISHED-TTL', 'X-WR-TIMEZONE', 'X-WR-CALNAME']) {
      const at = lines.findIndex((l) => l.startsWith(name));
      expect({ name, before: at > 0 && at < firstComponent }).toEqual({ name, before: true });
    }
    // ical.js reads them as the calendar's own properties.
    expect(readIcs(text).calendarProperties).toEqual(
      expect.arrayContaining(['REFRESH-INTERVAL', 'X-PUBLISHED-TTL', 'X-WR-TIMEZONE']),
    );
  }
});

it('a cancelled registration emails a CANCEL for each session the person held', async () => {
  const joseph = await signup(t, { name: 'Joseph Mensah', locale: 'fr' });
  const registrationId = await register(t, eventId, joseph, orgId);
  const ids: string[] = [];
  for (const [start, end] of [
    ['2027-10-27T09:00', '2027-10-27T10:00'],
    ['2027-10-27T11:00', '2027-10-27T12:00'],
  ]) {
    const created = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send(
        sessionBody({
          status: 'published',
          roomId,
          capacity: 10,
          signupRequired: true,
          startsAt: start,
          endsAt: end,
        }),
      )
      .expect(201);
    ids.push(created.body.id);
    await t
      .http()
      .post(`/api/sessions/${created.body.id}/signups`)
      .set(joseph.auth)
      .send({})
      .expect(201);
  }
  await mailTo(joseph, 'signup_confirmed', 2);
  await t
    .http()
    .post(`/api/registrations/${registrationId}/cancel`)
    .set(joseph.auth)
    .send({})
    .expect((res) => expect(res.status).toBeLessThan(300));
  const cancels = [
    await mailTo(joseph, 'signup_cancelled', 1),
    await mailTo(joseph, 'signup_cancelled', 2),
  ];
  const uids = cancels.map((m) => {
    const invite = inviteOf(m);
    expect(invite.mimeMethod).toBe('CANCEL');
    expect(m.subject).toMatch(/^Place libérée : /);
    return invite.calendar.events[0].uid;
  });
  expect(uids.sort()).toEqual(ids.map((id) => `${id}@convene`).sort());
});
