import { unzipSync } from 'fflate';
import { DataSource } from 'typeorm';
import { Certificates } from '#certificates';
import { type Actor, type AppConfig, dataSourceOptions } from '#core';
import { Event, EventAccess, EventStaff } from '#events';
import { BadgeCodes } from '#onsite';
import { RegistrationAccess } from '#registrations';
import { Directory, EventPeople } from '#sharing';
import { Arrivals } from '#travel';
import { recordStatements, rowsReadByTable, type Statement } from './support/plan-reads.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The network's history: 30 earlier meetings about the size of this year's, everyone
 * registered at each (as in the audit, where each past meeting was as big as the event).
 */
const PAST_EVENTS = 30;
const ACCOUNTS = 80;
/** This year's meeting: the first PEOPLE accounts, p = 0..PEOPLE-1. */
const PEOPLE = 60;
const STATUS = (p: number) =>
  p % 20 === 3
    ? 'waitlisted'
    : p % 20 === 7
      ? 'pending'
      : p % 20 === 11
        ? 'cancelled'
        : 'confirmed';
const NAME = (p: number) => `Person ${String(p + 1).padStart(3, '0')}`;
const ORGS = ['Darna', 'Bayti', 'Amane'];
/** No plan (p % 20 = 9), a plan without flights (p % 20 = 19), or flights. */
const PLAN = (p: number) => (p % 20 === 9 ? 'none' : p % 20 === 19 ? 'empty' : 'flights');
const AIRPORT = (p: number) => (p % 4 === 0 ? 'RAK' : 'TNG');
const ARRIVES = (p: number) =>
  new Date(Date.parse('2027-10-24T06:00:00Z') + ((p * 7) % 600) * 60_000);
const DEPARTS = (p: number) =>
  p % 5 === 4 ? null : new Date(Date.parse('2027-10-31T08:00:00Z') + ((p * 11) % 480) * 60_000);
const LISTED = (p: number) => p % 2 === 0;
/** Badge codes given before (a reprint keeps them). */
const HAS_CODE = (p: number) => p < 15;
/** Marked at the door of the workshop: a certificate holder when confirmed. */
const ATTENDED = (p: number) => p % 6 !== 5;
/** Certificates downloaded before, numbered 1..5 in this order. */
const PRE_ISSUED = [0, 1, 2, 4, 6];

const byOrder = (a: number, b: number) => a - b;

/**
 * Lookups of one event that start from an event-scoped table (directory listings, travel
 * plans) or pass a list of the event's registration ids (badge codes, certificates, the
 * certificates' people): each is scoped by the event's id, so it reads the event's own
 * rows through an event index and not every earlier meeting's rows of the shared table.
 */
