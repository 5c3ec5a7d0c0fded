import { nightsOf, stayDates } from './nights.js';
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
