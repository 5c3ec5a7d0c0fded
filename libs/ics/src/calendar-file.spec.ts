import { buildCalendarFile, type CalendarItem } from './calendar-file.js';
import { sessionCalendarItem, sessionUid } from './session-item.js';
import { readIcs } from './testing/read-ics.js';

const utc = (iso: string) => new Date(`${iso}Z`);

const item = (overrides: Partial<CalendarItem> = {}): CalendarItem => ({
  uid: 'a@convene',
  sequence: 0,
  summary: 'Atelier',
  startsAt: utc('2027-10-28T09:00:00'),
  endsAt: utc('2027-10-28T10:30:00'),
  timezone: 'Africa/Casablanca',
  status: 'confirmed',
  stamp: utc('2027-09-01T12:00:00'),
  ...overrides,
});

/** Builds the same file under another process time zone (ical-generator's pitfall). */
function withProcessZone<T>(zone: string, build: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    return build();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

describe('calendar files', () => {
  it('writes a 2027 Casablanca session at UTC+0 in the event zone, with its own VTIMEZONE', () => {
    const cal = readIcs(buildCalendarFile([item()]));
    const [event] = cal.events;
    expect(event.tzid).toBe('Africa/Casablanca');
    expect(event.localStart).toBe('2027-10-28T09:00:00');
    expect(event.localEnd).toBe('2027-10-28T10:30:00');
    expect(event.start.toISOString()).toBe('2027-10-28T09:00:00.000Z');
    const zone = cal.timezones.get('Africa/Casablanca')!;
    expect(zone.offsetAt('2027-10-28T09:00:00')).toBe(0);
    expect(zone.offsetAt('2027-06-15T12:00:00')).toBe(0);
    // Morocco's return to permanent UTC+0 (2026-09-20) is the last change it knows.
    expect(zone.observances).toEqual([
      { kind: 'standard', start: '2026-09-20T02:00:00', from: '+0100', to: '+0000', name: '+00' },
    ]);
  });

  it('follows Casablanca through Ramadan 2026: +01, then +00, then +01 again', () => {
    const file = buildCalendarFile([
      item({
        uid: 'before',
        startsAt: utc('2026-02-12T09:00:00'),
        endsAt: utc('2026-02-12T10:00:00'),
      }),
      item({
        uid: 'during',
        startsAt: utc('2026-03-01T10:00:00'),
        endsAt: utc('2026-03-01T11:00:00'),
      }),
      item({
        uid: 'after',
        startsAt: utc('2026-03-24T09:00:00'),
        endsAt: utc('2026-03-24T10:00:00'),
      }),
    ]);
    const cal = readIcs(file);
    const local = Object.fromEntries(cal.events.map((e) => [e.uid, e.localStart]));
    expect(local).toEqual({
      before: '2026-02-12T10:00:00',
      during: '2026-03-01T10:00:00',
      after: '2026-03-24T10:00:00',
    });
    const instants = Object.fromEntries(cal.events.map((e) => [e.uid, e.start.toISOString()]));
    expect(instants).toEqual({
      before: '2026-02-12T09:00:00.000Z',
      during: '2026-03-01T10:00:00.000Z',
      after: '2026-03-24T09:00:00.000Z',
    });
    const zone = cal.timezones.get('Africa/Casablanca')!;
    expect(zone.offsetAt('2026-02-12T10:00:00')).toBe(60);
    expect(zone.offsetAt('2026-03-01T10:00:00')).toBe(0);
    expect(zone.offsetAt('2026-03-24T10:00:00')).toBe(60);
    expect(zone.observances.map((o) => [o.start, o.from, o.to])).toEqual([
      ['2025-04-06T02:00:00', '+0000', '+0100'],
      ['2026-02-15T03:00:00', '+0100', '+0000'],
      ['2026-03-22T02:00:00', '+0000', '+0100'],
    ]);
  });

  it('gives each zone its own VTIMEZONE: Lima, Kolkata and Paris across its spring change', () => {
    const cal = readIcs(
      buildCalendarFile([
        item({
          uid: 'lima',
          timezone: 'America/Lima',
          startsAt: utc('2027-01-15T14:05:00'),
          endsAt: utc('2027-01-15T15:00:00'),
        }),
        item({
          uid: 'kolkata',
          timezone: 'Asia/Kolkata',
          startsAt: utc('2027-01-15T14:05:00'),
          endsAt: utc('2027-01-15T15:00:00'),
        }),
        item({
          uid: 'paris-1',
          timezone: 'Europe/Paris',
          startsAt: utc('2027-03-27T09:00:00'),
          endsAt: utc('2027-03-27T10:00:00'),
        }),
        item({
          uid: 'paris-2',
          timezone: 'Europe/Paris',
          startsAt: utc('2027-03-29T08:00:00'),
          endsAt: utc('2027-03-29T09:00:00'),
        }),
      ]),
    );
    const byUid = new Map(cal.events.map((e) => [e.uid, e]));
    expect(byUid.get('lima')!.localStart).toBe('2027-01-15T09:05:00');
    expect(byUid.get('kolkata')!.localStart).toBe('2027-01-15T19:35:00');
    expect(byUid.get('paris-1')!.localStart).toBe('2027-03-27T10:00:00');
    expect(byUid.get('paris-2')!.localStart).toBe('2027-03-29T10:00:00');
    expect(byUid.get('paris-2')!.start.toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(byUid.get('kolkata')!.start.toISOString()).toBe('2027-01-15T14:05:00.000Z');
    expect(cal.timezones.get('America/Lima')!.offsetAt('2027-01-15T09:05:00')).toBe(-300);
    expect(cal.timezones.get('Asia/Kolkata')!.offsetAt('2027-01-15T19:35:00')).toBe(330);
    const paris = cal.timezones.get('Europe/Paris')!;
    expect(paris.offsetAt('2027-03-27T10:00:00')).toBe(60);
    expect(paris.offsetAt('2027-03-29T10:00:00')).toBe(120);
    expect(paris.observances.map((o) => o.kind)).toEqual(['standard', 'daylight']);
  });

  it('writes the same file whatever the server process time zone is', () => {
    const items = [item(), item({ uid: 'lima', timezone: 'America/Lima' })];
    const inUtc = withProcessZone('UTC', () => buildCalendarFile(items));
    expect(withProcessZone('Pacific/Kiritimati', () => buildCalendarFile(items))).toBe(inUtc);
    expect(withProcessZone('America/Lima', () => buildCalendarFile(items))).toBe(inUtc);
  });

  it('stamps in UTC, keeps UID and SEQUENCE, and writes invites with organizer and attendee', () => {
    const cal = readIcs(
      buildCalendarFile([item({ sequence: 3, status: 'cancelled' })], {
        method: 'CANCEL',
        organizer: { name: 'Convene', email: 'no-reply@convene.test' },
        attendee: { name: 'Awa Traoré', email: 'awa@example.org' },
      }),
    );
    expect(cal.method).toBe('CANCEL');
    const [event] = cal.events;
    expect(event).toMatchObject({ uid: 'a@convene', sequence: 3, status: 'CANCELLED' });
    expect(event.stampZone).toBe('UTC');
    expect(event.stamp.toISOString()).toBe('2027-09-01T12:00:00.000Z');
    expect(event.organizer?.toLowerCase()).toBe('mailto:no-reply@convene.test');
    expect(event.attendees.map((a) => a.toLowerCase())).toEqual(['mailto:awa@example.org']);
  });
});

describe('sessions as calendar entries', () => {
  const visit = {
    id: '6b1f3c1e-0000-4000-8000-000000000002',
    kind: 'site_visit',
    title: "Visit of the mothers' programme",
    description: 'No photos of beneficiaries.',
    status: 'published',
    startsAt: utc('2027-10-27T08:30:00'),
    endsAt: utc('2027-10-27T13:00:00'),
    timezone: 'Africa/Casablanca',
    sequence: 2,
    stamp: utc('2027-10-01T08:00:00'),
    roomName: null,
    eventName: 'Tangier 2027',
    venueName: 'Hôtel Continental',
    venueCity: 'Tangier',
    siteVisit: {
      meetingPoint: 'Hotel lobby',
      departureAt: utc('2027-10-27T08:45:00'),
      returnAt: utc('2027-10-27T12:30:00'),
      address: 'Rue de la Kasbah, Tangier',
      hostOrganisationName: 'Association Amal',
      transport: 'bus',
    },
    url: 'https://convene.test/api/sessions/6b1f3c1e-0000-4000-8000-000000000002',
  };

  it('gives a site visit its address, meeting point and departure time in event time', () => {
    const cal = readIcs(buildCalendarFile([sessionCalendarItem(visit, 'en')]));
    const [event] = cal.events;
    expect(event.uid).toBe(sessionUid(visit.id));
    expect(event.sequence).toBe(2);
    expect(event.status).toBe('CONFIRMED');
    expect(event.location).toBe('Rue de la Kasbah, Tangier — meeting point: Hotel lobby');
    expect(event.url).toBe(visit.url);
    expect(event.description!.split('\n')).toEqual([
      'No photos of beneficiaries.',
      '',
      'Departure: 08:45, Tangier time, from Hotel lobby (bus)',
      'Return: 12:30',
      'Address: Rue de la Kasbah, Tangier',
      'Hosted by: Association Amal',
      '',
      'Event: Tangier 2027',
    ]);
  });

  it('marks a cancelled session CANCELLED, in the reader language, with the room and venue', () => {
    const cancelled = sessionCalendarItem(
      {
        ...visit,
        kind: 'workshop',
        siteVisit: null,
        status: 'cancelled',
        roomName: 'Salle 2',
        description: null,
      },
      'fr',
    );
    const [event] = readIcs(buildCalendarFile([cancelled])).events;
    expect(event.status).toBe('CANCELLED');
    expect(event.summary).toBe("Annulé : Visit of the mothers' programme");
    expect(event.location).toBe('Salle 2, Hôtel Continental, Tangier');
    expect(event.description).toContain('Cette session est annulée.');
  });
});
