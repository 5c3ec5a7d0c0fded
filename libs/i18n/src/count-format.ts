import { type Locale, numberFormat } from '#core';

/** The same tags the pages use for dates (apps/web/src/format/intl-tags.ts). */
const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/**
 * A count written the reader's way: "1 008" (narrow no-break space) in French, "1,008" in
 * English, "1008" but "10.000" in Spanish, whose CLDR rule groups only from five digits.
 * Catalogues choose singular or plural on the raw number; only the digits go through here.
 */
export function formatCount(locale: Locale, n: number): string {
  return numberFormat(TAGS[locale]).format(n);
}
