import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { attendedSessionIds } from '#onsite';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { pdfText } from './support/pdf-text.js';
import { decodePdfQrCode, decodePdfQrCodes } from './support/qr-decode.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Issue 10, the week on site: badges in every script with a QR code that checks in,
 * two desks scanning one badge at once, the door's window, and who may scan.
 */
const PEOPLE = [
  { name: 'محمد بن عبد الله العلوي', org: 'جمعية التضامن للتنمية' },
  { name: 'ចាន់ ធីតា', org: 'មជ្ឈមណ្ឌល កុមារ' },
  { name: 'Nguyễn Thị Hằng', org: 'Trung tâm Công tác xã hội' },
  { name: 'José Ángel Muñoz Peña', org: 'Fundación Niñez y Familia' },
  { name: 'Françoise Lefèvre-Béranger', org: 'Maison des Familles de Saint-Étienne' },
];

const squash = (s: string) => s.replace(/\s+/g, ' ');

// PDFs in five scripts and QR codes read from rendered pages: slow on a busy shared machine.
jest.setTimeout(180_000);

describe('on site: badges, check-in, attendance at the door', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let otherOrganiser: Session;
  let host: Session;
  let facilitator: Session;
  let people: Session[];
  let eventId: string;
  let otherEventId: string;
  let registrations: string[];

  const staff = (event: string, who: Session, role: string) =>
    ds.query(`INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, $3)`, [
      event,
      who.id,
      role,
    ]);
  const badge = (who: Session, registrationId: string) =>
    t
      .http()
      .get(`/api/registrations/${registrationId}/badge.pdf`)
      .set(who.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  /** The verification URL a badge's QR code carries, read from its printed code (cheap). */
  const urlOf = async (who: Session, registrationId: string) => {
    const res = await badge(who, registrationId).expect(200);
    const [{ code }] = await ds.query(`SELECT code FROM badge_codes WHERE registration_id = $1`, [
      registrationId,
    ]);
    expect(pdfText(res.body)).toContain(code);
    return `${t.config.publicUrl}/verify/${code}`;
  };
  const checkIn = (who: Session, code: string, event = eventId) =>
    t.http().post(`/api/events/${event}/check-ins`).set(who.auth).send({ code });

  beforeAll(async () => {
    t = await startTestApp('onsite_checkin');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Organiser', locale: 'fr' });
    otherOrganiser = await signup(t, { name: 'Organiser elsewhere' });
    host = await signup(t, { name: 'Host' });
    facilitator = await signup(t, { name: 'Facilitator' });
    eventId = (await createEvent(t, admin)).id;
    otherEventId = (await createEvent(t, admin)).id;
    await staff(eventId, organiser, 'organiser');
    await staff(otherEventId, otherOrganiser, 'organiser');
    await staff(eventId, host, 'host');
    await staff(eventId, facilitator, 'facilitator');
    people = [];
    registrations = [];
    for (const p of PEOPLE) {
      const org = await createOrganisation(t, admin, { name: p.org, country: 'MA' });
      const person = await signup(t, { name: p.name });
      people.push(person);
      registrations.push(await register(t, eventId, person, org.id));
    }
  });
  afterAll(() => t.close());

  it('prints each name and organisation exactly, whatever the script, with a QR code that checks in', async () => {
    for (const [i, p] of PEOPLE.entries()) {
      const res = await badge(people[i], registrations[i]).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toContain('no-store');
      const text = squash(pdfText(res.body));
      expect(text).toContain(p.name);
      expect(text).toContain(p.org);
      // The QR code is read for two scripts (reading is slow); the others by their printed code.
      const url =
        i < 2 ? decodePdfQrCode(res.body, { dpi: 120 }) : await urlOf(organiser, registrations[i]);
      expect(url).toMatch(new RegExp(`^${t.config.publicUrl}/verify/[A-Za-z0-9_-]{22}$`));
      // No personal data in the code: neither a name nor the registration's id.
      expect(url).not.toContain(registrations[i]);
      const scan = await checkIn(organiser, url).expect(201);
      expect(scan.body).toMatchObject({
        status: 'checked_in',
        registrationId: registrations[i],
        name: p.name,
      });
      expect(scan.body.time).toMatch(/^\d{2}:\d{2}$/);
      // The same badge printed again carries the same code.
      if (i < 2) expect(await urlOf(organiser, registrations[i])).toBe(url);
    }
  });

  it('prints A4 sheets of every confirmed badge for organisers, or only the ids asked', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/badges.pdf`)
      .set(organiser.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = squash(pdfText(res.body));
    for (const p of PEOPLE) expect(text).toContain(p.name);
    expect(decodePdfQrCodes(res.body, { dpi: 120 })).toHaveLength(PEOPLE.length);
    const one = await t
      .http()
      .get(`/api/events/${eventId}/badges.pdf?ids=${registrations[2]}`)
      .set(organiser.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(squash(pdfText(one.body))).toContain(PEOPLE[2].name);
    expect(squash(pdfText(one.body))).not.toContain(PEOPLE[0].name);
    const bad = await t
      .http()
      .get(`/api/events/${eventId}/badges.pdf?ids=nope`)
      .set(organiser.auth)
      .expect(400);
    expect(bad.body.details).toMatchObject({ field: 'ids' });
    await t
      .http()
      .get(`/api/events/${eventId}/badges.pdf?ids=${registrations[0]}&ids=nope`)
      .set(organiser.auth)
      .expect(400);
    // The event's host learns they may not; a participant or another event's organiser
    // learns nothing.
    await t.http().get(`/api/events/${eventId}/badges.pdf`).set(host.auth).expect(403);
    await t.http().get(`/api/events/${eventId}/badges.pdf`).set(people[0].auth).expect(404);
    await t.http().get(`/api/events/${eventId}/badges.pdf`).set(otherOrganiser.auth).expect(404);
  });

  it('records one check-in when two desks scan the same badge at the same moment', async () => {
    const url = await urlOf(people[3], registrations[3]);
    await ds.query(`DELETE FROM check_ins WHERE registration_id = $1`, [registrations[3]]);
    const answers = await Promise.all(Array.from({ length: 12 }, () => checkIn(organiser, url)));
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([
      ...Array(11).fill(200),
      201,
    ]);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM check_ins WHERE registration_id = $1`,
      [registrations[3]],
    );
    expect(n).toBe(1);
    const first = answers.find((a) => a.status === 201)!.body;
    for (const again of answers.filter((a) => a.status === 200)) {
      expect(again.body.status).toBe('already_checked_in');
      expect(again.body.time).toBe(first.time);
      expect(again.body.message).toBe(`${PEOPLE[3].name}: already checked in at ${first.time}`);
    }
  });

  it('refuses a badge of another event, an unreadable scan, and anyone but the organisers', async () => {
    const url = await urlOf(people[0], registrations[0]);
    // Someone registered for the other event: their badge is not valid at this desk.
    const org = await createOrganisation(t, admin);
    const elsewhere = await signup(t, { name: 'Elsewhere' });
    const theirs = await register(t, otherEventId, elsewhere, org.id);
    const theirUrl = await urlOf(elsewhere, theirs);
    const wrong = await checkIn(organiser, theirUrl).expect(404);
    expect(wrong.body.details).toMatchObject({ reason: 'badge_not_valid' });
    await checkIn(organiser, 'https://evil.example/verify/short').expect(404);
    await checkIn(organiser, 'x'.repeat(501)).expect(400);
    await t
      .http()
      .post(`/api/events/${eventId}/check-ins`)
      .set(organiser.auth)
      .send({})
      .expect(400);
    // Staff who are not organisers: 403; strangers and other events' organisers: 404.
    await checkIn(host, url).expect(403);
    await checkIn(facilitator, url).expect(403);
    await checkIn(people[1], url).expect(404);
    await checkIn(otherOrganiser, url).expect(404);
    // A badge is its holder's and the organisers': another participant gets 404.
    await badge(people[1], registrations[0]).expect(404);
    await badge(otherOrganiser, registrations[0]).expect(404);
    await badge(host, registrations[0]).expect(404);
  });

  it('revokes a badge when its registration is cancelled', async () => {
    const url = await urlOf(people[4], registrations[4]);
    await t
      .http()
      .post(`/api/registrations/${registrations[4]}/cancel`)
      .set(people[4].auth)
      .send({})
      .expect((r) => expect(r.status).toBeLessThan(300));
    const revoked = await checkIn(organiser, url).expect(409);
    expect(revoked.body.details).toMatchObject({ reason: 'badge_revoked' });
    const gone = await badge(people[4], registrations[4]).expect(409);
    expect(JSON.parse(String(gone.body)).details).toMatchObject({ reason: 'badge_unavailable' });
  });

  describe('attendance at a session door', () => {
    let sessionId: string;
    let otherSessionId: string;
    let code: string;

    const attend = (who: Session, id = sessionId, scanned = code) =>
      t.http().post(`/api/sessions/${id}/attendance`).set(who.auth).send({ code: scanned });
    /** Puts the session's start `minutes` from now (negative: in the past), for `length` minutes. */
    const startIn = (minutes: number, length = 90, id = sessionId) =>
      ds.query(
        `UPDATE sessions SET starts_at = now() + make_interval(mins => $2::int),
                ends_at = now() + make_interval(mins => $2::int + $3::int) WHERE id = $1`,
        [id, minutes, length],
      );

    beforeAll(async () => {
      const plenary = await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(organiser.auth)
        .send(
          sessionBody({
            kind: 'plenary',
            title: 'Opening plenary',
            status: 'published',
            facilitatorIds: [facilitator.id],
          }),
        )
        .expect(201);
      sessionId = plenary.body.id;
      const other = await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(organiser.auth)
        .send(
          sessionBody({
            title: 'Another workshop',
            status: 'published',
            startsAt: '2027-10-27T10:00',
            endsAt: '2027-10-27T12:00',
          }),
        )
        .expect(201);
      otherSessionId = other.body.id;
      code = await urlOf(people[0], registrations[0]);
    });

    it('opens 60 minutes before the start and closes at the end', async () => {
      await startIn(60 * 24 * 330);
      const far = await attend(organiser).expect(409);
      expect(far.body.details).toMatchObject({ reason: 'attendance_window', tooEarly: true });
      expect(far.body.message).toMatch(/from 60 minutes before it starts until it ends/);
      await startIn(61);
      const early = await attend(organiser).expect(409);
      expect(early.body.details.reason).toBe('attendance_window');
      expect(early.body.details.opensAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      await startIn(-120, 119);
      const late = await attend(organiser).expect(409);
      expect(late.body.details).toMatchObject({ reason: 'attendance_window', tooEarly: false });
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM session_attendance WHERE session_id = $1`,
        [sessionId],
      );
      expect(n).toBe(0);
      await startIn(59);
      const ok = await attend(organiser).expect(201);
      expect(ok.body).toMatchObject({ status: 'attended', name: PEOPLE[0].name, signedUp: true });
      const again = await attend(facilitator).expect(200);
      expect(again.body.status).toBe('already_attended');
      expect(again.body.time).toBe(ok.body.time);
    });

    it('lets only organisers and the session’s facilitators scan its door', async () => {
      await startIn(-10);
      await startIn(-10, 120, otherSessionId);
      await attend(host).expect(403);
      // A facilitator of another session of the event: 403 at this one.
      await attend(facilitator, otherSessionId).expect(403);
      await attend(people[1]).expect(404);
      await attend(otherOrganiser).expect(404);
      const other = await urlOf(people[1], registrations[1]);
      await attend(facilitator, sessionId, other).expect(201);
      const rows = (await ds.query(
        `SELECT account_id, source, recorded_by FROM session_attendance WHERE session_id = $1
          ORDER BY attended_at`,
        [sessionId],
      )) as Array<{ account_id: string; source: string; recorded_by: string }>;
      expect(rows).toEqual([
        { account_id: people[0].id, source: 'door', recorded_by: organiser.id },
        { account_id: people[1].id, source: 'door', recorded_by: facilitator.id },
      ]);
      expect(await attendedSessionIds(ds, people[1].id, eventId)).toEqual([sessionId]);
      expect(await attendedSessionIds(ds, people[2].id, eventId)).toEqual([]);
    });

    it('marks the sign-up attended too, and the organiser’s list writes the same table', async () => {
      const workshop = await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(organiser.auth)
        .send(
          sessionBody({
            title: 'Workshop with sign-ups',
            status: 'published',
            signupRequired: true,
            capacity: 10,
            startsAt: '2027-10-28T10:00',
            endsAt: '2027-10-28T12:00',
          }),
        )
        .expect(201);
      const id = workshop.body.id;
      const a = await t.http().post(`/api/sessions/${id}/signups`).set(people[0].auth).send({});
      const b = await t.http().post(`/api/sessions/${id}/signups`).set(people[2].auth).send({});
      expect([a.status, b.status]).toEqual([201, 201]);
      await startIn(-5, 120, id);
      await attend(organiser, id).expect(201);
      const [signupRow] = await ds.query(`SELECT attended FROM signups WHERE id = $1`, [a.body.id]);
      expect(signupRow.attended).toBe(true);
      // The list path: present writes a 'list' row, absent takes it off.
      await t
        .http()
        .patch(`/api/sessions/${id}/signups/${b.body.id}/attendance`)
        .set(organiser.auth)
        .send({ attended: true })
        .expect(200);
      const source = async () =>
        (
          await ds.query(
            `SELECT source FROM session_attendance WHERE session_id = $1 AND account_id = $2`,
            [id, people[2].id],
          )
        )[0]?.source;
      expect(await source()).toBe('list');
      expect(await attendedSessionIds(ds, people[2].id, eventId)).toEqual([id]);
      await t
        .http()
        .patch(`/api/sessions/${id}/signups/${b.body.id}/attendance`)
        .set(organiser.auth)
        .send({ attended: false })
        .expect(200);
      expect(await source()).toBeUndefined();
    });
  });
});
