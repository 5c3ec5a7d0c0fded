import { conflict, formatInZone, toZonedIso } from '#core';

/** How long before a session its door opens for attendance scans. */
export const DOOR_OPENS_BEFORE_MINUTES = 60;

export interface WindowSession {
  startsAt: Date;
  endsAt: Date;
  /** A site visit's roll is called when the bus leaves, which may be before its start. */
  siteVisit: { departureAt: Date } | null;
}

/** From 60 minutes before the session (or its bus) leaves, until the session ends. */
export function doorWindow(session: WindowSession): { opensAt: Date; closesAt: Date } {
  const start = Math.min(
    session.startsAt.getTime(),
    session.siteVisit?.departureAt.getTime() ?? Infinity,
  );
  return {
    opensAt: new Date(start - DOOR_OPENS_BEFORE_MINUTES * 60_000),
    closesAt: session.endsAt,
  };
}

const hhmm = (at: Date, zone: string) =>
  formatInZone(at, zone, 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const day = (at: Date, zone: string) =>
  formatInZone(at, zone, 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/**
 * 409 (reason attendance_window) outside the door's window, saying the window in words
 * in the event's zone; the instants are in details for pages to say it in their language.
 */
export function refuseOutsideDoorWindow(
  session: WindowSession,
  zone: string,
  now: Date = new Date(),
): void {
  const { opensAt, closesAt } = doorWindow(session);
  if (now >= opensAt && now < closesAt) return;
  const sameDay = day(opensAt, zone) === day(closesAt, zone);
  const words = sameDay
    ? `on ${day(opensAt, zone)} from ${hhmm(opensAt, zone)} to ${hhmm(closesAt, zone)}`
    : `from ${day(opensAt, zone)} ${hhmm(opensAt, zone)} to ${day(closesAt, zone)} ${hhmm(closesAt, zone)}`;
  throw conflict(
    `Attendance at this session's door is taken ${words} (${zone} time): ` +
      `from ${DOOR_OPENS_BEFORE_MINUTES} minutes before it starts until it ends`,
    {
      reason: 'attendance_window',
      opensAt: toZonedIso(opensAt, zone),
      closesAt: toZonedIso(closesAt, zone),
      tooEarly: now < opensAt,
    },
  );
}

/** "08:52": a time of day in the event's zone, as desks and badges say it. */
export const timeOfDay = hhmm;
