import { DataSource } from 'typeorm';
import { type Actor, dataSourceOptions } from '#core';
import { Event, EventAccess, EventStaff } from '#events';
import {
  CostCoverageService,
  CostItem,
  CostReceipt,
  Costs,
  CostStatusChange,
  EventCostCoverage,
  EventCurrencyRate,
  FinanceReports,
  RegistrationCostCoverage,
} from '#finance';
import { Registration, RegistrationAccess } from '#registrations';
import { readsOfStatements, recordStatements, type Statement } from './support/plan-reads.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { seedNetwork, seedPastMeetings } from './support/past-meetings.js';

const PEOPLE = 40;
const STATUS = (p: number) =>
  p % 10 === 3 ? 'waitlisted' : p % 10 === 7 ? 'cancelled' : 'confirmed';
const NAME = (p: number) => `Person ${String(p).padStart(3, '0')}`;
const COUNTRY = (p: number) => (p % 2 === 0 ? 'BF' : 'CD');

interface Line {
  kind: 'flight' | 'visa_fee';
  amount: number;
  currency: 'EUR' | 'USD' | 'GBP';
  payer: 'network' | 'participant';
  advancedBy: 'network' | 'participant';
  status: 'to_pay' | 'paid';
  receipt: boolean;
}

/** Each person's cost lines, as a pattern: none, one or two, in three currencies (GBP has no rate). */
const linesOf = (p: number): Line[] =>
  Array.from({ length: p % 3 }, (_, k) => {
    const payer = (p + k) % 4 === 1 ? 'participant' : 'network';
    return {
      kind: k === 0 ? 'flight' : 'visa_fee',
      amount: 10_000 + p * 100 + k,
      currency: (p + k) % 11 === 0 ? 'GBP' : (p + k) % 5 === 0 ? 'USD' : 'EUR',
      payer,
      advancedBy: (p + k) % 3 === 0 ? 'participant' : payer,
      status: (p + k) % 4 === 2 ? 'paid' : 'to_pay',
      receipt: k === 0 && p % 2 === 0,
    };
  });

/** The totals the rules give, worked out here: USD at 0.5 EUR, GBP left out. */
function totalsOf(lines: Line[]) {
  const t = { networkBearsMinor: 0, settledMinor: 0, outstandingMinor: 0, toReimburseMinor: 0 };
  const missing = new Set<string>();
  for (const l of lines) {
    if (l.payer !== 'network') continue;
    if (l.currency === 'GBP') {
      missing.add('GBP');
      continue;
    }
    const eur = l.currency === 'USD' ? Math.round(l.amount / 2) : l.amount;
    t.networkBearsMinor += eur;
    if (l.status === 'to_pay') {
      t.outstandingMinor += eur;
      if (l.advancedBy === 'participant') t.toReimburseMinor += eur;
    } else {
      t.settledMinor += eur;
    }
  }
  return { ...t, currency: 'EUR', missingRates: [...missing] };
}

/**
 * The finance report and a participant's costs: everything is read from the event's own
 * registrations, cost lines, receipts and status changes, so the pages grow with the event
 * and not with the network's history of past meetings.
 */
