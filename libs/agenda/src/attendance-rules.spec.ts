import { DomainError } from '#core';
import { attendanceOpensAt, refuseEarlyAttendance } from './attendance-rules.js';

const at = (iso: string) => new Date(iso);

describe('attendance opens when the session begins', () => {
  const workshop = { startsAt: at('2027-10-26T10:00:00Z'), siteVisit: null };
  const visit = {
    startsAt: at('2027-10-28T09:30:00Z'),
    siteVisit: { departureAt: at('2027-10-28T09:10:00Z') },
  };

  it('opens at the start, or when the bus leaves if that is earlier', () => {
    expect(attendanceOpensAt(workshop).toISOString()).toBe('2027-10-26T10:00:00.000Z');
    expect(attendanceOpensAt(visit).toISOString()).toBe('2027-10-28T09:10:00.000Z');
  });

  it('refuses marking long before, and a minute before, the session', () => {
    for (const now of ['2027-09-01T10:00:00Z', '2027-10-26T09:59:00Z']) {
      let error: unknown;
      try {
        refuseEarlyAttendance(workshop, at(now));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('conflict');
      expect((error as DomainError).details).toMatchObject({ reason: 'attendance_not_open' });
    }
  });

  it('accepts marking from the start on, and after the session', () => {
    expect(() => refuseEarlyAttendance(workshop, at('2027-10-26T10:00:00Z'))).not.toThrow();
    expect(() => refuseEarlyAttendance(workshop, at('2027-10-27T08:00:00Z'))).not.toThrow();
    expect(() => refuseEarlyAttendance(visit, at('2027-10-28T09:15:00Z'))).not.toThrow();
  });
});
