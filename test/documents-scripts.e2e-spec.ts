import { writeFileSync } from 'node:fs';
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
    expect(letters['arabic-fr']).toMatch(/^Tanger, le \d+ \S+ \d{4}$/m);
    expect(letters['arabic-fr']).toContain("à l'Hôtel Continental, Tanger, Maroc");
    expect(letters['arabic-es']).toMatch(/^Tánger, \d+ de \S+ de \d{4}$/m);
    expect(letters['arabic-es']).toContain('en el Hôtel Continental, Tánger, Marruecos');
    expect(letters.khmer.replace(/\s+/g, ' ')).toContain(
      'at the Hôtel Continental, Tangier, Morocco',
    );
  });
});
