import type { Locale } from '#core';

/** BCP 47 tags for dates and country names on pages, as the emails write them. */
export const INTL: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };
