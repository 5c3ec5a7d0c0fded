import ICAL from 'ical.js';

/*
 * Reads calendar files the way a calendar app does, with ical.js (a dev dependency:
 * for tests only, never exported from the lib's index). Times are resolved through
 * the file's own VTIMEZONE blocks, so a wrong VTIMEZONE gives a wrong instant.
 */

export interface ReadEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  /** TZID of DTSTART (null when written in UTC or floating). */
  tzid: string | null;
  /** Wall-clock start and end in that zone, for example 2027-10-28T09:00:00. */
  localStart: string;
  localEnd: string;
  /** The instants, computed by ical.js from the file's VTIMEZONE. */
  start: Date;
  end: Date;
  /** DTSTAMP, and the zone it was written in (RFC 5545 wants UTC). */
  stamp: Date;
  stampZone: string;
  organizer: string | null;
  /** The ORGANIZER's CN parameter, as a calendar app reads it. */
  organizerName: string | null;
  attendees: string[];
  /** Each ATTENDEE's CN parameter, in the same order. */
  attendeeNames: Array<string | null>;
  /** Each ATTENDEE's PARTSTAT parameter. */
  attendeeStatuses: Array<string | null>;
}

export interface ReadTimezone {
  tzid: string;
  /** Minutes east of UTC that this VTIMEZONE gives at a wall-clock time (2026-03-01T10:00:00). */
  offsetAt(localIso: string): number;
  observances: Array<{
    kind: string;
    start: string;
    from: string;
    to: string;
    name: string | null;
  }>;
}

export interface ReadCalendar {
  method: string | null;
  /** Names of the calendar's own properties, in file order (before any component). */
  calendarProperties: string[];
  name: string | null;
  prodId: string | null;
  events: ReadEvent[];
  timezones: Map<string, ReadTimezone>;
}

export function readIcs(text: string): ReadCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  if (root.name !== 'vcalendar') throw new Error(`Not a VCALENDAR: ${root.name}`);
  const timezones = new Map<string, ReadTimezone>();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtz);
    const tzid = String(vtz.getFirstPropertyValue('tzid'));
    timezones.set(tzid, {
      tzid,
      offsetAt: (localIso) => zone.utcOffset(ICAL.Time.fromDateTimeString(localIso)) / 60,
      observances: vtz.getAllSubcomponents().map((o) => ({
        kind: o.name,
        start: String(o.getFirstPropertyValue('dtstart')),
        from: String(o.getFirstProperty('tzoffsetfrom')?.toICALString().split(':')[1]),
        to: String(o.getFirstProperty('tzoffsetto')?.toICALString().split(':')[1]),
        name: (o.getFirstPropertyValue('tzname') as string | null) ?? null,
      })),
    });
  }
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const tzid = (vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string) ?? null;
    const text = (name: string) => (vevent.getFirstPropertyValue(name) as string | null) ?? null;
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: text('status'),
      summary: event.summary,
      description: text('description'),
      location: text('location'),
      url: text('url'),
      tzid,
      localStart: event.startDate.toString(),
      localEnd: event.endDate.toString(),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      stamp: stamp.toJSDate(),
      stampZone: stamp.zone?.tzid ?? 'floating',
      organizer: text('organizer'),
      organizerName: (vevent.getFirstProperty('organizer')?.getParameter('cn') as string) ?? null,
      attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
      attendeeNames: vevent
        .getAllProperties('attendee')
        .map((p) => (p.getParameter('cn') as string | undefined) ?? null),
      attendeeStatuses: vevent
        .getAllProperties('attendee')
        .map((p) => (p.getParameter('partstat') as string | undefined) ?? null),
    };
  });
  return {
    method: (root.getFirstPropertyValue('method') as string | null) ?? null,
    calendarProperties: root.getAllProperties().map((p) => p.name.toUpperCase()),
    name: (root.getFirstPropertyValue('x-wr-calname') as string | null) ?? null,
    prodId: (root.getFirstPropertyValue('prodid') as string | null) ?? null,
    events,
    timezones,
  };
}
