import { DataSource } from 'typeorm';
import { FieldCipher } from '#core';
import { canMoveVisa, FLIGHT_NUMBER, PASSPORT_NUMBER, type VisaStatus } from '#travel';
import { seed } from '../scripts/seed.js';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { DEMO_TRAVEL, DEMO_VISA_REQUIRED_FOR } from '../scripts/seed/seed-travel.js';
import { parseCsv } from './support/csv.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Any of the demo's made-up passport numbers, in full. */
const DEMO_NUMBER = /DEMO[A-Z]{2}\d{4}/;

/*
 * Tangier is UTC+0 all year since 2026-09-20 (Convene's own zone rules; Node's ICU still
 * says UTC+1): every time of the week must read +00:00.
 */
describe('travel demo seed: visas, passports and pick-up groups for Tangier', () => {
  let t: TestApp;
  let ds: DataSource;
  let eventId: string;
  const sessions: Record<string, { Authorization: string }> = {};

  beforeAll(async () => {
    t = await startTestApp('travel_seed');
    ds = t.app.get(DataSource);
    await seed(t.config);
    [{ id: eventId }] = await ds.query(`SELECT id FROM events WHERE slug = $1`, [DEMO_EVENT.slug]);
  });
  afterAll(() => t.close());

  const auth = async (email: string) => {
    if (!sessions[email]) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email, password: DEMO_PASSWORD })
        .expect(200);
      sessions[email] = { Authorization: `Bearer ${res.body.accessToken}` };
    }
    return sessions[email];
  };
  const organiser = () => auth(DEMO_ORGANISER.email);
  const registrationOf = async (email: string) =>
    (
      (await ds.query(
        `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
          WHERE lower(a.email) = $1 AND r.event_id = $2`,
        [email, eventId],
      )) as Array<{ id: string }>
    )[0].id;

  it('changes no row when seeded again, and sends nobody an email', async () => {
    const tables = [
      'accounts',
      'registrations',
      'registration_status_changes',
      'event_visa_rules',
      'travel_plans',
      'visa_status_changes',
      'messages',
    ];
    const snapshot = async () => {
      const out: Record<string, { n: number; digest: string | null }> = {};
      for (const table of tables) {
        [out[table]] = await ds.query(
          `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
             FROM ${table} t`,
        );
      }
      return out;
    };
    const first = await snapshot();
    await seed(t.config);
    expect(await snapshot()).toEqual(first);
    expect(first.travel_plans.n).toBe(23);
    expect(first.event_visa_rules.n).toBe(1);
    expect(first.messages.n).toBe(0);
  });

  it("lists every visa status on the organisers' board, from the event's visa rules", async () => {
    const rules = await t
      .http()
      .get(`/api/events/${eventId}/visa-rules`)
      .set(await organiser())
      .expect(200);
    expect(rules.body).toMatchObject({
      country: 'MA',
      visaRequiredFor: [...DEMO_VISA_REQUIRED_FOR],
      plansToReview: 0,
    });
    expect(rules.body.visaRequiredFor).not.toContain('FR');
    expect(rules.body.visaRequiredFor).not.toContain('SN');

    const board = await t
      .http()
      .get(`/api/events/${eventId}/visas?pageSize=100`)
      .set(await organiser())
      .expect(200);
    expect(board.body.total).toBe(26);
    expect(board.body.byStatus).toEqual({
      not_required: 8,
      letter_requested: 2,
      letter_issued: 3,
      applied: 4,
      granted: 5,
      refused: 1,
      unknown: 3,
    });
    type Item = {
      account: { name: string };
      organisation: { country: string };
      nationality: string | null;
      passportNumberOnFile: boolean;
      passportWarning: string | null;
      visaRequired: boolean | null;
      visaStatus: VisaStatus | null;
      visaStatusChangedAt: string | null;
      letterIssuedAt: string | null;
    };
    const items = board.body.items as Item[];
    for (const item of items) {
      if (item.nationality === null) {
        // The three Moroccans come from Tangier and Rabat: no passport, no plan.
        expect(item.organisation.country).toBe('MA');
        continue;
      }
      expect(item.nationality).toBe(item.organisation.country);
      expect(item.passportNumberOnFile).toBe(true);
      expect(item.visaRequired).toBe(
        (DEMO_VISA_REQUIRED_FOR as readonly string[]).includes(item.nationality),
      );
      expect(item.visaStatus === 'not_required').toBe(!item.visaRequired);
      expect(item.visaStatusChangedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(item.letterIssuedAt !== null).toBe(
        ['letter_issued', 'applied', 'granted', 'refused'].includes(item.visaStatus!),
      );
    }
    expect(
      items.filter((i) => i.passportWarning).map((i) => [i.account.name, i.passportWarning]),
    ).toEqual([['Fatou Ndiaye', 'passport_expires_within_6_months']]);
    expect(items.filter((i) => i.visaStatus === 'refused').map((i) => i.account.name)).toEqual([
      'Espoir Bahati',
    ]);
    // The board never carries a passport number, not even masked.
    expect(JSON.stringify(board.body)).not.toMatch(DEMO_NUMBER);
    expect(JSON.stringify(board.body)).not.toContain('•');

    const expiring = await t
      .http()
      .get(`/api/events/${eventId}/visas?passportExpiring=true`)
      .set(await organiser())
      .expect(200);
    expect(expiring.body.items.map((i: Item) => i.account.name)).toEqual(['Fatou Ndiaye']);
  });

  it('forms several pick-up groups at Tangier and Casablanca, in Tangier time (+00:00)', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/arrivals`)
      .set(await organiser())
      .expect(200);
    expect(res.body).toMatchObject({ timezone: 'Africa/Casablanca', windowMinutes: 90 });
    type Group = {
      id: string;
      date: string;
      firstArrivalAt: string;
      lastArrivalAt: string;
      size: number;
      arrivals: Array<{ name: string; at: string; flightNumber: string }>;
    };
    const groups = res.body.groups as Group[];
    expect(groups.map((g) => [g.id, g.date, g.firstArrivalAt, g.lastArrivalAt, g.size])).toEqual([
      ['CMN-1', '2027-10-24', '2027-10-24T05:40:00+00:00', '2027-10-24T05:40:00+00:00', 2],
      ['TNG-1', '2027-10-24', '2027-10-24T09:10:00+00:00', '2027-10-24T10:20:00+00:00', 6],
      ['TNG-2', '2027-10-24', '2027-10-24T12:45:00+00:00', '2027-10-24T13:55:00+00:00', 3],
      ['TNG-3', '2027-10-24', '2027-10-24T17:10:00+00:00', '2027-10-24T18:25:00+00:00', 5],
      ['TNG-4', '2027-10-24', '2027-10-24T22:40:00+00:00', '2027-10-24T22:40:00+00:00', 2],
      ['TNG-5', '2027-10-25', '2027-10-25T07:35:00+00:00', '2027-10-25T07:35:00+00:00', 2],
    ]);
    for (const a of groups.flatMap((g) => g.arrivals)) {
      expect(a.at).toMatch(/^2027-10-2[45]T\d\d:\d\d:00\+00:00$/);
      expect(a.flightNumber).toMatch(FLIGHT_NUMBER);
    }
    expect(groups.find((g) => g.id === 'TNG-1')!.arrivals.map((a) => a.name)).toContain(
      'Awa Traoré',
    );
    expect(res.body.withoutArrival.map((p: { name: string }) => p.name).sort()).toEqual(
      [
        'Emmanuel Ekambi',
        'Espoir Bahati',
        'خديجة بنت عبد الرحمن الإدريسي',
        'Nadia Benjelloun',
        'Rosa Huamán',
        'Youssef Alaoui',
      ].sort(),
    );
    expect(JSON.stringify(res.body)).not.toMatch(DEMO_NUMBER);
  });

  it('gives the airport team a CSV of the arrivals without any passport number', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/arrivals?format=csv`)
      .set(await organiser())
      .expect(200);
    expect(res.text).not.toMatch(DEMO_NUMBER);
    expect(res.text).not.toMatch(/passport/i);
    const [header, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
    expect(header).toEqual([
      'Pick-up group',
      'Airport',
      'Arrival date',
      'Arrival time (Africa/Casablanca)',
      'Flight',
      'Name',
      'Organisation',
      'Country',
      'Phone',
    ]);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r[0]))).toEqual(
      new Set(['CMN-1', 'TNG-1', 'TNG-2', 'TNG-3', 'TNG-4', 'TNG-5']),
    );
    // Quoted as text: spreadsheets keep the + (and run no formula).
    expect(rows.every((r) => r[8].startsWith("'+"))).toBe(true);
  });

  it('shows participants their own passport number in full and organisers a masked one', async () => {
    const awa = await registrationOf('awa@convene.demo');
    const own = await t
      .http()
      .get(`/api/registrations/${awa}/travel`)
      .set(await auth('awa@convene.demo'))
      .expect(200);
    expect(own.body).toMatchObject({
      passport: {
        nationality: 'BF',
        number: 'DEMOBF0101',
        numberMasked: false,
        expiresOn: '2031-03-14',
      },
      visa: { required: true, status: 'granted' },
      arrival: { flightNumber: 'AT1422', airport: 'TNG', at: '2027-10-24T09:10:00+00:00' },
      departure: { flightNumber: 'AT1423', airport: 'TNG', at: '2027-10-30T15:40:00+00:00' },
      pickupGroup: { id: 'TNG-1', size: 6 },
      warnings: [],
    });
    expect(own.body.visa.history.map((h: { from: string | null; to: string }) => h.to)).toEqual([
      'letter_requested',
      'letter_issued',
      'applied',
      'granted',
    ]);

    const seen = await t
      .http()
      .get(`/api/registrations/${awa}/travel`)
      .set(await organiser())
      .expect(200);
    expect(seen.body.passport).toMatchObject({ number: '•••••0101', numberMasked: true });

    const fatou = await t
      .http()
      .get(`/api/registrations/${await registrationOf('fatou@convene.demo')}/travel`)
      .set(await auth('fatou@convene.demo'))
      .expect(200);
    expect(fatou.body.passport.number).toBe('DEMOSN0104');
    expect(fatou.body.visa).toMatchObject({ required: false, status: 'not_required' });
    expect(fatou.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'passport_expires_within_6_months',
    ]);

    // Lucía's letter was issued: she can download it, with her number, signed by the organiser.
    const letter = await t
      .http()
      .get(`/api/registrations/${await registrationOf('lucia@convene.demo')}/visa-letter.pdf`)
      .set(await auth('lucia@convene.demo'))
      .expect(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
  });

  it("stores the numbers encrypted with the app's key, and histories the API could have written", async () => {
    const cipher = new FieldCipher(t.config.dataEncryptionKey);
    const plans = (await ds.query(
      `SELECT a.name, tp.registration_id, tp.passport_number_encrypted AS stored, tp.visa_status,
              tp.visa_status_changed_at, tp.letter_issued_at, tp.letter_issued_by
         FROM travel_plans tp JOIN registrations r ON r.id = tp.registration_id
         JOIN accounts a ON a.id = r.account_id`,
    )) as Array<{
      name: string;
      registration_id: string;
      stored: string;
      visa_status: VisaStatus;
      visa_status_changed_at: Date;
      letter_issued_at: Date | null;
      letter_issued_by: string | null;
    }>;
    expect(plans).toHaveLength(DEMO_TRAVEL.length);
    const [{ id: organiserId }] = await ds.query(`SELECT id FROM accounts WHERE email = $1`, [
      DEMO_ORGANISER.email,
    ]);
    const opened = Date.parse(DEMO_EVENT.registrationOpensAt);
    for (const plan of plans) {
      const demo = DEMO_TRAVEL.find((d) => d.name === plan.name)!;
      expect(plan.stored).toMatch(/^v1\./);
      expect(plan.stored).not.toContain(demo.passportNumber);
      expect(cipher.decrypt(plan.stored)).toBe(demo.passportNumber);
      expect(demo.passportNumber).toMatch(PASSPORT_NUMBER);
      expect(plan.visa_status).toBe(demo.visa);

      const history = (await ds.query(
        `SELECT from_status, to_status, changed_at, changed_by FROM visa_status_changes
          WHERE registration_id = $1 ORDER BY changed_at`,
        [plan.registration_id],
      )) as Array<{ from_status: VisaStatus | null; to_status: VisaStatus; changed_at: Date }>;
      let from: VisaStatus | null = null;
      let last = opened;
      for (const h of history) {
        expect(h.from_status).toBe(from);
        expect(canMoveVisa(from, h.to_status, 'organiser')).toBe(true);
        expect(h.changed_at.getTime()).toBeGreaterThan(last);
        expect(h.changed_at.getTime()).toBeLessThan(Date.now());
        from = h.to_status;
        last = h.changed_at.getTime();
      }
      expect(from).toBe(plan.visa_status);
      expect(plan.visa_status_changed_at.getTime()).toBe(last);
      const issued = history.find((h) => h.to_status === 'letter_issued');
      expect(plan.letter_issued_at?.getTime() ?? null).toBe(issued?.changed_at.getTime() ?? null);
      expect(plan.letter_issued_by).toBe(issued ? organiserId : null);
    }
    expect(new Set(plans.map((p) => p.name))).toEqual(new Set(DEMO_TRAVEL.map((d) => d.name)));
  });
});
