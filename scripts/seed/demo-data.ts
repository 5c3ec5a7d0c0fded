/**
 * The demo: the network's annual meeting in Tangiers. Nineteen partner organisations
 * in the ten countries of the network; the names are illustrative.
 */
export const DEMO_ORGANISATIONS = [
  {
    key: 'bf-ouaga',
    name: 'Maison des Familles de Ouagadougou',
    country: 'BF',
    city: 'Ouagadougou',
    kind: 'family_house',
  },
  {
    key: 'bf-bobo',
    name: 'Association Solidarité Enfance Bobo',
    country: 'BF',
    city: 'Bobo-Dioulasso',
    kind: 'ngo',
  },
  {
    key: 'cm-yaounde',
    name: 'Réseau Familles Cameroun',
    country: 'CM',
    city: 'Yaoundé',
    kind: 'ngo',
  },
  {
    key: 'cm-douala',
    name: 'Centre Social de Douala',
    country: 'CM',
    city: 'Douala',
    kind: 'public_service',
  },
  {
    key: 'cg-brazza',
    name: 'Foyer Espoir Brazzaville',
    country: 'CG',
    city: 'Brazzaville',
    kind: 'ngo',
  },
  {
    key: 'fr-paris',
    name: 'Réseau International des Familles',
    country: 'FR',
    city: 'Paris',
    kind: 'network',
  },
  {
    key: 'fr-lyon',
    name: 'Fondation Côte Solidaire',
    country: 'FR',
    city: 'Lyon',
    kind: 'foundation',
  },
  {
    key: 'mg-tana',
    name: 'Trano Fianakaviana Antananarivo',
    country: 'MG',
    city: 'Antananarivo',
    kind: 'family_house',
  },
  {
    key: 'mg-tamatave',
    name: 'Association Zaza Tamatave',
    country: 'MG',
    city: 'Toamasina',
    kind: 'ngo',
  },
  {
    key: 'ml-bamako',
    name: 'Maison des Familles de Bamako',
    country: 'ML',
    city: 'Bamako',
    kind: 'family_house',
  },
  { key: 'ml-segou', name: 'Association Badenya Ségou', country: 'ML', city: 'Ségou', kind: 'ngo' },
  {
    key: 'ma-tanger',
    name: 'Association Mères et Enfants de Tanger',
    country: 'MA',
    city: 'Tangier',
    kind: 'ngo',
  },
  {
    key: 'ma-rabat',
    name: 'Observatoire Familles Rabat',
    country: 'MA',
    city: 'Rabat',
    kind: 'public_service',
  },
  {
    key: 'pe-lima',
    name: 'Casa de las Familias de Lima',
    country: 'PE',
    city: 'Lima',
    kind: 'family_house',
  },
  { key: 'pe-cusco', name: 'Asociación Niñez Cusco', country: 'PE', city: 'Cusco', kind: 'ngo' },
  {
    key: 'cd-kinshasa',
    name: 'Maison des Familles de Kinshasa',
    country: 'CD',
    city: 'Kinshasa',
    kind: 'family_house',
  },
  { key: 'cd-goma', name: 'Solidarité Familles Goma', country: 'CD', city: 'Goma', kind: 'ngo' },
  {
    key: 'sn-dakar',
    name: 'Maison des Familles de Dakar',
    country: 'SN',
    city: 'Dakar',
    kind: 'family_house',
  },
  { key: 'sn-thies', name: 'Association Jappo Thiès', country: 'SN', city: 'Thiès', kind: 'ngo' },
] as const;

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

export const DEMO_PASSWORD = 'convene-demo-2027';

export const DEMO_ORGANISER = {
  email: 'organiser@convene.demo',
  name: 'Claire Dubois',
  locale: 'fr',
  organisation: 'fr-paris',
} as const;

export const DEMO_HOST = {
  email: 'host@convene.demo',
  name: 'Samira El Amrani',
  locale: 'fr',
  organisation: 'ma-tanger',
} as const;

/** People with logins; participants.ts in the registration seed adds the rest of the 26. */
export const DEMO_PARTICIPANTS = [
  { email: 'awa@convene.demo', name: 'Awa Traoré', locale: 'fr', organisation: 'bf-ouaga' },
  { email: 'lucia@convene.demo', name: 'Lucía Quispe', locale: 'es', organisation: 'pe-lima' },
  {
    email: 'joseph@convene.demo',
    name: 'Joseph Mukendi',
    locale: 'fr',
    organisation: 'cd-kinshasa',
  },
  { email: 'fatou@convene.demo', name: 'Fatou Ndiaye', locale: 'en', organisation: 'sn-dakar' },
] as const;

