import { addDays, nightsOf, stayDates } from './nights.js';
import { linesFromNights, roomingChanges } from './rooming-diff.js';
import { names, type SuggestGuest, type SuggestRoom, suggestRooms } from './suggestion.js';

const event = { eventStart: '2027-10-25', eventEnd: '2027-10-30', zone: 'Africa/Casablanca' };
const none = { arrivalAt: null, departureAt: null, checkInOverride: null, checkOutOverride: null };

describe('stay dates', () => {
  it('run from the arrival night to the departure morning in the event zone', () => {
    expect(
      stayDates({
        ...event,
        ...none,
        arrivalAt: new Date('2027-10-24T23:30:00Z'),
        departureAt: new Date('2027-10-30T08:00:00Z'),
      }),
    ).toEqual({ checkIn: '2027-10-24', checkOut: '2027-10-30', source: 'flights' });
  });

  it('give a small-hours arrival the night before', () => {
    const d = stayDates({ ...event, ...none, arrivalAt: new Date('2027-10-25T01:30:00Z') });
    expect(d.checkIn).toBe('2027-10-24');
    expect(d.checkOut).toBe('2027-10-30');
  });

  it("default to the event's dates and yield to the organiser's", () => {
    expect(stayDates({ ...event, ...none })).toMatchObject({
      checkIn: '2027-10-25',
      source: 'event',
    });
    expect(
      stayDates({
        ...event,
        ...none,
        arrivalAt: new Date('2027-10-24T12:00:00Z'),
        checkInOverride: '2027-10-26',
        checkOutOverride: '2027-10-28',
      }),
    ).toEqual({ checkIn: '2027-10-26', checkOut: '2027-10-28', source: 'organiser' });
  });

  it('always hold at least one night', () => {
    const d = stayDates({ ...event, ...none, departureAt: new Date('2027-10-20T10:00:00Z') });
    expect(nightsOf(d.checkIn, d.checkOut)).toEqual(['2027-10-25']);
  });
  it("read the small hours on the event's clocks, Morocco's UTC+0 included", () => {
    // 05:30 UTC is 05:30 in Tangier since 2026-09-20 (a runtime still on UTC+1 says 06:30).
    const tangier = stayDates({ ...event, ...none, arrivalAt: new Date('2027-10-25T05:30:00Z') });
    expect(tangier.checkIn).toBe('2027-10-24');
    // 20:30 UTC on the 24th is 04:30 on the 25th in Manila: the bed of the 24th.
    const manila = stayDates({
      ...event,
      ...none,
      zone: 'Asia/Manila',
      arrivalAt: new Date('2027-10-24T20:30:00Z'),
      departureAt: new Date('2027-10-29T17:00:00Z'),
    });
    expect(manila).toEqual({ checkIn: '2027-10-24', checkOut: '2027-10-30', source: 'flights' });
    expect(nightsOf(manila.checkIn, manila.checkOut)).toHaveLength(6);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2027-10-31', 1)).toBe('2027-11-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-10-25', -14)).toBe('2027-10-11');
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2027-02-30', '2027-13-01', '25/10/2027', '', '2027-10-25T00:00'])
      expect(addDays(bad, 1)).toBe('Invalid date');
  });
});

describe('nightsOf', () => {
  it('gives every night up to the morning of departure, across leap days and years', () => {
    expect(nightsOf('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
    ]);
    expect(nightsOf('2027-12-30', '2028-01-02')).toEqual([
      '2027-12-30',
      '2027-12-31',
      '2028-01-01',
    ]);
    expect(nightsOf('2027-10-25', '2027-10-25')).toEqual([]);
  });

  it('stops at a year, and never walks on from what is not a date', () => {
    const twoYears = nightsOf('2027-01-01', '2029-01-01');
    expect(twoYears).toHaveLength(366);
    expect(twoYears.at(-1)).toBe('2028-01-01');
    expect(nightsOf('2027-02-30', '2027-03-05')).toEqual(['2027-02-30']);
    expect(nightsOf('x', 'y')).toEqual(['x']);
  });
});

