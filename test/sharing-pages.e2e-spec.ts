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

const PASSWORD = 'a-long-password';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const HTML = Buffer.from('<html><body>not a pdf</body></html>');

describe('sharing pages: console materials, participant materials and directory', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: Session;
  let linh: Session;
  let awa: Session;
  let outsider: Session;
  let facilitator: Session;
  let sessionId: string;
  let event: { id: string; slug: string };

  const signedIn = async (who: Session) => {
    const web = new WebClient(t);
    await web.signIn(who.email, PASSWORD);
    return web;
  };
  const upload = (web: WebClient, file: Buffer, name: string, title = '') =>
    t
      .http()
      .post(`/console/events/${event.id}/materials`)
      .set('cookie', web['cookieHeader']())
      .field('_csrf', web.csrf)
      .field('title', title)
      .field('sessionId', '')
      .attach('file', file, { filename: name, contentType: 'application/pdf' });

  beforeAll(async () => {
    t = await startTestApp('sharing_pages');
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Cameleon', country: 'PH' });
    organiser = await signup(t, { name: 'Nadia Benali', password: PASSWORD, locale: 'fr' });
    linh = await signup(t, { name: 'Nguyễn Thị Linh', password: PASSWORD, locale: 'fr' });
    awa = await signup(t, { name: 'Awa Traoré', password: PASSWORD, locale: 'es' });
    outsider = await signup(t, { name: 'Someone Else', password: PASSWORD });
    facilitator = await signup(t, { name: 'Chanthou Keo', password: PASSWORD, locale: 'en' });
    event = await createEvent(t, admin);
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: facilitator.id, role: 'facilitator' })
      .expect(201);
    await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(admin.auth)
      .send(
        sessionBody({
          title: 'Someone else’s workshop',
          startsAt: '2027-10-27T10:00',
          endsAt: '2027-10-27T11:00',
        }),
      )
      .expect(201);
    sessionId = (
      await t
        .http()
        .post(`/api/events/${event.id}/sessions`)
        .set(admin.auth)
        .send(sessionBody({ title: 'Family workshop', facilitatorIds: [facilitator.id] }))
        .expect(201)
    ).body.id;
    await register(t, event.id, linh, org.id, { languages: ['vi', 'fr'] });
    await register(t, event.id, awa, org.id);
    const other = await createEvent(t, admin);
    await register(t, other.id, outsider, org.id);
  });
  afterAll(() => t.close());

  it('lets the organiser share a guide from the console, refusing a disguised file in French', async () => {
    const web = await signedIn(organiser);
    const page = await web.get(`/console/events/${event.id}/materials`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Partager un document');
    const bad = await upload(web, HTML, 'guide.pdf');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('n’est pas un document PDF, Word, PowerPoint, Excel, PNG ou JPEG');
    const ok = await upload(web, PDF, 'Guide du participant.pdf', 'Guide du participant');
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`/console/events/${event.id}/materials`);
    const after = await web.get(`/console/events/${event.id}/materials`);
    expect(after.text).toContain('Guide du participant');
    expect(after.text.match(/<h1>/g)).toHaveLength(1);
  });

  it('lets a facilitator share for their own session only, outside the console menu', async () => {
    const web = await signedIn(facilitator);
    const page = await web.get(`/console/events/${event.id}/materials`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Family workshop');
    expect(page.text).not.toContain('Someone else’s workshop');
    expect(page.text).not.toContain('The whole event');
    expect(page.text).not.toContain('console-nav');
    // The organiser's guide is listed but offers them no delete button.
    expect(page.text).toContain('Guide du participant');
    expect(page.text).not.toContain('/delete');
    const res = await t
      .http()
      .post(`/console/events/${event.id}/materials`)
      .set('cookie', web['cookieHeader']())
      .field('_csrf', web.csrf)
      .field('title', 'Slides')
      .field('sessionId', sessionId)
      .attach('file', PDF, { filename: 'slides.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(303);
    const after = await web.get(`/console/events/${event.id}/materials`);
    expect(after.text.match(/\/delete"/g)).toHaveLength(1);
  });

  it('shows the materials to a participant, who downloads them; 404 for others', async () => {
    const web = await signedIn(linh);
    const page = await web.get(`/e/${event.slug}/materials`);
    expect(page.status).toBe(200);
    expect(Buffer.byteLength(page.text)).toBeLessThan(14 * 1024);
    const href = /href="(\/e\/[^"]+\/download)"/.exec(page.text)![1];
    const file = await web.get(href);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    const stranger = await signedIn(outsider);
    expect((await stranger.get(`/e/${event.slug}/materials`)).status).toBe(404);
    expect((await stranger.get(href)).status).toBe(404);
    expect((await stranger.get(`/console/events/${event.id}/materials`)).status).toBe(404);
    expect((await web.get(`/console/events/${event.id}/materials`)).status).toBe(404);
  });

  it('lists a participant in the directory only once they tick the box, and withdraws at once', async () => {
    const linhWeb = await signedIn(linh);
    const awaWeb = await signedIn(awa);
    const first = await awaWeb.get(`/e/${event.slug}/people`);
    expect(first.status).toBe(200);
    expect(first.text).not.toContain('Nguyễn Thị Linh');
    await linhWeb.get(`/e/${event.slug}/people`);
    expect((await linhWeb.post(`/e/${event.slug}/people`, { listed: 'on' })).status).toBe(303);
    const shown = await awaWeb.get(`/e/${event.slug}/people`);
    expect(shown.text).toContain('Nguyễn Thị Linh');
    expect(shown.text).toContain('Filipinas');
    expect(shown.text).toContain('vietnamita');
    expect(shown.text).not.toContain(linh.email);
    await linhWeb.get(`/e/${event.slug}/people`);
    await linhWeb.post(`/e/${event.slug}/people`, {});
    expect((await awaWeb.get(`/e/${event.slug}/people`)).text).not.toContain('Nguyễn Thị Linh');
    const stranger = await signedIn(outsider);
    expect((await stranger.get(`/e/${event.slug}/people`)).status).toBe(404);
  });
});