describe('event-scoped lookups with a history of earlier meetings', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let eventId: string;
  let organiser: Actor;
  const people: Array<{ p: number; registrationId: string; accountId: string }> = [];
  let events: EventAccess;

  beforeAll(async () => {
    db = await createTestDatabase('esl_event_scoped_lookups');
    // EventAccess reads events through the entity's own columns: its two entities suffice.
    ds = new DataSource({ ...dataSourceOptions(db.url), entities: [Event, EventStaff] });
    await ds.initialize();
    const orgs = (await ds.query(
      `INSERT INTO organisations (name, country, city)
       SELECT n, 'MA', 'Tangier' FROM unnest($1::text[]) WITH ORDINALITY u(n, i) ORDER BY i RETURNING id`,
      [ORGS],
    )) as Array<{ id: string }>;
    await ds.query(
      `INSERT INTO accounts (email, name, locale)
       SELECT 'p' || i || '@example.org', 'Person ' || lpad(i::text, 3, '0'), 'fr'
         FROM generate_series(1, $1::int) i`,
      [ACCOUNTS],
    );

    // Earlier meetings: everyone confirmed, with plans, listings, badge codes and certificates.
    await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status, venue_city)
       SELECT 'past-' || y, 'Tangier ' || y, 'meeting', make_date(1990 + y, 10, 20),
              make_date(1990 + y, 10, 25), 'Africa/Casablanca', 5000, 'published', 'Tangier'
         FROM generate_series(1, $1::int) y`,
      [PAST_EVENTS],
    );
    await ds.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
         consent_data_processing_at, phone)
       SELECT e.id, a.id, $1, 'confirmed', 'social_worker', now(), '+212 600 000 000'
         FROM events e CROSS JOIN accounts a WHERE e.slug LIKE 'past-%'`,
      [orgs[0].id],
    );
    await ds.query(
      `INSERT INTO travel_plans (registration_id, event_id, arrival_flight, arrival_airport, arrival_at,
         departure_flight, departure_airport, departure_at)
       SELECT r.id, r.event_id, 'AT1', 'TNG', e.start_date - interval '10 hours',
              'AT2', 'TNG', e.end_date + interval '30 hours'
         FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug LIKE 'past-%'`,
    );
    await ds.query(
      `INSERT INTO directory_listings (registration_id, event_id)
       SELECT r.id, r.event_id FROM registrations r JOIN events e ON e.id = r.event_id
        WHERE e.slug LIKE 'past-%' AND (hashtext(r.id::text) & 1) = 0`,
    );
    await ds.query(
      `INSERT INTO badge_codes (registration_id, event_id, code)
       SELECT r.id, r.event_id, replace(r.id::text, '-', '')
         FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug LIKE 'past-%'`,
    );
    await ds.query(
      `INSERT INTO certificates (registration_id, event_id, number, reference, code)
       SELECT r.id, r.event_id, row_number() OVER (PARTITION BY r.event_id ORDER BY r.id),
              'OLD-' || r.id, replace(r.id::text, '-', '')
         FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug LIKE 'past-%'`,
    );

    // This year's meeting, which ended on 30 October 2027.
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status, venue_city)
       VALUES ('tangier-2027', 'Tangier 2027', 'meeting', '2027-10-25', '2027-10-30',
               'Africa/Casablanca', 1000, 'published', 'Tangier') RETURNING id`,
    );
    eventId = event.id;
    const [staff] = await ds.query(
      `INSERT INTO accounts (email, name) VALUES ('organiser@example.org', 'Organiser') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
      [eventId, staff.id],
    );
    organiser = { accountId: staff.id, platformRole: 'member' };
    const [session] = await ds.query(
      `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, status)
       VALUES ($1, 'workshop', 'Accompagner les familles', '2027-10-25 08:00Z', '2027-10-25 10:00Z',
               'published') RETURNING id`,
      [eventId],
    );
    const accounts = (await ds.query(
      `SELECT id FROM accounts WHERE email LIKE 'p%@example.org'
        ORDER BY name LIMIT $1`,
      [PEOPLE],
    )) as Array<{ id: string }>;
    for (const [p, account] of accounts.entries()) {
      const status = STATUS(p);
      const [row] = await ds.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           consent_data_processing_at, waitlist_seq, phone)
         VALUES ($1, $2, $3, $4, 'social_worker', now(), CASE WHEN $4 = 'waitlisted' THEN $5::int END, $6)
         RETURNING id`,
        [eventId, account.id, orgs[p % 3].id, status, p, `+212 611 ${String(p).padStart(3, '0')}`],
      );
      people.push({ p, registrationId: row.id, accountId: account.id });
      if (PLAN(p) !== 'none') {
        const flights = PLAN(p) === 'flights';
        const departs = flights ? DEPARTS(p) : null;
        await ds.query(
          `INSERT INTO travel_plans (registration_id, event_id, arrival_flight, arrival_airport,
             arrival_at, departure_flight, departure_airport, departure_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            row.id,
            eventId,
            flights ? `AT${p}` : null,
            flights ? AIRPORT(p) : null,
            flights ? ARRIVES(p) : null,
            departs ? `AT${p + 500}` : null,
            departs ? 'TNG' : null,
            departs,
          ],
        );
      }
      if (LISTED(p)) {
        await ds.query(
          `INSERT INTO directory_listings (registration_id, event_id) VALUES ($1, $2)`,
          [row.id, eventId],
        );
      }
      if (HAS_CODE(p)) {
        await ds.query(
          `INSERT INTO badge_codes (registration_id, event_id, code) VALUES ($1, $2, $3)`,
          [row.id, eventId, `kept-code-${String(p).padStart(12, '0')}`],
        );
      }
      if (ATTENDED(p)) {
        await ds.query(
          `INSERT INTO session_attendance (session_id, account_id, source) VALUES ($1, $2, 'door')`,
          [session.id, account.id],
        );
      }
    }
    for (const [i, p] of PRE_ISSUED.entries()) {
      await ds.query(
        `INSERT INTO certificates (registration_id, event_id, number, reference, code)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          people[p].registrationId,
          eventId,
          i + 1,
          `TNG27-C${String(i + 1).padStart(4, '0')}`,
          `kept-certificate-${String(i + 1).padStart(8, '0')}`,
        ],
      );
    }
    await ds.query('VACUUM ANALYZE');

    events = new EventAccess(ds.getRepository(Event), ds.getRepository(EventStaff));
  }, 180_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const confirmed = () => people.filter((x) => STATUS(x.p) === 'confirmed');

  /** The event's own rows in each table, the most a statement of the event may read. */
  async function ownRows(): Promise<Record<string, number>> {
    const [row] = await ds.query(
      `SELECT (SELECT count(*) FROM registrations WHERE event_id = $1)::int AS registrations,
              (SELECT count(*) FROM travel_plans WHERE event_id = $1)::int AS travel_plans,
              (SELECT count(*) FROM directory_listings WHERE event_id = $1)::int AS directory_listings,
              (SELECT count(*) FROM badge_codes WHERE event_id = $1)::int AS badge_codes,
              (SELECT count(*) FROM certificates WHERE event_id = $1)::int AS certificates`,
      [eventId],
    );
    return row as Record<string, number>;
  }

  /** Runs `fn` and gives back what it sent, with the event's own rows at that point. */
  async function recorded<T>(
    fn: () => Promise<T>,
  ): Promise<{ result: T; statements: Statement[] }> {
    const recording = recordStatements(ds);
    try {
      return { result: await fn(), statements: recording.statements };
    } finally {
      recording.stop();
    }
  }

  /**
   * Each named statement, run under EXPLAIN ANALYZE, reads no more rows of each of its
   * tables than the event has there. All are checked together, so a failure lists every
   * statement that reads other events' rows and how many.
   */
  async function expectOwnRowsOnly(checks: Array<[string, Statement | undefined, string[]]>) {
    const own = await ownRows();
    const [all] = (await ds.query(
      `SELECT (SELECT count(*) FROM registrations)::int AS registrations,
              (SELECT count(*) FROM travel_plans)::int AS travel_plans,
              (SELECT count(*) FROM directory_listings)::int AS directory_listings,
              (SELECT count(*) FROM badge_codes)::int AS badge_codes,
              (SELECT count(*) FROM certificates)::int AS certificates`,
    )) as Array<Record<string, number>>;
    const got: Array<{ statement: string; table: string; read: number; own: number }> = [];
    for (const [name, statement, tables] of checks) {
      expect({ name, found: statement !== undefined }).toEqual({ name, found: true });
      const read = await rowsReadByTable(ds, statement!);
      for (const table of tables) {
        // The history dwarfs the event, so reading it would show.
        expect({ table, history: all[table] > 10 * own[table] }).toEqual({ table, history: true });
        got.push({ statement: name, table, read: read.get(table) ?? 0, own: own[table] });
      }
    }
    expect(got).toEqual(got.map((g) => ({ ...g, read: Math.min(g.read, g.own) })));
  }

  it('directory: lists the event’s listed confirmed participants, reading only its registrations', async () => {
    const me = people[0];
    const directory = new Directory(ds, new EventPeople(ds, events));
    const actor: Actor = { accountId: me.accountId, platformRole: 'member' };
    const { result, statements } = await recorded(() => directory.list(actor, eventId));

    const want = people.filter((x) => LISTED(x.p) && STATUS(x.p) === 'confirmed');
    expect(want.length).toBeGreaterThan(20);
    expect(result.map((e) => e.registrationId)).toEqual(want.map((x) => x.registrationId));
    expect(result.map((e) => e.name)).toEqual(want.map((x) => NAME(x.p)));
    expect(result.filter((e) => e.isMe).map((e) => e.registrationId)).toEqual([me.registrationId]);
    expect(result[1]).toMatchObject({
      name: NAME(2),
      organisation: { name: ORGS[2], country: 'MA' },
      profession: 'social_worker',
      professionOther: null,
    });

    await expectOwnRowsOnly([
      [
        'directory list',
        statements.find((s) => /FROM directory_listings d/.test(s.sql)),
        ['registrations', 'directory_listings'],
      ],
    ]);
  });

  it('arrivals: groups, departures and who has no flight, reading only the event’s plans and registrations', async () => {
    const arrivals = new Arrivals(ds, events);
    const { result, statements } = await recorded(() => arrivals.list(organiser, eventId, {}));

    const flying = confirmed().filter((x) => PLAN(x.p) === 'flights');
    const arrivalsSeen = result.groups.flatMap((g) => g.arrivals);
    expect(arrivalsSeen).toHaveLength(flying.length);
    expect(new Set(arrivalsSeen.map((a) => a.registrationId))).toEqual(
      new Set(flying.map((x) => x.registrationId)),
    );
    expect(new Set(result.groups.map((g) => g.airport))).toEqual(new Set(['RAK', 'TNG']));
    const first = flying.find((x) => x.p === 1)!;
    expect(arrivalsSeen.find((a) => a.registrationId === first.registrationId)).toEqual({
      registrationId: first.registrationId,
      name: NAME(1),
      organisation: ORGS[1],
      country: 'MA',
      phone: '+212 611 001',
      flightNumber: 'AT1',
      airport: 'TNG',
      at: '2027-10-24T06:07:00+00:00',
    });
    expect(result.withoutArrival.map((r) => r.registrationId)).toEqual(
      confirmed()
        .filter((x) => PLAN(x.p) !== 'flights')
        .map((x) => x.registrationId),
    );
    const departing = flying
      .filter((x) => DEPARTS(x.p))
      .sort(
        (a, b) => byOrder(DEPARTS(a.p)!.getTime(), DEPARTS(b.p)!.getTime()) || byOrder(a.p, b.p),
      );
    expect(result.departures.map((d) => d.registrationId)).toEqual(
      departing.map((x) => x.registrationId),
    );

    const rak = await arrivals.list(organiser, eventId, { airport: 'RAK' });
    expect(
      rak.groups
        .flatMap((g) => g.arrivals)
        .map((a) => a.registrationId)
        .sort(),
    ).toEqual(
      flying
        .filter((x) => AIRPORT(x.p) === 'RAK')
        .map((x) => x.registrationId)
        .sort(),
    );

    const legs = statements.filter((s) => /FROM travel_plans tp/.test(s.sql));
    expect(legs).toHaveLength(2);
    await expectOwnRowsOnly([
      [
        'arrivals',
        legs.find((s) => /arrival_flight/.test(s.sql)),
        ['registrations', 'travel_plans'],
      ],
      [
        'departures',
        legs.find((s) => /departure_flight/.test(s.sql)),
        ['registrations', 'travel_plans'],
      ],
      [
        'without arrival',
        statements.find((s) => /LEFT JOIN travel_plans tp/.test(s.sql)),
        ['registrations', 'travel_plans'],
      ],
    ]);
  });

  it('badge codes: keeps the codes given, gives the others one, reading only the event’s codes', async () => {
    const codes = new BadgeCodes(ds);
    const ids = confirmed().map((x) => x.registrationId);
    const { result, statements } = await recorded(() => codes.ensure(eventId, ids));

    expect([...result.keys()].sort()).toEqual([...ids].sort());
    expect(result.get(people[0].registrationId)).toBe(`kept-code-${'0'.repeat(12)}`);
    expect(result.get(people[14].registrationId)).toBe(`kept-code-${'14'.padStart(12, '0')}`);
    expect(new Set(result.values()).size).toBe(ids.length);
    // A second call gives the same codes.
    expect(await codes.ensure(eventId, ids)).toEqual(result);

    await expectOwnRowsOnly([
      [
        'badge codes',
        statements.find((s) => /^\s*SELECT[\s\S]*FROM badge_codes/.test(s.sql)),
        ['badge_codes'],
      ],
    ]);
  });

  it('certificates: the ZIP keeps references given and numbers the others after them, reading only the event’s rows', async () => {
    const certificates = new Certificates(ds, new RegistrationAccess(ds, events), events, {
      publicUrl: 'https://convene.test',
    } as AppConfig);
    const now = new Date('2027-11-15T12:00:00Z');
    const { result: zip, statements } = await recorded(async () => {
      const z = await certificates.zip(organiser, eventId, now);
      const chunks: Buffer[] = [];
      for await (const chunk of z.stream) chunks.push(chunk as Buffer);
      return { ...z, body: Buffer.concat(chunks) };
    });

    const holders = confirmed().filter((x) => ATTENDED(x.p));
    expect(holders.length).toBeGreaterThan(40);
    expect(zip.count).toBe(holders.length);
    const names = Object.keys(unzipSync(new Uint8Array(zip.body))).sort();
    expect(names).toHaveLength(holders.length);
    const [issued] = (await ds.query(
      `SELECT json_object_agg(registration_id, reference) AS refs FROM certificates WHERE event_id = $1`,
      [eventId],
    )) as Array<{ refs: Record<string, string> }>;
    PRE_ISSUED.forEach((p, i) =>
      expect(issued.refs[people[p].registrationId]).toBe(
        `TNG27-C${String(i + 1).padStart(4, '0')}`,
      ),
    );
    const fresh = holders
      .filter((x) => !PRE_ISSUED.includes(x.p))
      .map((x) => x.registrationId)
      .sort();
    expect(fresh.map((id) => issued.refs[id])).toEqual(
      fresh.map((_, i) => `TNG27-C${String(PRE_ISSUED.length + i + 1).padStart(4, '0')}`),
    );
    expect(names[0]).toBe(`TNG27-C0001-Person-001.pdf`);

    const overview = await recorded(() => certificates.overview(organiser, eventId, now));
    expect(overview.result.holders.map((h) => h.name)).toEqual(holders.map((x) => NAME(x.p)));
    expect(overview.result.holders[0]).toEqual({
      registrationId: people[0].registrationId,
      name: NAME(0),
      sessions: 1,
      minutes: 120,
    });

    await expectOwnRowsOnly([
      [
        'certificates issued',
        statements.find((s) => /SELECT registration_id, reference/.test(s.sql)),
        ['certificates'],
      ],
      ['people of the ZIP', statements.find((s) => /a\.locale/.test(s.sql)), ['registrations']],
      [
        'people of the overview',
        overview.statements.find((s) => /a\.locale/.test(s.sql)),
        ['registrations'],
      ],
    ]);
  }, 120_000);
});