describe('finance report with a history of earlier meetings', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let eventId: string;
  let organiser: Actor;
  let reports: FinanceReports;
  let costs: Costs;
  const people: Array<{ registrationId: string; p: number }> = [];
  const own = { registrations: 0, cost_items: 0, cost_receipts: 0, cost_status_changes: 0 };

  beforeAll(async () => {
    db = await createTestDatabase('finance_history');
    ds = new DataSource({
      ...dataSourceOptions(db.url),
      entities: [
        Event,
        EventStaff,
        Registration,
        CostItem,
        CostReceipt,
        CostStatusChange,
        EventCostCoverage,
        EventCurrencyRate,
        RegistrationCostCoverage,
      ],
    });
    await ds.initialize();
    const network = await seedNetwork(ds, 400);
    const orgs = network.organisationIds;
    organiser = network.organiser;

    // The network's history: three earlier meetings of 400 people, each with two cost
    // lines, a receipt on each and their status changes.
    await seedPastMeetings(ds, { years: [2022, 2024], organisationId: orgs[0], emails: 'p%' });
    await ds.query(
      `INSERT INTO cost_items (registration_id, event_id, kind, amount_minor, currency, payer,
         advanced_by, status, status_changed_by, created_by)
       SELECT r.id, r.event_id, k, 5000, 'EUR', 'network', 'network', 'paid', $1, $1
         FROM registrations r CROSS JOIN unnest(ARRAY['flight', 'visa_fee']) k`,
      [organiser.accountId],
    );
    await ds.query(
      `INSERT INTO cost_status_changes (cost_item_id, registration_id, event_id, from_status, to_status, changed_by)
       SELECT c.id, c.registration_id, c.event_id, s.f, s.t, $1
         FROM cost_items c CROSS JOIN (VALUES (NULL, 'to_pay'), ('to_pay', 'paid')) s(f, t)`,
      [organiser.accountId],
    );
    await ds.query(
      `INSERT INTO cost_receipts (cost_item_id, registration_id, event_id, storage_key,
         content_type, size_bytes, file_name, uploaded_by)
       SELECT c.id, c.registration_id, c.event_id, 'receipts/' || c.id, 'application/pdf', 100,
              'receipt.pdf', $1
         FROM cost_items c`,
      [organiser.accountId],
    );

    // This year's meeting.
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       VALUES ('ouaga-2027', 'Ouaga 2027', 'meeting', '2027-10-25', '2027-10-30',
               'Africa/Ouagadougou', 100, 'published') RETURNING id`,
    );
    eventId = event.id;
    await ds.query(
      `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
      [eventId, organiser.accountId],
    );
    await ds.query(
      `INSERT INTO event_cost_coverage (event_id, currency, travel_payer, visa_fees_payer,
         accommodation_payer, meals_payer, per_diem_payer, per_diem_daily_minor, per_diem_currency)
       VALUES ($1, 'EUR', 'network', 'network', 'network', 'network', 'partner', 0, 'EUR')`,
      [eventId],
    );
    await ds.query(
      `INSERT INTO event_currency_rates (event_id, currency, rate) VALUES ($1, 'USD', 0.5)`,
      [eventId],
    );
    for (let p = 0; p < PEOPLE; p++) {
      const [row] = await ds.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           consent_data_processing_at, waitlist_seq)
         SELECT $1, a.id, $3, $4, 'social_worker', now(), CASE WHEN $4 = 'waitlisted' THEN $5::int END
           FROM accounts a WHERE a.name = $2
         RETURNING id`,
        [eventId, NAME(p), orgs[p % 2], STATUS(p), p],
      );
      people.push({ registrationId: row.id, p });
      own.registrations++;
      for (const [k, l] of linesOf(p).entries()) {
        const created = new Date(Date.UTC(2027, 8, 1, p, k));
        const settled = new Date(Date.UTC(2027, 9, 1, p, k));
        const [item] = await ds.query(
          `INSERT INTO cost_items (registration_id, event_id, kind, amount_minor, currency, payer,
             advanced_by, status, status_changed_at, status_changed_by, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id`,
          [
            row.id,
            eventId,
            l.kind,
            l.amount,
            l.currency,
            l.payer,
            l.advancedBy,
            l.status,
            l.status === 'paid' ? settled : created,
            organiser.accountId,
            created,
          ],
        );
        own.cost_items++;
        const moves: Array<[string | null, string, Date]> = [[null, 'to_pay', created]];
        if (l.status === 'paid') moves.push(['to_pay', 'paid', settled]);
        for (const [from, to, at] of moves) {
          await ds.query(
            `INSERT INTO cost_status_changes (cost_item_id, registration_id, event_id, from_status,
               to_status, changed_by, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [item.id, row.id, eventId, from, to, organiser.accountId, at],
          );
          own.cost_status_changes++;
        }
        if (l.receipt) {
          await ds.query(
            `INSERT INTO cost_receipts (cost_item_id, registration_id, event_id, storage_key,
               content_type, size_bytes, file_name, uploaded_by, uploaded_at)
             VALUES ($1, $2, $3, $4, 'application/pdf', 200, $5, $6, $7)`,
            [
              item.id,
              row.id,
              eventId,
              `receipts/${item.id}`,
              `${NAME(p)}.pdf`,
              organiser.accountId,
              created,
            ],
          );
          own.cost_receipts++;
        }
      }
    }
    await ds.query('VACUUM ANALYZE');

    const events = new EventAccess(ds.getRepository(Event), ds.getRepository(EventStaff));
    const registrations = new RegistrationAccess(ds, events);
    costs = new Costs(ds, registrations, new CostCoverageService(ds, events, registrations));
    reports = new FinanceReports(ds, events, costs);
  }, 180_000);
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** Included: everyone confirmed, and the others who have a cost on record. */
  const included = () =>
    people.filter(({ p }) => STATUS(p) === 'confirmed' || linesOf(p).length > 0);

  it('lists the confirmed and anyone with a cost, with their lines and totals', async () => {
    const summary = await reports.summary(organiser, eventId);
    expect(summary.currency).toBe('EUR');
    expect(summary.participants.map((v) => v.registrationId)).toEqual(
      included().map((x) => x.registrationId),
    );
    // The waiting list and cancelled with a cost are in, those without are not.
    expect(summary.participants).toHaveLength(37);
    for (const view of summary.participants) {
      const { p } = people.find((x) => x.registrationId === view.registrationId)!;
      const lines = linesOf(p);
      expect(view.participant).toEqual({
        name: NAME(p),
        organisation: p % 2 === 0 ? 'Maison des Familles' : 'Bana Mboka',
        country: COUNTRY(p),
      });
      expect(view.totals).toEqual(totalsOf(lines));
      expect(
        view.items.map((i) => [i.kind, i.amountMinor, i.currency, i.receipts.length, i.history]),
      ).toEqual(lines.map((l) => [l.kind, l.amount, l.currency, l.receipt ? 1 : 0, []]));
    }
    // By hand: Person 014 has a paid flight of 114.00 EUR, and a visa fee of 114.01 USD
    // at 0.5 (57.005, rounded half up) that they advanced and that is still to pay.
    const fourteen = summary.participants.find((v) => v.participant.name === 'Person 014')!;
    expect(fourteen.totals).toEqual({
      currency: 'EUR',
      networkBearsMinor: 17_101,
      settledMinor: 11_400,
      outstandingMinor: 5_701,
      toReimburseMinor: 5_701,
      missingRates: [],
    });
    const all = included().map(({ p }) => totalsOf(linesOf(p)));
    const sum = (k: 'networkBearsMinor' | 'settledMinor') => all.reduce((n, t) => n + t[k], 0);
    expect(summary.totals).toEqual({
      participants: 37,
      networkBearsMinor: sum('networkBearsMinor'),
      settledMinor: sum('settledMinor'),
      outstandingMinor: all.reduce((n, t) => n + t.outstandingMinor, 0),
      toReimburseMinor: all.reduce((n, t) => n + t.toReimburseMinor, 0),
    });
    expect(summary.totals.settledMinor).toBeGreaterThan(0);
    expect(summary.totals.toReimburseMinor).toBeGreaterThan(0);
    expect(summary.missingRates).toEqual(['GBP']);
    expect(summary.byCountry.map((r) => [r.key, r.participants])).toEqual(
      expect.arrayContaining([
        ['BF', included().filter(({ p }) => COUNTRY(p) === 'BF').length],
        ['CD', included().filter(({ p }) => COUNTRY(p) === 'CD').length],
      ]),
    );
  });

  it("shows one participant's lines with their receipts and status history", async () => {
    const { registrationId } = people[26]; // a paid flight with a receipt, a visa fee to pay
    const view = await costs.get(organiser, registrationId);
    expect(view.items.map((i) => [i.kind, i.status, i.receipts.length])).toEqual([
      ['flight', 'paid', 1],
      ['visa_fee', 'to_pay', 0],
    ]);
    expect(view.items[0].receipts[0].fileName).toBe('Person 026.pdf');
    expect(view.items[0].history.map((h) => [h.from, h.to, h.changedBy])).toEqual([
      [null, 'to_pay', 'Nadia Benali'],
      ['to_pay', 'paid', 'Nadia Benali'],
    ]);
    expect(view.items[1].history.map((h) => [h.from, h.to])).toEqual([[null, 'to_pay']]);
    expect(view.items[0].statusChangedBy).toBe('Nadia Benali');
  });

  /** What each statement sent read from the tables every meeting adds to. */
  async function readsOf(statements: Statement[]) {
    const reads = await readsOfStatements(
      ds,
      statements.filter((s) => /^\s*(SELECT|WITH)/i.test(s.sql)),
    );
    return reads.filter((r) => r.table in own).map((r) => ({ ...r, sql: r.sql.slice(0, 90) }));
  }

  it("reads only the event's registrations, costs and receipts for the report", async () => {
    const [history] = await ds.query(
      `SELECT (SELECT count(*) FROM registrations)::int AS registrations,
              (SELECT count(*) FROM cost_items)::int AS cost_items,
              (SELECT count(*) FROM cost_receipts)::int AS cost_receipts,
              (SELECT count(*) FROM cost_status_changes)::int AS cost_status_changes`,
    );
    // The history dwarfs the event, so reading it would show.
    for (const table of Object.keys(own) as Array<keyof typeof own>) {
      expect(history[table]).toBeGreaterThan(10 * own[table]);
    }
    const recording = recordStatements(ds);
    await reports.summary(organiser, eventId);
    recording.stop();
    const reads = await readsOf(recording.statements);
    for (const table of ['registrations', 'cost_items', 'cost_receipts'] as const) {
      expect(reads.some((r) => r.table === table)).toBe(true);
    }
    const tooMany = reads.filter((r) => r.rows > own[r.table as keyof typeof own]);
    expect(tooMany).toEqual([]);
  });

  it("reads only the participant's own costs, receipts and history for one participant", async () => {
    const { registrationId } = people[26];
    const recording = recordStatements(ds);
    await costs.get(organiser, registrationId);
    recording.stop();
    const reads = await readsOf(recording.statements);
    expect(reads.some((r) => r.table === 'cost_status_changes')).toBe(true);
    // Two lines, one receipt, three status changes; at most the event's rows of each.
    const tooMany = reads.filter((r) => r.rows > own[r.table as keyof typeof own]);
    expect(tooMany).toEqual([]);
    const history = reads.filter((r) => r.table === 'cost_status_changes');
    expect(history.every((r) => r.rows <= 3)).toBe(true);
  });
});
