import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqr from 'jsqr';
import type { Response } from 'supertest';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { pdfText } from './support/pdf-text.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** jsqr is CommonJS with a `default` export; under ESM that lands one level down. */
const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as typeof jsqr.default;

/** The text of the QR code on a PDF's first page, read from a rendering by a QR reader. */
function readQr(pdf: Buffer): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '150',
      '-singlefile',
      join(dir, 'doc.pdf'),
      join(dir, 'page'),
    ]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const gray = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba.fill(gray[i], i * 4, i * 4 + 3);
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, width, height)?.data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names as people type them, in the scripts of the network's countries. */
const PEOPLE = [
  { key: 'arabic-fr', name: 'محمد بن عبد الرحمن الإدريسي', locale: 'fr', nationality: 'MA' },
  { key: 'arabic-es', name: 'محمد بن عبد الرحمن الإدريسي', locale: 'es', nationality: 'MA' },
  { key: 'khmer', name: 'សុខ ចាន់ធីតា', locale: 'en', nationality: 'KH' },
  { key: 'vietnamese', name: 'Nguyễn Thị Minh Khai-Hằng', locale: 'fr', nationality: 'VN' },
  { key: 'spanish', name: 'María Lucía Fernández', locale: 'es', nationality: 'PE' },
];

