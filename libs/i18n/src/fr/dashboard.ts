import type { DashboardMessages } from '../en/dashboard.js';
import { num } from './num.js';

const plural = (n: number, one: string, many: string) => `${num(n)} ${n > 1 ? many : one}`;

export const dashboard: DashboardMessages = {
  title: 'Tableau de bord',
  headline: (participants, organisations, countries) =>
    `${plural(participants, 'participant', 'participants')} de ${plural(organisations, 'organisation', 'organisations')} dans ${num(countries)} pays`,
  noParticipants: 'Aucun participant confirmé pour le moment.',
  headlineNote: (waitlisted, pending) =>
    `Participants confirmés uniquement. ${plural(waitlisted, 'personne', 'personnes')} en liste d’attente, ${plural(pending, 'inscription', 'inscriptions')} en attente de validation.`,
  seats: (left, capacity) =>
    `${plural(left, 'place restante', 'places restantes')} sur ${num(capacity)}.`,
  quickLinks: 'Aller à',
  links: {
    registrations: 'Inscriptions',
    visas: 'Suivi des visas',
    agenda: 'Programme',
    announcements: 'Écrire une annonce',
    messages: 'Journal des messages',
  },
  charts: {
    byCountry: 'Participants par pays',
    byOrganisation: 'Participants par organisation',
    byProfession: 'Participants par métier',
    overTime: 'Inscriptions au fil du temps',
    visas: 'État des visas',
    seats: 'Places restantes par session',
  },
  chartNotes: {
    overTime:
      'Toutes les inscriptions reçues, quel que soit leur état, cumulées jour après jour (dates dans le fuseau horaire de l’événement).',
    visas: 'Personnes inscrites (hors annulations), selon l’état de leur visa.',
    seats: 'Sessions à places limitées, hors sessions annulées.',
    byOrganisation: (shown, total) =>
      `Les ${num(shown)} organisations qui comptent le plus de participants, sur ${num(total)}.`,
  },
  columns: {
    country: 'Pays',
    organisation: 'Organisation',
    profession: 'Métier',
    participants: 'Participants',
    date: 'Jour',
    received: 'Reçues ce jour',
    cumulative: 'Total à ce jour',
    visaStatus: 'État du visa',
    people: 'Personnes',
    session: 'Session',
    seatsLeft: 'Places restantes',
    capacity: 'Places',
    taken: 'Prises',
    waitlisted: 'En attente',
  },
  otherOrganisations: (n) => `Autres organisations (${num(n)})`,
  empty: 'Rien à afficher pour le moment.',
  chartLabel: (title, total) => `${title} : graphique, ${num(total)} au total`,
  tableCaption: (title) => `${title} : les chiffres`,
  professions: {
    social_worker: 'Travailleur·se social·e',
    head_of_service: 'Chef·fe de service',
    psychologist: 'Psychologue',
    legal_expert: 'Juriste',
    manager: 'Responsable',
    other: 'Autre',
  },
  visaStatuses: {
    not_required: 'Pas de visa nécessaire',
    letter_requested: 'Lettre demandée',
    letter_issued: 'Lettre envoyée',
    applied: 'Visa demandé',
    granted: 'Visa obtenu',
    refused: 'Visa refusé',
    unknown: 'Pas encore connu',
  },
};
