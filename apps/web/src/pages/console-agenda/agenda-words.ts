import type { Conflict, SessionView } from '#agenda';
import { dateTimeFormat, INTL_TAGS, type Locale } from '#core';
import type { WebContext } from '../../http/web-context.js';

/*
 * What the agenda pages write: local times read from the sessions' zoned ISO strings
 * (already in the event's offset, so no zone arithmetic happens here), day labels, and
 * conflicts in words.
 */

/** "2027-10-26" of "2027-10-26T10:00:00+00:00": the session's calendar date in the event's zone. */
export const localDay = (zonedIso: string) => zonedIso.slice(0, 10);
/** "10:00" of "2027-10-26T10:00:00+00:00". */
export const localTime = (zonedIso: string) => zonedIso.slice(11, 16);

export const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A calendar date (no zone involved) written the reader's way: "mar. 26 oct." or "Tuesday 26 October 2027". */
export function dayLabel(date: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
      : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return dateTimeFormat(INTL_TAGS[locale], options).format(at);
}

/** Every calendar date from start to end inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  const at = new Date(`${start}T00:00:00Z`);
  for (let i = 0; i < 60; i++) {
    const d = at.toISOString().slice(0, 10);
    if (d > end) break;
    out.push(d);
    at.setUTCDate(at.getUTCDate() + 1);
  }
  return out;
}

/** The same key the conflict sweep uses for a named guest facilitator. */
const guestKey = (name: string) => `guest:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;

/** Names and titles the conflict sentences need, gathered from the sessions and rooms. */
export interface ConflictContext {
  titles: Map<string, string>;
  rooms: Map<string, string>;
  people: Map<string, string>;
}

export function conflictContext(
  sessions: SessionView[],
  rooms: Array<{ id: string; name: string }>,
  staff: Array<{ accountId: string; name: string }> = [],
): ConflictContext {
  const people = new Map<string, string>(staff.map((s) => [s.accountId, s.name]));
  for (const s of sessions) {
    for (const f of s.facilitators) people.set(f.accountId, f.name);
    for (const g of s.externalFacilitators) people.set(guestKey(g.name), g.name);
  }
  return {
    titles: new Map(sessions.map((s) => [s.id, s.title])),
    rooms: new Map(rooms.map((r) => [r.id, r.name])),
    people,
  };
}

/** One conflict said from one session's side: "Room overlap with “Budget” in Salle 1". */
export function conflictText(
  ctx: WebContext,
  c: Conflict,
  selfId: string | undefined,
  names: ConflictContext,
  /** Written instead of the other session's title (a page that links it puts a mark). */
  otherTitle?: string,
): string {
  const t = ctx.t.consoleAgenda.conflict;
  const otherId = c.sessionIds.find((id) => id !== selfId) ?? c.sessionIds[0];
  const other = otherTitle ?? ((otherId && names.titles.get(otherId)) || t.unknownSession);
  switch (c.type) {
    case 'room_double_booked':
      return t.room(other, (c.roomId && names.rooms.get(c.roomId)) || '');
    case 'facilitator_overlap':
      return t.facilitator(
        (c.facilitator && names.people.get(c.facilitator)) ||
          (c.facilitator?.startsWith('guest:') ? c.facilitator.slice(6) : t.unknownPerson),
        other,
      );
    case 'capacity_above_room':
      return t.capacity(c.capacity ?? 0, c.roomCapacity ?? 0);
    case 'outside_event_dates':
      return t.outside;
    case 'participant_overlap':
      return t.participant(other);
    default:
      return t.outside;
  }
}

/** The conflicts a session takes part in. */
export const conflictsOf = (conflicts: Conflict[], sessionId: string) =>
  conflicts.filter((c) => c.sessionIds.includes(sessionId));

/** Conflicts a 409 carries (details.conflicts), or none when it is another refusal. */
export function conflictsFromError(error: unknown): Conflict[] | undefined {
  const details = (error as { code?: string; details?: Record<string, unknown> } | undefined)
    ?.details;
  if ((error as { code?: string } | undefined)?.code !== 'conflict') return undefined;
  const list = details?.conflicts;
  return Array.isArray(list) ? (list as Conflict[]) : undefined;
}

export const languageName = (ctx: WebContext, code: string) =>
  ctx.t.consoleAgenda.languages[code] ?? code.toUpperCase();
