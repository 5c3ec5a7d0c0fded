import { DEMO_PARTICIPANTS, type DemoOrganisationKey } from './demo-data.js';

export type Profession =
  'social_worker' | 'head_of_service' | 'psychologist' | 'legal_expert' | 'manager' | 'other';

export interface EmergencyContact {
  name: string;
  phone: string;
  relation: string;
}

/**
 * One person at the Tangier meeting, with what they typed into the form: their own
 * mobile (in their country's format), an emergency contact for most, and the odd
 * dietary or accessibility need, in their own language. Names and numbers are made up.
 */
export interface DemoRegistrant {
  email: string;
  name: string;
  locale: 'fr' | 'en' | 'es';
  organisation: DemoOrganisationKey;
  profession: Profession;
  professionOther?: string;
  languages: string[];
  phone: string;
  emergencyContact?: EmergencyContact;
  dietary?: string;
  accessibility?: string;
}

const contact = (name: string, phone: string, relation: string): EmergencyContact => ({
  name,
  phone,
  relation,
});

/**
 * The other 22 of the 26 people at the Tangier meeting (the 4 demo participants with
 * logins are the rest). Together they cover all 19 organisations in the 10 countries.
 */
const GENERATED: Array<Omit<DemoRegistrant, 'email'>> = [
  {
    name: 'Issouf Sanou',
    locale: 'fr',
    organisation: 'bf-bobo',
    profession: 'head_of_service',
    languages: ['fr', 'dyu'],
    phone: '+226 76 43 18 92',
    emergencyContact: contact('Aïcha Sanou', '+226 70 88 25 41', 'épouse'),
  },
  {
    name: 'Mireille Ngo Biyong',
    locale: 'fr',
    organisation: 'cm-yaounde',
    profession: 'psychologist',
    languages: ['fr', 'en'],
    phone: '+237 6 77 41 28 53',
    emergencyContact: contact('Paul Biyong', '+237 6 99 12 64 70', 'époux'),
  },
  {
    name: 'Emmanuel Ekambi',
    locale: 'fr',
    organisation: 'cm-douala',
    profession: 'social_worker',
    languages: ['fr', 'en'],
    phone: '+237 6 94 30 17 82',
  },
  {
    name: 'Grâce Mabiala',
    locale: 'fr',
    organisation: 'cg-brazza',
    profession: 'social_worker',
    languages: ['fr', 'ln'],
    phone: '+242 06 614 2385',
    emergencyContact: contact('Albertine Mabiala', '+242 05 530 7712', 'sœur'),
    dietary: 'Sans porc',
  },
  {
    name: 'Hélène Martin',
    locale: 'fr',
    organisation: 'fr-paris',
    profession: 'manager',
    languages: ['fr', 'en', 'es'],
    phone: '+33 6 12 48 73 95',
    emergencyContact: contact('Julien Martin', '+33 6 71 20 44 18', 'époux'),
  },
  {
    name: 'Thomas Lefèvre',
    locale: 'fr',
    organisation: 'fr-lyon',
    profession: 'legal_expert',
    languages: ['fr', 'en'],
    phone: '+33 7 81 36 52 04',
    emergencyContact: contact('Claire Lefèvre', '+33 4 78 62 19 30', 'mère'),
  },
  {
    name: 'Voahangy Rakotomalala',
    locale: 'fr',
    organisation: 'mg-tana',
    profession: 'social_worker',
    languages: ['fr', 'mg'],
    phone: '+261 34 12 487 65',
    emergencyContact: contact('Hanta Rakotomalala', '+261 33 05 214 88', 'sœur'),
  },
  {
    name: 'Hery Randriamampionona',
    locale: 'fr',
    organisation: 'mg-tamatave',
    profession: 'head_of_service',
    languages: ['fr', 'mg'],
    phone: '+261 32 45 903 17',
    emergencyContact: contact('Lalao Randriamampionona', '+261 34 70 118 42', 'épouse'),
    accessibility:
      "Marche avec une canne : une place près de la porte du bus et pas de longs escaliers, s'il vous plaît.",
  },
  {
    name: 'Aminata Keïta',
    locale: 'fr',
    organisation: 'ml-bamako',
    profession: 'psychologist',
    languages: ['fr', 'bm'],
    phone: '+223 76 28 41 05',
    emergencyContact: contact('Fanta Keïta', '+223 66 90 37 12', 'mère'),
  },
  {
    name: 'Boubacar Coulibaly',
    locale: 'fr',
    organisation: 'ml-segou',
    profession: 'social_worker',
    languages: ['fr', 'bm'],
    phone: '+223 79 15 62 48',
    dietary: 'Végétarien',
  },
  {
    name: 'Nadia Benjelloun',
    locale: 'fr',
    organisation: 'ma-tanger',
    profession: 'social_worker',
    languages: ['ar', 'fr', 'es'],
    phone: '+212 6 61 24 87 30',
    emergencyContact: contact('Karim Benjelloun', '+212 6 70 15 42 96', 'frère'),
  },
  {
    name: 'Youssef Alaoui',
    locale: 'fr',
    organisation: 'ma-rabat',
    profession: 'legal_expert',
    languages: ['ar', 'fr'],
    phone: '+212 6 62 90 13 57',
    emergencyContact: contact('Salma Alaoui', '+212 5 37 70 24 18', 'épouse'),
    dietary: 'Halal',
  },
  {
    name: 'Rosa Huamán',
    locale: 'es',
    organisation: 'pe-cusco',
    profession: 'social_worker',
    languages: ['es', 'qu'],
    phone: '+51 984 217 630',
    emergencyContact: contact('Juan Huamán', '+51 984 550 172', 'esposo'),
  },
  {
    name: 'Espoir Bahati',
    locale: 'fr',
    organisation: 'cd-goma',
    profession: 'other',
    professionOther: 'Médiateur familial',
    languages: ['fr', 'sw'],
    phone: '+243 99 412 7385',
    emergencyContact: contact('Neema Bahati', '+243 97 230 5418', 'épouse'),
  },
  {
    name: 'Mariama Diallo',
    locale: 'fr',
    organisation: 'sn-thies',
    profession: 'head_of_service',
    languages: ['fr', 'wo'],
    phone: '+221 77 418 36 92',
    emergencyContact: contact('Ousmane Diallo', '+221 70 623 14 85', 'époux'),
  },
  {
    name: 'خديجة بنت عبد الرحمن الإدريسي',
    locale: 'fr',
    organisation: 'ma-tanger',
    profession: 'psychologist',
    languages: ['ar', 'fr'],
    phone: '+212 6 68 35 21 74',
  },
  {
    name: 'Nguyễn Thị Minh Khai-Hằng',
    locale: 'en',
    organisation: 'fr-paris',
    profession: 'social_worker',
    languages: ['fr', 'en'],
    phone: '+33 6 45 19 82 37',
    emergencyContact: contact('Anne Roux', '+33 6 08 73 51 26', 'sister'),
    dietary: 'Vegetarian',
  },
  {
    name: 'Salif Ouédraogo',
    locale: 'fr',
    organisation: 'bf-ouaga',
    profession: 'manager',
    languages: ['fr', 'mos'],
    phone: '+226 70 35 62 19',
    emergencyContact: contact('Mariam Ouédraogo', '+226 78 41 90 23', 'épouse'),
  },
  {
    name: 'Bénédicte Kabila',
    locale: 'fr',
    organisation: 'cd-kinshasa',
    profession: 'social_worker',
    languages: ['fr', 'ln'],
    phone: '+243 82 716 4093',
    emergencyContact: contact('Patrick Kabila', '+243 81 305 6624', 'frère'),
  },
  {
    name: 'Carmen Flores',
    locale: 'es',
    organisation: 'pe-lima',
    profession: 'legal_expert',
    languages: ['es', 'en'],
    phone: '+51 996 381 540',
    emergencyContact: contact('Luis Flores', '+51 1 421 7785', 'hermano'),
    dietary: 'Sin gluten',
  },
  {
    name: 'Oumou Sangaré',
    locale: 'fr',
    organisation: 'ml-bamako',
    profession: 'social_worker',
    languages: ['fr', 'bm'],
    phone: '+223 65 47 20 83',
  },
  {
    name: 'Jean-Paul Essomba',
    locale: 'en',
    organisation: 'cm-yaounde',
    profession: 'head_of_service',
    languages: ['fr', 'en'],
    phone: '+237 6 55 82 40 16',
    emergencyContact: contact('Solange Essomba', '+237 6 96 04 31 75', 'wife'),
  },
];

