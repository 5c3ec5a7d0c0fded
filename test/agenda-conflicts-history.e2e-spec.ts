import { DataSource } from 'typeorm';
import { AgendaService, type Conflict, SessionsService } from '#agenda';
import { type Actor, DomainError } from '#core';
import { recordStatements, rowsReadByTable, type Statement } from './support/plan-reads.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PAST = 120; // ten years of monthly meetings
const PAST_PEOPLE = 20;
const PEOPLE = 40;
const DAYS = 3;
const SLOTS = 4;
/** Two sessions side by side in each slot, in rooms 'Salle 1' and 'Salle 2'. */
const PARALLEL = 2;
/** Each person picks one of the two sessions of each slot. */
const pick = (j: number, d: number, t: number) => (j + d + t) % PARALLEL;
/** People confirmed in the session moved onto their first session of the last day. */
const MOVED_PEOPLE = [0, 1, 2, 3];

const at = (d: number, t: number, minutes = 0) =>
  new Date(Date.UTC(2027, 9, 25 + d, 8 + 2 * t, minutes));

const sorted = (list: Conflict[]) =>
  list.map((c) => JSON.stringify(c, Object.keys(c).sort())).sort();

/**
 * An event's agenda conflicts (GET /events/:id/conflicts, and publishing the agenda under
 * its lock) read the event's confirmed sign-ups and rooms, not those of every meeting the
 * network ever held: the cost follows the event, not the history.
 */
