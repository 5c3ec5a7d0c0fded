import type { Locale } from '#core';
import { dateRange, localDateTime, localTimeRange, placeName } from '#messaging';

/*
 * Dates on pages are written as in the emails (one implementation): in the event's zone,
 * from Convene's own zone rules, the way each language writes them.
 */

/** "du lundi 25 octobre 2027 au samedi 30 octobre 2027". */
export const eventDates = (start: string, end: string, locale: Locale) =>
  dateRange(start, end, locale);

/** "jeudi 28 octobre 2027, 09:00, heure de Tanger". */
export const instantIn = (iso: string, zone: string, locale: Locale, city: string | null) =>
  localDateTime(iso, zone, locale, placeName(city, zone, locale));

/** "jeudi 28 octobre 2027, 09:00–10:30, heure de Tanger". */
export const timeRangeIn = (
  startIso: string,
  endIso: string,
  zone: string,
  locale: Locale,
  city: string | null,
) => localTimeRange(startIso, endIso, zone, locale, placeName(city, zone, locale));

/** A city name in the reader's language (Tanger, Tánger, Tangier). */
export const cityName = (city: string | null, zone: string, locale: Locale) =>
  placeName(city, zone, locale);