type ParticipantDetails = Omit<DemoRegistrant, 'email' | 'name' | 'locale' | 'organisation'>;

const PARTICIPANT_DETAILS: Record<string, ParticipantDetails> = {
  'awa@convene.demo': {
    profession: 'social_worker',
    languages: ['fr', 'mos'],
    phone: '+226 70 24 81 36',
    emergencyContact: contact('Moussa Traoré', '+226 76 11 52 09', 'époux'),
  },
  'lucia@convene.demo': {
    profession: 'psychologist',
    languages: ['es', 'qu', 'en'],
    phone: '+51 987 412 305',
    emergencyContact: contact('Rosa Quispe Mamani', '+51 1 445 2310', 'madre'),
    dietary: 'Vegetariana',
  },
  'joseph@convene.demo': {
    profession: 'head_of_service',
    languages: ['fr', 'ln'],
    phone: '+243 81 562 3047',
    emergencyContact: contact('Marie Mukendi', '+243 99 804 1172', 'épouse'),
  },
  'fatou@convene.demo': {
    profession: 'social_worker',
    languages: ['fr', 'wo', 'en'],
    phone: '+221 77 634 21 58',
    emergencyContact: contact('Ibrahima Ndiaye', '+221 76 502 88 14', 'brother'),
    dietary: 'Halal',
  },
};

/** All 26, the four with demo logins first (the agenda seed's bus takes the first 14). */
export const DEMO_REGISTRANTS: DemoRegistrant[] = [
  ...DEMO_PARTICIPANTS.map((p) => ({ ...p, ...PARTICIPANT_DETAILS[p.email] })),
  ...GENERATED.map((g, i) => ({
    ...g,
    email: `participant${String(i + 1).padStart(2, '0')}@convene.demo`,
  })),
];
