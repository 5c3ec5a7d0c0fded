import { addDays } from './nights.js';

/** One person's run of consecutive nights in one room: a line of the hotel's list. */
export interface RoomingLine {
  registrationId: string;
  name: string;
  roomId: string;
  room: string;
  roomType: string;
  checkIn: string;
  checkOut: string;
  sharingWith: string[];
  /** Only what the participant agreed the hotel may read. */
  specialNeeds: string | null;
}

export type RoomingChangeKind = 'added' | 'removed' | 'dates' | 'room';

export interface RoomingChange {
  kind: RoomingChangeKind;
  registrationId: string;
  name: string;
  before: { checkIn: string; checkOut: string; rooms: string[] } | null;
  after: { checkIn: string; checkOut: string; rooms: string[] } | null;
}

/** Contiguous nights in the same room become one line (checkOut: the morning after). */
export function linesFromNights(
  nights: Array<
    Omit<RoomingLine, 'checkIn' | 'checkOut' | 'sharingWith'> & {
      night: string;
      sharingWith: string[];
    }
  >,
): RoomingLine[] {
  const sorted = [...nights].sort(
    (a, b) => a.registrationId.localeCompare(b.registrationId) || a.night.localeCompare(b.night),
  );
  const out: RoomingLine[] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.registrationId === n.registrationId &&
      last.roomId === n.roomId &&
      last.checkOut === n.night
    ) {
      last.checkOut = addDays(n.night, 1);
      last.sharingWith = [...new Set([...last.sharingWith, ...n.sharingWith])];
      continue;
    }
    out.push({
      registrationId: n.registrationId,
      name: n.name,
      roomId: n.roomId,
      room: n.room,
      roomType: n.roomType,
      checkIn: n.night,
      checkOut: addDays(n.night, 1),
      sharingWith: [...n.sharingWith],
      specialNeeds: n.specialNeeds,
    });
  }
  return out.sort(
    (a, b) =>
      a.room.localeCompare(b.room, 'en', { numeric: true }) ||
      a.checkIn.localeCompare(b.checkIn) ||
      a.name.localeCompare(b.name),
  );
}

function summary(lines: RoomingLine[]) {
  const map = new Map<
    string,
    { name: string; checkIn: string; checkOut: string; rooms: string[] }
  >();
  for (const l of lines) {
    const s = map.get(l.registrationId);
    if (!s) {
      map.set(l.registrationId, {
        name: l.name,
        checkIn: l.checkIn,
        checkOut: l.checkOut,
        rooms: [l.room],
      });
      continue;
    }
    if (l.checkIn < s.checkIn) s.checkIn = l.checkIn;
    if (l.checkOut > s.checkOut) s.checkOut = l.checkOut;
    if (!s.rooms.includes(l.room)) s.rooms.push(l.room);
  }
  return map;
}

/** What changed on the hotel's list since the copy it was sent: per person, in name order. */
export function roomingChanges(sent: RoomingLine[], now: RoomingLine[]): RoomingChange[] {
  const before = summary(sent);
  const after = summary(now);
  const out: RoomingChange[] = [];
  const strip = (s: { checkIn: string; checkOut: string; rooms: string[] }) => ({
    checkIn: s.checkIn,
    checkOut: s.checkOut,
    rooms: [...s.rooms].sort(),
  });
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) {
      out.push({
        kind: 'removed',
        registrationId: id,
        name: b.name,
        before: strip(b),
        after: null,
      });
      continue;
    }
    if (a.checkIn !== b.checkIn || a.checkOut !== b.checkOut) {
      out.push({
        kind: 'dates',
        registrationId: id,
        name: a.name,
        before: strip(b),
        after: strip(a),
      });
    }
    if (strip(a).rooms.join('|') !== strip(b).rooms.join('|')) {
      out.push({
        kind: 'room',
        registrationId: id,
        name: a.name,
        before: strip(b),
        after: strip(a),
      });
    }
  }
  for (const [id, a] of after) {
    if (!before.has(id)) {
      out.push({ kind: 'added', registrationId: id, name: a.name, before: null, after: strip(a) });
    }
  }
  return out.sort((x, y) => x.name.localeCompare(y.name) || x.kind.localeCompare(y.kind));
}
