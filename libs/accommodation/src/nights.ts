import { isoDateUtc, keptBy, localDateOf, offsetMinutesAt } from '#core';

/** Where a stay's dates come from: the organiser's override, the flights, or the event. */
export type NightsSource = 'organiser' | 'flights' | 'event';

export interface StayDates {
  /** The first night's date (YYYY-MM-DD, the event's zone). */
  checkIn: string;
  /** The morning the person leaves (YYYY-MM-DD): the last night is the day before. */
  checkOut: string;
  source: NightsSource;
}

export interface StayInputs {
  eventStart: string;
  eventEnd: string;
  zone: string;
  arrivalAt: Date | null;
  departureAt: Date | null;
  checkInOverride: string | null;
  checkOutOverride: string | null;
}

/**
 * A flight landing before this hour (event time) needs the bed of the night before: who
 * lands at 01:30 on the 25th sleeps the night of the 24th.
 */
export const EARLY_ARRIVAL_HOUR = 6;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DAY_MS = 86_400_000;

/** A calendar date as UTC milliseconds at its midnight, or NaN unless a real YYYY-MM-DD. */
function midnightOf(date: string): number {
  const at = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  // Date.parse rolls 2027-02-30 over to 2 March; a real date reads back as itself.
  return Number.isNaN(at) || isoDateUtc(at) !== date ? NaN : at;
}

/** A calendar date moved by whole days ('Invalid date' for anything but a real YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  // Plain UTC arithmetic on calendar dates: a moment parse per night made the accommodation
  // pages spend a millisecond per person on their nights.
  const at = midnightOf(date);
  return Number.isNaN(at) ? 'Invalid date' : isoDateUtc(at + days * DAY_MS);
}

/**
 * A person's nights: the organiser's dates while they are set; else from the arrival night
 * to the departure morning, both read in the event's zone; else the event's own dates. A
 * missing leg falls back to the event's date on its side. Always at least one night.
 */
export function stayDates(s: StayInputs): StayDates {
  if (s.checkInOverride && s.checkOutOverride) {
    return { checkIn: s.checkInOverride, checkOut: s.checkOutOverride, source: 'organiser' };
  }
  let checkIn = s.eventStart;
  let checkOut = s.eventEnd;
  if (s.arrivalAt) {
    checkIn = localDateOf(s.arrivalAt, s.zone);
    if (localHourOf(s.arrivalAt, s.zone) < EARLY_ARRIVAL_HOUR) checkIn = addDays(checkIn, -1);
  }
  if (s.departureAt) checkOut = localDateOf(s.departureAt, s.zone);
  if (checkOut <= checkIn) checkOut = addDays(checkIn, 1);
  const source = s.arrivalAt || s.departureAt ? 'flights' : 'event';
  return { checkIn, checkOut, source };
}

/** The hour on the clocks of `zone` at `instant` (0-23). */
function localHourOf(instant: Date, zone: string): number {
  return new Date(instant.getTime() + offsetMinutesAt(zone, instant) * 60_000).getUTCHours();
}

// A meeting's thousand guests sleep on the same dozen nights: one string per night, shared
// by every stay that holds it, rather than 8,000 copies on each view of the rooms.
const nightText = keptBy(4_096, isoDateUtc);

/**
 * Every night of a stay: from checkIn up to the day before checkOut (at most a year). The
 * first date is checked once and then stepped: the organisers' rooms view works out every
 * confirmed person's nights on each view, and checking each night again was most of it.
 */
export function nightsOf(checkIn: string, checkOut: string): string[] {
  const nights: string[] = [];
  if (!(checkIn < checkOut)) return nights;
  nights.push(checkIn);
  const start = midnightOf(checkIn);
  if (Number.isNaN(start)) return nights;
  for (let at = start + DAY_MS; nights.length < 366; at += DAY_MS) {
    const night = nightText(at);
    if (!(night < checkOut)) break;
    nights.push(night);
  }
  return nights;
}
