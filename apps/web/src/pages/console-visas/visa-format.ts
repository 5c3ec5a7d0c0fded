import { dateTimeFormat, formatInZone, INTL_TAGS, type Locale } from '#core';
import { localTime } from '#messaging';

/*
 * Country names, dates and times on the visa board and the arrivals sheet, the way each
 * language writes them. Instants go through formatInZone (Convene's own zone rules, not
 * the runtime's ICU); calendar dates are printed as dates, with no zone at all.
 */

/** "31 Jan 2031", "31 janv. 2031": a calendar date (YYYY-MM-DD), no zone involved. */
export function shortDate(date: string, locale: Locale): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return dateTimeFormat(INTL_TAGS[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

/** "28 Oct 2027, 09:00" in the event's zone. */
export function shortDateTime(iso: string, zone: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = formatInZone(at, zone, INTL_TAGS[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return `${day}, ${localTime(at, zone, locale)}`;
}

/** "09:00" in the event's zone. */
export function timeOf(iso: string, zone: string, locale: Locale): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : localTime(at, zone, locale);
}

/** The local calendar day of a zoned ISO instant ("2027-10-24T13:00:00+00:00"). */
export const dayOf = (zonedIso: string) => zonedIso.slice(0, 10);
