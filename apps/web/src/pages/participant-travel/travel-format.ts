import { ISO_COUNTRIES, type Locale } from '#core';
import { eventDates } from '../../format/dates.js';

const INTL: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/** A calendar date (YYYY-MM-DD) written the local way: "vendredi 31 janvier 2031". */
export const longDate = (date: string, locale: Locale) => eventDates(date, date, locale);

/** The calendar date of an instant in a zone's terms would need its rules: UTC is enough for "created on". */
export const dayOf = (iso: string, locale: Locale) => longDate(iso.slice(0, 10), locale);

const namesCache = new Map<Locale, Array<{ value: string; label: string }>>();

/** Every ISO country, named in the reader's language and sorted the way they sort. */
export function countryOptions(locale: Locale): Array<{ value: string; label: string }> {
  const cached = namesCache.get(locale);
  if (cached) return cached;
  const names = new Intl.DisplayNames([INTL[locale]], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(INTL[locale]);
  const options = [...ISO_COUNTRIES]
    .map((code) => ({ value: code, label: safeName(names, code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  namesCache.set(locale, options);
  return options;
}

export function countryName(code: string, locale: Locale): string {
  const names = new Intl.DisplayNames([INTL[locale]], { type: 'region', fallback: 'code' });
  return safeName(names, code);
}

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
