import { formatInZone, INTL_TAGS, type Locale } from '#core';
import type { Catalogue } from '#i18n';
import { dateRange, localTime } from '#messaging';

/*
 * How the agenda pages write days and times: in the event's zone (Convene's own zone
 * rules, never the runtime's ICU), the way each language writes them.
 */

/** "jeudi 28 octobre 2027" for a calendar date of the event. */
export const dayHeading = (date: string, locale: Locale) => dateRange(date, date, locale);

/** "09:00–10:30" in the event's zone. */
export function timeRange(startIso: string, endIso: string, zone: string, locale: Locale): string {
  return `${localTime(new Date(startIso), zone, locale)}–${localTime(new Date(endIso), zone, locale)}`;
}

/** "09:00" in the event's zone. */
export const timeOf = (iso: string, zone: string, locale: Locale) =>
  localTime(new Date(iso), zone, locale);

/** "jeudi 28 octobre, 09:00–10:30": a session named in a sentence. */
export function dayAndTime(startIso: string, endIso: string, zone: string, locale: Locale): string {
  const day = formatInZone(new Date(startIso), zone, INTL_TAGS[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  return `${day}, ${timeRange(startIso, endIso, zone, locale)}`;
}

/** A language code as a word in the reader's language ("français"), or the code itself. */
export const languageName = (t: Catalogue, code: string) =>
  t.agenda.languages[code] ?? code.toUpperCase();
