import { gzipSync } from 'node:zlib';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const PASSWORD = 'a-long-password';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('finance pages: the console view, forms, receipts and the participant’s costs', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: Session;
  let awa: Session;
  let other: Session;
  let host: Session;
  let eventId: string;
  let awaReg: string;
  const base = () => `/console/events/${eventId}/finance`;

  /** A multipart form post from a signed-in page client, CSRF field first as the page sends it. */
  async function upload(web: WebClient, path: string, file: Buffer, name: string, csrf = web.csrf) {
    return t
      .http()
      .post(path)
      .set('cookie', web['cookieHeader']())
      .field('_csrf', csrf)
      .attach('file', file, { filename: name, contentType: 'application/pdf' });
  }

  beforeAll(async () => {
    t = await startTestApp('finance_pages');
    admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali', password: PASSWORD, locale: 'fr' });
    awa = await signup(t, { name: 'Awa Traoré', password: PASSWORD, locale: 'es' });
    other = await signup(t, { name: 'Jean Mukendi', password: PASSWORD });
    host = await signup(t, { name: 'Host Person', password: PASSWORD });
    const org = await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' });
    eventId = (await createEvent(t, admin)).id;
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
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(awa.auth)
      .send(registrationBody(org.id))
      .expect(201);
    awaReg = reg.body.id;
    await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(other.auth)
      .send(registrationBody(org.id))
      .expect(201);
  });
  afterAll(() => t.close());

  it('sets who pays what through the form, in French, keeping what was typed on errors', async () => {
    const web = new WebClient(t);
    await web.signIn(organiser.email, PASSWORD);
    const empty = await web.get(base());
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('Indiquez d’abord qui paie quoi');

    await web.get(`${base()}/coverage`);
    const form = {
      currency: 'eur',
      travel: 'network',
      visaFees: 'network',
      accommodation: 'network',
      meals: 'network',
      perDiem: 'network',
      perDiemDaily: '30,5',
      perDiemCurrency: '',
    };
    const bad = await web.post(`${base()}/coverage`, { ...form, currency: 'EURO', travel: 'bank' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Indiquez un code de devise ISO 4217');
    expect(bad.text).toContain('Choisissez qui paie.');
    expect(bad.text).toContain('value="EURO"');
    const ok = await web.post(`${base()}/coverage`, form);
    expect(ok.status).toBe(303);
    const rate = await web.post(`${base()}/rates`, { currency: 'mad', rate: '0,0925' });
    expect(rate.status).toBe(303);
    const page = await web.get(`${base()}/coverage`);
    expect(page.text).toContain('value="30,50"');
    expect(page.text).toContain('0.0925 EUR');
  });

  it("adds costs, attaches a receipt and marks it paid on a participant's page", async () => {
    const web = new WebClient(t);
    await web.signIn(organiser.email, PASSWORD);
    const person = `${base()}/${awaReg}`;
    await web.get(person);
    const bad = await web.post(`${person}/items`, {
      kind: 'flight',
      amount: '12,345',
      currency: 'EUR',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Indiquez un montant comme 645,50');
    expect(bad.text).toContain('value="12,345"');
    const added = await web.post(`${person}/items`, {
      kind: 'flight',
      description: 'AT571 / AT570',
      amount: '645,50',
      currency: 'EUR',
    });
    expect(added.status).toBe(303);
    await web.post(`${person}/items`, {
      kind: 'visa_fee',
      amount: '770',
      currency: 'MAD',
      advancedBy: 'participant',
    });
    const page = await web.get(person);
    expect(page.text).toContain('645,50');
    expect(page.text).toContain('770,00');
    const itemId = /id="cost-([0-9a-f-]{36})"/.exec(page.text)![1];

    const refused = await upload(
      web,
      `${person}/items/${itemId}/receipts`,
      Buffer.from('<svg/>'),
      'x.pdf',
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Seuls les fichiers PDF, JPEG ou PNG sont acceptés.');
    const forged = await upload(web, `${person}/items/${itemId}/receipts`, PDF, 'r.pdf', 'forged');
    expect(forged.status).toBe(403);
    const attached = await upload(web, `${person}/items/${itemId}/receipts`, PDF, 'billet.pdf');
    expect(attached.status).toBe(303);

    await web.get(person);
    const paid = await web.post(`${person}/items/${itemId}/status`, { status: 'paid' });
    expect(paid.status).toBe(303);
    const after = await web.get(person);
    expect(after.text).toContain('Payé');
    expect(after.text).toContain('Nadia Benali');
    const receiptId = /\/finance\/receipts\/([0-9a-f-]{36})/.exec(after.text)![1];
    const file = await web.get(`${base()}/receipts/${receiptId}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const summary = await web.get(base());
    expect(summary.text).toContain('Awa Traoré');
    expect(summary.text).toContain('Jean Mukendi');
    const csv = await web.get(`${base()}/export.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toContain(';');
  });

  it('shows the participant their own costs and receipts on their travel page, in Spanish', async () => {
    const web = new WebClient(t);
    await web.signIn(awa.email, PASSWORD);
    const page = await web.get(`/my/registrations/${awaReg}/travel`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sus gastos');
    expect(page.text).toContain('La red paga');
    expect(page.text).toContain('Vuelo');
    // The page stays light: the section is small, the whole page well under budget gzipped.
    const section = /<section class="card fin-mine"[\s\S]*?<\/section>/.exec(page.text)![0];
    expect(Buffer.byteLength(section)).toBeLessThan(2500);
    expect(gzipSync(page.text).length).toBeLessThan(14 * 1024);
    const receipt = /\/my\/registrations\/[0-9a-f-]{36}\/costs\/receipts\/[0-9a-f-]{36}/.exec(
      page.text,
    )![0];
    expect((await web.get(receipt)).status).toBe(200);
    // The participant has no console page.
    expect((await web.get(`${base()}/${awaReg}`)).status).toBe(404);

    const jean = new WebClient(t);
    await jean.signIn(other.email, PASSWORD);
    const stolen = await jean.get(receipt);
    expect(stolen.status).toBe(404);
    expect(stolen.headers['content-type']).not.toBe('application/pdf');
  });

  it('gives hosts, other participants and strangers nothing of the finance pages', async () => {
    const hostWeb = new WebClient(t);
    await hostWeb.signIn(host.email, PASSWORD);
    const jean = new WebClient(t);
    await jean.signIn(other.email, PASSWORD);
    for (const web of [hostWeb, jean]) {
      for (const path of [
        base(),
        `${base()}/coverage`,
        `${base()}/export.csv`,
        `${base()}/${awaReg}`,
      ]) {
        const res = await web.get(path);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain('Awa Traoré');
      }
      await web.get('/my/registrations');
      const post = await web.post(`${base()}/coverage`, { currency: 'USD' });
      expect(post.status).toBe(404);
      const add = await web.post(`${base()}/${awaReg}/items`, {
        kind: 'other',
        amount: '9999',
        currency: 'EUR',
      });
      expect(add.status).toBe(404);
    }
    const anonymous = await t.http().get(base());
    expect([302, 303, 401]).toContain(anonymous.status);
    const costs = await t
      .http()
      .get(`/api/registrations/${awaReg}/costs`)
      .set(admin.auth)
      .expect(200);
    expect(costs.body.items.map((i: { amountMinor: number }) => i.amountMinor).sort()).toEqual([
      64550, 77000,
    ]);
    expect(costs.body.coverage.currency).toBe('EUR');
  });
});
