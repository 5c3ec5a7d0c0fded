import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const PASSWORD = 'a-long-password';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const MB = 1024 * 1024;

/**
 * Materials reach participants from the agenda (session page, event agenda, my agenda),
 * and upload forms turn away people who may not upload before reading their body.
 */
describe('materials on the agenda, and uploads refused before their body is read', () => {
  let t: TestApp;
  let admin: Session;
  let linh: Session;
  let outsider: Session;
  let facilitator: Session;
  let event: { id: string; slug: string };
  let other: { id: string; slug: string };
  let sessionId: string;
  let port: number;

  const signedIn = async (who: Session, password = PASSWORD) => {
    const web = new WebClient(t);
    await web.signIn(who.email, password);
    return web;
  };
  const upload = async (web: WebClient, title: string, session: string) => {
    await web.get(`/console/events/${event.id}/materials`);
    return t
      .http()
      .post(`/console/events/${event.id}/materials`)
      .set('cookie', web['cookieHeader']())
      .field('_csrf', web.csrf)
      .field('title', title)
      .field('sessionId', session)
      .attach('file', PDF, { filename: `${title}.pdf`, contentType: 'application/pdf' });
  };

  /**
   * Announces a 15 MB multipart body, sends its first megabyte and holds the rest back.
   * A server that reads the body before deciding never answers (the test times out); one
   * that decides first answers while the client still has 14 MB to send.
   */
  const refusedEarly = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
      const boundary = 'h4-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nx\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
      );
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(15 * MB),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.write(head);
      req.write(Buffer.alloc(MB, 0x20));
    });

  beforeAll(async () => {
    t = await startTestApp('materials_agenda');
    const server = t.app.getHttpServer();
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Cameleon', country: 'PH' });
    linh = await signup(t, { name: 'Nguyễn Thị Linh', password: PASSWORD, locale: 'en' });
    outsider = await signup(t, { name: 'Someone Else', password: PASSWORD, locale: 'en' });
    facilitator = await signup(t, { name: 'Chanthou Keo', password: PASSWORD, locale: 'en' });
    event = await createEvent(t, admin);
    other = await createEvent(t, admin);
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: facilitator.id, role: 'facilitator' })
      .expect(201);
    sessionId = (
      await t
        .http()
        .post(`/api/events/${event.id}/sessions`)
        .set(admin.auth)
        .send(
          sessionBody({
            kind: 'plenary',
            title: 'Opening plenary',
            facilitatorIds: [facilitator.id],
          }),
        )
        .expect(201)
    ).body.id;
    await t.http().post(`/api/events/${event.id}/agenda/publish`).set(admin.auth).expect(200);
    await register(t, event.id, linh, org.id);
    await register(t, other.id, outsider, org.id);
  });
  afterAll(() => t.close());

  it('lets the facilitator share from /my/agenda with the session preselected', async () => {
    const web = await signedIn(facilitator);
    const week = await web.get('/my/agenda');
    const share = `/console/events/${event.id}/materials?sessionId=${sessionId}`;
    expect(week.text).toContain(`href="${share.replace('&', '&amp;')}"`);
    const form = await web.get(share);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(new RegExp(`<option value="${sessionId}" selected`));
    const res = await upload(web, 'Opening slides', sessionId);
    expect(res.status).toBe(303);
  });

  it('shows the session’s and the event’s documents to a participant, who downloads them', async () => {
    const organiser = await signedIn(admin, TEST_ADMIN.password);
    expect((await upload(organiser, 'Participant guide', '')).status).toBe(303);
    const web = await signedIn(linh);

    const page = await web.get(`/e/${event.slug}/sessions/${sessionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Documents for this session');
    expect(page.text).toContain('Opening slides');
    expect(page.text).toMatch(/\(PDF, 1 KB\)/);
    expect(page.text).not.toContain('Participant guide');
    const href = /href="(\/e\/[^"]+\/materials\/[^"]+\/download)"/.exec(page.text)![1];

    const agenda = await web.get(`/e/${event.slug}/agenda`);
    expect(agenda.text).toContain('Documents for the whole event');
    expect(agenda.text).toContain('Participant guide');

    const week = await web.get('/my/agenda');
    expect(week.text).toContain('Opening plenary');
    expect(week.text).toContain(`href="${href}"`);
    expect(week.text).toContain('Opening slides');

    const file = await web.get(href);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(
      Buffer.from(file.body as Buffer)
        .subarray(0, 8)
        .toString(),
    ).toBe('%PDF-1.4');
  });

  it('shows another event’s participant nothing, and 404 on the download', async () => {
    const mine = await signedIn(linh);
    const page = await mine.get(`/e/${event.slug}/sessions/${sessionId}`);
    const href = /href="(\/e\/[^"]+\/materials\/[^"]+\/download)"/.exec(page.text)![1];
    const materialId = href.split('/')[4];

    const web = await signedIn(outsider);
    const theirs = await web.get(`/e/${event.slug}/sessions/${sessionId}`);
    expect(theirs.status).toBe(200);
    expect(theirs.text).toContain('Opening plenary');
    expect(theirs.text).not.toContain('Opening slides');
    expect(theirs.text).not.toContain('/download');
    const agenda = await web.get(`/e/${event.slug}/agenda`);
    expect(agenda.text).not.toContain('Participant guide');
    const week = await web.get('/my/agenda');
    expect(week.text).not.toContain('Opening slides');

    expect((await web.get(href)).status).toBe(404);
    expect((await web.get(`/e/${other.slug}/materials/${materialId}/download`)).status).toBe(404);
    await t.http().get(`/api/materials/${materialId}/download`).set(outsider.auth).expect(404);
  });

  it('turns a participant’s 15 MB upload away before reading it (pages and API)', async () => {
    const web = await signedIn(linh);
    const cookie = web['cookieHeader']() as string;
    const page = await refusedEarly(`/console/events/${event.id}/materials`, { cookie });
    expect(page.status).toBe(404);
    expect(page.body).toContain('<html');
    expect(page.connection).toBe('close');
    const someId = '00000000-0000-4000-8000-000000000001';
    const receipt = await refusedEarly(
      `/console/events/${event.id}/finance/${someId}/items/${someId}/receipts`,
      { cookie },
    );
    expect(receipt.status).toBe(404);
    const letter = await refusedEarly(`/console/events/${event.id}/letter`, { cookie });
    expect(letter.status).toBe(404);

    const api = await refusedEarly(`/api/events/${event.id}/materials`, linh.auth);
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body)).toMatchObject({ statusCode: 403 });
    const stranger = await refusedEarly(`/api/events/${event.id}/materials`, outsider.auth);
    expect(stranger.status).toBe(404);
    const apiReceipt = await refusedEarly(`/api/cost-items/${someId}/receipts`, linh.auth);
    expect(apiReceipt.status).toBe(404);
    // A bound for the failure (a server waiting for the rest never answers), not for speed.
  }, 90_000);
});
