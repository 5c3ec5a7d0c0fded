import { mkdirSync, writeFileSync } from 'node:fs';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { seed } from '../scripts/seed.js';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { DEMO_LETTER_SETTINGS } from '../scripts/seed/seed-letters.js';
import { pdfText } from './support/pdf-text.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Where the demo letters are left to be looked at (pdftoppm -png -r 60). */
const OUT = 'var/test-letters';

describe('letter demo seed: Tangier 2027 letters look like a consulate expects', () => {
  let t: TestApp;
  let ds: DataSource;
  let eventId: string;
  let auth: { Authorization: string };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    t = await startTestApp('visa_letter_seed');
    ds = t.app.get(DataSource);
    await seed(t.config);
    [{ id: eventId }] = await ds.query(`SELECT id FROM events WHERE slug = $1`, [DEMO_EVENT.slug]);
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_ORGANISER.email, password: DEMO_PASSWORD })
      .expect(200);
    auth = { Authorization: `Bearer ${res.body.accessToken}` };
  }, 180_000);
  afterAll(() => t.close());

  it('seeds the host partner’s letterhead, logo and signature once, and changes nothing when run again', async () => {
    const settings = await t
      .http()
      .get(`/api/events/${eventId}/letter-settings`)
      .set(auth)
      .expect(200);
    expect(settings.body).toMatchObject({
      orgName: DEMO_LETTER_SETTINGS.orgName,
      signatoryName: DEMO_LETTER_SETTINGS.signatoryName,
      logo: { contentType: 'image/png' },
      signature: { contentType: 'image/png' },
      bilingual: true,
      hostLanguage: 'fr',
    });
    const before = await ds.query(
      `SELECT registration_id, birth_date_encrypted FROM travel_plans ORDER BY registration_id`,
    );
    await seed(t.config);
    expect(
      await ds.query(
        `SELECT registration_id, birth_date_encrypted FROM travel_plans ORDER BY registration_id`,
      ),
    ).toEqual(before);
  }, 180_000);

  it('gives issued letters a date of birth, passport issue date and consulate', async () => {
    const [lucia] = (await ds.query(
      `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE a.name = 'Lucía Quispe' AND r.event_id = $1`,
      [eventId],
    )) as Array<{ id: string }>;
    const res = await t
      .http()
      .get(`/api/registrations/${lucia.id}/visa-letter.pdf`)
      .set(auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    writeFileSync(`${OUT}/demo-lucia-es-fr.pdf`, res.body);
    const text = pdfText(res.body).replace(/\s+/g, ' ');
    expect(text).toContain('Association Mères et Enfants de Tanger');
    expect(text).toContain('جمعية الأمهات والأطفال بطنجة');
    expect(text).toContain(
      'A la atención del Consulado General del Reino de Marruecos en Lima (Perú)',
    );
    expect(text).toContain("À l'attention du Consulat général du Royaume du Maroc à Lima (Pérou)");
    expect(text).toMatch(/Fecha de nacimiento: \d{1,2} de \S+ de 19\d\d/);
    expect(text).toMatch(/Fecha de expedición del pasaporte: \d{1,2} de \S+ de 20\d\d/);
    expect(text).toContain('Samira El Amrani');
    expect(text).toMatch(/Ref\.: TNG27-\d{4}/);
  });
});
