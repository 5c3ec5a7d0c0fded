import { DataSource } from 'typeorm';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const AWA = 'Awa Diallo';
const HANG = 'Nguyễn Thị Hằng';

/*
 * The check-in pages without JavaScript: the desk finds a person by name and checks
 * them in with a button; a facilitator scans at their own session's door only; hosts and
 * strangers find nothing; a participant downloads their own badge.
 */
describe('check-in pages (no JavaScript)', () => {
  let t: TestApp;
  let ds: DataSource;
  let organiser: Session;
  let facilitator: Session;
  let host: Session;
  let awa: Session;
  let hang: Session;
  let eventId: string;
  let sessionId: string;
  let awaReg: string;
  let hangReg: string;

  const as = async (who: Session) => {
    const c = new WebClient(t);
    await c.signIn(who.email, 'a-long-password');
    return c;
  };
  const staff = (who: Session, role: string) =>
    ds.query(`INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, $3)`, [
      eventId,
      who.id,
      role,
    ]);
  const base = () => `/console/events/${eventId}/check-in`;

  beforeAll(async () => {
    t = await startTestApp('onsite_checkin_pages');
    ds = t.app.get(DataSource);
    const admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali', locale: 'fr' });
    facilitator = await signup(t, { name: 'Facilitator' });
    host = await signup(t, { name: 'Host' });
    awa = await signup(t, { name: AWA });
    hang = await signup(t, { name: HANG, locale: 'es' });
    const org = await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' });
    eventId = (await createEvent(t, admin)).id;
    await staff(organiser, 'organiser');
    await staff(facilitator, 'facilitator');
    await staff(host, 'host');
    awaReg = await register(t, eventId, awa, org.id);
    hangReg = await register(t, eventId, hang, org.id);
    const s = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send(
        sessionBody({
          kind: 'plenary',
          title: 'Opening plenary',
          status: 'published',
          facilitatorIds: [facilitator.id],
        }),
      )
      .expect(201);
    sessionId = s.body.id;
  });
  afterAll(() => t.close());

  it('lets the desk find a person by name and check them in, once a day', async () => {
    const c = await as(organiser);
    const choose = await c.get(`${base()}?lang=en`);
    expect(choose.status).toBe(200);
    expect(choose.text).toContain(`href="${base()}/day"`);
    expect(choose.text).toContain(`href="${base()}/sessions/${sessionId}"`);
    const found = await c.get(`${base()}/day?q=diallo`);
    expect(found.status).toBe(200);
    expect(found.text).toContain(AWA);
    expect(found.text).not.toContain(HANG);
    const first = await c.post(`${base()}/day/people/${awaReg}`, { q: 'diallo' });
    expect(first.status).toBe(200);
    const time = /checked in (\d\d:\d\d)/.exec(first.text)?.[1];
    expect(time).toBeDefined();
    expect(first.text).toContain(`${AWA} — checked in ${time}`);
    // The list now says since when, and the same person again is "already".
    expect(first.text).toContain(`Present since ${time}`);
    const again = await c.post(`${base()}/day/people/${awaReg}`, { q: 'diallo' });
    expect(again.text).toContain(`${AWA} — already checked in at ${time}`);
    const rows = await ds.query(
      `SELECT count(*)::int AS n FROM check_ins WHERE registration_id = $1`,
      [awaReg],
    );
    expect(rows[0].n).toBe(1);
    // A typed code that is not a badge: "not valid", said big, nothing recorded.
    const bad = await c.post(`${base()}/day`, { code: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('Not valid');
    // Accents do not matter in the search.
    const accents = await c.get(`${base()}/day?q=nguyen`);
    expect(accents.text).toContain(HANG);
  });

  it('lets a facilitator scan at their own session’s door, inside its window only', async () => {
    const c = await as(facilitator);
    // Their week links each session they lead to its door.
    const week = await c.get('/my/agenda');
    expect(week.text).toContain(`href="${base()}/sessions/${sessionId}"`);
    const choose = await c.get(base());
    expect(choose.status).toBe(200);
    expect(choose.text).toContain('Opening plenary');
    expect(choose.text).not.toContain(`href="${base()}/day"`);
    expect((await c.get(`${base()}/day`)).status).toBe(404);
    const early = await c.post(`${base()}/sessions/${sessionId}/people/${hangReg}`, {});
    expect(early.status).toBe(200);
    expect(early.text).toContain('Not valid');
    expect(early.text).toMatch(/open for scanning from/);
    await ds.query(
      `UPDATE sessions SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '1 hour' WHERE id = $1`,
      [sessionId],
    );
    const page = await c.get(`${base()}/sessions/${sessionId}?q=hang`);
    expect(page.text).toContain(HANG);
    const ok = await c.post(`${base()}/sessions/${sessionId}/people/${hangReg}`, { q: 'hang' });
    expect(ok.text).toMatch(new RegExp(`${HANG} — at the session since \\d\\d:\\d\\d`));
    const [row] = await ds.query(
      `SELECT source, recorded_by FROM session_attendance WHERE session_id = $1 AND account_id = $2`,
      [sessionId, hang.id],
    );
    expect(row).toEqual({ source: 'door', recorded_by: facilitator.id });
  });

  it('shows nothing to hosts and participants', async () => {
    for (const who of [host, awa]) {
      const c = await as(who);
      expect((await c.get(base())).status).toBe(404);
      expect((await c.get(`${base()}/day`)).status).toBe(404);
      expect((await c.get(`${base()}/sessions/${sessionId}`)).status).toBe(404);
      expect((await c.get(`${base()}/badges.pdf`)).status).toBe(404);
    }
  });

  it('gives a confirmed participant a link to their badge, and only theirs', async () => {
    const c = await as(awa);
    const mine = await c.get('/my/registrations');
    expect(mine.text).toContain(`/my/registrations/${awaReg}/badge.pdf`);
    const pdf = await c.get(`/my/registrations/${awaReg}/badge.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await c.get(`/my/registrations/${hangReg}/badge.pdf`)).status).toBe(404);
    const sheets = await (await as(organiser)).get(`${base()}/badges.pdf`);
    expect(sheets.status).toBe(200);
    expect(sheets.headers['content-type']).toBe('application/pdf');
  });
});
