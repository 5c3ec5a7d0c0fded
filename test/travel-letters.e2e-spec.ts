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
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** supertest buffers application/pdf only when asked to. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('visa invitation letters', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let eventId: string;
  let orgId: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};

  const letter = (who: Session, reg: string) =>
    t
      .http()
      .get(`/api/registrations/${reg}/visa-letter.pdf`)
      .set(who.auth)
      .buffer(true)
      .parse(binary);

  async function participant(key: string, name: string, locale: string, passport: object) {
    people[key] = await signup(t, { name, locale });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(orgId))
      .expect(201);
    regs[key] = reg.body.id;
    await t
      .http()
      .put(`/api/registrations/${regs[key]}/travel`)
      .set(people[key].auth)
      .send({ passport })
      .expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp('travel_letters');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali' });
    orgId = (
      await createOrganisation(t, admin, {
        name: 'Maison des Familles de Ouagadougou',
        country: 'BF',
      })
    ).id;
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
    await t
      .http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['BF', 'PE', 'CD'] })
      .expect(200);
    await participant('awa', 'Awa Traoré', 'fr', {
      nationality: 'BF',
      number: 'B7654321',
      expiresOn: '2031-01-31',
    });
    await participant('lucia', 'Lucía Quispe', 'es', {
      nationality: 'PE',
      number: 'P0099887',
      expiresOn: '2030-06-30',
    });
  });
  afterAll(() => t.close());

  const issuedRows = (reg: string) =>
    ds.query(
      `SELECT changed_by FROM visa_status_changes WHERE registration_id = $1 AND to_status = 'letter_issued'`,
      [reg],
    ) as Promise<Array<{ changed_by: string }>>;

  it('is not there for its holder until an organiser issues it', async () => {
    const res = await letter(people.awa, regs.awa).expect(409);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(JSON.parse(res.body.toString()).message).toMatch(/not issued your invitation letter/);
    expect(await issuedRows(regs.awa)).toHaveLength(0);
  });

  it('is issued once when organisers open it, even twice at the same time', async () => {
    const [first, second] = await Promise.all([
      letter(organiser, regs.awa).expect(200),
      letter(organiser, regs.awa).expect(200),
    ]);
    for (const res of [first, second]) {
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="invitation-letter-.*\.pdf"/,
      );
      expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    }
    await letter(organiser, regs.awa).expect(200);
    const issued = await issuedRows(regs.awa);
    expect(issued).toEqual([{ changed_by: organiser.id }]);
    const travel = await t
      .http()
      .get(`/api/registrations/${regs.awa}/travel`)
      .set(people.awa.auth)
      .expect(200);
    expect(travel.body.visa.status).toBe('letter_issued');
    expect(travel.body.visa.letterIssuedAt).toMatch(/\+00:00$/);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM messages WHERE template = 'visa_letter_issued' AND recipient_account_id = $1`,
      [people.awa.id],
    );
    expect(n).toBe(1);
  });

  it('says, in the participant’s French, who is invited to what, with the passport, signed by the organiser', async () => {
    const res = await letter(people.awa, regs.awa).expect(200);
    const pdf: Buffer = res.body;
    expect(pdf.length).toBeLessThan(40_000);
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Pages\s*\/Count 1\b/);
    // The one address in the letter is its verification page.
    expect([...pdfText(pdf).matchAll(/https?:\/\/\S+/g)].map((m) => m[0])).toEqual([
      expect.stringMatching(/\/verify\/[A-Za-z0-9_-]{22}$/),
    ]);
    const text = pdfText(pdf);
    expect(text).toContain("Lettre d'invitation");
    expect(text).toContain('Nom: Awa Traoré');
    expect(text).toContain('Organisation: Maison des Familles de Ouagadougou (Burkina Faso)');
    expect(text).toContain('Nationalité: Burkina Faso');
    expect(text).toContain('Passeport n°: B7654321');
    expect(text).toContain("Date d'expiration du passeport: 31 janvier 2031");
    expect(text).toContain('Événement: Communities of Practice — Tangier 2027');
    expect(text).toContain('Dates: du 25 octobre 2027 au 30 octobre 2027');
    expect(text).toContain('Lieu: Hôtel Continental, Tanger, Maroc');
    expect(text).toContain('Nadia Benali');
    expect(text).toMatch(/Référence : TNG27-\d{4}\./);
    expect(pdfInfo(pdf, 'Title')).toBe("Lettre d'invitation — Awa Traoré");
    expect(pdfInfo(pdf, 'Subject')).toBe('Communities of Practice — Tangier 2027');
    expect(pdfInfo(pdf, 'Author')).toBe('Nadia Benali');
  });

  it('is written in Spanish for a Spanish speaker, and never for another participant', async () => {
    await letter(people.awa, regs.lucia).expect(404);
    await letter(organiser, regs.lucia).expect(200);
    const res = await letter(people.lucia, regs.lucia).expect(200);
    const text = pdfText(res.body);
    expect(text).toContain('Carta de invitación');
    expect(text).toContain('Nombre: Lucía Quispe');
    expect(text).toContain('Pasaporte n.º: P0099887');
    expect(text).toContain('Nacionalidad: Perú');
    expect(text).not.toContain('B7654321');
    expect(pdfInfo(res.body, 'Title')).toBe('Carta de invitación — Lucía Quispe');
  });

  it('is issued once when two organisers open it at the same time, and both copies carry one signature', async () => {
    const second = await signup(t, { name: 'Karim Alaoui' });
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: second.id, role: 'organiser' })
      .expect(201);
    await participant('moussa', 'Moussa Ouédraogo', 'fr', {
      nationality: 'BF',
      number: 'B1122334',
      expiresOn: '2032-03-31',
    });
    const [a, b] = await Promise.all([
      letter(organiser, regs.moussa).expect(200),
      letter(second, regs.moussa).expect(200),
    ]);
    const issued = await issuedRows(regs.moussa);
    expect(issued).toHaveLength(1);
    const [signer, notSigner] =
      issued[0].changed_by === organiser.id
        ? ['Nadia Benali', 'Karim Alaoui']
        : ['Karim Alaoui', 'Nadia Benali'];
    for (const res of [a, b]) {
      expect(pdfInfo(res.body, 'Author')).toBe(signer);
      expect(pdfText(res.body)).not.toContain(notSigner);
    }
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM messages WHERE template = 'visa_letter_issued' AND recipient_account_id = $1`,
      [people.moussa.id],
    );
    expect(n).toBe(1);
  });

  it('numbers letters issued at the same moment one after another, none twice', async () => {
    const keys = Array.from({ length: 8 }, (_, i) => `same-moment-${i}`);
    for (const [i, key] of keys.entries()) {
      await participant(key, `Participant ${i}`, 'fr', {
        nationality: 'BF',
        number: `B55500${i}`,
        expiresOn: '2032-01-31',
      });
    }
    const number = (ref: string | null) => Number(/-(\d+)$/.exec(ref ?? '')?.[1]);
    const before = (await ds.query(
      `SELECT letter_reference FROM travel_plans WHERE event_id = $1 AND letter_reference IS NOT NULL`,
      [eventId],
    )) as Array<{ letter_reference: string }>;
    const highest = Math.max(0, ...before.map((r) => number(r.letter_reference)));

    await Promise.all(keys.map((key) => letter(organiser, regs[key]).expect(200)));

    const refs = (await ds.query(
      `SELECT letter_reference FROM travel_plans WHERE registration_id = ANY($1::uuid[])`,
      [keys.map((key) => regs[key])],
    )) as Array<{ letter_reference: string | null }>;
    expect(refs.map((r) => number(r.letter_reference)).sort((x, y) => x - y)).toEqual(
      keys.map((_, i) => highest + 1 + i),
    );
  });

  it('needs a requested letter, a confirmed registration and a complete passport', async () => {
    const joseph = await signup(t, { name: 'Joseph Mukendi' });
    const reg = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(joseph.auth)
      .send(registrationBody(orgId))
      .expect(201);
    const none = await letter(organiser, reg.body.id).expect(409);
    expect(JSON.parse(none.body.toString()).message).toMatch(/letter_requested/);
    await t
      .http()
      .put(`/api/registrations/${reg.body.id}/travel`)
      .set(joseph.auth)
      .send({ passport: { nationality: 'CD' } })
      .expect(200);
    const incomplete = await letter(organiser, reg.body.id).expect(409);
    expect(JSON.parse(incomplete.body.toString()).details.fields).toEqual([
      'passport.number',
      'passport.expiresOn',
    ]);
    await t
      .http()
      .post(`/api/registrations/${reg.body.id}/cancel`)
      .set(joseph.auth)
      .send({})
      .expect(200);
    const cancelled = await letter(organiser, reg.body.id).expect(409);
    expect(JSON.parse(cancelled.body.toString()).details).toEqual({ status: 'cancelled' });
    expect(await issuedRows(reg.body.id)).toHaveLength(0);
  });
});
