import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalDateTimeValue,
  ICalEventStatus,
} from 'ical-generator';
import moment from 'moment-timezone';
import { buildVTimezone } from './vtimezone.js';

/** One VEVENT, already in words: what a calendar shows for a session. */
export interface CalendarItem {
  /** Stable across versions, so a calendar updates the entry instead of adding one. */
  uid: string;
  /** Bumped on every change people planned around; a client ignores a lower one. */
  sequence: number;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone: DTSTART and DTEND are written as wall-clock times with this TZID. */
  timezone: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  /** DTSTAMP: when this information was last revised (for an invite: when it was sent). */
  stamp: Date;
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarFileOptions {
  /** Calendar name shown by subscribing apps. */
  name?: string;
  description?: string;
  /** Set for emailed invites (REQUEST, CANCEL); subscriptions and downloads carry none. */
  method?: CalendarMethod;
  organizer?: { name: string; email: string };
  /** The invited person, for REQUEST and CANCEL. */
  attendee?: { name: string; email: string };
  /** How often a subscribed calendar should fetch the file again. */
  refreshSeconds?: number;
}

const STATUS: Record<CalendarItem['status'], ICalEventStatus> = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * An iCalendar file with one VTIMEZONE per zone used (see buildVTimezone) and each
 * event's start and end as wall-clock times with that zone's TZID.
 *
 * ical-generator formats a native Date given with a timezone in the server's own
 * zone, so it never gets one: instants become moment-timezone values already set to
 * the event's zone (moment's rules, not ICU's), which it prints as they are. Only
 * DTSTAMP takes a Date, with no zone, which it writes in UTC as RFC 5545 wants.
 */
export function buildCalendarFile(
  items: readonly CalendarItem[],
  options: CalendarFileOptions = {},
): string {
  const ranges = new Map<string, { from: Date; to: Date }>();
  for (const item of items) {
    const range = ranges.get(item.timezone);
    ranges.set(item.timezone, {
      from: range && range.from < item.startsAt ? range.from : item.startsAt,
      to: range && range.to > item.endsAt ? range.to : item.endsAt,
    });
  }
  const calendar = ical({
    prodId: { company: 'Convene', product: 'Convene', language: 'EN' },
    // No calendar-wide zone (it would move DTSTAMP out of UTC); each event has its own,
    // and the generator is asked once per zone for its VTIMEZONE.
    timezone: {
      name: null,
      generator: (zone) => {
        const range = ranges.get(zone);
        return range ? buildVTimezone(zone, range.from, range.to) : null;
      },
    },
  });
  // ical-generator escapes event TEXT, but writes the calendar's NAME, X-WR-CALNAME and
  // X-WR-CALDESC as they are: escape those here (RFC 5545 3.3.11).
  if (options.name) calendar.name(escapeText(options.name));
  if (options.description) calendar.description(escapeText(options.description));
  if (options.method) calendar.method(ICalCalendarMethod[options.method]);
  // Calendar properties must come before the first component (RFC 5545 3.6);
  // ical-generator writes these after the VTIMEZONEs and events, so they are written here.
  const head: string[] = [];
  if (options.refreshSeconds) {
    const every = duration(options.refreshSeconds);
    head.push(`REFRESH-INTERVAL;VALUE=DURATION:${every}`, `X-PUBLISHED-TTL:${every}`);
  }
  if (ranges.size === 1) head.push(`X-WR-TIMEZONE:${oneLine([...ranges.keys()][0])}`);

  for (const item of items) {
    const event = calendar.createEvent({
      id: oneLine(item.uid),
      sequence: item.sequence,
      start: wallClock(item.startsAt, item.timezone),
      end: wallClock(item.endsAt, item.timezone),
      timezone: item.timezone,
      stamp: item.stamp,
      lastModified: item.stamp,
      summary: plainText(item.summary),
      description: item.description ? plainText(item.description) : null,
      location: item.location ? plainText(item.location) : null,
      url: item.url ? oneLine(item.url) : null,
      status: STATUS[item.status],
    });
    if (options.organizer) {
      event.organizer({
        name: paramValue(options.organizer.name),
        email: oneLine(options.organizer.email),
      });
    }
    if (options.attendee) {
      event.createAttendee({
        name: paramValue(options.attendee.name) || null,
        email: oneLine(options.attendee.email),
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
        // Convene keeps the list; replies from calendar apps would go nowhere.
        rsvp: false,
      });
    }
  }
  return withCalendarHead(calendar.toString(), head);
}

/** Lines placed right before the first component; every line, the last too, ends in CRLF. */
function withCalendarHead(text: string, head: string[]): string {
  const lines = text.replace(/\r\n$/, '').split('\r\n');
  const first = lines.findIndex((line, i) => i > 0 && line.startsWith('BEGIN:'));
  const at = first === -1 ? lines.length - 1 : first;
  lines.splice(at, 0, ...head);
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 5545 3.3.6: PT1H, PT15M, PT90S. */
function duration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s % 3600 === 0) return `PT${s / 3600}H`;
  if (s % 60 === 0) return `PT${s / 60}M`;
  return `PT${s}S`;
}

/**
 * Text people typed (session titles, names, rooms) reaches a calendar file. Line breaks
 * in a TEXT value are legal once escaped; every other control character is not (RFC
 * 5545 3.3.11, 3.1), and a bare CR would end the line in some parsers: they go.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g;

/** A TEXT value handed to ical-generator, which escapes \\ ; , and line breaks itself. */
export function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
}

/** A TEXT value written as it is: escaped here, per RFC 5545 3.3.11. */
export function escapeText(value: string): string {
  return plainText(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A value that must stay on one line (a UID, a URI, an address): breaks become spaces. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(CONTROL, ' ');
}

/**
 * A parameter value (CN=): RFC 5545 3.1 allows no DQUOTE and no control character in
 * it, and has no escape for them (RFC 6868 is not read by every client), so a double
 * quote becomes a typographic one and breaks become spaces. ical-generator quotes it.
 */
export function paramValue(value: string): string {
  return oneLine(value).replace(/"/g, '\u201d');
}

function wallClock(instant: Date, zone: string): ICalDateTimeValue {
  return moment.tz(instant.getTime(), zone) as unknown as ICalDateTimeValue;
}
