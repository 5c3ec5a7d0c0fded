import { parseInstant } from '#core';
import { eventWindow } from './agenda-time.js';
import { type ConflictSession, detectConflicts, guestKey, overlappingPairs } from './conflicts.js';

const ZONE = 'Africa/Casablanca';
const at = (wall: string) => (parseInstant(wall, ZONE) as Date).getTime();
const session = (
  id: string,
  from: string,
  to: string,
  extra: Partial<ConflictSession> = {},
): ConflictSession => ({ id, start: at(from), end: at(to), ...extra });

describe('overlappingPairs', () => {
  it('does not count touching intervals (10:00-11:00 and 11:00-12:00)', () => {
    const a = session('a', '2027-10-25T10:00', '2027-10-25T11:00');
    const b = session('b', '2027-10-25T11:00', '2027-10-25T12:00');
    expect(overlappingPairs([a, b])).toEqual([]);
  });

  it('finds every overlapping pair once, whatever the input order', () => {
    const a = session('a', '2027-10-25T09:00', '2027-10-25T12:00');
    const b = session('b', '2027-10-25T10:00', '2027-10-25T10:30');
    const c = session('c', '2027-10-25T10:15', '2027-10-25T11:00');
    const d = session('d', '2027-10-25T12:00', '2027-10-25T13:00');
    const pairs = overlappingPairs([d, c, b, a]).map((p) => [...p].sort().join('-'));
    expect(pairs.sort()).toEqual(['a-b', 'a-c', 'b-c']);
  });

  it('finds one interval inside another', () => {
    const outer = session('outer', '2027-10-25T08:00', '2027-10-25T18:00');
    const inner = session('inner', '2027-10-25T12:00', '2027-10-25T12:05');
    expect(overlappingPairs([inner, outer])).toEqual([['outer', 'inner']]);
  });
});