export const DEMO_EVENT = {
  slug: 'tangier-2027',
  name: 'Communities of Practice and Knowledge — Tangier 2027',
  // In each language: the pages mark a text shown in another language as such, and the
  // settings form shows each language's text in its own box.
  descriptions: {
    fr:
      'Six jours à Tanger pour les travailleurs sociaux, chefs de service, psychologues, juristes et ' +
      'responsables du réseau : des ateliers thématiques pour accompagner autrement les familles, et une ' +
      'visite du programme pour les mères de notre partenaire local.',
    en:
      'Six days in Tangier for social workers, heads of service, psychologists, legal experts and managers ' +
      'of the network: themed workshops on how to support families differently, and a visit to the local ' +
      "partner's programme for mothers.",
    es:
      'Seis días en Tánger para trabajadores sociales, jefes de servicio, psicólogos, juristas y ' +
      'responsables de la red: talleres temáticos sobre cómo acompañar de otro modo a las familias, y una ' +
      'visita al programa para madres del socio local.',
  },
  kind: 'meeting',
  timezone: 'Africa/Casablanca',
  startDate: '2027-10-25',
  endDate: '2027-10-30',
  venueName: 'Hôtel Continental',
  venueCity: 'Tangier',
  venueCountry: 'MA',
  capacity: 40,
  requiresApproval: false,
  languages: ['fr', 'en', 'es'],
  registrationOpensAt: '2026-11-01T00:00:00Z',
  registrationClosesAt: '2027-09-30T23:00:00Z',
} as const;

/**
 * Last year's edition, in Dakar: archived, so nobody registers any more, but the people
 * who came carry over (their details prefill a new registration; organisers see each
 * person's editions). Its numbers are its own: the Tangier stats do not count it.
 */
export const DEMO_PREVIOUS_EVENT = {
  slug: 'dakar-2026',
  name: 'Communities of Practice and Knowledge — Dakar 2026',
  descriptions: {
    fr:
      'La semaine 2026 du réseau, accueillie par la Maison des Familles de Dakar : des ateliers pour ' +
      'garder les familles unies, et une visite de la maison familiale de la Médina.',
    en:
      'The 2026 week of the network, hosted by the Maison des Familles de Dakar: workshops on ' +
      'keeping families together, and a visit to the family house in the Médina.',
    es:
      'La semana 2026 de la red, acogida por la Maison des Familles de Dakar: talleres para mantener ' +
      'unidas a las familias, y una visita a la casa familiar de la Medina.',
  },
  kind: 'meeting',
  timezone: 'Africa/Dakar',
  startDate: '2026-10-19',
  endDate: '2026-10-24',
  venueName: "Hôtel de l'Océan",
  venueCity: 'Dakar',
  venueCountry: 'SN',
  capacity: 30,
  requiresApproval: false,
  languages: ['fr', 'en', 'es'],
  registrationOpensAt: '2025-11-01T00:00:00Z',
  registrationClosesAt: '2026-09-15T23:59:00Z',
  publishedAt: '2025-10-20T09:00:00Z',
} as const;

/**
 * The immersion partners of "Family support 2027" (issue 14): two pairs who visit each
 * other's Family House. Kept apart from the Tangier list so its counts stay its own.
 */
export const DEMO_IMMERSION_ORGANISATIONS = [
  {
    key: 'bf-kogl-taaba',
    name: 'Kogl Taaba',
    country: 'BF',
    city: 'Ouagadougou',
    kind: 'family_house',
  },
  {
    key: 'cd-batoto',
    name: 'Solidarité Batoto',
    country: 'CD',
    city: 'Kinshasa',
    kind: 'family_house',
  },
  { key: 'ph-cameleon', name: 'Cameleon', country: 'PH', city: 'Iloilo City', kind: 'ngo' },
  {
    key: 'kh-wrc',
    name: "Women's Resource Center",
    country: 'KH',
    city: 'Phnom Penh',
    kind: 'ngo',
  },
] as const;

/** One staff account per host partner: they see their visitors at /host (demo password). */
export const DEMO_IMMERSION_HOSTS = [
  {
    email: 'batoto@convene.demo',
    name: 'Espérance Mbuyi',
    locale: 'fr',
    organisation: 'cd-batoto',
  },
  {
    email: 'kogltaaba@convene.demo',
    name: 'Rasmata Kaboré',
    locale: 'fr',
    organisation: 'bf-kogl-taaba',
  },
  { email: 'wrc@convene.demo', name: 'Sophea Chan', locale: 'en', organisation: 'kh-wrc' },
  {
    email: 'cameleon@convene.demo',
    name: 'Maricel Santos',
    locale: 'en',
    organisation: 'ph-cameleon',
  },
] as const;
