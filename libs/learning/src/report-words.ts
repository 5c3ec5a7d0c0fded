import { dateTimeFormat, displayNames, INTL_TAGS, type Locale } from '#core';
import type { PartnerOrganisation } from './exchange-partners.js';

/** "CD" -> "Congo - Kinshasa" / "Congo-Kinshasa" / "Congo - Kinshasa", in the report's language. */
export function countryIn(code: string | null, locale: Locale): string | null {
  if (!code) return null;
  try {
    return displayNames(INTL_TAGS[locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Solidarité Batoto (Kinshasa, Congo-Kinshasa)". */
export function organisationLine(o: PartnerOrganisation, locale: Locale): string {
  const where = [o.city, countryIn(o.country, locale)].filter(Boolean).join(', ');
  return where ? `${o.name} (${where})` : o.name;
}

/** "1 December 2026" ("1er décembre 2026"): a calendar date, whatever the zone. */
export function writtenDay(date: string, locale: Locale): string {
  const text = dateTimeFormat(INTL_TAGS[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** A journal day as a heading: "Monday 8 March 2027". */
export function journalDay(date: string, locale: Locale): string {
  const text = dateTimeFormat(INTL_TAGS[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
  const upper = text.charAt(0).toUpperCase() + text.slice(1);
  return locale === 'fr' ? upper.replace(/ 1 /, ' 1er ') : upper;
}
