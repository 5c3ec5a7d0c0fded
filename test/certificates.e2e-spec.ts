import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { register } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { pdfText } from './support/pdf-text.js';
import { decodePdfQrCode, verifyPath } from './support/qr-decode.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Names as people type them, in the scripts of the network's countries. */
const PEOPLE = [
  { key: 'arabic', name: 'محمد بن عبد الرحمن الإدريسي', locale: 'fr' },
  { key: 'khmer', name: 'សុខ ចាន់ធីតា', locale: 'en' },
  { key: 'vietnamese', name: 'Nguyễn Thị Minh Khai-Hằng', locale: 'fr' },
  { key: 'spanish', name: 'María Lucía Fernández', locale: 'es' },
  { key: 'french', name: 'Hélène Côté-Lefèvre', locale: 'fr' },
] as const;

/*
 * A meeting in Casablanca's zone around 20 September 2026, when Morocco went back to
 * UTC+0 for good (02:00 +01 became 01:00 +00). The night plenary runs from 00:30 (+01)
 * to 02:30 (+00): two hours on the wall clock, three hours attended.
 */
const SESSIONS = [
  // 09:00-12:30 +01: 3 h 30.
  {
    key: 'workshop',
    kind: 'workshop',
    title: 'Accompagner les familles autrement',
    at: ['2026-09-19T08:00:00Z', '2026-09-19T11:30:00Z'],
  },
  // 00:30 +01 to 02:30 +00: 3 h.
  {
    key: 'night',
    kind: 'plenary',
    title: 'Veillée : récits de pratique',
    at: ['2026-09-19T23:30:00Z', '2026-09-20T02:30:00Z'],
  },
  // 14:00-17:00 +00: 3 h.
  {
    key: 'visit',
    kind: 'site_visit',
    title: 'Visite de la Maison des familles',
    at: ['2026-09-20T14:00:00Z', '2026-09-20T17:00:00Z'],
  },
  // A meal never counts.
  {
    key: 'lunch',
    kind: 'meal',
    title: 'Déjeuner',
    at: ['2026-09-20T12:00:00Z', '2026-09-20T13:00:00Z'],
  },
] as const;

