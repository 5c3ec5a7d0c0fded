import ICAL from 'ical.js';
import { buildCalendarFile, type CalendarItem, escapeText } from './calendar-file.js';

/**
 * Issue 11, item 10: text people type (a session title, a room, a name) must never add
 * lines of its own to a calendar file. An organiser (or a participant, through their
 * name) tries to smuggle an ATTENDEE, an ALARM or a second VEVENT into everyone's file.
 */
const INJECT = '\r\nATTENDEE:mailto:attacker@example.org\r\nBEGIN:VALARM\r\nTRIGGER:-PT1M';
const NASTY = `Atelier; "famille", C:\\temp\\x${INJECT}\nEND:VEVENT\rBEGIN:VEVENT\u0007`;

const utc = (iso: string) => new Date(`${iso}Z`);

const item = (overrides: Partial<CalendarItem> = {}): CalendarItem => ({
  uid: 'a@convene',
  sequence: 0,
  summary: NASTY,
  description: NASTY,
  location: `Salle 1, étage 2; ${INJECT}`,
  url: `https://convene.example/e/x${INJECT}`,
  startsAt: utc('2027-10-28T09:00:00'),
  endsAt: utc('2027-10-28T10:30:00'),
  timezone: 'Africa/Casablanca',
  status: 'confirmed',
  stamp: utc('2027-09-01T12:00:00'),
  ...overrides,
});

function build(): string {
  return buildCalendarFile([item(), item({ uid: `b@convene${INJECT}` })], {
    name: `Semaine; Tanger, 2027${INJECT}`,
    description: `Programme\\officiel${INJECT}`,
    method: 'REQUEST',
    organizer: { name: `Org "Conv\\ene"${INJECT}`, email: 'org@convene.example' },
    attendee: { name: `Awa "La Grande" Traoré; A,B${INJECT}`, email: 'awa@example.org' },
  });
}

describe('calendar files: text cannot inject iCalendar lines (RFC 5545)', () => {
  const text = build();
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents('vevent');

  it('parses with ical.js into exactly the events written, with nothing added', () => {
    expect(events).toHaveLength(2);
    for (const vevent of events) {
      expect(vevent.getAllSubcomponents('valarm')).toHaveLength(0);
      expect(vevent.getAllProperties('attendee')).toHaveLength(1);
      expect(vevent.getAllProperties('organizer')).toHaveLength(1);
      expect(vevent.getAllProperties('trigger')).toHaveLength(0);
    }
  });

  it('no line of the file starts with an injected property', () => {
    // Unfold continuation lines first (RFC 5545 3.1), then look at every line.
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((l) => /^ATTENDEE/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^(BEGIN|END):VALARM|^TRIGGER/.test(l))).toEqual([]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    // Every line is CRLF-terminated content: no bare CR or LF, no control character.
    // eslint-disable-next-line no-control-regex -- looking for control characters
    for (const line of lines) expect(line).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('reads every TEXT value back as typed: breaks, commas, semicolons and backslashes escaped', () => {
    const [first] = events;
    const summary = first.getFirstPropertyValue('summary') as string;
    expect(summary).toContain('Atelier; "famille", C:\\temp\\x');
    expect(summary).toContain('\nATTENDEE:mailto:attacker@example.org\n');
    expect(summary).not.toContain('\u0007');
    expect(first.getFirstPropertyValue('location')).toContain('Salle 1, étage 2; ');
    // ical.js hands NAME and X- values back raw: they must be the escaped text.
    expect(root.getFirstPropertyValue('name')).toMatch(/^Semaine\\; Tanger\\, 2027\\nATTENDEE/);
    expect(root.getFirstPropertyValue('x-wr-calname')).toMatch(
      /^Semaine\\; Tanger\\, 2027\\nATTENDEE/,
    );
    expect(root.getFirstPropertyValue('x-wr-caldesc')).toMatch(/^Programme\\\\officiel\\n/);
  });

  it('keeps the names in CN parameters whole, with no double quote to break out of', () => {
    const [first] = events;
    const attendee = first.getFirstProperty('attendee')!;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe('mailto:awa@example.org');
    const cn = attendee.getParameter('cn') as string;
    expect(cn).toContain('Awa ”La Grande” Traoré; A,B');
    expect(cn).not.toMatch(/["\r\n]/);
    const organizer = first.getFirstProperty('organizer')!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:org@convene.example');
    expect(organizer.getParameter('cn')).toContain('Org ”Conv\\ene”');
  });

  it('keeps UIDs and URLs on one line', () => {
    const uids = events.map((e) => e.getFirstPropertyValue('uid') as string);
    expect(uids[0]).toBe('a@convene');
    expect(uids[1]).toMatch(/^b@convene /);
    expect(uids[1]).not.toMatch(/[\r\n]/);
  });

  it('escapeText follows RFC 5545 3.3.11', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
});
