import type { Event } from '#events';
import { closedCode } from './participant-registrations.service.js';
import { registrationClosedReason } from './registration-rules.js';

const event = (overrides: Partial<Event> = {}): Event =>
  ({
    status: 'published',
    timezone: 'Africa/Casablanca',
    capacity: 2,
    requiresApproval: false,
    registrationOpensAt: new Date('2027-01-01T00:00:00Z'),
    registrationClosesAt: new Date('2027-09-30T23:00:00Z'),
    ...overrides,
  }) as Event;

describe('closedCode', () => {
  const cases: Array<[string, Event, Date, string | null]> = [
    ['open', event(), new Date('2027-05-01T00:00:00Z'), null],
    ['draft', event({ status: 'draft' }), new Date('2027-05-01T00:00:00Z'), 'draft'],
    ['closed', event({ status: 'closed' }), new Date('2027-05-01T00:00:00Z'), 'closed'],
    ['archived', event({ status: 'archived' }), new Date('2027-05-01T00:00:00Z'), 'archived'],
    ['before the window', event(), new Date('2026-12-31T23:59:59Z'), 'not_yet_open'],
    ['at the closing instant', event(), new Date('2027-09-30T23:00:00Z'), 'ended'],
    [
      'no window at all',
      event({ registrationOpensAt: null, registrationClosesAt: null }),
      new Date('2030-01-01T00:00:00Z'),
      null,
    ],
  ];

  it.each(cases)('%s', (_name, e, now, expected) => {
    expect(closedCode(e, now)).toBe(expected);
  });

  it('says closed exactly when the service would refuse a registration', () => {
    for (const [, e, now] of cases) {
      expect(closedCode(e, now) === null).toBe(registrationClosedReason(e, now) === null);
    }
  });
});