describe('detectConflicts', () => {
  it('reports a room booked twice, not two rooms at the same time', () => {
    const conflicts = detectConflicts({
      sessions: [
        session('a', '2027-10-25T10:00', '2027-10-25T11:30', { roomId: 'r1' }),
        session('b', '2027-10-25T11:00', '2027-10-25T12:00', { roomId: 'r1' }),
        session('c', '2027-10-25T11:00', '2027-10-25T12:00', { roomId: 'r2' }),
        session('d', '2027-10-25T11:00', '2027-10-25T12:00'),
      ],
    });
    expect(conflicts).toEqual([
      { type: 'room_double_booked', sessionIds: ['a', 'b'], roomId: 'r1' },
    ]);
  });

  it('lets a room be reused back to back', () => {
    const conflicts = detectConflicts({
      sessions: [
        session('a', '2027-10-25T10:00', '2027-10-25T11:00', { roomId: 'r1' }),
        session('b', '2027-10-25T11:00', '2027-10-25T12:00', { roomId: 'r1' }),
      ],
    });
    expect(conflicts).toEqual([]);
  });

  it('reports a facilitator (account or named guest) in two sessions at once', () => {
    const guest = guestKey('  Dr  Amina Benali ');
    const conflicts = detectConflicts({
      sessions: [
        session('a', '2027-10-25T10:00', '2027-10-25T11:00', { facilitators: ['acc-1', guest] }),
        session('b', '2027-10-25T10:30', '2027-10-25T11:30', { facilitators: ['acc-1'] }),
        session('c', '2027-10-25T10:45', '2027-10-25T11:15', {
          facilitators: [guestKey('dr amina benali')],
        }),
        session('d', '2027-10-25T10:00', '2027-10-25T11:00', { facilitators: ['acc-2'] }),
      ],
    });
    expect(conflicts).toEqual(
      expect.arrayContaining([
        { type: 'facilitator_overlap', sessionIds: ['a', 'b'], facilitator: 'acc-1' },
        { type: 'facilitator_overlap', sessionIds: ['a', 'c'], facilitator: guest },
      ]),
    );
    expect(conflicts).toHaveLength(2);
  });

  it('reports sessions outside the event dates in the event zone', () => {
    const window = eventWindow('2027-10-25', '2027-10-30', ZONE);
    const conflicts = detectConflicts({
      window,
      sessions: [
        session('first-minute', '2027-10-25T00:00', '2027-10-25T01:00'),
        session('last-minute', '2027-10-30T23:00', '2027-10-31T00:00'),
        session('before', '2027-10-24T23:30', '2027-10-25T00:30'),
        session('after', '2027-10-30T23:30', '2027-10-31T00:30'),
      ],
    });
    expect(conflicts.map((c) => c.sessionIds[0]).sort()).toEqual(['after', 'before']);
    expect(conflicts.every((c) => c.type === 'outside_event_dates')).toBe(true);
  });

  it("reports a capacity above the room's, and none without a room limit", () => {
    const conflicts = detectConflicts({
      rooms: [
        { id: 'small', capacity: 10 },
        { id: 'open', capacity: null },
      ],
      sessions: [
        session('a', '2027-10-25T10:00', '2027-10-25T11:00', { roomId: 'small', capacity: 12 }),
        session('b', '2027-10-25T12:00', '2027-10-25T13:00', { roomId: 'small', capacity: 10 }),
        session('c', '2027-10-25T10:00', '2027-10-25T11:00', { roomId: 'open', capacity: 500 }),
      ],
    });
    expect(conflicts).toEqual([
      {
        type: 'capacity_above_room',
        sessionIds: ['a'],
        roomId: 'small',
        capacity: 12,
        roomCapacity: 10,
      },
    ]);
  });

  it('reports a participant holding two overlapping sessions', () => {
    const conflicts = detectConflicts({
      sessions: [
        session('ws1', '2027-10-26T14:00', '2027-10-26T16:00'),
        session('ws2', '2027-10-26T15:00', '2027-10-26T17:00'),
        session('ws3', '2027-10-26T16:00', '2027-10-26T18:00'),
      ],
      signups: [
        { sessionId: 'ws1', accountId: 'p1' },
        { sessionId: 'ws2', accountId: 'p1' },
        { sessionId: 'ws1', accountId: 'p2' },
        { sessionId: 'ws3', accountId: 'p2' },
      ],
    });
    expect(conflicts).toEqual([
      { type: 'participant_overlap', sessionIds: ['ws1', 'ws2'], accountId: 'p1' },
    ]);
  });

  it('handles sessions across midnight', () => {
    const conflicts = detectConflicts({
      window: eventWindow('2027-10-25', '2027-10-30', ZONE),
      sessions: [
        session('night', '2027-10-26T22:00', '2027-10-27T02:00', { roomId: 'r1' }),
        session('late', '2027-10-27T01:00', '2027-10-27T03:00', { roomId: 'r1' }),
        session('morning', '2027-10-27T02:00', '2027-10-27T09:00', { roomId: 'r2' }),
        session('dawn', '2027-10-27T03:00', '2027-10-27T04:00', { roomId: 'r1' }),
      ],
    });
    expect(conflicts).toEqual([
      { type: 'room_double_booked', sessionIds: ['night', 'late'], roomId: 'r1' },
    ]);
  });

  it('compares instants, not wall-clock text: offsets and Morocco rules', () => {
    // Ramadan 2026: Casablanca at UTC+0 on 2026-03-01; the rest of the year UTC+1.
    const ramadan = parseInstant('2026-03-01T10:00', ZONE) as Date;
    expect(ramadan.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const summer = parseInstant('2026-06-01T10:00', ZONE) as Date;
    expect(summer.toISOString()).toBe('2026-06-01T09:00:00.000Z');
    // After the 2026 decree Morocco is UTC+0 for good.
    expect((parseInstant('2027-10-25T10:00', ZONE) as Date).toISOString()).toBe(
      '2027-10-25T10:00:00.000Z',
    );

    // 10:00-11:00 wall clock in June and 10:00+02:00 to 11:00+02:00 (08:00-09:00Z) do not clash;
    // 09:30Z-10:30Z (given in UTC) does.
    const wall = session('wall', '2026-06-01T10:00', '2026-06-01T11:00', { roomId: 'r' });
    const paris = {
      id: 'paris',
      start: (parseInstant('2026-06-01T10:00:00+02:00', ZONE) as Date).getTime(),
      end: (parseInstant('2026-06-01T11:00:00+02:00', ZONE) as Date).getTime(),
      roomId: 'r',
    };
    const utc = {
      id: 'utc',
      start: (parseInstant('2026-06-01T09:30:00Z', ZONE) as Date).getTime(),
      end: (parseInstant('2026-06-01T10:30:00Z', ZONE) as Date).getTime(),
      roomId: 'r',
    };
    const conflicts = detectConflicts({ sessions: [wall, paris, utc] });
    expect(conflicts).toEqual([
      { type: 'room_double_booked', sessionIds: ['wall', 'utc'], roomId: 'r' },
    ]);
  });

  it('uses the event zone for the event window (Casablanca after 2026 is UTC+0)', () => {
    const window = eventWindow('2027-10-25', '2027-10-30', ZONE);
    expect(new Date(window.start).toISOString()).toBe('2027-10-25T00:00:00.000Z');
    expect(new Date(window.end).toISOString()).toBe('2027-10-31T00:00:00.000Z');
    const manila = eventWindow('2027-03-01', '2027-03-05', 'Asia/Manila');
    expect(new Date(manila.start).toISOString()).toBe('2027-02-28T16:00:00.000Z');
  });

  it('stays linear-ish on a large agenda', () => {
    const sessions: ConflictSession[] = [];
    for (let i = 0; i < 20000; i++) {
      const start = Date.UTC(2027, 9, 25) + (i % 2000) * 3_600_000;
      sessions.push({ id: `s${i}`, start, end: start + 3_600_000, roomId: `r${i % 10}` });
    }
    const t0 = performance.now();
    detectConflicts({ sessions });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
