import { INTL_TAGS, type Locale, numberFormat } from '#core';

/**
 * A count written the reader's way: "1 008" (narrow no-break space) in French, "1,008" in
 * English, "1008" but "10.000" in Spanish, whose CLDR rule groups only from five digits.
 * Catalogues choose singular or plural on the raw number; only the digits go through here.
 */
export function formatCount(locale: Locale, n: number): string {
  return numberFormat(INTL_TAGS[locale]).format(n);
}