describe('every script in the invitation letter', () => {
  let t: TestApp;
  let organiser: Session;
  const letters: Record<string, string> = {};
  const pdfs: Record<string, Buffer> = {};
  const people: Record<string, Session & { registrationId: string }> = {};

  beforeAll(async () => {
    t = await startTestApp('documents_scripts');
    const admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali' });
    const orgId = (
      await createOrganisation(t, admin, { name: 'جمعية الأمل للتنمية', country: 'MA' })
    ).id;
    const eventId = (
      await createEvent(t, admin, {
        name: 'Communities of Practice — Tangier 2027',
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
      .send({ visaRequiredFor: ['MA', 'KH', 'VN', 'PE'] })
      .expect(200);
    for (const [i, p] of PEOPLE.entries()) {
      const who = await signup(t, { name: p.name, locale: p.locale });
      const reg = await t
        .http()
        .post(`/api/events/${eventId}/registrations`)
        .set(who.auth)
        .send(registrationBody(orgId))
        .expect(201);
      await t
        .http()
        .put(`/api/registrations/${reg.body.id}/travel`)
        .set(who.auth)
        .send({
          passport: {
            nationality: p.nationality,
            number: `X${1000000 + i}`,
            expiresOn: '2031-01-31',
          },
        })
        .expect(200);
      const res = await t
        .http()
        .get(`/api/registrations/${reg.body.id}/visa-letter.pdf`)
        .set(organiser.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      if (process.env.LETTERS_OUT)
        writeFileSync(`${process.env.LETTERS_OUT}/${p.key}.pdf`, res.body);
      letters[p.key] = pdfText(res.body);
      pdfs[p.key] = res.body;
      people[p.key] = { ...who, registrationId: reg.body.id };
    }
  });
  afterAll(() => t.close());

  it.each(PEOPLE)('prints $key names exactly as typed, where pdftotext reads them back', (p) => {
    const label = { fr: 'Nom', en: 'Name', es: 'Nombre' }[p.locale];
    expect(letters[p.key].split('\n')).toContain(`${label}: ${p.name}`);
    expect(letters[p.key]).not.toContain('?');
  });

  it('keeps an Arabic organisation name whole next to its Latin country', () => {
    // Noto draws medial ت and ي (initial ج and ح) with one glyph: the text must still read back.
    expect(letters['arabic-fr']).toContain('جمعية الأمل للتنمية');
    expect(letters['arabic-fr']).toMatch(/^Organisation: .*Maroc\)$/m);
    expect(letters['arabic-es']).toContain('جمعية الأمل للتنمية');
  });

  it('names the city in the letter’s language, and the venue with its article', () => {
    // "le 1er décembre" on the first of a month, "le 2 décembre" otherwise.
    expect(letters['arabic-fr']).toMatch(/^Tanger, le \d+(er)? \S+ \d{4}$/m);
    // Where the sentence wraps depends on the event's name: read it as one line.
    expect(letters['arabic-fr'].replace(/\s+/g, ' ')).toContain(
      "à l'Hôtel Continental, Tanger, Maroc",
    );
    expect(letters['arabic-es']).toMatch(/^Tánger, \d+ de \S+ de \d{4}$/m);
    expect(letters['arabic-es'].replace(/\s+/g, ' ')).toContain(
      'en el Hôtel Continental, Tánger, Marruecos',
    );
    expect(letters.khmer.replace(/\s+/g, ' ')).toContain(
      'at the Hôtel Continental, Tangier, Morocco',
    );
  });

  it('carries a human reference and a QR code to a verification page that says valid, then revoked once cancelled', async () => {
    const text = letters.spanish;
    expect(text).toMatch(/Referencia: TNG27-\d{4}\./);
    const url = readQr(pdfs.spanish);
    expect(url).toMatch(/\/verify\/[A-Za-z0-9_-]{22}$/);
    // The address is printed too, for whoever cannot scan.
    expect(text.replace(/\s+/g, '')).toContain(url);
    const code = url!.split('/').pop()!;
    const ok = await t.http().get(`/api/verify/${code}`).expect(200);
    expect(ok.body).toEqual({
      kind: 'invitation_letter',
      status: 'valid',
      reference: expect.stringMatching(/^TNG27-\d{4}$/),
      holder: { name: 'María Lucía Fernández', passportLastFour: expect.stringMatching(/^\d{4}$/) },
      event: {
        name: 'Communities of Practice — Tangier 2027',
        startDate: '2027-10-25',
        endDate: '2027-10-30',
        city: 'Tangier',
      },
    });
    expect(JSON.stringify(ok.body)).not.toMatch(/X100/);
    const page = await t.http().get(`/verify/${code}`).set('Accept-Language', 'es').expect(200);
    expect(page.text).toContain('Carta de invitación válida');
    expect(page.text).toContain('María Lucía Fernández');
    // The reference is stable: a second download prints the same one and the same code.
    const again = await t
      .http()
      .get(`/api/registrations/${people.spanish.registrationId}/visa-letter.pdf`)
      .set(organiser.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(readQr(again.body)).toBe(url);
    expect(pdfText(again.body)).toContain(ok.body.reference);
    await t
      .http()
      .post(`/api/registrations/${people.spanish.registrationId}/cancel`)
      .set(people.spanish.auth)
      .send({})
      .expect(200);
    const revoked = await t.http().get(`/api/verify/${code}`).expect(200);
    expect(revoked.body.status).toBe('revoked');
    const revokedPage = await t
      .http()
      .get(`/verify/${code}`)
      .set('Accept-Language', 'fr')
      .expect(200);
    expect(revokedPage.text).toContain("Lettre d'invitation révoquée");
  });

  it('gives each letter its own number and code, and knows no guessed code', async () => {
    const refs = Object.values(letters).map(
      (l) => /(?:Référence :|Reference:|Referencia:) (\S+)\./.exec(l)?.[1],
    );
    expect(new Set(refs).size).toBe(PEOPLE.length);
    const guessed = await t.http().get('/api/verify/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(guessed.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t.http().get('/api/verify/..%2F..%2Fetc').expect(404);
    await t.http().get('/verify/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
  });

  it('stops a client walking the code space: at most 30 lookups a minute', async () => {
    let last = 0;
    for (let i = 0; i < 40 && last !== 429; i++) {
      last = (await t.http().get(`/api/verify/${'B'.repeat(21)}${i % 10}`)).status;
    }
    expect(last).toBe(429);
    const res = await t.http().get('/api/verify/CCCCCCCCCCCCCCCCCCCCCC').expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });
});
