import { dateTimeFormat, formatInZone, INTL_TAGS, type Locale, LOCALES } from '#core';
import { placeName, zoneLabel } from '#ics';

/*
 * Dates in emails, written the way each language writes them. Instants go through
 * formatInZone (moment-timezone's rules, not the runtime's ICU: Morocco has been on
 * UTC+0 since 2026-09-20 and Node's bundled tzdata does not know it yet).
 */

/** The languages we write emails in: the app's locales. */
export type MailLocale = Locale;

const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export function asMailLocale(locale: string | null | undefined): MailLocale {
  return LOCALES.includes(locale as MailLocale) ? (locale as MailLocale) : 'en';
}

/** A calendar date (YYYY-MM-DD), independent of any zone: "lundi 25 octobre 2027". */
function longDate(date: string, locale: MailLocale): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return dateTimeFormat(INTL_TAGS[locale], { ...DATE, timeZone: 'UTC' }).format(at);
}

export function dateRange(start: string, end: string, locale: MailLocale): string {
  if (!end || start === end) return longDate(start, locale);
  const [a, b] = [longDate(start, locale), longDate(end, locale)];
  if (locale === 'fr') return `du ${a} au ${b}`;
  if (locale === 'es') return `del ${a} al ${b}`;
  return `${a} to ${b}`;
}

// City names and "Tangier time" labels are shared with the calendar invites.
export { placeName };

/** "jeudi 28 octobre 2027, 09:00, heure de Tanger". */
export function localDateTime(
  iso: string,
  zone: string,
  locale: MailLocale,
  place: string,
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${formatInZone(at, zone, INTL_TAGS[locale], DATE)}, ${localTime(at, zone, locale)}, ${zoneLabel(place, locale)}`;
}

export function localTime(at: Date, zone: string, locale: MailLocale): string {
  return formatInZone(at, zone, INTL_TAGS[locale], TIME);
}

/** "jeudi 28 octobre 2027, 09:00–10:30, heure de Tanger" (the end date is added when it differs). */
export function localTimeRange(
  startIso: string,
  endIso: string,
  zone: string,
  locale: MailLocale,
  place: string,
): string {
  const [start, end] = [new Date(startIso), new Date(endIso)];
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    return `${startIso} – ${endIso}`;
  const day = (d: Date) =>
    formatInZone(d, zone, 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const startText = `${formatInZone(start, zone, INTL_TAGS[locale], DATE)}, ${localTime(start, zone, locale)}`;
  const endText =
    day(start) === day(end)
      ? localTime(end, zone, locale)
      : `${formatInZone(end, zone, INTL_TAGS[locale], DATE)}, ${localTime(end, zone, locale)}`;
  return `${startText}–${endText}, ${zoneLabel(place, locale)}`;
}

/**
 * When a sign-in or account link expires, in the recipient's zone: the zone of the event
 * they last registered for (accounts have no zone of their own), named ("10:15 (heure
 * de Tanger)"); without one, UTC, said so ("09:15 UTC"). A value that is not an instant
 * is shown as it is (old rows stay renderable).
 */
export function linkExpiry(
  expiresAt: string,
  zone: string | null | undefined,
  city: string | null | undefined,
  locale: MailLocale,
): string {
  const at = new Date(expiresAt);
  if (Number.isNaN(at.getTime())) return expiresAt;
  if (!zone || zone === 'UTC') return `${localTime(at, 'UTC', locale)} UTC`;
  return `${localTime(at, zone, locale)} (${zoneLabel(placeName(city, zone, locale), locale)})`;
}
