import type { RoomPreference, RoomType } from './room-types.js';

export interface SuggestGuest {
  registrationId: string;
  name: string;
  email: string;
  organisationId: string;
  languages: string[];
  roomPreference: RoomPreference | null;
  shareWith: string | null;
  nights: string[];
}

export interface SuggestRoom {
  id: string;
  roomType: RoomType;
  capacity: number;
  /** Nights the hotel holds this room for the network. */
  bookedNights: Set<string>;
}

export interface Placement {
  registrationId: string;
  roomId: string;
}

/** Lower case without accents or extra spaces: "Lucía  Fernández" finds "lucia fernandez". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Does the free text someone typed ("Awa", "awa@x.org", "Awa Traoré") name this guest? */
export function names(wish: string | null, guest: Pick<SuggestGuest, 'name' | 'email'>): boolean {
  if (!wish) return false;
  const w = fold(wish);
  if (w.length < 2) return false;
  return (
    w === fold(guest.email) || w === fold(guest.name) || fold(guest.name).split(' ').includes(w)
  );
}

/**
 * Fills rooms for the people who have none yet, never beyond a room's capacity or the
 * nights it is booked (the database checks again on every placement):
 * 1. single wishes get single rooms;
 * 2. sharers named by each other (or one naming the other) share; someone who names a
 *    person already in a room joins them when there is space;
 * 3. the other sharers pair up with their own organisation first, then a common language,
 *    then anyone, in twins then doubles; gender is not known and never guessed;
 * 4. an odd sharer joins a sharer already in a room (same organisation or language first),
 *    else takes a room alone; single wishes left over take an empty room alone.
 * Never puts anyone with a person who asked for a room alone.
 */
