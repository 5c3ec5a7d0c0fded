import { dateTimeFormat, formatInZone, INTL_TAGS, type Locale, numberFormat } from '#core';

/** A calendar date (YYYY-MM-DD) written short ("25 Oct") or with its day and year ("Mon 25 Oct 2027"). */
export function calendarDate(date: string, locale: Locale, long = false): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  const options: Intl.DateTimeFormatOptions = long
    ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return dateTimeFormat(INTL_TAGS[locale], options).format(at);
}

/** "mar. 26 oct., 10:00": a session's start in the event's zone, short. */
export function shortInstant(iso: string, zone: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return formatInZone(at, zone, INTL_TAGS[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** A number written the reader's way (1 234 in French). */
export const count = (n: number, locale: Locale) => numberFormat(INTL_TAGS[locale]).format(n);

/** The calendar day before a date (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Date(at.getTime() - 86_400_000).toISOString().slice(0, 10);
}
