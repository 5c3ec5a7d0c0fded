import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { decodePdfQrCode, verifyPath } from './support/qr-decode.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const NAME = 'សុខ ចាន់ធីតា';
const EVENT = {
  name: 'Communities of Practice — Tangier 2026',
  startDate: '2026-10-19',
  endDate: '2026-10-24',
  city: 'Tangier',
};

/**
 * One verification for every document printed with a QR code: the invitation letter, the
 * certificate of attendance and the badge of one participant each answer at
 * /verify/<code> with their kind, valid while the registration is confirmed and revoked
 * once it is cancelled; the passport's last four characters only on the letter.
 */
describe('verification of letters, certificates and badges', () => {
  let t: TestApp;
  let db: DataSource;
  let organiser: Session;
  let person: Session & { registrationId: string };
  const codes: Record<'letter' | 'certificate' | 'badge', string> = {
    letter: '',
    certificate: '',
    badge: '',
  };

  beforeAll(async () => {
    t = await startTestApp('verification');
    db = t.app.get(DataSource);
    const admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali' });
    const orgId = (
      await createOrganisation(t, admin, { name: 'Friends of Cambodia', country: 'KH' })
    ).id;
    const eventId = (
      await createEvent(t, admin, {
        name: EVENT.name,
        venue: { name: 'Hôtel Continental', city: 'Tangier', country: 'MA' },
      })
    ).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    await t
      .http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['KH'] })
      .expect(200);
    const who = await signup(t, { name: NAME, locale: 'en' });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(who.auth)
      .send(registrationBody(orgId))
      .expect(201);
    person = { ...who, registrationId: reg.body.id };
    await t
      .http()
      .put(`/api/registrations/${person.registrationId}/travel`)
      .set(who.auth)
      .send({ passport: { nationality: 'KH', number: 'N0012345', expiresOn: '2031-01-31' } })
      .expect(200);
    // The letter, issued by the organiser opening it; its QR code carries the letter's URL.
    const letter = await t
      .http()
      .get(`/api/registrations/${person.registrationId}/visa-letter.pdf`)
      .set(organiser.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    codes.letter = verifyPath(decodePdfQrCode(letter.body)).split('/').pop()!;

    // The week happened (October 2026) and the person attended a workshop at its door.
    await db.query(`UPDATE events SET start_date = $2, end_date = $3 WHERE id = $1`, [
      eventId,
      EVENT.startDate,
      EVENT.endDate,
    ]);
    const [{ id: sessionId }] = (await db.query(
      `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, status)
       VALUES ($1, 'workshop', 'Atelier', '2026-10-20T09:00:00Z', '2026-10-20T11:15:00Z', 'published')
       RETURNING id`,
      [eventId],
    )) as Array<{ id: string }>;
    await db.query(
      `INSERT INTO session_attendance (session_id, account_id, source) VALUES ($1, $2, 'door')`,
      [sessionId, who.id],
    );
    const certificate = await t
      .http()
      .get(`/api/registrations/${person.registrationId}/certificate.pdf`)
      .set(who.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    codes.certificate = verifyPath(decodePdfQrCode(certificate.body)).split('/').pop()!;

    // A badge code as the on-site badges keep it (one per registration, 128 random bits).
    codes.badge = randomBytes(16).toString('base64url');
    await db.query(
      `INSERT INTO badge_codes (registration_id, event_id, code) VALUES ($1, $2, $3)`,
      [person.registrationId, eventId, codes.badge],
    );
    // Two PDFs made and two QR codes read: a busy shared machine needs more than a minute.
  }, 180_000);
  afterAll(() => t.close());

  it('gives every document its own 128-bit code', () => {
    const all = Object.values(codes);
    for (const code of all) expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(all).size).toBe(3);
  });

  it('answers for each kind: valid, for whom, which event; the passport only on the letter', async () => {
    const event = { ...EVENT };
    const letter = await t.http().get(`/api/verify/${codes.letter}`).expect(200);
    expect(letter.body).toEqual({
      kind: 'invitation_letter',
      status: 'valid',
      reference: expect.stringMatching(/^TNG\d{2}-\d{4}$/),
      holder: { name: NAME, passportLastFour: '2345' },
      event: expect.objectContaining({ name: EVENT.name, city: 'Tangier' }),
    });
    const certificate = await t.http().get(`/api/verify/${codes.certificate}`).expect(200);
    expect(certificate.body).toEqual({
      kind: 'certificate',
      status: 'valid',
      reference: expect.stringMatching(/^TNG26-C\d{4}$/),
      holder: { name: NAME, passportLastFour: null },
      event,
      attendance: { sessions: 1, minutes: 135 },
    });
    const badge = await t.http().get(`/api/verify/${codes.badge}`).expect(200);
    expect(badge.body).toEqual({
      kind: 'badge',
      status: 'valid',
      reference: null,
      holder: { name: NAME, passportLastFour: null },
      event,
    });
    for (const res of [certificate, badge]) expect(JSON.stringify(res.body)).not.toMatch(/N001/);
  });

  it('shows the kind on the public page, in the reader’s language', async () => {
    const es = await t
      .http()
      .get(`/verify/${codes.certificate}`)
      .set('Accept-Language', 'es')
      .expect(200);
    expect(es.text).toContain('Certificado de asistencia válido');
    expect(es.text).toContain(NAME);
    expect(es.text).toContain('2 h 15 min');
    expect(es.text).not.toContain('pasaporte terminado');
    const fr = await t
      .http()
      .get(`/verify/${codes.badge}`)
      .set('Accept-Language', 'fr')
      .expect(200);
    expect(fr.text).toContain('Badge valable');
    const en = await t
      .http()
      .get(`/verify/${codes.letter}`)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(en.text).toContain('Valid invitation letter');
    expect(en.text).toContain('…2345');
  });

  it('knows no guessed or malformed code (404 on the API and the page)', async () => {
    await t
      .http()
      .get(`/api/verify/${randomBytes(16).toString('base64url')}`)
      .expect(404);
    await t.http().get('/api/verify/not-a-code').expect(404);
    await t
      .http()
      .get(`/api/verify/${codes.badge.slice(0, 21)}`)
      .expect(404);
    await t
      .http()
      .get(`/verify/${randomBytes(16).toString('base64url')}`)
      .expect(404);
  });

  it('says revoked for all three once the registration is cancelled', async () => {
    await t
      .http()
      .post(`/api/registrations/${person.registrationId}/cancel`)
      .set(person.auth)
      .send({})
      .expect(200);
    for (const code of Object.values(codes)) {
      const res = await t.http().get(`/api/verify/${code}`).expect(200);
      expect(res.body.status).toBe('revoked');
    }
    const page = await t
      .http()
      .get(`/verify/${codes.certificate}`)
      .set('Accept-Language', 'fr')
      .expect(200);
    expect(page.text).toContain('Attestation de présence révoquée');
  });
});
