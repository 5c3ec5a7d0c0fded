import { DataSource } from 'typeorm';
import {
  Hotel,
  HotelRoom,
  Hotels,
  RoomAssignments,
  RoomInventory,
  RoomingLists,
  Stay,
} from '#accommodation';
import { type Actor, dataSourceOptions } from '#core';
import { Event, EventAccess, EventStaff } from '#events';
import {
  EventVisaRules,
  type ListVisasQueryDto,
  VISA_STATUSES,
  VisaReports,
  VisaRulesService,
} from '#travel';
// The organisers' check the accommodation services share (not exported by the lib).
import { AccommodationAccess } from '../libs/accommodation/src/organiser-access.js';
import { recordStatements, rowsReadByTable, type Statement } from './support/plan-reads.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { seedNetwork, seedPastMeetings } from './support/past-meetings.js';

const PEOPLE = 200;
const NAME = (p: number) => `Person ${String(p).padStart(3, '0')}`;
const STATUS = (p: number) =>
  p % 10 === 3 ? 'waitlisted' : p % 10 === 5 ? 'pending' : p % 10 === 7 ? 'cancelled' : 'confirmed';
const LIVE = (p: number) => STATUS(p) !== 'cancelled';

/** Stay wishes for every third person; one has dates fixed by the organisers. */
const stayOf = (p: number) =>
  p % 3 !== 0
    ? null
    : {
        preference: p % 2 === 0 ? 'single' : 'shared',
        needs: p % 6 === 0 ? `Ground floor ${p}` : null,
        shareNeeds: p % 12 === 0,
        override: p === 12 ? ['2027-10-26', '2027-10-28'] : null,
      };

/** A travel plan for three people in four; some flights, nationalities and visa steps. */
const planOf = (p: number) => {
  if (p % 4 === 1) return null;
  const nationality = p % 8 === 0 ? null : ['BF', 'CD', 'PH'][p % 3];
  return {
    nationality,
    number: p % 2 === 0 ? `v1.passport-${p}` : null,
    expiresOn: p % 5 === 0 ? '2027-12-01' : '2030-01-01',
    visa: nationality ? VISA_STATUSES[p % 6] : null,
    flights: p % 8 === 2,
  };
};
const visaStatusOf = (p: number) => planOf(p)?.visa ?? 'unknown';

const EVENT_NIGHTS = ['2027-10-25', '2027-10-26', '2027-10-27', '2027-10-28', '2027-10-29'];
const ATLAS = { singles: 40, twins: 30 };
const RIAD_DOUBLES = 20;

/**
 * Who sleeps where: the confirmed people who stay the event's nights (no flights, no dates
 * of their own), in order, one per single, two per twin, then two per double, leaving the
 * last two without a room.
 */
function placements() {
  const staying = Array.from({ length: PEOPLE }, (_, p) => p).filter(
    (p) => STATUS(p) === 'confirmed' && !planOf(p)?.flights && !stayOf(p)?.override,
  );
  const out: Array<{ p: number; hotel: 'atlas' | 'riad'; type: string; position: number }> = [];
  staying.slice(0, -2).forEach((p, i) => {
    if (i < ATLAS.singles) out.push({ p, hotel: 'atlas', type: 'single', position: i + 1 });
    else if (i < ATLAS.singles + 2 * ATLAS.twins)
      out.push({
        p,
        hotel: 'atlas',
        type: 'twin',
        position: Math.floor((i - ATLAS.singles) / 2) + 1,
      });
    else {
      const j = i - ATLAS.singles - 2 * ATLAS.twins;
      out.push({ p, hotel: 'riad', type: 'double', position: Math.floor(j / 2) + 1 });
    }
  });
  return out;
}

/**
 * Accommodation and visa pages: the guests (their stay wishes and flights), the rooms, a
 * hotel's rooming list and the visa board are read from the event's own stays, travel plans,
 * rooms and room assignments, so the pages grow with the event and not with the network's
 * history of past meetings.
 */
