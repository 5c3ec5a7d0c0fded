import moment from 'moment-timezone';
import { dateTimeFormat } from '../text/intl-formatters.js';
import { isoDateTimeUtc, isoDateUtc, isoOffset } from './iso-text.js';

/*
 * Time-zone rules come from moment-timezone's bundled IANA data, not from the
 * runtime's ICU: Node 20 ships tzdata 2025c, which still puts Africa/Casablanca
 * at UTC+1 after Morocco's return to permanent UTC+0 on 2026-09-20. Keep the
 * moment-timezone package current to pick up new decrees.
 */

export const TZDATA_VERSION: string = moment.tz.dataVersion;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && moment.tz.zone(zone) !== null;
}

/*
 * moment.tz.zone() normalises the name and looks it up on every call: most of the cost of
 * an offset when an agenda or a CSV export asks for tens of thousands. Known zones are kept
 * here by the name asked (the same rules object moment holds, so the data stays moment's).
 */
const zones = new Map<string, moment.MomentZone>();

function zoneRules(zone: string): moment.MomentZone {
  let z = zones.get(zone);
  if (!z) {
    z = moment.tz.zone(zone) ?? undefined;
    if (!z) throw new Error(`Unknown time zone ${zone}`);
    zones.set(zone, z);
  }
  return z;
}

/** Minutes east of UTC in force in `zone` at `instant` (Casablanca in Ramadan 2026: 0). */
export function offsetMinutesAt(zone: string, instant: Date): number {
  return 0 - zoneRules(zone).utcOffset(instant.getTime()) || 0;
}

export function isInstantInput(value: string): boolean {
  return ISO_WITH_OFFSET.test(value) || ISO_WALL_CLOCK.test(value);
}

/**
 * Reads a client's timestamp: with an offset it is an instant; without one it is the
 * event's wall-clock time. Returns undefined when the text is not a valid timestamp.
 * A wall-clock time skipped by a spring-forward is moved forward, as clocks do.
 */
export function parseInstant(value: string, zone: string): Date | undefined {
  if (ISO_WITH_OFFSET.test(value)) {
    const m = moment.parseZone(value, moment.ISO_8601, true);
    return m.isValid() ? m.toDate() : undefined;
  }
  if (ISO_WALL_CLOCK.test(value)) {
    const m = moment.tz(value, moment.ISO_8601, true, zone);
    return m.isValid() ? m.toDate() : undefined;
  }
  return undefined;
}

/** The instant in the zone's offset, for example 2027-10-28T09:00:00+00:00. */
export function toZonedIso(instant: Date, zone: string): string {
  // By hand rather than moment().format(): agendas print hundreds of these per request.
  const offset = Math.round(offsetMinutesAt(zone, instant));
  return isoDateTimeUtc(instant.getTime() + offset * 60_000) + isoOffset(offset);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): string {
  // An agenda asks this once per session: the offset and plain date arithmetic, no moment object.
  const shifted = instant.getTime() + offsetMinutesAt(zone, instant) * 60_000;
  if (Number.isNaN(shifted)) return moment(instant).tz(zone).format('YYYY-MM-DD');
  return isoDateUtc(shifted);
}

/** The instant at which a local calendar date starts in a zone. */
export function startOfLocalDate(date: string, zone: string): Date {
  return moment.tz(date, 'YYYY-MM-DD', true, zone).startOf('day').toDate();
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && moment.utc(value, 'YYYY-MM-DD', true).isValid();
}

/**
 * Formats an instant for people in a locale, for example "lundi 28 octobre 2024, 09:00".
 * Intl only does the wording: the instant is shifted by our own offset and printed as
 * UTC, so stale ICU zone data cannot move the hour.
 */
export function formatInZone(
  instant: Date,
  zone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  },
): string {
  const shifted = new Date(instant.getTime() + offsetMinutesAt(zone, instant) * 60_000);
  return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(shifted);
}

export interface ZoneTransition {
  /** Instant the new offset starts. */
  at: Date;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
  abbreviation: string;
}

/** Offset changes of a zone between two instants, for VTIMEZONE blocks. */
export function zoneTransitions(zone: string, from: Date, to: Date): ZoneTransition[] {
  const z = zoneRules(zone);
  const out: ZoneTransition[] = [];
  for (let i = 0; i < z.untils.length - 1; i++) {
    const at = z.untils[i];
    if (at < from.getTime() || at > to.getTime()) continue;
    out.push({
      at: new Date(at),
      offsetBeforeMinutes: 0 - z.offsets[i] || 0,
      offsetAfterMinutes: 0 - z.offsets[i + 1] || 0,
      abbreviation: z.abbrs[i + 1],
    });
  }
  return out;
}
