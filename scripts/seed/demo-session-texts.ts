/*
 * The demo agenda's titles, descriptions and visit rules in French, English and Spanish,
 * keyed by the English title the seed uses. A few are left untranslated on purpose, so
 * the demo shows how a missing translation reads (the text in another language, said so).
 */

type Texts = { fr?: string; en: string; es?: string };

const T = (fr: string | undefined, en: string, es: string | undefined): Texts => ({ fr, en, es });

export const DEMO_TITLES: Record<string, Texts> = Object.fromEntries(
  [
    T(
      'Plénière d’ouverture : bienvenue à Tanger',
      'Opening plenary: welcome to Tangier',
      'Plenaria de apertura: bienvenidos a Tánger',
    ),
    T('Pause café', 'Coffee break', 'Pausa café'),
    T('Déjeuner', 'Lunch', 'Almuerzo'),
    T(
      'Le réseau en 2027 : ce qui a changé pour les familles',
      'The network in 2027: what changed for families',
      'La red en 2027: lo que cambió para las familias',
    ),
    T('Écouter d’abord les parents', 'Listening to parents first', 'Escuchar primero a los padres'),
    T(
      'Les maisons des familles, points d’ancrage du quartier',
      'Family houses as community anchors',
      'Las casas de familia como anclas del barrio',
    ),
    T(
      'Protection juridique des mères et des enfants',
      'Legal protection of mothers and children',
      'Protección jurídica de madres e hijos',
    ),
    T('Dîner de bienvenue', 'Welcome dinner', 'Cena de bienvenida'),
    T('Le soutien entre familles', 'Peer support between families', 'El apoyo entre familias'),
    T('Travailler avec les pères', 'Working with fathers', 'Trabajar con los padres'),
    T(
      'Premiers secours psychologiques pour les enfants',
      'Psychological first aid for children',
      'Primeros auxilios psicológicos para niños',
    ),
    // Left without its Spanish title: Spanish readers see the French one, marked so.
    T(
      'Quand la maison des familles est pleine : des listes d’attente dignes',
      'When the family house is full: waitlists with dignity',
      undefined,
    ),
    T(
      'Les travailleurs sociaux et les tribunaux',
      'Social workers and the courts',
      'Los trabajadores sociales y los tribunales',
    ),
    T(
      'Mesurer ce qui compte pour les familles',
      'Measuring what matters to families',
      'Medir lo que importa a las familias',
    ),
    T(
      'Déjeuner chez le partenaire',
      'Lunch at the partner programme',
      'Almuerzo en el programa socio',
    ),
    T(
      'Ce que nous avons vu : les leçons de la visite',
      'What we saw: learning from the visit',
      'Lo que vimos: aprender de la visita',
    ),
    T(
      'Plénière de clôture : nos engagements pour 2028',
      'Closing plenary: commitments for 2028',
      'Plenaria de clausura: compromisos para 2028',
    ),
    T(
      'Visite : le programme d’appui aux mères de notre partenaire de Tanger',
      "Visit: the mothers' support programme of our Tangier partner",
      'Visita: el programa de apoyo a las madres de nuestro socio de Tánger',
    ),
  ].map((t) => [t.en, t]),
);

export const DEMO_VISIT_DESCRIPTIONS: Texts = {
  fr: 'Une matinée avec l’équipe et les mères du programme, en bus depuis l’hôtel.',
  en: 'A morning with the team and the mothers of the programme, by bus from the hotel.',
  es: 'Una mañana con el equipo y las madres del programa, en autobús desde el hotel.',
};

export const DEMO_VISIT_RULES: { fr: string[]; en: string[]; es: string[] } = {
  fr: [
    'Pas de photos ni d’enregistrements des mères et des enfants',
    'Ce que les familles partagent reste dans la salle',
    'Demandez à l’équipe avant de parler à une famille',
  ],
  en: [
    'No photos or recordings of mothers and children',
    'What families share stays in the room',
    'Ask the host team before speaking to a family',
  ],
  es: [
    'Nada de fotos ni grabaciones de las madres y los niños',
    'Lo que las familias comparten se queda en la sala',
    'Pregunte al equipo antes de hablar con una familia',
  ],
};

/** Only the languages written (no empty texts). */
export const written = (t: Texts | undefined) =>
  Object.fromEntries(Object.entries(t ?? {}).filter(([, v]) => !!v));