describe('certificates of attendance', () => {
  let t: TestApp;
  let db: DataSource;
  let organiser: Session;
  let host: Session;
  let stranger: Session;
  /** The organiser of another event. */
  let rival: Session;
  let eventId: string;
  const people: Record<string, Session & { registrationId: string }> = {};
  const sessions: Record<string, string> = {};
  const pdfs: Record<string, Buffer> = {};
  const texts: Record<string, string> = {};

  const certificate = (who: Session, registrationId: string) =>
    t
      .http()
      .get(`/api/registrations/${registrationId}/certificate.pdf`)
      .set(who.auth)
      .buffer(true)
      .parse(binary);

  beforeAll(async () => {
    t = await startTestApp('certificates');
    db = t.app.get(DataSource);
    const admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'جمعية الأمل للتنمية', country: 'MA' });
    organiser = await signup(t, { name: 'Nadia Benali', organisationId: org.id });
    host = await signup(t, { name: 'Karim Host' });
    stranger = await signup(t, { name: 'Someone Else' });
    rival = await signup(t, { name: 'Organiser Elsewhere' });
    const elsewhere = (await createEvent(t, admin, { name: 'Another meeting' })).id;
    await t
      .http()
      .post(`/api/events/${elsewhere}/staff`)
      .set(admin.auth)
      .send({ accountId: rival.id, role: 'organiser' })
      .expect(201);
    eventId = (
      await createEvent(t, admin, {
        name: 'Communities of Practice — Casablanca 2026',
        venue: { name: 'Hôtel Continental', city: 'Tangier', country: 'MA' },
      })
    ).id;
    for (const [who, role] of [
      [organiser, 'organiser'],
      [host, 'host'],
    ] as const) {
      await t
        .http()
        .post(`/api/events/${eventId}/staff`)
        .set(admin.auth)
        .send({ accountId: who.id, role })
        .expect(201);
    }
    for (const p of PEOPLE) {
      const who = await signup(t, { name: p.name, locale: p.locale });
      people[p.key] = { ...who, registrationId: await register(t, eventId, who, org.id) };
    }
    // The meeting happened in September 2026 (created as a future one, then moved back).
    await db.query(
      `UPDATE events SET start_date = '2026-09-18', end_date = '2026-09-21' WHERE id = $1`,
      [eventId],
    );
    for (const s of SESSIONS) {
      const [{ id }] = (await db.query(
        `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, status)
         VALUES ($1, $2, $3, $4, $5, 'published') RETURNING id`,
        [eventId, s.kind, s.title, s.at[0], s.at[1]],
      )) as Array<{ id: string }>;
      sessions[s.key] = id;
    }
    // Everyone but the French participant attended all four: the workshop and the visit
    // at the door, the night plenary on their sign-up (attended ticked), lunch at the door.
    for (const p of PEOPLE.filter((x) => x.key !== 'french')) {
      const who = people[p.key];
      for (const key of ['workshop', 'visit', 'lunch']) {
        await db.query(
          `INSERT INTO session_attendance (session_id, account_id, source) VALUES ($1, $2, 'door')`,
          [sessions[key], who.id],
        );
      }
      const night = SESSIONS[1];
      await db.query(
        `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at, attended)
         VALUES ($1, $2, $3, $4, 'confirmed', $5, $6, true)`,
        [sessions.night, eventId, who.registrationId, who.id, night.at[0], night.at[1]],
      );
    }
  });
  afterAll(() => t.close());

  it('is refused before the event has ended, with the reason (409 event_not_ended)', async () => {
    await db.query(`UPDATE events SET end_date = '2099-09-21' WHERE id = $1`, [eventId]);
    try {
      const res = await t
        .http()
        .get(`/api/registrations/${people.spanish.registrationId}/certificate.pdf`)
        .set(people.spanish.auth)
        .expect(409);
      expect(res.body.details).toMatchObject({ reason: 'event_not_ended' });
      const zip = await t
        .http()
        .get(`/api/events/${eventId}/certificates.zip`)
        .set(organiser.auth)
        .expect(409);
      expect(zip.body.details).toMatchObject({ reason: 'event_not_ended' });
    } finally {
      await db.query(`UPDATE events SET end_date = '2026-09-21' WHERE id = $1`, [eventId]);
    }
  });

  it('is made in each participant’s language, their name read back exactly by pdftotext', async () => {
    for (const p of PEOPLE.filter((x) => x.key !== 'french')) {
      const res = await certificate(people[p.key], people[p.key].registrationId).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      pdfs[p.key] = res.body;
      texts[p.key] = pdfText(res.body);
      if (process.env.CERTIFICATES_OUT)
        writeFileSync(`${process.env.CERTIFICATES_OUT}/${p.key}.pdf`, res.body);
      expect(texts[p.key].split('\n').map((l) => l.trim())).toContain(p.name);
      expect(texts[p.key]).not.toContain('?');
    }
    expect(texts.arabic).toContain('Attestation de présence');
    expect(texts.spanish).toContain('Certificado de asistencia');
    expect(texts.khmer).toContain('Certificate of attendance');
    // The city in the certificate's language.
    expect(texts.arabic).toContain('Tanger');
    expect(texts.spanish).toContain('Tánger');
  });

  it('lists the training sessions with local hours, and totals real time across the change of offset', () => {
    // pdftotext -raw keeps each table row on one line, in drawing order.
    const rows = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], {
      input: pdfs.vietnamese,
    })
      .toString('utf8')
      .split('\n');
    expect(rows).toContain(
      'sam. 19 sept. 2026 09:00–12:30 Accompagner les familles autrement 3 h 30',
    );
    // Wall clock 00:30 to 02:30, three hours lived: Morocco moved back an hour that night.
    expect(rows).toContain('dim. 20 sept. 2026 00:30–02:30 Veillée : récits de pratique 3 h');
    expect(rows).toContain('dim. 20 sept. 2026 14:00–17:00 Visite de la Maison des familles 3 h');
    expect(rows.join('\n')).not.toContain('Déjeuner');
    // 3 h 30 + 3 h + 3 h, written the local way.
    expect(rows).toContain('Durée totale de présence : 9 h 30');
    expect(texts.vietnamese).toContain("Horaires à l'heure de Tanger.");
    expect(texts.spanish).toContain('Total de horas de asistencia: 9 h 30 min');
    expect(texts.khmer).toContain('Total attended: 9 h 30 min');
  });

  it('carries a reference and a QR code to a verification URL that answers valid, then revoked once cancelled', async () => {
    const url = decodePdfQrCode(pdfs.arabic);
    expect(url).toMatch(/\/verify\/[A-Za-z0-9_-]{22}$/);
    expect(texts.arabic.replace(/\s+/g, '')).toContain(url);
    const path = verifyPath(url);
    const ok = await t.http().get(`/api${path}`).expect(200);
    expect(ok.body).toEqual({
      kind: 'certificate',
      status: 'valid',
      reference: expect.stringMatching(/^TNG26-C\d{4}$/),
      holder: { name: PEOPLE[0].name, passportLastFour: null },
      event: {
        name: 'Communities of Practice — Casablanca 2026',
        startDate: '2026-09-18',
        endDate: '2026-09-21',
        city: 'Tangier',
      },
      attendance: { sessions: 3, minutes: 570 },
    });
    expect(texts.arabic).toContain(ok.body.reference);
    const page = await t.http().get(path).set('Accept-Language', 'fr').expect(200);
    expect(page.text).toContain('Attestation de présence valable');
    expect(page.text).toContain(PEOPLE[0].name);
    // A second download prints the same reference and code.
    const again = await certificate(organiser, people.arabic.registrationId).expect(200);
    expect(decodePdfQrCode(again.body)).toBe(url);

    await t
      .http()
      .post(`/api/registrations/${people.arabic.registrationId}/cancel`)
      .set(organiser.auth)
      .send({ reason: 'Duplicate registration' })
      .expect(200);
    const revoked = await t.http().get(`/api${path}`).expect(200);
    expect(revoked.body.status).toBe('revoked');
    const revokedPage = await t.http().get(path).set('Accept-Language', 'fr').expect(200);
    expect(revokedPage.text).toContain('Attestation de présence révoquée');
    // And no new certificate for a cancelled registration.
    const gone = await certificate(organiser, people.arabic.registrationId).expect(409);
    expect(JSON.parse(gone.body.toString()).details).toMatchObject({
      reason: 'registration_not_confirmed',
    });
  });

  it('says why there is none for someone who attended nothing that counts', async () => {
    const res = await t
      .http()
      .get(`/api/registrations/${people.french.registrationId}/certificate.pdf`)
      .set(people.french.auth)
      .expect(409);
    expect(res.body.details).toMatchObject({ reason: 'no_attendance' });
  });

  it('is refused to another participant, a host, a stranger and another event’s organiser (404), and the ZIP to non-organisers', async () => {
    const id = people.spanish.registrationId;
    for (const who of [people.khmer, host, stranger, rival]) {
      const res = await t
        .http()
        .get(`/api/registrations/${id}/certificate.pdf`)
        .set(who.auth)
        .expect(404);
      expect(JSON.stringify(res.body)).not.toContain('María');
    }
    await t.http().get(`/api/registrations/${id}/certificate.pdf`).expect(401);
    await t.http().get(`/api/events/${eventId}/certificates.zip`).set(host.auth).expect(403);
    await t
      .http()
      .get(`/api/events/${eventId}/certificates.zip`)
      .set(people.spanish.auth)
      .expect(403);
    await t.http().get(`/api/events/${eventId}/certificates.zip`).set(stranger.auth).expect(403);
    await t.http().get(`/api/events/${eventId}/certificates.zip`).set(rival.auth).expect(403);
    await t.http().get(`/api/events/not-a-uuid/certificates.zip`).set(organiser.auth).expect(404);
  });

  it('gives organisers every certificate in one ZIP: one PDF per attendee, safe unique names', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/certificates.zip`)
      .set(organiser.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('certificates-TNG26.zip');
    const files = unzipSync(new Uint8Array(res.body));
    const names = Object.keys(files).sort();
    // The cancelled Arabic registration and the French participant (nothing attended) are not in it.
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(/^TNG26-C\d{4}-[A-Za-z0-9-]+\.pdf$/);
    expect(names.some((n) => n.endsWith('-Nguyen-Thi-Minh-Khai-Hang.pdf'))).toBe(true);
    expect(names.some((n) => n.endsWith('-Maria-Lucia-Fernandez.pdf'))).toBe(true);
    expect(names.some((n) => n.endsWith('-participant.pdf'))).toBe(true);
    const khmer = names.find((n) => n.endsWith('-participant.pdf'))!;
    expect(pdfText(Buffer.from(files[khmer]))).toContain(PEOPLE[1].name);
    // What unzip itself lists (a real ZIP, not only what fflate reads back).
    const dir = mkdtempSync(join(tmpdir(), 'certs-'));
    try {
      writeFileSync(join(dir, 'all.zip'), res.body);
      const listing = execFileSync('unzip', ['-l', join(dir, 'all.zip')]).toString();
      expect(listing).toMatch(/3 files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('pages', () => {
    const as = async (who: Session) => {
      const web = new WebClient(t);
      await web.signIn(who.email, 'a-long-password');
      return web;
    };

    it('offers the participant their certificate on /my/registrations once the event has ended', async () => {
      const web = await as(people.spanish);
      const list = await web.get('/my/registrations', { 'Accept-Language': 'es' });
      expect(list.status).toBe(200);
      const href = `/my/registrations/${people.spanish.registrationId}/certificate.pdf`;
      expect(list.text).toContain(href);
      expect(list.text).toContain('Certificado de asistencia (PDF)');
      const pdf = await web.get(href);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      // Someone else's certificate does not exist for them.
      const other = await web.get(
        `/my/registrations/${people.khmer.registrationId}/certificate.pdf`,
      );
      expect(other.status).toBe(404);
      expect(other.text).not.toContain(PEOPLE[1].name);
    });

    it('says why there is no certificate instead of a file, and offers none before the end', async () => {
      const web = await as(people.french);
      const none = await web.get(
        `/my/registrations/${people.french.registrationId}/certificate.pdf`,
        {
          'Accept-Language': 'fr',
        },
      );
      expect(none.status).toBe(409);
      expect(none.text).toContain("Aucune présence à une séance n'est enregistrée");
      await db.query(`UPDATE events SET end_date = '2099-09-21' WHERE id = $1`, [eventId]);
      try {
        const list = await web.get('/my/registrations');
        expect(list.text).not.toContain('/certificate.pdf');
      } finally {
        await db.query(`UPDATE events SET end_date = '2026-09-21' WHERE id = $1`, [eventId]);
      }
    });

    it('shows organisers who gets a certificate, with the ZIP; hosts and participants get 404', async () => {
      const web = await as(organiser);
      const page = await web.get(`/console/events/${eventId}/certificates?lang=fr`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Attestations de présence');
      expect(page.text).toContain('3 personnes ont assisté à au moins une séance.');
      expect(page.text).toContain(PEOPLE[2].name);
      // Kept on one line (no-break spaces).
      expect(page.text).toContain('9\u00a0h\u00a030');
      expect(page.text).toContain(`/console/events/${eventId}/certificates/certificates.zip`);
      const zip = await web.get(`/console/events/${eventId}/certificates/certificates.zip`);
      expect(zip.status).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
      expect(zip.headers['content-disposition']).toContain('certificates-TNG26.zip');
      const one = await web.get(
        `/console/events/${eventId}/certificates/${people.spanish.registrationId}/certificate.pdf`,
      );
      expect(one.status).toBe(200);
      for (const who of [host, people.spanish, stranger, rival]) {
        const client = await as(who);
        const res = await client.get(`/console/events/${eventId}/certificates`);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain(PEOPLE[2].name);
        const file = await client.get(`/console/events/${eventId}/certificates/certificates.zip`);
        expect(file.status).toBe(404);
      }
    });
  });
});
