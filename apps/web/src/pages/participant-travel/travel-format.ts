import type { Locale } from '#core';
import { eventDates } from '../../format/dates.js';

/** A calendar date (YYYY-MM-DD) written the local way: "vendredi 31 janvier 2031". */
export const longDate = (date: string, locale: Locale) => eventDates(date, date, locale);

/** The calendar date of an instant in a zone's terms would need its rules: UTC is enough for "created on". */
export const dayOf = (iso: string, locale: Locale) => longDate(iso.slice(0, 10), locale);
