import { conflict } from '#core';
import type { SessionRecord } from './session.view.js';

/*
 * Attendance says who came: it can only be known once the session has begun. For a
 * site visit the roll is called when the bus leaves, which may be before the visit's
 * own start, so it opens at whichever comes first.
 */

/** The instant from which attendance of a session may be marked. */
export function attendanceOpensAt(
  session: Pick<SessionRecord, 'startsAt'> & {
    siteVisit: { departureAt: Date } | null;
  },
): Date {
  const start = session.startsAt.getTime();
  const departure = session.siteVisit?.departureAt.getTime() ?? start;
  return new Date(Math.min(start, departure));
}

/** 409 (reason attendance_not_open) when marking attendance before the session began. */
export function refuseEarlyAttendance(
  session: Parameters<typeof attendanceOpensAt>[0],
  now: Date = new Date(),
): void {
  const opensAt = attendanceOpensAt(session);
  if (now.getTime() < opensAt.getTime()) {
    throw conflict('Attendance can only be marked once the session has started', {
      reason: 'attendance_not_open',
      opensAt: opensAt.toISOString(),
    });
  }
}
