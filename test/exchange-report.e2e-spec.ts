import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
import { seedPastMeetings } from './support/past-meetings.js';
import { readsByTable, recordStatements } from './support/plan-reads.js';
import { decodePdfQrCode, verifyPath } from './support/qr-decode.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const PASSWORD = 'a-long-password';
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/*
 * Cameleon's social workers (Philippines) spend three days in the Women's Resource
 * Center's Family House in Phnom Penh. The report, in French and Spanish, names the
 * visitors as typed (Vietnamese, Arabic), the host's Khmer staff member, the programme in
 * Phnom Penh time with who attended, and only what was shared with the network.
 */
describe('the exchange report of an immersion: PDF and pages', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Session;
  let hang: Session;
  let mohammed: Session;
  let host: Session;
  let stranger: Session;
  let eventId: string;
  let slug: string;
  const pdfs: Record<string, Buffer> = {};
  const texts: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('exchange_report');
    db = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const wrc = await createOrganisation(t, admin, {
      name: 'Women’s Resource Center',
      country: 'KH',
      city: 'Phnom Penh',
    });
    const cameleon = await createOrganisation(t, admin, {
      name: 'Cameleon',
      country: 'PH',
      city: 'Passi',
    });
    hang = await signup(t, {
      name: 'Nguyễn Thị Minh Khai-Hằng',
      password: PASSWORD,
      locale: 'fr',
      organisationId: cameleon.id,
    });
    mohammed = await signup(t, {
      name: 'محمد بن عبد الرحمن الإدريسي',
      password: PASSWORD,
      locale: 'es',
      organisationId: cameleon.id,
    });
    host = await signup(t, {
      name: 'សុខ ចាន់ធីតា',
      password: PASSWORD,
      locale: 'en',
      organisationId: wrc.id,
    });
    stranger = await signup(t, { name: 'Someone Else', password: PASSWORD });
    const event = await createEvent(t, admin, {
      name: 'Immersion Passi → Phnom Penh 2027',
      kind: 'immersion',
      hostOrganisationId: wrc.id,
      timezone: 'Asia/Phnom_Penh',
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      languages: ['fr', 'es'],
      venue: { name: 'Family House', city: 'Phnom Penh', country: 'KH' },
    });
    eventId = event.id;
    slug = event.slug;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    await register(t, eventId, hang, cameleon.id);
    await register(t, eventId, mohammed, cameleon.id);
    const session = async (title: string, startsAt: string, endsAt: string) =>
      (
        await t
          .http()
          .post(`/api/events/${eventId}/sessions`)
          .set(admin.auth)
          .send({ kind: 'workshop', title, startsAt, endsAt })
          .expect(201)
      ).body.id as string;
    const meeting = await session('Réunion d’équipe', '2027-05-10T08:30', '2027-05-10T10:00');
    const workshop = await session(
      'Atelier avec les familles',
      '2027-05-11T14:00',
      '2027-05-11T16:30',
    );
    await t.http().post(`/api/events/${eventId}/agenda/publish`).set(admin.auth).expect(200);
    await db.query(
      `INSERT INTO session_attendance (session_id, account_id, source)
       VALUES ($1, $2, 'list'), ($1, $3, 'list'), ($4, $2, 'list')`,
      [meeting, hang.id, mohammed.id, workshop],
    );
    const write = (who: Session, day: string, body: Record<string, unknown>) =>
      t.http().put(`/api/events/${eventId}/journal/${day}`).set(who.auth).send(body).expect(200);
    const shared = await write(hang, '2027-05-10', {
      observations: 'Chaque famille a une référente unique.',
      practice: 'Nommer une référente par famille à Passi.',
      sharing: 'network',
    });
    await write(mohammed, '2027-05-11', {
      observations: 'Un secret que je garde pour moi.',
      sharing: 'private',
    });
    await write(mohammed, '2027-05-12', {
      questions: 'Une question pour l’équipe seulement.',
      sharing: 'host',
    });
    await t
      .http()
      .put(`/api/journal-entries/${shared.body.id}/answer`)
      .set(host.auth)
      .send({ body: 'La référente change au plus une fois par an.' })
      .expect(200);
  });
  afterAll(() => t.close());

  const pdf = (who: Session, lang?: string) =>
    t
      .http()
      .get(`/api/events/${eventId}/exchange-report.pdf${lang ? `?lang=${lang}` : ''}`)
      .set(who.auth)
      .buffer(true)
      .parse(binary);

  it('writes the PDF in French and Spanish, every name read back as typed', async () => {
    for (const lang of ['fr', 'es']) {
      const res = await pdf(hang, lang).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      pdfs[lang] = res.body;
      texts[lang] = pdfText(res.body);
      if (process.env.REPORT_OUT)
        writeFileSync(`${process.env.REPORT_OUT}/report-${lang}.pdf`, res.body);
      const lines = texts[lang].split('\n').map((l) => l.trim());
      expect(lines).toContain('Nguyễn Thị Minh Khai-Hằng');
      expect(lines).toContain('محمد بن عبد الرحمن الإدريسي');
      expect(texts[lang]).toContain('សុខ ចាន់ធីតា');
      expect(texts[lang]).not.toContain('?');
    }
    expect(texts.fr).toContain('Rapport d’échange');
    expect(texts.fr).toContain('Horaires à l’heure de Phnom Penh.');
    expect(texts.fr).toMatch(
      /Organisation d’accueil\s: Women’s Resource Center \(Phnom Penh, Cambodge\)/,
    );
    // No arrow in the embedded faces: an en dash instead of a missing glyph.
    expect(texts.fr).toContain('Immersion Passi – Phnom Penh 2027');
    expect(texts.es).toContain('Informe del intercambio');
    expect(texts.es).toContain('hora de Nom Pen');
    // The reader's own language by default (Mohammed reads Spanish).
    const own = await pdf(mohammed).expect(200);
    expect(pdfText(own.body)).toContain('Informe del intercambio');
    await pdf(stranger, 'fr').expect(404);
    await pdf(hang, 'de').expect(400);
  });

  it('prints the programme in local time with attendance, and only what was shared with the network', () => {
    const rows = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], {
      input: pdfs.fr,
    })
      .toString('utf8')
      .split('\n');
    expect(rows).toContain('lun. 10 mai 08:30–10:00 Réunion d’équipe 2 sur 2');
    expect(rows).toContain('mar. 11 mai 14:00–16:30 Atelier avec les familles 1 sur 2');
    expect(texts.fr).toContain('Chaque famille a une référente unique.');
    expect(texts.fr).toContain('La référente change au plus une fois par an.');
    expect(texts.fr).not.toContain('secret');
    expect(texts.fr).not.toContain('équipe seulement');
    expect(texts.fr).toContain('Women’s Resource Center');
    expect(texts.fr).toContain('Cameleon');
  });

  it('carries a reference and a QR code to a /verify URL that answers valid', async () => {
    const url = decodePdfQrCode(pdfs.fr);
    expect(url).toMatch(/\/verify\/[A-Za-z0-9_-]{22}$/);
    const path = verifyPath(url);
    const ok = await t.http().get(`/api${path}`).expect(200);
    expect(ok.body).toMatchObject({
      kind: 'exchange_report',
      status: 'valid',
      reference: expect.stringMatching(/^PHN27-X\d{4}$/),
      holder: { name: 'Cameleon → Women’s Resource Center' },
      event: { name: 'Immersion Passi → Phnom Penh 2027', startDate: '2027-05-10' },
    });
    expect(texts.fr).toContain(ok.body.reference);
    // Every language carries the same code (its address is printed under the QR code).
    expect(texts.es.replace(/\s+/g, '')).toContain(url);
    const page = await t.http().get(path).set('Accept-Language', 'es').expect(200);
    expect(page.text).toContain('Informe de intercambio auténtico');
  });

  it('serves the journal, host and report pages without JavaScript, in the reader’s language', async () => {
    const visitor = new WebClient(t);
    await visitor.signIn(hang.email, PASSWORD);
    const journal = await visitor.get(`/e/${slug}/journal`);
    expect(journal.status).toBe(200);
    expect(journal.text).toContain('Mon journal d’apprentissage');
    expect(journal.text).toContain('Chaque famille a une référente unique.');
    expect(journal.text).toContain('La référente change au plus une fois par an.');
    expect(journal.text).toContain('Moi, l’équipe d’accueil et le réseau');
    // A day written through the form, private by default; an empty one is refused with a message.
    const saved = await visitor.post(`/e/${slug}/journal/2027-05-11`, {
      observations: 'Les parents préparent eux-mêmes le goûter.',
      sharing: 'private',
    });
    expect(saved.status).toBe(303);
    const empty = await visitor.post(`/e/${slug}/journal/2027-05-12`, { observations: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('error-summary');
    expect(
      (await visitor.post(`/e/${slug}/journal/2027-06-01`, { observations: 'x' })).status,
    ).toBe(404);

    const hostWeb = new WebClient(t);
    await hostWeb.signIn(host.email, PASSWORD);
    const hostPage = await hostWeb.get(`/host/events/${eventId}/journal`);
    expect(hostPage.status).toBe(200);
    expect(hostPage.text).toContain('What the visitors share');
    expect(hostPage.text).toContain('Une question pour l’équipe seulement.');
    expect(hostPage.text).not.toContain('goûter');
    expect(hostPage.text).not.toContain('secret');
    const entryId = /journal\/([0-9a-f-]{36})\/answer/.exec(hostPage.text)![1];
    const answered = await hostWeb.post(`/host/events/${eventId}/journal/${entryId}/answer`, {
      body: 'Nous en parlerons à la réunion de jeudi.',
    });
    expect(answered.status).toBe(303);
    // The visitor's own page is not the host's, nor the other way round.
    expect((await hostWeb.get(`/e/${slug}/journal`)).status).toBe(404);
    expect((await visitor.get(`/host/events/${eventId}/journal`)).status).toBe(404);

    const report = await hostWeb.get(`/e/${slug}/report`);
    expect(report.status).toBe(200);
    expect(report.text).toContain('Exchange report');
    expect(report.text).toContain('Chaque famille a une référente unique.');
    expect(report.text).not.toContain('équipe seulement');
    expect(report.text).toContain(`/e/${slug}/report.pdf?lang=fr`);
    expect(report.text).toContain(`/e/${slug}/report.pdf?lang=es`);
    const spanish = await hostWeb.get(`/e/${slug}/report?lang=es`);
    expect(spanish.text).toContain('Informe del intercambio');
    const file = await t
      .http()
      .get(`/e/${slug}/report.pdf?lang=es`)
      .set({ cookie: `${hostCookie(hostWeb)}` })
      .buffer(true)
      .parse(binary);
    expect(file.status).toBe(200);
    expect(pdfText(file.body)).toContain('Informe del intercambio');

    const outsider = new WebClient(t);
    await outsider.signIn(stranger.email, PASSWORD);
    expect((await outsider.get(`/e/${slug}/report`)).status).toBe(404);
    expect((await outsider.get(`/e/${slug}/journal`)).status).toBe(404);
    expect((await outsider.get(`/host/events/${eventId}/journal`)).status).toBe(404);
  });

  it('reads the attendance of this immersion only, not of every past meeting of the network', async () => {
    // Earlier meetings: the same visitors and 300 others, with their doors and sign-ups.
    await db.query(
      `INSERT INTO accounts (email, name) SELECT 'past' || i || '@example.org', 'Past ' || i
         FROM generate_series(1, 300) i`,
    );
    const [org] = await db.query(`SELECT id FROM organisations LIMIT 1`);
    await seedPastMeetings(db, {
      years: [2022, 2025],
      organisationId: org.id,
      emails: 'past%',
      accountIds: [hang.id, mohammed.id],
      sessions: 30,
    });
    await db.query(
      `INSERT INTO session_attendance (session_id, account_id, source)
       SELECT s.id, r.account_id, 'door' FROM registrations r JOIN sessions s USING (event_id)
        WHERE s.title LIKE 'Past %' AND (hashtext(r.id::text || s.id::text) & 3) < 2`,
    );
    await db.query(
      `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at, attended)
       SELECT s.id, s.event_id, r.id, r.account_id, 'confirmed', s.starts_at, s.ends_at, true
         FROM registrations r JOIN sessions s USING (event_id)
        WHERE s.title LIKE 'Past %' AND (hashtext(s.id::text || r.id::text) & 3) = 3`,
    );
    await db.query('VACUUM ANALYZE');

    const recording = recordStatements(db);
    const res = await t
      .http()
      .get(`/api/events/${eventId}/exchange-report?lang=fr`)
      .set(admin.auth)
      .expect(200);
    recording.stop();
    // The visitors' attendance elsewhere does not leak into this programme.
    expect((res.body.programme as Array<{ attended: number }>).map((p) => p.attended)).toEqual([
      2, 1,
    ]);
    const attendance = recording.statements.find((s) => s.sql.includes('session_attendance'));
    expect(attendance).toBeDefined();
    const read = await readsByTable(db, attendance!);
    const [history] = await db.query(
      `SELECT (SELECT count(*) FROM session_attendance)::int AS attendance,
              (SELECT count(*) FROM signups)::int AS signups`,
    );
    expect(history.attendance).toBeGreaterThan(1000);
    expect(history.signups).toBeGreaterThan(1000);
    // This immersion has two sessions, three rows at their doors and no sign-up (EXPLAIN
    // gives each loop its average rows rounded: 1.5 reads as 2). One look per session, not
    // one per visitor and session.
    expect(read.get('session_attendance')).toEqual({ rows: expect.any(Number), loops: 2 });
    expect(read.get('session_attendance')!.rows).toBeLessThanOrEqual(4);
    expect(read.get('signups')).toEqual({ rows: 0, loops: 2 });
  });
});

function hostCookie(web: WebClient): string {
  return `cv_session=${web.cookie('cv_session')}`;
}
