import { mkdirSync, writeFileSync } from 'node:fs';
import pngjs from 'pngjs';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { pdfInfo, pdfText } from './support/pdf-text.js';
import { decodePdfQrCode, verifyPath } from './support/qr-decode.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/** supertest buffers application/pdf only when asked to. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A small PNG: a filled square (logo) or a slanted stroke (signature). */
function png(kind: 'logo' | 'signature'): string {
  const { PNG } = pngjs;
  const w = kind === 'logo' ? 48 : 160;
  const h = 48;
  const image = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const ink =
        kind === 'logo'
          ? (x - 24) ** 2 + (y - 24) ** 2 < 400
          : Math.abs(y - 40 + x / 4) < 2 || Math.abs(y - 10 - x / 8) < 1.5;
      image.data[o] = ink ? (kind === 'logo' ? 20 : 10) : 255;
      image.data[o + 1] = ink ? (kind === 'logo' ? 90 : 10) : 255;
      image.data[o + 2] = ink ? (kind === 'logo' ? 60 : 120) : 255;
      image.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(image).toString('base64');
}

/** Ten PDFs, five sign-ups: minutes on a shared, busy machine. */
const SLOW = 300_000;

/** Lines wrap where the page ends: compare words, not line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Where the letters are left to be looked at (pdftoppm -png -r 60). */
const OUT = 'var/test-letters';

const SETTINGS = {
  orgName: 'Association Darna Tanger',
  orgAddress: 'جمعية دارنا طنجة\n23, rue de la Liberté\n90000 Tanger, Maroc',
  orgPhone: '+212 539 94 00 00',
  orgEmail: 'contact@darna-tanger.ma',
  signatoryName: 'Fatima Zahra El Amrani',
  signatoryTitle: 'Présidente',
  consulateWording: {
    fr: 'Consulat général du Royaume du Maroc',
    en: 'Consulate General of the Kingdom of Morocco',
    es: 'Consulado General del Reino de Marruecos',
  },
  bilingual: false,
  coverage: {
    travel: 'organisers',
    accommodation: 'organisers',
    meals: 'organisers',
    visaFees: 'participant',
  },
  stayAddress: 'Hôtel Continental, 36 rue Dar Baroud, 90000 Tanger',
};

