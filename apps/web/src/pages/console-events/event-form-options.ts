import type { Locale } from '#core';
import { cityName } from '../../format/dates.js';

/**
 * Time zones the partner network meets in, west to east; an event in another zone keeps
 * its own, listed first. Labels name the city in the reader's language.
 */
const ZONES = [
  'America/Mexico_City',
  'America/Bogota',
  'America/Lima',
  'America/La_Paz',
  'America/Santiago',
  'America/Sao_Paulo',
  'Atlantic/Cape_Verde',
  'UTC',
  'Africa/Abidjan',
  'Africa/Dakar',
  'Africa/Ouagadougou',
  'Africa/Bamako',
  'Africa/Casablanca',
  'Europe/London',
  'Africa/Algiers',
  'Africa/Tunis',
  'Africa/Lagos',
  'Africa/Kinshasa',
  'Europe/Brussels',
  'Europe/Paris',
  'Europe/Madrid',
  'Africa/Lubumbashi',
  'Africa/Cairo',
  'Asia/Beirut',
  'Africa/Nairobi',
  'Asia/Bangkok',
  'Asia/Phnom_Penh',
  'Asia/Ho_Chi_Minh',
  'Asia/Manila',
];

export function zoneOptions(
  locale: Locale,
  current?: string,
): Array<{ value: string; label: string }> {
  const zones = current && !ZONES.includes(current) ? [current, ...ZONES] : ZONES;
  const ordered = current ? [current, ...zones.filter((z) => z !== current)] : zones;
  return ordered.map((zone) => ({
    value: zone,
    label: zone === 'UTC' ? 'UTC' : `${cityName(null, zone, locale)} (${zone})`,
  }));
}
