import { collator, displayNames, INTL_TAGS, ISO_COUNTRIES, type Locale } from '#core';

/*
 * Country names in the reader's language, for every page that prints or offers one.
 */

/** "Burkina Faso", "Pérou", "Perú": a country code in the reader's language (the code if unknown). */
export function countryName(code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  try {
    return displayNames(INTL_TAGS[locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const optionsCache = new Map<Locale, Array<{ value: string; label: string }>>();

/** Every ISO country, named in the reader's language and sorted the way that language sorts. */
export function countryOptions(locale: Locale): Array<{ value: string; label: string }> {
  const cached = optionsCache.get(locale);
  if (cached) return cached;
  const byName = collator(INTL_TAGS[locale]);
  const options = [...ISO_COUNTRIES]
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => byName.compare(a.label, b.label));
  optionsCache.set(locale, options);
  return options;
}
