/*
 * How emails and calendar files name the place whose clock an event keeps: "heure de
 * Tanger", "Tangier time", "hora de Tánger". One table for both, so an invite and the
 * email it rides on say the same.
 */

export type PlaceLocale = 'fr' | 'en' | 'es';

/** Local names of the cities where Convene meets; others are shown as given. */
const CITY_NAMES: Record<string, Partial<Record<PlaceLocale, string>>> = {
  tangier: { fr: 'Tanger', en: 'Tangier', es: 'Tánger' },
  tanger: { fr: 'Tanger', en: 'Tangier', es: 'Tánger' },
  tánger: { fr: 'Tanger', en: 'Tangier', es: 'Tánger' },
  casablanca: { fr: 'Casablanca', en: 'Casablanca', es: 'Casablanca' },
  kinshasa: { fr: 'Kinshasa', en: 'Kinshasa', es: 'Kinsasa' },
  manila: { fr: 'Manille', en: 'Manila', es: 'Manila' },
  'phnom penh': { fr: 'Phnom Penh', en: 'Phnom Penh', es: 'Nom Pen' },
  ouagadougou: { fr: 'Ouagadougou', en: 'Ouagadougou', es: 'Uagadugú' },
};

/** The venue's city in the reader's language, else the zone's city ("Africa/Casablanca"). */
export function placeName(city: string | null | undefined, zone: string, locale: PlaceLocale) {
  const raw = city?.trim() || zone.split('/').pop()!.replace(/_/g, ' ');
  return CITY_NAMES[raw.toLowerCase()]?.[locale] ?? raw;
}

/** "heure de Tanger", "Tangier time", "hora de Tánger". */
export function zoneLabel(place: string, locale: PlaceLocale): string {
  if (locale === 'fr')
    return /^[aeiouyàâéèêîïôûh]/i.test(place) ? `heure d'${place}` : `heure de ${place}`;
  if (locale === 'es') return `hora de ${place}`;
  return `${place} time`;
}