describe('agenda conflicts with a long history', () => {
  let t: TestApp;
  let ds: DataSource;
  let organiser: Actor;
  let eventId: string;
  const grid = new Map<string, string>(); // `${d}-${t}-${p}` -> session id
  const rooms = new Map<string, string>(); // name -> id
  const accounts: string[] = [];
  let facilitator: string;
  const named: Record<'draft' | 'after' | 'tooBig' | 'moved' | 'cancelled', string> = {
    draft: '',
    after: '',
    tooBig: '',
    moved: '',
    cancelled: '',
  };
  let ownConfirmed = 0;
  let ownRooms = 0;

  beforeAll(async () => {
    t = await startTestApp('agenda_conflicts_history');
    ds = t.app.get(DataSource);
    const [org] = await ds.query(
      `INSERT INTO organisations (name, country, city) VALUES ('Darna', 'MA', 'Tangier') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO accounts (email, name) SELECT 'ach' || i || '@example.org', 'Person ' || i
         FROM generate_series(1, 400) i`,
    );

    // The network's history: a meeting a month, each with its rooms, its sessions and
    // its people signed up to one session per slot.
    await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       SELECT 'past-' || m, 'Meeting ' || m, 'meeting', date '2017-01-10' + 30 * m,
              date '2017-01-10' + 30 * m + 2, 'Africa/Casablanca', 100, 'closed'
         FROM generate_series(1, $1::int) m`,
      [PAST],
    );
    await ds.query(
      `INSERT INTO rooms (event_id, name, capacity)
       SELECT e.id, 'Salle ' || k, 30 FROM events e CROSS JOIN generate_series(1, 8) k
        WHERE e.slug LIKE 'past-%'`,
    );
    await ds.query(
      `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, room_id, capacity, status, published_at)
       SELECT e.id, 'workshop', 'Past ' || t || '-' || p,
              e.start_date + make_interval(hours => 8 + 2 * t),
              e.start_date + make_interval(hours => 9 + 2 * t, mins => 30),
              r.id, 25, 'published', now()
         FROM events e CROSS JOIN generate_series(0, 5) t CROSS JOIN generate_series(0, 1) p
         JOIN rooms r ON r.event_id = e.id AND r.name = 'Salle ' || (p + 1)
        WHERE e.slug LIKE 'past-%'`,
    );
    await ds.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession, consent_data_processing_at)
       SELECT e.id, a.id, $1, 'confirmed', 'social_worker', now()
         FROM events e CROSS JOIN generate_series(0, $2::int - 1) j
         JOIN accounts a ON a.email = 'ach' || ((substr(e.slug, 6)::int * 7 + j) % 400 + 1) || '@example.org'
        WHERE e.slug LIKE 'past-%'`,
      [org.id, PAST_PEOPLE],
    );
    await ds.query(
      `WITH r AS (
         SELECT id, event_id, account_id, row_number() OVER (PARTITION BY event_id ORDER BY id) AS j
           FROM registrations WHERE event_id IN (SELECT id FROM events WHERE slug LIKE 'past-%'))
       INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at, confirmed_at)
       SELECT s.id, s.event_id, r.id, r.account_id, 'confirmed', s.starts_at, s.ends_at, now()
         FROM r CROSS JOIN generate_series(0, 5) t
         JOIN sessions s ON s.event_id = r.event_id AND s.title = 'Past ' || t || '-' || (r.j + t) % 2`,
    );

    // This year's meeting.
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       VALUES ('tangier-2027', 'Tangier 2027', 'meeting', '2027-10-25', '2027-10-27',
               'Africa/Casablanca', 100, 'published') RETURNING id`,
    );
    eventId = event.id;
    for (const [name, capacity] of [
      ...Array.from({ length: 8 }, (_, k) => [`Salle ${k + 1}`, 30] as const),
      ['Petite salle', 10] as const,
    ]) {
      const [room] = await ds.query(
        `INSERT INTO rooms (event_id, name, capacity) VALUES ($1, $2, $3) RETURNING id`,
        [eventId, name, capacity],
      );
      rooms.set(name, room.id);
    }
    ownRooms = rooms.size;
    const session = async (
      title: string,
      start: Date,
      end: Date,
      room: string | null,
      opts: { status?: string; capacity?: number } = {},
    ): Promise<string> => {
      const status = opts.status ?? 'published';
      const [row] = await ds.query(
        `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, room_id, capacity, status, published_at)
         VALUES ($1, 'workshop', $2, $3, $4, $5, $6, $7, CASE WHEN $7 <> 'draft' THEN now() END)
         RETURNING id`,
        [eventId, title, start, end, room && rooms.get(room), opts.capacity ?? 25, status],
      );
      return row.id;
    };
    for (let d = 0; d < DAYS; d++) {
      for (let s = 0; s < SLOTS; s++) {
        for (let p = 0; p < PARALLEL; p++) {
          grid.set(
            `${d}-${s}-${p}`,
            await session(
              `Day ${d + 1} slot ${s + 1} ${'AB'[p]}`,
              at(d, s),
              at(d, s + 1, -30),
              `Salle ${p + 1}`,
            ),
          );
        }
      }
    }
    // What the agenda gets wrong, one of each kind.
    named.draft = await session('Draft in Salle 1', at(0, 0, 15), at(0, 0, 75), 'Salle 1', {
      status: 'draft',
    });
    named.cancelled = await session('Cancelled in Salle 2', at(0, 0), at(0, 1), 'Salle 2', {
      status: 'cancelled',
    });
    named.after = await session('After the end', at(4, 1), at(4, 2), null);
    named.tooBig = await session('Too big', at(2, 3), at(2, 4, -30), 'Petite salle');
    named.moved = await session('Moved', at(2, 3, 30), at(2, 4), null);
    const [fac] = await ds.query(`SELECT id FROM accounts WHERE email = 'ach400@example.org'`);
    facilitator = fac.id;
    for (const p of [0, 1]) {
      await ds.query(`INSERT INTO session_facilitators (session_id, account_id) VALUES ($1, $2)`, [
        grid.get(`1-0-${p}`),
        facilitator,
      ]);
    }

    const people = (await ds.query(
      `SELECT id FROM accounts WHERE email LIKE 'ach%' ORDER BY email LIMIT $1`,
      [PEOPLE],
    )) as Array<{ id: string }>;
    const [me] = people;
    for (const [j, person] of people.entries()) {
      accounts.push(person.id);
      const [reg] = await ds.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession, consent_data_processing_at)
         VALUES ($1, $2, $3, 'confirmed', 'social_worker', now()) RETURNING id`,
        [eventId, person.id, org.id],
      );
      const signUp = (sessionId: string, status: string) =>
        ds.query(
          `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at)
           SELECT id, event_id, $2, $3, $4, starts_at, ends_at FROM sessions WHERE id = $1`,
          [sessionId, reg.id, person.id, status],
        );
      for (let d = 0; d < DAYS; d++) {
        for (let s = 0; s < SLOTS; s++) {
          // The first people took the session at the end of the last day instead.
          const moved = d === DAYS - 1 && s === SLOTS - 1 && MOVED_PEOPLE.includes(j);
          await signUp(moved ? named.moved : grid.get(`${d}-${s}-${pick(j, d, s)}`)!, 'confirmed');
          ownConfirmed++;
        }
      }
      // Waiting or gone: never a conflict.
      if (j === 4) await signUp(named.moved, 'waitlisted');
      if (j === 5) await signUp(named.moved, 'cancelled');
    }
    // 'Moved' went to the morning of the last day; the sign-ups' copy of its time is
    // stale, so only the agenda check sees its people in two sessions at once.
    await ds.query(`UPDATE sessions SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
      named.moved,
      at(2, 0, 30),
      at(2, 1),
    ]);
    await ds.query(
      `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`,
      [eventId, me.id],
    );
    organiser = { accountId: me.id, platformRole: 'member' };
    await ds.query('VACUUM ANALYZE');
  }, 180_000);
  afterAll(() => t.close());

  function expected(): Conflict[] {
    const g = (d: number, s: number, p: number) => grid.get(`${d}-${s}-${p}`)!;
    return [
      {
        type: 'room_double_booked',
        sessionIds: [g(0, 0, 0), named.draft],
        roomId: rooms.get('Salle 1'),
      },
      { type: 'facilitator_overlap', sessionIds: [g(1, 0, 0), g(1, 0, 1)], facilitator },
      { type: 'outside_event_dates', sessionIds: [named.after] },
      {
        type: 'capacity_above_room',
        sessionIds: [named.tooBig],
        roomId: rooms.get('Petite salle'),
        capacity: 25,
        roomCapacity: 10,
      },
      ...MOVED_PEOPLE.map((j) => ({
        type: 'participant_overlap' as const,
        sessionIds: [g(2, 0, pick(j, 2, 0)), named.moved],
        accountId: accounts[j],
      })),
    ];
  }

  it('finds every conflict of the event, and none from other meetings or unconfirmed sign-ups', async () => {
    const got = await t.app.get(AgendaService).conflicts(organiser, eventId);
    expect(got.count).toBe(8);
    expect(sorted(got.conflicts)).toEqual(sorted(expected()));
    const byId = new Map(got.sessions.map((s) => [s.id, s]));
    expect(byId.get(named.draft)).toMatchObject({
      title: 'Draft in Salle 1',
      status: 'draft',
      roomId: rooms.get('Salle 1'),
    });
    // In the event's zone, at the instants stored (the moved session at its new time).
    expect(new Date(byId.get(named.draft)!.startsAt)).toEqual(at(0, 0, 15));
    expect(new Date(byId.get(named.moved)!.startsAt)).toEqual(at(2, 0, 30));
    expect(byId.has(named.cancelled)).toBe(false);
  });

  it('publishing refuses the draft in a conflict, under the lock, without reading other meetings', async () => {
    const recording = recordStatements(ds);
    const refused = await t.app
      .get(SessionsService)
      .publishAgenda(organiser, eventId)
      .catch((e: unknown) => e);
    recording.stop();
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details).toMatchObject({
      code: 'agenda_conflicts',
      conflicts: [{ type: 'room_double_booked', sessionIds: [grid.get('0-0-0'), named.draft] }],
    });
    const [{ status }] = await ds.query(`SELECT status FROM sessions WHERE id = $1`, [named.draft]);
    expect(status).toBe('draft');
    await expectOwnRowsOnly(recording.statements);
  });

  it('reads only the event’s sign-ups and rooms, whatever the history', async () => {
    const recording = recordStatements(ds);
    await t.app.get(AgendaService).conflicts(organiser, eventId);
    recording.stop();
    await expectOwnRowsOnly(recording.statements);
  });

  async function expectOwnRowsOnly(statements: Statement[]) {
    const [history] = await ds.query(
      `SELECT (SELECT count(*) FROM signups)::int AS signups,
              (SELECT count(*) FROM signups WHERE event_id = $1)::int AS own_signups,
              (SELECT count(*) FROM sessions WHERE event_id = $1)::int AS own_sessions,
              (SELECT count(*) FROM rooms)::int AS rooms`,
      [eventId],
    );
    // The history dwarfs the event, so reading it would show.
    expect(history.signups).toBeGreaterThan(10 * history.own_signups);
    expect(history.rooms).toBeGreaterThan(10 * ownRooms);
    const confirmed = statements.find((s) => /FROM signups\s+WHERE event_id/.test(s.sql));
    expect(confirmed).toBeDefined();
    const agenda = statements.find(
      (s) => /FROM sessions s/.test(s.sql) && /s\.event_id/.test(s.sql),
    );
    expect(agenda).toBeDefined();
    const roomList = statements.find((s) => /FROM rooms WHERE event_id/.test(s.sql));
    expect(roomList).toBeDefined();

    // The confirmed sign-ups: the event's own and no more.
    const read = await rowsReadByTable(ds, confirmed!);
    expect(read.get('signups')).toBeLessThanOrEqual(ownConfirmed);
    // The agenda: each session's seat counts from its own sign-ups, the event's rooms.
    // EXPLAIN gives a repeated node's rows as a rounded average per loop (one loop per
    // session), so up to half a row per session may show on top of the event's own.
    const sessions = await rowsReadByTable(ds, agenda!);
    expect(sessions.get('signups') ?? 0).toBeLessThanOrEqual(
      history.own_signups + history.own_sessions / 2,
    );
    expect(sessions.get('rooms') ?? 0).toBeLessThanOrEqual(ownRooms);
    const roomsRead = await rowsReadByTable(ds, roomList!);
    expect(roomsRead.get('rooms')).toBeLessThanOrEqual(ownRooms);
  }
});
