import ICAL from 'ical.js';
import { organizerOf, renderInvite } from './invite.js';

/** The method and the one VEVENT, as ical.js reads them (times through the file's VTIMEZONE). */
function readIcs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
      tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
      localStart: event.startDate.toString(),
      start: event.startDate.toJSDate(),
      location: vevent.getFirstPropertyValue('location'),
      url: vevent.getFirstPropertyValue('url'),
      description: String(vevent.getFirstPropertyValue('description')),
      stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate(),
    };
  });
  return { method: root.getFirstPropertyValue('method'), events };
}

const ctx = {
  mailFrom: 'Convene <no-reply@convene.test>',
  recipientEmail: 'amina@example.org',
  publicUrl: 'https://convene.test',
};
const changed = {
  eventId: 'e1',
  eventName: 'Tangier 2027',
  eventStartDate: '2027-10-25',
  eventEndDate: '2027-10-30',
  eventTimezone: 'Africa/Casablanca',
  venueName: 'Hôtel Continental',
  venueCity: 'Tangier',
  recipientName: 'Amina',
  sessionId: '6b1f3c1e-0000-4000-8000-000000000003',
  sessionTitle: 'Atelier',
  sessionKind: 'workshop',
  startsAt: '2027-10-28T14:00:00Z',
  endsAt: '2027-10-28T15:30:00Z',
  roomName: 'Salle 2',
  status: 'published',
  changes: ['time'],
  sequence: 4,
  decidedAt: '2027-10-20T08:00:00Z',
};

describe('calendar invites from outbox rows', () => {
  it('attaches an updated REQUEST for a moved session, in the reader language', () => {
    const invite = renderInvite('session_changed', 'fr', changed, ctx)!;
    expect(invite.method).toBe('REQUEST');
    expect(invite.filename).toBe('invite.ics');
    const cal = readIcs(invite.content);
    expect(cal.method).toBe('REQUEST');
    const [event] = cal.events;
    expect(event).toMatchObject({
      uid: '6b1f3c1e-0000-4000-8000-000000000003@convene',
      sequence: 4,
      status: 'CONFIRMED',
      tzid: 'Africa/Casablanca',
      localStart: '2027-10-28T14:00:00',
      start: new Date('2027-10-28T14:00:00Z'),
      location: 'Salle 2, Hôtel Continental, Tangier',
      // A row written before payloads carried the slug: the agenda page, never the JSON API.
      url: 'https://convene.test/my/agenda',
    });
    expect(event.stamp.toISOString()).toBe('2027-10-20T08:00:00.000Z');
    expect(event.description).toContain('Événement: Tangier 2027');
  });

  it('cancels the entry when the session is cancelled or taken back to draft', () => {
    for (const status of ['cancelled', 'draft']) {
      const invite = renderInvite('session_changed', 'en', { ...changed, status }, ctx)!;
      expect(invite.method).toBe('CANCEL');
      expect(readIcs(invite.content).events[0].status).toBe('CANCELLED');
    }
  });

  it('adds none to rows written before invites existed, nor to other templates', () => {
    const { sequence: _s, ...old } = changed;
    expect(renderInvite('session_changed', 'en', old, ctx)).toBeUndefined();
    expect(renderInvite('announcement', 'en', changed, ctx)).toBeUndefined();
  });

  it('refuses a row whose times are not instants', () => {
    expect(() =>
      renderInvite('session_changed', 'en', { ...changed, startsAt: 'soon' }, ctx),
    ).toThrow(/startsAt/);
  });

  it('reads the organizer from MAIL_FROM', () => {
    expect(organizerOf('Convene <no-reply@convene.test>')).toEqual({
      name: 'Convene',
      email: 'no-reply@convene.test',
    });
    expect(organizerOf('"Équipe Convene" <equipe@convene.test>')).toEqual({
      name: 'Équipe Convene',
      email: 'equipe@convene.test',
    });
    expect(organizerOf('plain@convene.test')).toEqual({
      name: 'Convene',
      email: 'plain@convene.test',
    });
  });
});

describe('invite links', () => {
  it('link the calendar entry to the session page when the payload names the event slug', () => {
    const invite = renderInvite(
      'session_changed',
      'fr',
      { ...changed, eventSlug: 'tangier-2027' },
      ctx,
    )!;
    expect(readIcs(invite.content).events[0].url).toBe(
      'https://convene.test/e/tangier-2027/sessions/6b1f3c1e-0000-4000-8000-000000000003',
    );
  });
});