describe('suggestion', () => {
  const nights = ['2027-10-25', '2027-10-26'];
  const guest = (id: string, extra: Partial<SuggestGuest> = {}): SuggestGuest => ({
    registrationId: id,
    name: `Person ${id}`,
    email: `${id}@example.org`,
    organisationId: 'o1',
    languages: ['fr'],
    roomPreference: null,
    shareWith: null,
    nights,
    ...extra,
  });
  const room = (id: string, roomType: SuggestRoom['roomType'], capacity: number): SuggestRoom => ({
    id,
    roomType,
    capacity,
    bookedNights: new Set(nights),
  });

  it('matches a typed name without accents or case', () => {
    expect(names('lucia fernandez', { name: 'Lucía Fernández', email: 'x@y' })).toBe(true);
    expect(names('LUCIA@EXAMPLE.ORG', { name: 'L', email: 'lucia@example.org' })).toBe(true);
    expect(names('Awa', { name: 'Lucía Fernández', email: 'x@y' })).toBe(false);
  });

  it('keeps single wishes alone, pairs named roommates and colleagues, never overfills', () => {
    const guests = [
      guest('a', { shareWith: 'Person d' }),
      guest('b', { organisationId: 'o2', languages: ['es'] }),
      guest('c', { roomPreference: 'single' }),
      guest('d', { organisationId: 'o3', languages: ['en'] }),
      guest('e', { organisationId: 'o2', languages: ['es'] }),
    ];
    const rooms = [room('s1', 'single', 1), room('t1', 'twin', 2), room('t2', 'twin', 2)];
    const plan = suggestRooms(guests, rooms, new Map());
    const at = (id: string) => plan.find((p) => p.registrationId === id)?.roomId;
    expect(at('c')).toBe('s1');
    expect(at('a')).toBe(at('d'));
    expect(at('b')).toBe(at('e'));
    expect(plan).toHaveLength(5);
  });

  it('holds its rules on many mixed events: capacity, booked nights, wishes to be alone', () => {
    // Rooms leave the search once full; these cases mix nights, rooms booked on some nights
    // only, someone already placed, and wishes, so a bed given twice, a night the hotel does
    // not hold or a sharer beside someone who asked to be alone shows.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const all = ['2027-10-23', '2027-10-24', '2027-10-25', '2027-10-26', '2027-10-27'];
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    for (let trial = 0; trial < 200; trial++) {
      const guests = Array.from({ length: 3 + Math.floor(rnd() * 40) }, (_, i) => {
        const from = Math.floor(rnd() * 3);
        return guest(`g${i}`, {
          organisationId: pick(['o1', 'o2', 'o3']),
          languages: pick([['fr'], ['es'], ['en', 'fr']]),
          roomPreference: pick([null, null, 'single', 'shared'] as const),
          shareWith: rnd() < 0.2 ? `Person g${Math.floor(rnd() * 40)}` : null,
          nights: all.slice(from, from + 1 + Math.floor(rnd() * 4)),
        });
      });
      const rooms = Array.from({ length: 1 + Math.floor(rnd() * 25) }, (_, i) => {
        const type = pick(['single', 'twin', 'double'] as const);
        const from = Math.floor(rnd() * 2);
        return {
          ...room(`r${i}`, type, type === 'single' ? 1 : 2),
          bookedNights: new Set(all.slice(from, from + 2 + Math.floor(rnd() * 4))),
        };
      });
      const current = new Map<string, Map<string, string[]>>();
      const first = guests[0];
      const fitting = rooms.find((r) => first.nights.every((n) => r.bookedNights.has(n)));
      if (fitting)
        current.set(fitting.id, new Map(first.nights.map((n) => [n, [first.registrationId]])));

      const plan = suggestRooms(guests, rooms, current);
      const byId = new Map(guests.map((g) => [g.registrationId, g]));
      const inRoom = new Map<string, string[]>();
      for (const [roomId, byNight] of current)
        for (const [night, ids] of byNight) inRoom.set(`${roomId}|${night}`, [...ids]);
      expect(new Set(plan.map((p) => p.registrationId)).size).toBe(plan.length);
      for (const p of plan) {
        if (fitting) expect(p.registrationId).not.toBe(first.registrationId);
        const r = rooms.find((x) => x.id === p.roomId)!;
        for (const night of byId.get(p.registrationId)!.nights) {
          expect(r.bookedNights.has(night)).toBe(true);
          const key = `${r.id}|${night}`;
          inRoom.set(key, [...(inRoom.get(key) ?? []), p.registrationId]);
        }
      }
      for (const [key, ids] of inRoom) {
        const r = rooms.find((x) => key.startsWith(`${x.id}|`))!;
        expect(ids.length).toBeLessThanOrEqual(r.capacity);
        if (ids.length > 1)
          for (const id of ids) expect(byId.get(id)!.roomPreference).not.toBe('single');
      }
    }
  });

  it('leaves people unassigned rather than beyond capacity or unbooked nights', () => {
    const unbooked = { ...room('t1', 'twin', 2), bookedNights: new Set(['2027-10-25']) };
    const plan = suggestRooms(
      [guest('a'), guest('b'), guest('c')],
      [unbooked, room('s1', 'single', 1)],
      new Map(),
    );
    expect(plan.map((p) => p.roomId)).toEqual(['s1']);
  });
});

describe('rooming list changes', () => {
  const night = (registrationId: string, n: string, roomId = 'r1') => ({
    registrationId,
    name: registrationId.toUpperCase(),
    night: n,
    roomId,
    room: roomId,
    roomType: 'twin',
    sharingWith: [],
    specialNeeds: null,
  });

  it('joins consecutive nights in one room into a line', () => {
    const lines = linesFromNights([
      night('a', '2027-10-25'),
      night('a', '2027-10-26'),
      night('a', '2027-10-27', 'r2'),
    ]);
    expect(lines.map((l) => [l.room, l.checkIn, l.checkOut])).toEqual([
      ['r1', '2027-10-25', '2027-10-27'],
      ['r2', '2027-10-27', '2027-10-28'],
    ]);
  });

  it('lists added, removed, new dates and room moves', () => {
    const before = linesFromNights([
      night('a', '2027-10-25'),
      night('b', '2027-10-25'),
      night('c', '2027-10-25'),
    ]);
    const after = linesFromNights([
      night('a', '2027-10-25'),
      night('a', '2027-10-26'),
      night('c', '2027-10-25', 'r2'),
      night('d', '2027-10-25'),
    ]);
    expect(roomingChanges(before, after).map((c) => [c.kind, c.registrationId])).toEqual([
      ['dates', 'a'],
      ['removed', 'b'],
      ['room', 'c'],
      ['added', 'd'],
    ]);
    expect(roomingChanges(after, after)).toEqual([]);
  });
});
