import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { parseCsv } from './support/csv.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** supertest buffers a binary answer only when asked to. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

const COVERAGE = {
  currency: 'EUR',
  travel: 'network',
  visaFees: 'network',
  accommodation: 'network',
  meals: 'network',
  perDiem: 'network',
  perDiemDailyMinor: 3000,
  perDiemCurrency: 'EUR',
};

describe('finance: coverage, costs, receipts, rates and who sees them', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: Session;
  let awa: Session;
  let jean: Session;
  let host: Session;
  let facilitator: Session;
  let otherOrganiser: Session;
  let eventId: string;
  let awaReg: string;
  let jeanReg: string;

  beforeAll(async () => {
    t = await startTestApp('finance');
    admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali' });
    awa = await signup(t, { name: 'Awa Traoré' });
    jean = await signup(t, { name: 'Jean Mukendi' });
    host = await signup(t, { name: 'Host Person' });
    facilitator = await signup(t, { name: 'Facilitator Person' });
    otherOrganiser = await signup(t, { name: 'Other Organiser' });
    const bf = await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' });
    const cd = await createOrganisation(t, admin, { name: '=HYPERLINK("x")', country: 'CD' });
    eventId = (await createEvent(t, admin)).id;
    for (const [who, role] of [
      [organiser, 'organiser'],
      [host, 'host'],
      [facilitator, 'facilitator'],
    ] as const) {
      await t
        .http()
        .post(`/api/events/${eventId}/staff`)
        .set(admin.auth)
        .send({ accountId: who.id, role })
        .expect(201);
    }
    const other = await createEvent(t, admin);
    await t
      .http()
      .post(`/api/events/${other.id}/staff`)
      .set(admin.auth)
      .send({ accountId: otherOrganiser.id, role: 'organiser' })
      .expect(201);
    const register = async (who: Session, org: string) =>
      (
        await t
          .http()
          .post(`/api/events/${eventId}/registrations`)
          .set(who.auth)
          .send(registrationBody(org))
          .expect(201)
      ).body.id as string;
    awaReg = await register(awa, bf.id);
    jeanReg = await register(jean, cd.id);
  });
  afterAll(() => t.close());

  it('refuses a coverage with an unknown currency or payer, naming the field', async () => {
    const res = await t
      .http()
      .put(`/api/events/${eventId}/cost-coverage`)
      .set(organiser.auth)
      .send({ ...COVERAGE, currency: 'XYZ', travel: 'bank' })
      .expect(400);
    const fields = (res.body.details.fields as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['currency', 'travel']));
    await t
      .http()
      .put(`/api/events/${eventId}/cost-coverage`)
      .set(organiser.auth)
      .send({ ...COVERAGE, perDiemDailyMinor: 30.5 })
      .expect(400);
  });

  it("sets the event's coverage; a participant sees theirs with per diem days from the dates", async () => {
    const set = await t
      .http()
      .put(`/api/events/${eventId}/cost-coverage`)
      .set(organiser.auth)
      .send(COVERAGE)
      .expect(200);
    expect(set.body).toMatchObject({ configured: true, currency: 'EUR' });

    const mine = await t.http().get(`/api/registrations/${awaReg}/costs`).set(awa.auth).expect(200);
    expect(mine.body.coverage.travel).toEqual({ payer: 'network', overridden: false });
    // The event runs 2027-10-25 to 30: five nights, six days of per diem at 30.00 EUR.
    expect(mine.body.stay).toMatchObject({
      checkIn: '2027-10-25',
      checkOut: '2027-10-30',
      nights: 5,
    });
    expect(mine.body.perDiem).toMatchObject({ days: 6, dailyMinor: 3000, amountMinor: 18000 });
    expect(mine.body.totals).toMatchObject({
      currency: 'EUR',
      networkBearsMinor: 18000,
      toReimburseMinor: 18000,
    });
  });

  it('counts nights from the flights once they are known', async () => {
    await t
      .http()
      .put(`/api/registrations/${awaReg}/travel`)
      .set(awa.auth)
      .send({
        arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T14:05' },
        departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-31T09:00' },
      })
      .expect(200);
    const mine = await t.http().get(`/api/registrations/${awaReg}/costs`).set(awa.auth).expect(200);
    expect(mine.body.stay).toMatchObject({
      checkIn: '2027-10-24',
      checkOut: '2027-10-31',
      nights: 7,
    });
    expect(mine.body.perDiem).toMatchObject({ days: 8, amountMinor: 24000 });
  });

  let flightId: string;
  let visaId: string;

  it('records costs in several currencies and converts them at the recorded rate only', async () => {
    const flight = await t
      .http()
      .post(`/api/registrations/${awaReg}/costs`)
      .set(organiser.auth)
      .send({ kind: 'flight', description: 'AT571/AT570', amountMinor: 64550, currency: 'EUR' })
      .expect(201);
    expect(flight.body).toMatchObject({
      payer: 'network',
      advancedBy: 'network',
      status: 'to_pay',
    });
    flightId = flight.body.id;
    const visa = await t
      .http()
      .post(`/api/registrations/${awaReg}/costs`)
      .set(organiser.auth)
      .send({ kind: 'visa_fee', amountMinor: 77000, currency: 'MAD', advancedBy: 'participant' })
      .expect(201);
    visaId = visa.body.id;
    expect(visa.body.eventAmountMinor).toBeNull();

    let mine = await t.http().get(`/api/registrations/${awaReg}/costs`).set(awa.auth).expect(200);
    expect(mine.body.totals.missingRates).toEqual(['MAD']);
    expect(mine.body.totals.networkBearsMinor).toBe(64550 + 24000);

    await t
      .http()
      .put(`/api/events/${eventId}/currency-rates/MAD`)
      .set(organiser.auth)
      .send({ rate: 'ten' })
      .expect(400);
    await t
      .http()
      .put(`/api/events/${eventId}/currency-rates/QQQ`)
      .set(organiser.auth)
      .send({ rate: '1' })
      .expect(400);
    await t
      .http()
      .put(`/api/events/${eventId}/currency-rates/MAD`)
      .set(organiser.auth)
      .send({ rate: '0.0925' })
      .expect(200);
    mine = await t.http().get(`/api/registrations/${awaReg}/costs`).set(awa.auth).expect(200);
    // 770.00 MAD at 0.0925 = 71.225 EUR -> 71.23 (half away from zero), in integer cents.
    expect(mine.body.items.find((i: { id: string }) => i.id === visaId).eventAmountMinor).toBe(
      7123,
    );
    expect(mine.body.totals).toMatchObject({
      missingRates: [],
      networkBearsMinor: 64550 + 7123 + 24000,
      toReimburseMinor: 7123 + 24000,
    });
  });

  it('moves statuses with who and when, refusing moves that make no sense', async () => {
    await t
      .http()
      .post(`/api/cost-items/${flightId}/status`)
      .set(organiser.auth)
      .send({ status: 'reimbursed' })
      .expect(409)
      .expect((r) => expect(r.body.details.reason).toBe('booked_by_network'));
    await t
      .http()
      .post(`/api/cost-items/${visaId}/status`)
      .set(organiser.auth)
      .send({ status: 'paid' })
      .expect(409);
    await t
      .http()
      .post(`/api/cost-items/${flightId}/status`)
      .set(organiser.auth)
      .send({ status: 'settled' })
      .expect(400);
    const paid = await t
      .http()
      .post(`/api/cost-items/${flightId}/status`)
      .set(organiser.auth)
      .send({ status: 'paid', note: 'Invoice RAM-2027-118' })
      .expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', statusChangedBy: 'Nadia Benali' });
    expect(paid.body.history.map((h: { to: string }) => h.to)).toEqual(['to_pay', 'paid']);
    expect(paid.body.history[1]).toMatchObject({ from: 'to_pay', changedBy: 'Nadia Benali' });
    // A paid line's amount is on record: changing it needs a move back first.
    await t
      .http()
      .patch(`/api/cost-items/${flightId}`)
      .set(organiser.auth)
      .send({ amountMinor: 1 })
      .expect(409);
    await t
      .http()
      .post(`/api/cost-items/${visaId}/status`)
      .set(organiser.auth)
      .send({ status: 'reimbursed' })
      .expect(200);
    const mine = await t.http().get(`/api/registrations/${awaReg}/costs`).set(awa.auth).expect(200);
    expect(mine.body.totals).toMatchObject({
      settledMinor: 64550 + 7123,
      outstandingMinor: 24000,
      toReimburseMinor: 24000,
    });
  });

  it('records the per diem as a line that can be marked paid', async () => {
    const line = await t
      .http()
      .post(`/api/registrations/${awaReg}/costs/per-diem`)
      .set(organiser.auth)
      .expect(201);
    expect(line.body).toMatchObject({ kind: 'per_diem', amountMinor: 24000, currency: 'EUR' });
    await t
      .http()
      .post(`/api/cost-items/${line.body.id}/status`)
      .set(organiser.auth)
      .send({ status: 'paid' })
      .expect(200);
    const mine = await t.http().get(`/api/registrations/${awaReg}/costs`).set(awa.auth).expect(200);
    expect(mine.body.perDiem.itemId).toBe(line.body.id);
    expect(mine.body.totals).toMatchObject({ outstandingMinor: 0, toReimburseMinor: 0 });
  });

  it("follows a participant's exception: the partner pays Jean's travel", async () => {
    await t
      .http()
      .put(`/api/registrations/${jeanReg}/cost-coverage`)
      .set(organiser.auth)
      .send({ travel: 'partner', perDiemDays: 3, note: 'Flights paid by his organisation' })
      .expect(200)
      .expect((r) => expect(r.body.travel).toEqual({ payer: 'partner', overridden: true }));
    const flight = await t
      .http()
      .post(`/api/registrations/${jeanReg}/costs`)
      .set(organiser.auth)
      .send({ kind: 'flight', amountMinor: 89000, currency: 'EUR' })
      .expect(201);
    expect(flight.body).toMatchObject({ payer: 'partner', status: null });
    await t
      .http()
      .post(`/api/cost-items/${flight.body.id}/status`)
      .set(organiser.auth)
      .send({ status: 'paid' })
      .expect(409)
      .expect((r) => expect(r.body.details.reason).toBe('not_borne_by_network'));
    const his = await t
      .http()
      .get(`/api/registrations/${jeanReg}/costs`)
      .set(jean.auth)
      .expect(200);
    expect(his.body.perDiem).toMatchObject({ days: 3, daysSetByHand: true, amountMinor: 9000 });
    expect(his.body.totals.networkBearsMinor).toBe(9000);
  });

  it('keeps receipts to PDF, JPEG and PNG by their bytes, 5 MB at most', async () => {
    const pdf = await t
      .http()
      .post(`/api/cost-items/${flightId}/receipts`)
      .set(organiser.auth)
      .attach('file', PDF, { filename: 'billet AT571.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(pdf.body).toMatchObject({
      contentType: 'application/pdf',
      fileName: 'billet AT571.pdf',
    });
    // A web page renamed .png, sent as image/png: refused from its bytes.
    await t
      .http()
      .post(`/api/cost-items/${flightId}/receipts`)
      .set(organiser.auth)
      .attach('file', Buffer.from('<html><script>alert(1)</script>'), {
        filename: 'receipt.png',
        contentType: 'image/png',
      })
      .expect(400)
      .expect((r) => expect(r.body.details).toMatchObject({ field: 'file', code: 'file_type' }));
    // A PNG named .pdf is kept as the PNG it is.
    const png = await t
      .http()
      .post(`/api/cost-items/${visaId}/receipts`)
      .set(organiser.auth)
      .attach('file', PNG, { filename: 'visa.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', fileName: 'visa.png' });
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await t
      .http()
      .post(`/api/cost-items/${flightId}/receipts`)
      .set(organiser.auth)
      .attach('file', big, { filename: 'big.pdf' });
    expect([400, 413]).toContain(tooBig.status);
    await t.http().post(`/api/cost-items/${flightId}/receipts`).set(organiser.auth).expect(400);

    const own = await t
      .http()
      .get(`/api/receipts/${pdf.body.id}`)
      .set(awa.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment/);
    expect((own.body as Buffer).equals(PDF)).toBe(true);
    // At rest the bytes are encrypted: the stored file is not the PDF.
    const [{ storage_key }] = await t.app
      .get(DataSource)
      .query(`SELECT storage_key FROM cost_receipts WHERE id = $1`, [pdf.body.id]);
    const stored = await readFile(join('var/files', storage_key));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored.toString('utf8')).toMatch(/^v1\./);
    for (const who of [jean, host, facilitator, otherOrganiser]) {
      await t.http().get(`/api/receipts/${pdf.body.id}`).set(who.auth).expect(404);
    }
    // The participant reads their receipts but does not change them.
    await t.http().delete(`/api/receipts/${pdf.body.id}`).set(awa.auth).expect(404);
    await t
      .http()
      .post(`/api/cost-items/${flightId}/receipts`)
      .set(awa.auth)
      .attach('file', PDF, { filename: 'mine.pdf' })
      .expect(404);
  });

  it("shows costs only to the event's organisers and the participant themselves", async () => {
    for (const who of [jean, host, facilitator, otherOrganiser]) {
      await t.http().get(`/api/registrations/${awaReg}/costs`).set(who.auth).expect(404);
      await t.http().get(`/api/registrations/${awaReg}/cost-coverage`).set(who.auth).expect(404);
      await t
        .http()
        .post(`/api/registrations/${awaReg}/costs`)
        .set(who.auth)
        .send({ kind: 'other', amountMinor: 1, currency: 'EUR' })
        .expect(404);
      await t
        .http()
        .post(`/api/cost-items/${visaId}/status`)
        .set(who.auth)
        .send({ status: 'to_pay' })
        .expect(404);
      await t
        .http()
        .patch(`/api/cost-items/${visaId}`)
        .set(who.auth)
        .send({ amountMinor: 1 })
        .expect(404);
      await t.http().delete(`/api/cost-items/${visaId}`).set(who.auth).expect(404);
      const finance = await t.http().get(`/api/events/${eventId}/finance`).set(who.auth);
      expect([403, 404]).toContain(finance.status);
      expect(JSON.stringify(finance.body)).not.toContain('Awa');
      const rates = await t.http().get(`/api/events/${eventId}/currency-rates`).set(who.auth);
      expect([403, 404]).toContain(rates.status);
      const cover = await t
        .http()
        .put(`/api/events/${eventId}/cost-coverage`)
        .set(who.auth)
        .send(COVERAGE);
      expect([403, 404]).toContain(cover.status);
    }
    // The participant reads, but never writes, their own costs.
    const ownWrite = await t
      .http()
      .post(`/api/registrations/${awaReg}/costs`)
      .set(awa.auth)
      .send({ kind: 'other', amountMinor: 100000, currency: 'EUR' });
    expect([403, 404]).toContain(ownWrite.status);
    await t
      .http()
      .post(`/api/cost-items/${visaId}/status`)
      .set(awa.auth)
      .send({ status: 'to_pay' })
      .expect(404);
    const ownCoverage = await t
      .http()
      .put(`/api/registrations/${awaReg}/cost-coverage`)
      .set(awa.auth)
      .send({ perDiemDays: 30 });
    expect(ownCoverage.status).toBe(403);
    await t.http().get(`/api/events/${eventId}/finance`).expect(401);
    const db = t.app.get(DataSource);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM cost_items WHERE amount_minor = 100000`,
    );
    expect(n).toBe(0);
  });

  it('totals per participant, organisation and country, and exports them as CSV', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/finance`)
      .set(organiser.auth)
      .expect(200);
    expect(res.body.currency).toBe('EUR');
    expect(
      res.body.participants.map((p: { participant: { name: string } }) => p.participant.name),
    ).toEqual(['Awa Traoré', 'Jean Mukendi']);
    expect(res.body.byCountry.map((c: { key: string }) => c.key).sort()).toEqual(['BF', 'CD']);
    const bf = res.body.byCountry.find((c: { key: string }) => c.key === 'BF');
    expect(bf).toMatchObject({ participants: 1, networkBearsMinor: 64550 + 7123 + 24000 });
    expect(res.body.totals.networkBearsMinor).toBe(64550 + 7123 + 24000 + 9000);

    const csv = await t
      .http()
      .get(`/api/events/${eventId}/finance?format=csv&separator=semicolon`)
      .set(organiser.auth)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.text.slice(1), ';');
    expect(rows[0]).toContain('network_bears');
    const awaRow = rows.find((r) => r[0] === 'Awa Traoré')!;
    expect(awaRow[rows[0].indexOf('network_bears')]).toBe('956.73');
    const jeanRow = rows.find((r) => r[0] === 'Jean Mukendi')!;
    expect(jeanRow[1]).toBe(`'=HYPERLINK("x")`);
    await t.http().get(`/api/events/${eventId}/finance?format=xls`).set(organiser.auth).expect(400);
  });
});
