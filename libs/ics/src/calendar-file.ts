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
  if (options.name) calendar.name(options.name);
  if (options.description) calendar.description(options.description);
  if (options.method) calendar.method(ICalCalendarMethod[options.method]);
  if (options.refreshSeconds) calendar.ttl(options.refreshSeconds);
  if (ranges.size === 1) calendar.x('X-WR-TIMEZONE', [...ranges.keys()][0]);

  for (const item of items) {
    const event = calendar.createEvent({
      id: item.uid,
      sequence: item.sequence,
      start: wallClock(item.startsAt, item.timezone),
      end: wallClock(item.endsAt, item.timezone),
      timezone: item.timezone,
      stamp: item.stamp,
      lastModified: item.stamp,
      summary: item.summary,
      description: item.description ?? null,
      location: item.location ?? null,
      url: item.url ?? null,
      status: STATUS[item.status],
    });
    if (options.organizer) event.organizer(options.organizer);
    if (options.attendee) {
      event.createAttendee({
        name: options.attendee.name || null,
        email: options.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
        // Convene keeps the list; replies from calendar apps would go nowhere.
        rsvp: false,
      });
    }
  }
  return calendar.toString();
}

function wallClock(instant: Date, zone: string): ICalDateTimeValue {
  return moment.tz(instant.getTime(), zone) as unknown as ICalDateTimeValue;
}
