import moment from 'moment-timezone';

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

export function addDays(date: string, days: number): string {
  return moment.utc(date, 'YYYY-MM-DD', true).add(days, 'day').format('YYYY-MM-DD');
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
    const local = moment(s.arrivalAt).tz(s.zone);
    checkIn = local.format('YYYY-MM-DD');
    if (local.hour() < EARLY_ARRIVAL_HOUR) checkIn = addDays(checkIn, -1);
  }
  if (s.departureAt) checkOut = moment(s.departureAt).tz(s.zone).format('YYYY-MM-DD');
  if (checkOut <= checkIn) checkOut = addDays(checkIn, 1);
  const source = s.arrivalAt || s.departureAt ? 'flights' : 'event';
  return { checkIn, checkOut, source };
}

/** Every night of a stay: from checkIn up to the day before checkOut. */
export function nightsOf(checkIn: string, checkOut: string): string[] {
  const nights: string[] = [];
  for (let d = checkIn; d < checkOut && nights.length < 366; d = addDays(d, 1)) nights.push(d);
  return nights;
}
