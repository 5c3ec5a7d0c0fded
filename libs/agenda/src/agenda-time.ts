import { startOfLocalDate } from '#core';

/** The next calendar date, by plain date arithmetic (no zone involved). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Every calendar date from start to end inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end && out.length < 400; d = nextDate(d)) out.push(d);
  return out;
}

/** The event's dates as instants: midnight of its first day to midnight after its last, in its zone. */
export function eventWindow(startDate: string, endDate: string, zone: string) {
  return {
    start: startOfLocalDate(startDate, zone).getTime(),
    end: startOfLocalDate(nextDate(endDate), zone).getTime(),
  };
}