describe('invitation letters a consulate accepts', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let eventId: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};

  const letter = (who: Session, reg: string) =>
    t
      .http()
      .get(`/api/registrations/${reg}/visa-letter.pdf`)
      .set(who.auth)
      .buffer(true)
      .parse(binary);

  interface Person {
    key: string;
    name: string;
    locale: string;
    organisation: string;
    country: string;
    passport: { nationality: string; number: string; expiresOn: string };
    consulate: { consulateCountry: string; consulateCity: string };
  }

  const PEOPLE: Person[] = [
    {
      key: 'mohamed',
      name: 'محمد بن عبد الله',
      locale: 'fr',
      organisation: 'جمعية الأمل للتنمية',
      country: 'EG',
      passport: { nationality: 'EG', number: 'A12345678', expiresOn: '2031-05-31' },
      consulate: { consulateCountry: 'EG', consulateCity: 'Le Caire' },
    },
    {
      key: 'sophea',
      name: 'សុខ សុភា',
      locale: 'en',
      organisation: 'មជ្ឈមណ្ឌល កុមារ សុខសាន្ត',
      country: 'KH',
      passport: { nationality: 'KH', number: 'N00998877', expiresOn: '2030-12-31' },
      consulate: { consulateCountry: 'TH', consulateCity: 'Bangkok' },
    },
    {
      key: 'khai',
      name: 'Nguyễn Thị Minh Khai-Hằng',
      locale: 'en',
      organisation: 'Trung tâm Công tác Xã hội Hà Nội',
      country: 'VN',
      passport: { nationality: 'VN', number: 'C4455667', expiresOn: '2032-01-15' },
      consulate: { consulateCountry: 'VN', consulateCity: 'Hanoi' },
    },
    {
      key: 'lucia',
      name: 'Lucía Peña Ibáñez',
      locale: 'es',
      organisation: 'Fundación Niñez y Esperanza',
      country: 'PE',
      passport: { nationality: 'PE', number: 'P0099887', expiresOn: '2030-06-30' },
      consulate: { consulateCountry: 'ES', consulateCity: 'Madrid' },
    },
    {
      key: 'eloise',
      name: 'Éloïse Lefèvre-Dürr',
      locale: 'fr',
      organisation: 'Maison des Familles de Genève',
      country: 'CH',
      passport: { nationality: 'CD', number: 'OP7766554', expiresOn: '2031-09-30' },
      consulate: { consulateCountry: 'CD', consulateCity: 'Kinshasa' },
    },
  ];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    t = await startTestApp('visa_letter_consulate');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali' });
    eventId = (
      await createEvent(t, admin, {
        name: 'Communities of Practice — Tangier 2027',
        venue: { name: 'Hôtel Continental', city: 'Tanger', country: 'MA' },
      })
    ).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    for (const p of PEOPLE) {
      const org = await createOrganisation(t, admin, { name: p.organisation, country: p.country });
      people[p.key] = await signup(t, { name: p.name, locale: p.locale });
      const reg = await t
        .http()
        .post(`/api/events/${eventId}/registrations`)
        .set(people[p.key].auth)
        .send(registrationBody(org.id))
        .expect(201);
      regs[p.key] = reg.body.id;
      await t
        .http()
        .put(`/api/registrations/${regs[p.key]}/travel`)
        .set(people[p.key].auth)
        .send({ passport: p.passport })
        .expect(200);
    }
  }, SLOW);
  afterAll(() => t.close());

  describe('letter settings', () => {
    it('are the organisers’ only: a participant, a stranger and another event’s organiser are refused', async () => {
      const other = await signup(t, { name: 'Other Organiser' });
      const another = await createEvent(t, admin, { name: 'Another meeting' });
      await t
        .http()
        .post(`/api/events/${another.id}/staff`)
        .set(admin.auth)
        .send({ accountId: other.id, role: 'organiser' })
        .expect(201);
      for (const who of [people.mohamed, other]) {
        await t
          .http()
          .get(`/api/events/${eventId}/letter-settings`)
          .set(who.auth)
          .expect((res) => expect([403, 404]).toContain(res.status));
        await t
          .http()
          .put(`/api/events/${eventId}/letter-settings`)
          .set(who.auth)
          .send(SETTINGS)
          .expect((res) => expect([403, 404]).toContain(res.status));
      }
      await t.http().get(`/api/events/${eventId}/letter-settings`).expect(401);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM event_letter_settings`);
      expect(n).toBe(0);
    });

    it('check uploaded images by their bytes and size, naming the field', async () => {
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
      const wrongType = await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send({ ...SETTINGS, logo: { contentType: 'image/png', data: gif } })
        .expect(400);
      expect(wrongType.body.details).toMatchObject({ field: 'logo', code: 'image_type' });
      const big = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(600 * 1024),
      ]).toString('base64');
      const tooLarge = await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send({ ...SETTINGS, signature: { contentType: 'image/png', data: big } })
        .expect((res) => expect([400, 413]).toContain(res.status));
      if (tooLarge.status === 400) {
        expect(tooLarge.body.details).toMatchObject({
          field: 'signature',
          code: 'image_too_large',
        });
      }
      const broken = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      const unreadable = await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send({ ...SETTINGS, logo: { contentType: 'image/png', data: broken.toString('base64') } })
        .expect(400);
      expect(unreadable.body.details).toMatchObject({ field: 'logo', code: 'image_unreadable' });
      const badPayer = await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send({ ...SETTINGS, coverage: { travel: 'santa' } })
        .expect(400);
      expect(JSON.stringify(badPayer.body)).toMatch(/coverage\.travel/);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM event_letter_settings`);
      expect(n).toBe(0);
    });

    it('are saved with the logo and signature as bytes, and read back without them', async () => {
      const res = await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send({
          ...SETTINGS,
          logo: { contentType: 'image/png', data: png('logo') },
          signature: { contentType: 'image/png', data: png('signature') },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        orgName: SETTINGS.orgName,
        signatoryName: 'Fatima Zahra El Amrani',
        hostLanguage: 'fr',
        logo: { contentType: 'image/png' },
        signature: { contentType: 'image/png' },
        coverage: SETTINGS.coverage,
      });
      // Saving again without images keeps them.
      const again = await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send(SETTINGS)
        .expect(200);
      expect(again.body.logo).toEqual(res.body.logo);
      const [row] = await ds.query(
        `SELECT octet_length(logo) AS logo, octet_length(signature) AS signature FROM event_letter_settings`,
      );
      expect(row.logo).toBe(res.body.logo.bytes);
      expect(row.signature).toBeGreaterThan(100);
    });
  });

  describe('asking for a letter', () => {
    it('takes date of birth, passport issue date and consulate, checked field by field', async () => {
      const bad = await t
        .http()
        .put(`/api/registrations/${regs.mohamed}/visa-letter-request`)
        .set(people.mohamed.auth)
        .send({ birthDate: '12/04/1988', passportIssuedOn: '2022-02-01', consulateCountry: 'EG' })
        .expect(400);
      expect(JSON.stringify(bad.body)).toMatch(/birthDate/);
      expect(JSON.stringify(bad.body)).toMatch(/consulateCity/);
      const future = await t
        .http()
        .put(`/api/registrations/${regs.mohamed}/visa-letter-request`)
        .set(people.mohamed.auth)
        .send({
          birthDate: '1988-04-12',
          passportIssuedOn: '2099-02-01',
          consulateCountry: 'EG',
          consulateCity: 'Le Caire',
        })
        .expect(400);
      expect(future.body.details).toMatchObject({ field: 'passportIssuedOn' });
    });

    it('is another participant’s: 404, and nothing changes', async () => {
      await t
        .http()
        .get(`/api/registrations/${regs.mohamed}/visa-letter-request`)
        .set(people.lucia.auth)
        .expect(404);
      await t
        .http()
        .put(`/api/registrations/${regs.mohamed}/visa-letter-request`)
        .set(people.lucia.auth)
        .send({
          birthDate: '1990-01-01',
          passportIssuedOn: '2020-01-01',
          consulateCountry: 'ES',
          consulateCity: 'Madrid',
        })
        .expect(404);
      const [row] = await ds.query(
        `SELECT birth_date_encrypted FROM travel_plans WHERE registration_id = $1`,
        [regs.mohamed],
      );
      expect(row.birth_date_encrypted).toBeNull();
    });

    it('stores date of birth and issue date encrypted, and asks for the letter', async () => {
      for (const [i, p] of PEOPLE.entries()) {
        const res = await t
          .http()
          .put(`/api/registrations/${regs[p.key]}/visa-letter-request`)
          .set(people[p.key].auth)
          .send({
            birthDate: `198${i}-04-1${i}`,
            passportIssuedOn: `202${i}-02-0${i + 1}`,
            ...p.consulate,
          })
          .expect(200);
        expect(res.body).toMatchObject({
          birthDate: `198${i}-04-1${i}`,
          passportIssuedOn: `202${i}-02-0${i + 1}`,
          consulate: { country: p.consulate.consulateCountry, city: p.consulate.consulateCity },
          visaStatus: 'letter_requested',
          complete: true,
        });
      }
      const rows = (await ds.query(
        `SELECT birth_date_encrypted, passport_issued_on_encrypted FROM travel_plans WHERE registration_id = $1`,
        [regs.mohamed],
      )) as Array<{ birth_date_encrypted: string; passport_issued_on_encrypted: string }>;
      expect(rows[0].birth_date_encrypted).toMatch(/^v1\./);
      expect(rows[0].passport_issued_on_encrypted).toMatch(/^v1\./);
      const raw = JSON.stringify(
        await ds.query(`SELECT * FROM travel_plans WHERE registration_id = $1`, [regs.mohamed]),
      );
      expect(raw).not.toContain('1980-04-10');
      expect(raw).not.toContain('2020-02-01');
    });
  });

  describe('pages', () => {
    const web = async (who: Session) => {
      const client = new WebClient(t);
      await client.signIn(who.email, 'a-long-password');
      return client;
    };

    it('ask the participant for the letter details on the travel page, errors by the field', async () => {
      const eloise = await web(people.eloise);
      const path = `/my/registrations/${regs.eloise}/travel`;
      const page = await eloise.get(`${path}?lang=fr`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Informations pour votre lettre d’invitation');
      const future = await eloise.post(`${path}/letter-details`, {
        birthDate: '1984-04-14',
        passportIssuedOn: '2099-01-01',
        consulateCountry: 'CD',
        consulateCity: 'Kinshasa',
      });
      expect(future.status).toBe(400);
      expect(future.text).toContain(
        'Indiquez la date de délivrance du passeport : pas dans le futur, et avant son expiration.',
      );
      expect(future.text).toContain('value="1984-04-14"');
      const missing = await eloise.post(`${path}/letter-details`, { birthDate: '1984-04-14' });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('Indiquez la ville du consulat.');
      const saved = await eloise.post(`${path}/letter-details`, {
        birthDate: '1984-04-14',
        passportIssuedOn: '2024-02-05',
        consulateCountry: 'CD',
        consulateCity: 'Kinshasa',
      });
      expect(saved.status).toBe(303);
      const after = await eloise.get(path);
      expect(after.text).toContain('Les informations de votre lettre sont enregistrées.');
      expect(after.text).toContain('Kinshasa (Congo-Kinshasa)');
    });

    it('refuse another participant the travel page and its letter form', async () => {
      const lucia = await web(people.lucia);
      await lucia.get(`/my/registrations/${regs.lucia}/travel`);
      const path = `/my/registrations/${regs.eloise}/travel`;
      expect((await lucia.get(path)).status).toBe(404);
      const post = await lucia.post(`${path}/letter-details`, {
        birthDate: '1990-01-01',
        passportIssuedOn: '2020-01-01',
        consulateCountry: 'ES',
        consulateCity: 'Madrid',
      });
      expect(post.status).toBe(404);
      expect((await lucia.get(`/console/events/${eventId}/letter`)).status).toBe(404);
    });

    it('give organisers the letter settings page, which refuses a GIF by the field', async () => {
      const nadia = await web(organiser);
      const page = await nadia.get(`/console/events/${eventId}/letter?lang=fr`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('value="Association Darna Tanger"');
      expect(page.text).toContain('enctype="multipart/form-data"');
      const res = await t
        .http()
        .post(`/console/events/${eventId}/letter`)
        .set({
          cookie: `${['cv_session', 'cv_visitor', 'cv_lang']
            .map((n) => (nadia.cookie(n) ? `${n}=${nadia.cookie(n)}` : ''))
            .filter(Boolean)
            .join('; ')}`,
        })
        .field('_csrf', nadia.csrf)
        .field('orgName', 'Association Darna Tanger')
        .field('signatoryName', 'Fatima Zahra El Amrani')
        .attach('logo', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), {
          filename: 'logo.gif',
          contentType: 'image/gif',
        });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Ce fichier n’est pas une image PNG ou JPEG.');
      expect(res.text).toContain('value="Fatima Zahra El Amrani"');
      const [row] = await ds.query(`SELECT signatory_name FROM event_letter_settings`);
      expect(row.signatory_name).toBe('Fatima Zahra El Amrani');
    });
  });

  describe('the letter', () => {
    const texts: Record<string, string> = {};
    const pdfs: Record<string, Buffer> = {};

    beforeAll(async () => {
      for (const p of PEOPLE) {
        await letter(organiser, regs[p.key]).expect(200);
        const res = await letter(people[p.key], regs[p.key]).expect(200);
        pdfs[p.key] = res.body;
        texts[p.key] = pdfText(res.body);
        writeFileSync(`${OUT}/${p.key}-${p.locale}.pdf`, res.body);
      }
    }, SLOW);

    it('gives back every name and organisation exactly as typed, in every script', () => {
      for (const p of PEOPLE) {
        expect(texts[p.key]).toContain(p.name);
        expect(texts[p.key]).toContain(p.organisation);
      }
    });

    it('carries letterhead, consulate, date of birth, passport dates, who pays, signatory and reference, in French', () => {
      const text = flat(texts.eloise);
      expect(text).toContain('Association Darna Tanger');
      expect(text).toContain('23, rue de la Liberté');
      expect(text).toContain('contact@darna-tanger.ma');
      expect(text).toContain(
        "À l'attention du Consulat général du Royaume du Maroc à Kinshasa (Congo-Kinshasa)",
      );
      expect(text).toMatch(/Tanger, le \d{1,2}(er)? \S+ 20\d\d/);
      expect(text).toContain('Date de naissance: 14 avril 1984');
      expect(text).toContain('Date de délivrance du passeport: 5 février 2024');
      expect(text).toContain("Date d'expiration du passeport: 30 septembre 2031");
      expect(text).toContain('Passeport n°: OP7766554');
      expect(text).toContain('Profession: Travailleur social / travailleuse sociale');
      expect(text).toContain("à l'Hôtel Continental, Tanger, Maroc");
      expect(text).toContain(
        "Association Darna Tanger prend en charge le voyage aller-retour, l'hébergement et les repas.",
      );
      expect(text).toContain('Restent à la charge de la personne invitée : les frais de visa.');
      expect(text).toContain('Hébergement: Hôtel Continental, 36 rue Dar Baroud, 90000 Tanger');
      expect(text).toContain('Fatima Zahra El Amrani');
      expect(text).toContain('Présidente');
      expect(text).toMatch(/Réf\. : TNG27-\d{4}/);
      expect(pdfInfo(pdfs.eloise, 'Author')).toBe('Fatima Zahra El Amrani');
    });

    it('names the city and consulate in Spanish and English', () => {
      expect(flat(texts.lucia)).toContain(
        'A la atención del Consulado General del Reino de Marruecos en Madrid (España)',
      );
      expect(texts.lucia).toMatch(/^Tánger, /m);
      expect(flat(texts.lucia)).toContain('en el Hôtel Continental, Tánger, Marruecos');
      expect(flat(texts.lucia)).toContain(
        'Corren a cargo de la persona invitada: las tasas de visado.',
      );
      expect(flat(texts.sophea)).toContain(
        'For the attention of the Consulate General of the Kingdom of Morocco in Bangkok (Thailand)',
      );
      expect(texts.sophea).toMatch(/^Tangier, /m);
    });

    it('is two pages when bilingual: the participant’s language, then French for Morocco', async () => {
      await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send({ ...SETTINGS, bilingual: true })
        .expect(200);
      const es = await letter(people.lucia, regs.lucia).expect(200);
      writeFileSync(`${OUT}/lucia-es-fr.pdf`, es.body);
      expect(es.body.toString('latin1')).toMatch(/\/Type \/Pages\s*\/Count 2\b/);
      const text = pdfText(es.body);
      expect(text.indexOf('Carta de invitación')).toBeLessThan(text.indexOf("Lettre d'invitation"));
      expect(text).toContain('Versión en español');
      expect(text).toContain('Version française');
      expect(text).toContain('Lucía Peña Ibáñez');
      const ar = await letter(people.mohamed, regs.mohamed).expect(200);
      writeFileSync(`${OUT}/mohamed-fr-bilingual.pdf`, ar.body);
      // A French speaker's letter is already in the host country's language: one page.
      expect(ar.body.toString('latin1')).toMatch(/\/Type \/Pages\s*\/Count 1\b/);
      await t
        .http()
        .put(`/api/events/${eventId}/letter-settings`)
        .set(organiser.auth)
        .send(SETTINGS)
        .expect(200);
    });

    it('says who pays from the finance coverage (with the participant’s exception) and where they stay from accommodation', async () => {
      await t
        .http()
        .put(`/api/events/${eventId}/cost-coverage`)
        .set(organiser.auth)
        .send({
          currency: 'EUR',
          travel: 'network',
          visaFees: 'participant',
          accommodation: 'network',
          meals: 'network',
          perDiem: 'network',
          perDiemDailyMinor: 2500,
          perDiemCurrency: 'EUR',
        })
        .expect(200);
      await t
        .http()
        .put(`/api/registrations/${regs.lucia}/cost-coverage`)
        .set(organiser.auth)
        .send({ travel: 'partner' })
        .expect(200);
      await t
        .http()
        .post(`/api/events/${eventId}/accommodation/hotels`)
        .set(organiser.auth)
        .send({ name: 'Hôtel Rembrandt', address: 'Boulevard Mohammed V', city: 'Tanger' })
        .expect(201);
      const res = await letter(people.lucia, regs.lucia).expect(200);
      writeFileSync(`${OUT}/lucia-es-finance.pdf`, res.body);
      const text = flat(pdfText(res.body));
      expect(text).toContain(
        'Association Darna Tanger cubre el alojamiento, las comidas y una dieta diaria (per diem).',
      );
      expect(text).toContain('Fundación Niñez y Esperanza cubre el viaje de ida y vuelta.');
      expect(text).toContain('Corren a cargo de la persona invitada: las tasas de visado.');
      expect(text).toMatch(
        /Alojamiento: Hôtel Rembrandt, Boulevard Mohammed V, Tánger \(del \d+ de octubre de 2027 al \d+ de octubre de 2027\)/,
      );
      const fr = flat(pdfText((await letter(people.eloise, regs.eloise).expect(200)).body));
      expect(fr).toContain(
        "Association Darna Tanger prend en charge le voyage aller-retour, l'hébergement, les repas et une indemnité journalière (per diem).",
      );
    });

    it('is refused to another participant', async () => {
      await letter(people.sophea, regs.mohamed).expect(404);
    });

    it('carries a QR code to its verification URL, valid until the registration is cancelled', async () => {
      const url = decodePdfQrCode(pdfs.khai);
      expect(texts.khai.replace(/\s+/g, '')).toContain(url);
      const path = verifyPath(url);
      const code = path.split('/').pop()!;
      const valid = await t.http().get(`/api/verify/${code}`).expect(200);
      expect(valid.body).toMatchObject({
        status: 'valid',
        holder: { name: 'Nguyễn Thị Minh Khai-Hằng', passportLastFour: '5667' },
      });
      await t
        .http()
        .post(`/api/registrations/${regs.khai}/cancel`)
        .set(people.khai.auth)
        .send({})
        .expect(200);
      const revoked = await t.http().get(`/api/verify/${code}`).expect(200);
      expect(revoked.body.status).toBe('revoked');
      const page = await t.http().get(path).expect(200);
      expect(page.text).toContain('Nguyễn Thị Minh Khai-Hằng');
      expect(page.text).not.toMatch(/badge good/);
    });
  });

  it('erases date of birth, issue date and consulate with the passport', async () => {
    await t.http().delete('/api/me').set(people.sophea.auth).expect(204);
    const [row] = await ds.query(
      `SELECT passport_number_encrypted, birth_date_encrypted, passport_issued_on_encrypted,
              consulate_country, consulate_city
         FROM travel_plans WHERE registration_id = $1`,
      [regs.sophea],
    );
    expect(row).toEqual({
      passport_number_encrypted: null,
      birth_date_encrypted: null,
      passport_issued_on_encrypted: null,
      consulate_country: null,
      consulate_city: null,
    });
  });
});
