/*
 * Conflict detection over an event's agenda: a pure function, no database, no clock.
 * Every overlap check is a sweep over intervals sorted by start with a min-heap of
 * the ends still open, so the cost is O(n log n + k) for n intervals and k clashes,
 * never all pairs. Intervals are half-open [start, end): 10:00-11:00 and 11:00-12:00
 * touch and do not clash.
 */

export type ConflictType =
  | 'room_double_booked'
  | 'facilitator_overlap'
  | 'outside_event_dates'
  | 'capacity_above_room'
  | 'participant_overlap';

export interface Conflict {
  type: ConflictType;
  sessionIds: string[];
  roomId?: string;
  /** Account id, or `guest:<name>` for a named external facilitator. */
  facilitator?: string;
  accountId?: string;
  capacity?: number;
  roomCapacity?: number;
}

export interface ConflictSession {
  id: string;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  roomId?: string | null;
  capacity?: number | null;
  /** Account ids and `guest:<name>` keys. */
  facilitators?: readonly string[];
}

export interface ConflictInput {
  sessions: readonly ConflictSession[];
  rooms?: ReadonlyArray<{ id: string; capacity: number | null }>;
  /** Confirmed sign-ups only. */
  signups?: ReadonlyArray<{ sessionId: string; accountId: string }>;
  /** The event's dates as instants: [first day's midnight, midnight after the last day). */
  window?: { start: number; end: number };
}

interface Interval {
  id: string;
  start: number;
  end: number;
}

/** A binary min-heap of open intervals keyed by end. */
class EndHeap {
  private readonly items: Interval[] = [];

  get size() {
    return this.items.length;
  }

  peek(): Interval | undefined {
    return this.items[0];
  }

  values(): readonly Interval[] {
    return this.items;
  }

  push(item: Interval) {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent].end <= item.end) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = item;
  }

  pop(): Interval | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const endAt = (k: number) => (k === i ? last.end : a[k].end);
        if (l < a.length && a[l].end < endAt(m)) m = l;
        if (r < a.length && a[r].end < endAt(m)) m = r;
        if (m === i) break;
        a[i] = a[m];
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * Every pair of overlapping intervals, each pair once as [earlier, later]. Sorted
 * by start, an interval clashes exactly with the open intervals whose end is after
 * its start.
 */
export function overlappingPairs(intervals: readonly Interval[]): Array<[string, string]> {
  const sorted = [...intervals].sort((x, y) => x.start - y.start || x.end - y.end);
  const open = new EndHeap();
  const pairs: Array<[string, string]> = [];
  for (const current of sorted) {
    while (open.size > 0 && (open.peek() as Interval).end <= current.start) open.pop();
    for (const other of open.values()) pairs.push([other.id, current.id]);
    open.push(current);
  }
  return pairs;
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null | undefined) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key == null) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Every conflict of an agenda; cancelled sessions should not be passed in. */
export function detectConflicts(input: ConflictInput): Conflict[] {
  const out: Conflict[] = [];
  const byId = new Map(input.sessions.map((s) => [s.id, s]));

  for (const [roomId, list] of groupBy(input.sessions, (s) => s.roomId)) {
    for (const [a, b] of overlappingPairs(list)) {
      out.push({ type: 'room_double_booked', sessionIds: [a, b], roomId });
    }
  }

  const facilitated = input.sessions.flatMap((s) => (s.facilitators ?? []).map((f) => ({ f, s })));
  for (const [facilitator, list] of groupBy(facilitated, (x) => x.f)) {
    const intervals = list.map((x) => x.s);
    for (const [a, b] of overlappingPairs(intervals)) {
      out.push({ type: 'facilitator_overlap', sessionIds: [a, b], facilitator });
    }
  }

  if (input.window) {
    const { start, end } = input.window;
    for (const s of input.sessions) {
      if (s.start < start || s.end > end) {
        out.push({ type: 'outside_event_dates', sessionIds: [s.id] });
      }
    }
  }

  if (input.rooms) {
    const roomCapacity = new Map(input.rooms.map((r) => [r.id, r.capacity]));
    for (const s of input.sessions) {
      const limit = s.roomId ? roomCapacity.get(s.roomId) : null;
      if (limit != null && s.capacity != null && s.capacity > limit) {
        out.push({
          type: 'capacity_above_room',
          sessionIds: [s.id],
          roomId: s.roomId ?? undefined,
          capacity: s.capacity,
          roomCapacity: limit,
        });
      }
    }
  }

  if (input.signups) {
    for (const [accountId, list] of groupBy(input.signups, (x) => x.accountId)) {
      const intervals = list.map((x) => byId.get(x.sessionId)).filter((s) => s !== undefined);
      if (intervals.length < 2) continue;
      for (const [a, b] of overlappingPairs(intervals)) {
        out.push({ type: 'participant_overlap', sessionIds: [a, b], accountId });
      }
    }
  }
  return out;
}

/** The key under which a named external guest facilitates, so one guest in two rooms is caught. */
export const guestKey = (name: string) => `guest:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