export function suggestRooms(
  guests: SuggestGuest[],
  rooms: SuggestRoom[],
  current: Map<string, Map<string, string[]>>,
): Placement[] {
  // room id -> night -> registration ids, starting from who is already placed.
  const occ = new Map<string, Map<string, string[]>>();
  for (const room of rooms) {
    const nights = new Map<string, string[]>();
    for (const [night, ids] of current.get(room.id) ?? []) nights.set(night, [...ids]);
    occ.set(room.id, nights);
  }
  const byId = new Map(guests.map((g) => [g.registrationId, g]));
  const placedIn = new Map<string, string>();
  for (const [roomId, nights] of occ) {
    for (const ids of nights.values()) for (const id of ids) placedIn.set(id, roomId);
  }
  const out: Placement[] = [];
  const todo = guests.filter((g) => !placedIn.has(g.registrationId) && g.nights.length > 0);

  const occupantsOf = (roomId: string) => new Set([...occ.get(roomId)!.values()].flat());
  // Rooms somebody sleeps in, and rooms full every night they are booked: placements only
  // add people, so a full room never fits anyone again and is skipped from then on. At a
  // thousand guests, trying every room for every pair took the suggestion to half a minute.
  const occupied = new Set([...occ].filter(([, n]) => n.size > 0).map(([id]) => id));
  const isFull = (room: SuggestRoom) =>
    [...room.bookedNights].every((n) => (occ.get(room.id)!.get(n)?.length ?? 0) >= room.capacity);
  const open = new Map<RoomType, SuggestRoom[]>();
  for (const room of rooms) {
    if (isFull(room)) continue;
    const ofType = open.get(room.roomType);
    if (ofType) ofType.push(room);
    else open.set(room.roomType, [room]);
  }
  const wantsAlone = (id: string) => byId.get(id)?.roomPreference === 'single';
  const fits = (room: SuggestRoom, people: SuggestGuest[], alone = false) => {
    const nights =
      people.length === 1 ? people[0].nights : new Set(people.flatMap((p) => p.nights));
    for (const night of nights) {
      if (!room.bookedNights.has(night)) return false;
      const here = occ.get(room.id)!.get(night) ?? [];
      if (alone && here.length > 0) return false;
      if (here.some(wantsAlone)) return false;
      const coming = people.filter((p) => p.nights.includes(night)).length;
      if (here.length + coming > room.capacity) return false;
    }
    return true;
  };
  const place = (room: SuggestRoom, people: SuggestGuest[]) => {
    for (const p of people) {
      for (const night of p.nights) {
        const nights = occ.get(room.id)!;
        nights.set(night, [...(nights.get(night) ?? []), p.registrationId]);
      }
      placedIn.set(p.registrationId, room.id);
      out.push({ registrationId: p.registrationId, roomId: room.id });
    }
    occupied.add(room.id);
    if (isFull(room)) {
      const ofType = open.get(room.roomType)!;
      const at = ofType.indexOf(room);
      if (at >= 0) ofType.splice(at, 1);
    }
  };
  // The first room of each type, in the given order, that fits: as `rooms.find` would.
  const firstFit = (types: RoomType[], people: SuggestGuest[], alone = false) => {
    for (const type of types) {
      const room = open.get(type)?.find((r) => fits(r, people, alone));
      if (room) return room;
    }
    return undefined;
  };
  const free = (g: SuggestGuest) => !placedIn.has(g.registrationId);

  // 1. Single wishes.
  const singles = todo.filter((g) => g.roomPreference === 'single');
  for (const g of singles) {
    const room = firstFit(['single'], [g], true);
    if (room) place(room, [g]);
  }

  // 2. Named roommates.
  const sharers = todo.filter((g) => g.roomPreference !== 'single');
  // Folded once, not once per wish (names() below, for each guest).
  const folded = guests.map((g) => ({ guest: g, email: fold(g.email), name: fold(g.name) }));
  const words = folded.map((f) => f.name.split(' '));
  for (const a of sharers) {
    if (!free(a) || !a.shareWith) continue;
    const wish = fold(a.shareWith);
    if (wish.length < 2) continue;
    const named = folded.find(
      (b, i) =>
        b.guest.registrationId !== a.registrationId &&
        b.guest.roomPreference !== 'single' &&
        (wish === b.email || wish === b.name || words[i].includes(wish)),
    )?.guest;
    if (!named) continue;
    if (free(named)) {
      const room = firstFit(['twin', 'double'], [a, named]);
      if (room) place(room, [a, named]);
    } else {
      const room = rooms.find((r) => r.id === placedIn.get(named.registrationId));
      if (room && fits(room, [a])) place(room, [a]);
    }
  }

  // 3. Pairs: own organisation, then a common language, then anyone.
  const score = (a: SuggestGuest, b: SuggestGuest) =>
    (a.organisationId === b.organisationId ? 4 : 0) +
    (a.languages.some((l) => b.languages.includes(l)) ? 2 : 0) +
    overlap(a.nights, b.nights) / Math.max(a.nights.length, b.nights.length, 1);
  for (const a of sharers) {
    if (!free(a)) continue;
    // Each partner's score once (the sort is stable: ties keep the guests' order).
    const partners = sharers
      .filter((b) => b !== a && free(b))
      .map((b) => ({ b, score: score(a, b) }))
      .sort((x, y) => y.score - x.score)
      .map(({ b }) => b);
    for (const b of partners) {
      const room = firstFit(['twin', 'double'], [a, b]);
      if (room) {
        place(room, [a, b]);
        break;
      }
    }
  }

  // 4. Odd ones out: join a sharer already in a room, else a room alone.
  for (const a of sharers) {
    if (!free(a)) continue;
    const joinable = rooms
      .filter((r) => r.capacity > 1 && occupied.has(r.id) && fits(r, [a]))
      .map((r) => ({ r, match: bestMatch(a, r) }))
      .sort((x, y) => y.match - x.match);
    const room = joinable[0]?.r ?? firstFit(['twin', 'double', 'single'], [a], true);
    if (room) place(room, [a]);
  }
  for (const g of singles) {
    if (!free(g)) continue;
    const room = firstFit(['twin', 'double'], [g], true);
    if (room) place(room, [g]);
  }
  return out;

  function bestMatch(a: SuggestGuest, room: SuggestRoom): number {
    return Math.max(
      0,
      ...[...occupantsOf(room.id)].map((id) => {
        const b = byId.get(id);
        if (!b) return 0;
        return (
          (a.organisationId === b.organisationId ? 4 : 0) +
          (a.languages.some((l) => b.languages.includes(l)) ? 2 : 0)
        );
      }),
    );
  }
}

function overlap(a: string[], b: string[]): number {
  const set = new Set(a);
  return b.filter((n) => set.has(n)).length;
}