describe('accommodation and visas with a history of earlier meetings', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let eventId: string;
  let organiser: Actor;
  let atlasId: string;
  let riadId: string;
  let rooms: RoomAssignments;
  let rooming: RoomingLists;
  let visas: VisaReports;
  const registrationOf = new Map<number, string>();
  const placed = placements();
  const own = {
    registrations: 0,
    accommodation_stays: 0,
    travel_plans: 0,
    accommodation_rooms: 0,
    room_assignments: 0,
  };

  beforeAll(async () => {
    db = await createTestDatabase('accommodation_visa_history');
    ds = new DataSource({
      ...dataSourceOptions(db.url),
      entities: [Event, EventStaff, Hotel, HotelRoom, RoomInventory, Stay, EventVisaRules],
    });
    await ds.initialize();
    const network = await seedNetwork(ds, 1000);
    const orgs = network.organisationIds;
    organiser = network.organiser;

    // The network's history: six earlier meetings of 1,000 people (this year's among them),
    // each with stay wishes, a travel plan with flights, two hotels of 500 rooms and
    // everyone in a room for the five nights.
    await seedPastMeetings(ds, { years: [2021, 2026], organisationId: orgs[0], emails: 'p%' });
    await ds.query(
      `INSERT INTO accommodation_stays (registration_id, event_id, room_preference, room_needs,
         share_needs_with_hotel, check_in_override, check_out_override)
       SELECT r.id, r.event_id, 'shared', 'An old wish', true, e.start_date - 2, e.end_date + 2
         FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug LIKE 'past-%'`,
    );
    await ds.query(
      `INSERT INTO travel_plans (registration_id, event_id, passport_nationality, passport_expires_on,
         visa_status, arrival_flight, arrival_airport, arrival_at, departure_flight,
         departure_airport, departure_at)
       SELECT r.id, r.event_id, 'BF', date '2020-01-01', 'refused', 'AT1', 'TNG',
              e.start_date - 3 + time '12:00', 'AT2', 'TNG', e.end_date + 3 + time '12:00'
         FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug LIKE 'past-%'`,
    );
    await ds.query(
      `INSERT INTO accommodation_hotels (event_id, name, address, city)
       SELECT e.id, 'Past hotel ' || h, 'Rue ' || h, 'Tangier'
         FROM events e CROSS JOIN generate_series(1, 2) h WHERE e.slug LIKE 'past-%'`,
    );
    await ds.query(
      `INSERT INTO accommodation_rooms (hotel_id, room_type, position, capacity)
       SELECT h.id, 'single', n, 1 FROM accommodation_hotels h CROSS JOIN generate_series(1, 500) n`,
    );
    await ds.query(
      `INSERT INTO accommodation_inventory (hotel_id, room_type, night, rooms)
       SELECT h.id, 'single', e.start_date + n, 500
         FROM accommodation_hotels h JOIN events e ON e.id = h.event_id
              CROSS JOIN generate_series(0, 4) n`,
    );
    await ds.query(
      `INSERT INTO room_assignments (registration_id, night, room_id, event_id)
       SELECT x.id, e.start_date + n, room.id, x.event_id
         FROM (SELECT r.id, r.event_id, row_number() OVER (PARTITION BY r.event_id ORDER BY r.id) - 1 AS k
                 FROM registrations r) x
         JOIN events e ON e.id = x.event_id
         JOIN LATERAL (SELECT id FROM accommodation_hotels WHERE event_id = x.event_id
                        ORDER BY name OFFSET x.k % 2 LIMIT 1) h ON true
         JOIN accommodation_rooms room ON room.hotel_id = h.id AND room.position = x.k / 2 + 1
         CROSS JOIN generate_series(0, 4) n`,
    );

    // This year's meeting, 25 to 30 October.
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       VALUES ('tangier-2027', 'Tangier 2027', 'meeting', '2027-10-25', '2027-10-30',
               'Africa/Casablanca', 300, 'published') RETURNING id`,
    );
    eventId = event.id;
    await ds.query(
      `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
      [eventId, organiser.accountId],
    );
    const ps = Array.from({ length: PEOPLE }, (_, p) => p);
    const regs = (await ds.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
         consent_data_processing_at, waitlist_seq)
       SELECT $1, a.id, o.id, x.status, 'social_worker', now(),
              CASE WHEN x.status = 'waitlisted' THEN x.p END
         FROM unnest($2::int[], $3::text[], $4::int[]) AS x(p, status, org)
         JOIN accounts a ON a.name = 'Person ' || lpad(x.p::text, 3, '0')
         JOIN organisations o ON o.id = ($5::uuid[])[x.org + 1]
       RETURNING id, account_id`,
      [eventId, ps, ps.map(STATUS), ps.map((p) => p % 2), orgs],
    )) as Array<{ id: string; account_id: string }>;
    const accountName = new Map(
      (
        (await ds.query(`SELECT id, name FROM accounts`)) as Array<{ id: string; name: string }>
      ).map((a) => [a.id, a.name]),
    );
    for (const r of regs) registrationOf.set(Number(accountName.get(r.account_id)!.slice(7)), r.id);
    own.registrations = regs.length;

    const stays = ps.filter((p) => stayOf(p));
    await ds.query(
      `INSERT INTO accommodation_stays (registration_id, event_id, room_preference, room_needs,
         share_needs_with_hotel, check_in_override, check_out_override)
       SELECT x.id, $1, x.pref, x.needs, x.share, x.cin, x.cout
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::date[], $7::date[])
              AS x(id, pref, needs, share, cin, cout)`,
      [
        eventId,
        stays.map((p) => registrationOf.get(p)),
        stays.map((p) => stayOf(p)!.preference),
        stays.map((p) => stayOf(p)!.needs),
        stays.map((p) => stayOf(p)!.shareNeeds),
        stays.map((p) => stayOf(p)!.override?.[0] ?? null),
        stays.map((p) => stayOf(p)!.override?.[1] ?? null),
      ],
    );
    own.accommodation_stays = stays.length;

    const plans = ps.filter((p) => planOf(p));
    await ds.query(
      `INSERT INTO travel_plans (registration_id, event_id, passport_nationality,
         passport_number_encrypted, passport_expires_on, visa_status, visa_status_changed_at,
         arrival_flight, arrival_airport, arrival_at, departure_flight, departure_airport, departure_at)
       SELECT x.id, $1, x.nationality, x.number, x.expires, x.visa,
              CASE WHEN x.visa IS NOT NULL THEN timestamptz '2027-09-01 10:00Z' END,
              CASE WHEN x.flights THEN 'AT123' END, CASE WHEN x.flights THEN 'TNG' END,
              CASE WHEN x.flights THEN timestamptz '2027-10-24 12:00Z' END,
              CASE WHEN x.flights THEN 'AT124' END, CASE WHEN x.flights THEN 'TNG' END,
              CASE WHEN x.flights THEN timestamptz '2027-10-31 09:00Z' END
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::boolean[])
              AS x(id, nationality, number, expires, visa, flights)`,
      [
        eventId,
        plans.map((p) => registrationOf.get(p)),
        plans.map((p) => planOf(p)!.nationality),
        plans.map((p) => planOf(p)!.number),
        plans.map((p) => planOf(p)!.expiresOn),
        plans.map((p) => planOf(p)!.visa),
        plans.map((p) => planOf(p)!.flights),
      ],
    );
    own.travel_plans = plans.length;

    for (const name of ['Hotel Atlas', 'Riad Zitoun']) {
      const [h] = await ds.query(
        `INSERT INTO accommodation_hotels (event_id, name, address, city, created_at)
         VALUES ($1, $2, 'Medina', 'Tangier', now() + $3 * interval '1 minute') RETURNING id`,
        [eventId, name, name === 'Hotel Atlas' ? 0 : 1],
      );
      if (name === 'Hotel Atlas') atlasId = h.id;
      else riadId = h.id;
    }
    const roomsOf: Array<[string, string, number, number, string | null]> = [
      [atlasId, 'single', ATLAS.singles, 1, null],
      [atlasId, 'twin', ATLAS.twins, 2, null],
      [riadId, 'double', RIAD_DOUBLES, 2, 'Zellige '],
    ];
    for (const [hotelId, type, count, capacity, label] of roomsOf) {
      await ds.query(
        `INSERT INTO accommodation_rooms (hotel_id, room_type, position, label, capacity)
         SELECT $1, $2, n, $3::text || n, $4 FROM generate_series(1, $5::int) n`,
        [hotelId, type, label, capacity, count],
      );
      await ds.query(
        `INSERT INTO accommodation_inventory (hotel_id, room_type, night, rooms)
         SELECT $1, $2, date '2027-10-24' + n, $3 FROM generate_series(0, 6) n`,
        [hotelId, type, count],
      );
      own.accommodation_rooms += count;
    }
    await ds.query(
      `INSERT INTO room_assignments (registration_id, night, room_id, event_id, assigned_by)
       SELECT x.id, night, r.id, $1, $2
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[]) AS x(id, hotel, type, position)
         JOIN accommodation_rooms r
           ON r.hotel_id = x.hotel AND r.room_type = x.type AND r.position = x.position
        CROSS JOIN unnest($7::date[]) night`,
      [
        eventId,
        organiser.accountId,
        placed.map((x) => registrationOf.get(x.p)),
        placed.map((x) => (x.hotel === 'atlas' ? atlasId : riadId)),
        placed.map((x) => x.type),
        placed.map((x) => x.position),
        EVENT_NIGHTS,
      ],
    );
    own.room_assignments = placed.length * EVENT_NIGHTS.length;
    await ds.query('VACUUM ANALYZE');

    const events = new EventAccess(ds.getRepository(Event), ds.getRepository(EventStaff));
    const access = new AccommodationAccess(events);
    const hotels = new Hotels(ds, access);
    rooms = new RoomAssignments(ds, access, hotels);
    rooming = new RoomingLists(ds, access, hotels);
    visas = new VisaReports(ds, events, new VisaRulesService(ds, events));
  }, 180_000);
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const visaQuery = (q: Partial<ListVisasQueryDto> = {}) => q as ListVisasQueryDto;

  it('the history dwarfs the event, so reading it would show', async () => {
    const [history] = await ds.query(
      `SELECT (SELECT count(*) FROM registrations)::int AS registrations,
              (SELECT count(*) FROM accommodation_stays)::int AS accommodation_stays,
              (SELECT count(*) FROM travel_plans)::int AS travel_plans,
              (SELECT count(*) FROM accommodation_rooms)::int AS accommodation_rooms,
              (SELECT count(*) FROM room_assignments)::int AS room_assignments`,
    );
    expect(own).toEqual({
      registrations: 200,
      accommodation_stays: 67,
      travel_plans: 150,
      accommodation_rooms: 90,
      room_assignments: 560,
    });
    for (const table of Object.keys(own) as Array<keyof typeof own>) {
      expect(history[table]).toBeGreaterThan(11 * own[table]);
    }
  });

  it('shows each confirmed guest with their wishes, nights and room, and the rooms of each hotel', async () => {
    const view = await rooms.occupancy(organiser, eventId);
    const confirmed = [...registrationOf.keys()].filter((p) => STATUS(p) === 'confirmed');
    expect(view.guests.map((g) => g.name)).toEqual(confirmed.sort((a, b) => a - b).map(NAME));
    expect(view.nights).toEqual(['2027-10-24', ...EVENT_NIGHTS, '2027-10-30']);
    const guest = (p: number) => view.guests.find((g) => g.name === NAME(p))!;
    // Person 000: a wish for a single room and a need, the event's nights, in Single 1.
    expect(guest(0)).toMatchObject({
      registrationId: registrationOf.get(0),
      organisation: 'Maison des Familles',
      roomPreference: 'single',
      roomNeeds: 'Ground floor 0',
      checkIn: '2027-10-25',
      checkOut: '2027-10-30',
      nightsSource: 'event',
      unassignedNights: [],
    });
    expect(new Set(guest(0).nights.map((n) => `${n.roomLabel} ${n.hotelId}`))).toEqual(
      new Set([`Single 1 ${atlasId}`]),
    );
    // Person 002 flies in the day before and out the day after: seven nights, no room yet.
    expect(guest(2)).toMatchObject({
      roomPreference: null,
      checkIn: '2027-10-24',
      checkOut: '2027-10-31',
      nightsSource: 'flights',
    });
    expect(guest(2).unassignedNights).toHaveLength(7);
    // Person 012: the organisers' dates hold over everything else.
    expect(guest(12)).toMatchObject({
      checkIn: '2027-10-26',
      checkOut: '2027-10-28',
      nightsSource: 'organiser',
    });
    // Person 009 wishes to share; Person 001 said nothing and has no plan.
    expect(guest(9)).toMatchObject({ roomPreference: 'shared', roomNeeds: null });
    expect(guest(1)).toMatchObject({ roomPreference: null, nightsSource: 'event' });
    // Everyone on a flight, Person 012 and the last two staying the event's nights.
    expect(view.unassigned).toHaveLength(25 + 1 + 2);

    expect(view.hotels.map((h) => [h.name, h.rooms.length])).toEqual([
      ['Hotel Atlas', 70],
      ['Riad Zitoun', 20],
    ]);
    const atlas = view.hotels[0];
    expect(atlas.rooms.slice(39, 42).map((r) => r.label)).toEqual([
      'Single 40',
      'Twin 1',
      'Twin 2',
    ]);
    const twin1 = atlas.rooms[40].nights.find((n) => n.night === '2027-10-27')!;
    expect(twin1.booked).toBe(true);
    expect(twin1.occupants.map((o) => o.name)).toEqual(
      placed.filter((x) => x.type === 'twin' && x.position === 1).map((x) => NAME(x.p)),
    );
    expect(view.hotels[1].rooms[0]).toMatchObject({ label: 'Zellige 1', customLabel: 'Zellige 1' });
    expect(atlas.totals.find((t) => t.night === '2027-10-25')).toEqual({
      night: '2027-10-25',
      booked: { single: 40, twin: 30, double: 0 },
      used: { single: 40, twin: 30, double: 0 },
    });
  });

  it("lists the hotel's rooming list with roommates and only the needs people share", async () => {
    const list = await rooming.get(organiser, eventId, atlasId);
    expect(list.lines).toHaveLength(ATLAS.singles + 2 * ATLAS.twins);
    expect(list.nights.map((n) => [n.night, n.rooms.length])).toEqual(
      EVENT_NIGHTS.map((n) => [n, ATLAS.singles + ATLAS.twins]),
    );
    const line = (p: number) => list.lines.find((l) => l.registrationId === registrationOf.get(p))!;
    // Person 000 agreed the hotel may read their need; Person 006 did not.
    expect(line(0)).toMatchObject({
      room: 'Single 1',
      checkIn: '2027-10-25',
      checkOut: '2027-10-30',
      sharingWith: [],
      specialNeeds: 'Ground floor 0',
    });
    expect(line(6).specialNeeds).toBeNull();
    const [a, b] = placed.filter((x) => x.type === 'twin' && x.position === 3);
    expect(line(a.p)).toMatchObject({ room: 'Twin 3', sharingWith: [NAME(b.p)] });
    expect(line(b.p)).toMatchObject({ room: 'Twin 3', sharingWith: [NAME(a.p)] });
    const riad = await rooming.get(organiser, eventId, riadId);
    expect(riad.lines.map((l) => l.name).sort()).toEqual(
      placed.filter((x) => x.hotel === 'riad').map((x) => NAME(x.p)),
    );
  });

  it('shows the visa board of the live registrations, filtered and counted by status', async () => {
    const live = [...registrationOf.keys()].filter(LIVE).sort((x, y) => x - y);
    const board = await visas.list(organiser, eventId, visaQuery());
    expect(board.total).toBe(180);
    expect(board.items.map((i) => i.account.name)).toEqual(live.slice(0, 50).map(NAME));
    const counts = Object.fromEntries(
      [...VISA_STATUSES, 'unknown'].map((s) => [
        s,
        live.filter((p) => visaStatusOf(p) === s).length,
      ]),
    );
    expect(board.byStatus).toEqual(counts);
    expect(board.byStatus.unknown).toBeGreaterThan(0);
    // Person 000: passport on file expiring too soon, nationality not given yet.
    expect(board.items[0]).toMatchObject({
      registrationId: registrationOf.get(0),
      nationality: null,
      passportExpiresOn: '2027-12-01',
      passportNumberOnFile: true,
      passportWarning: 'passport_expires_within_6_months',
      visaStatus: null,
    });
    // Person 002: a Philippine passport, the letter issued.
    expect(board.items[2]).toMatchObject({
      nationality: 'PH',
      visaStatus: 'letter_issued',
      visaStatusChangedAt: expect.stringMatching(/^2027-09-01T/),
    });
    const bf = await visas.list(organiser, eventId, visaQuery({ nationality: 'BF', pageSize: 10 }));
    const bfLive = live.filter((p) => planOf(p)?.nationality === 'BF');
    expect(bf.total).toBe(bfLive.length);
    expect(bf.items.map((i) => i.account.name)).toEqual(bfLive.slice(0, 10).map(NAME));
    // The counts are the whole board's whatever the filter.
    expect(bf.byStatus).toEqual(counts);
    const unknown = await visas.list(organiser, eventId, visaQuery({ status: 'unknown' }));
    expect(unknown.total).toBe(counts.unknown);
  });

  /** Rows each statement read from the tables every meeting adds to. */
  async function readsOf(statements: Statement[]) {
    const out: Array<{ sql: string; table: keyof typeof own; rows: number }> = [];
    for (const s of statements) {
      if (!/^\s*(SELECT|WITH)/i.test(s.sql)) continue;
      for (const [table, rows] of await rowsReadByTable(ds, s)) {
        if (table in own) out.push({ sql: s.sql, table: table as keyof typeof own, rows });
      }
    }
    return out;
  }

  async function recorded(run: () => Promise<unknown>) {
    const recording = recordStatements(ds);
    await run();
    recording.stop();
    return readsOf(recording.statements);
  }

  const overOwn = (reads: Awaited<ReturnType<typeof readsOf>>) =>
    reads
      .filter((r) => r.rows > own[r.table])
      .map((r) => `${r.table}: ${r.rows} rows > ${own[r.table]} in ${r.sql.slice(0, 200)}`);

  it("reads only the event's stays, plans, rooms and assignments for the occupancy", async () => {
    const reads = await recorded(() => rooms.occupancy(organiser, eventId));
    for (const table of [
      'accommodation_stays',
      'travel_plans',
      'accommodation_rooms',
      'room_assignments',
    ] as const) {
      expect(reads.some((r) => r.table === table)).toBe(true);
    }
    expect(overOwn(reads)).toEqual([]);
  });

  it("reads only the event's assignments for a hotel's rooming list", async () => {
    const reads = await recorded(() => rooming.get(organiser, eventId, atlasId));
    const nights = reads.filter((r) => /sharing_with/.test(r.sql));
    expect(nights.map((r) => r.table)).toContain('room_assignments');
    // The list looks up each person-night's stay wishes and roommates by their keys: the
    // hotel's own rows. Everything else at most the event's rows.
    expect(overOwn(reads.filter((r) => !nights.includes(r)))).toEqual([]);
    // The event's assignments once, then for each of the hotel's person-nights one look at
    // its room that night, which holds at most two (a twin).
    const personNights = (ATLAS.singles + 2 * ATLAS.twins) * EVENT_NIGHTS.length;
    const assignments = nights.find((r) => r.table === 'room_assignments')!;
    expect(assignments.rows).toBeLessThanOrEqual(own.room_assignments + 2 * personNights);
    const roomsRead = nights.find((r) => r.table === 'accommodation_rooms');
    expect(roomsRead?.rows ?? 0).toBeLessThanOrEqual(own.accommodation_rooms);
  });

  it("reads only the event's travel plans for the visa board", async () => {
    const all = await recorded(() => visas.list(organiser, eventId, visaQuery()));
    // The page and the counts by status join the plans (the total alone needs none).
    expect(all.filter((r) => r.table === 'travel_plans')).toHaveLength(2);
    expect(overOwn(all)).toEqual([]);
    const filtered = await recorded(() =>
      visas.list(organiser, eventId, visaQuery({ nationality: 'BF' })),
    );
    expect(filtered.filter((r) => r.table === 'travel_plans')).toHaveLength(3);
    expect(overOwn(filtered)).toEqual([]);
  });
});
