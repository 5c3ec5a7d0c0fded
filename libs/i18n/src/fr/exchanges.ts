import { pluralRules } from '#core';
import type { ExchangesMessages } from '../en/exchanges.js';
import { num } from './num.js';

const one = (n: number) => pluralRules('fr').select(n) === 'one';

export const exchanges: ExchangesMessages = {
  navLink: 'Programmes',
  programmesTitle: 'Programmes du réseau',
  programmesLead:
    'Les immersions de l’année entre partenaires et les rencontres du réseau, en une seule vue.',
  noProgrammes: 'Aucun programme pour l’instant.',
  figures: (immersions, socialWorkers, countries) =>
    `${num(immersions)} ${one(immersions) ? 'immersion' : 'immersions'}, ` +
    `${num(socialWorkers)} ${one(socialWorkers) ? 'travailleur social' : 'travailleurs sociaux'}, ` +
    `${num(countries)} pays`,
  filters: 'Filtrer le programme',
  partner: 'Partenaire',
  country: 'Pays',
  year: 'Année',
  any: 'Tous',
  apply: 'Afficher',
  clear: 'Effacer les filtres',
  nothing: 'Rien dans le programme ne correspond à ces filtres.',
  kinds: { meeting: 'Rencontre', immersion: 'Immersion' },
  states: { planned: 'Prévue', done: 'Réalisée', awaiting_return: 'Visite retour attendue' },
  visits: (visiting, host) => `${visiting} chez ${host}`,
  returnVisit: 'Visite retour',
  returnVisitOn: (dates) => `Visite retour : ${dates}`,
  noReturn: 'Pas encore de visite retour prévue',
  returnNotNeeded: 'Pas de visite retour attendue',
  stateLabel: 'État : ',
  visitorsTitle: 'Visiteurs',
  visitorsLead: (host) =>
    `Qui vient chez ${host} : organisation, métier, langues et besoins. Téléphones et passeports restent aux organisateurs.`,
  noVisitors: 'Aucun visiteur pour l’instant.',
  name: 'Nom',
  organisation: 'Organisation',
  profession: 'Métier',
  languages: 'Langues',
  needs: 'Besoins (repas, accès)',
  status: 'Statut',
  statuses: {
    pending: 'En attente de validation',
    confirmed: 'Confirmé',
    waitlisted: 'Liste d’attente',
    awaiting_consent: 'En attente de son accord',
  },
  arrivalsLink: 'Arrivées et programme de l’accueil',
  agendaLink: 'Le programme de la visite',
  buildAgendaLink: 'Construire le programme (séances)',
  nominateTitle: 'Proposer des visiteurs',
  nominateLead: (visiting) =>
    `Les personnes de ${visiting} qui partiront. Elles reçoivent un courriel pour donner leur accord ; personne n’est inscrit sans lui.`,
  nominateNone: 'Vous ne gérez aucune organisation qui rend visite à un partenaire en ce moment.',
  nominateLink: 'Proposer un visiteur',
  email: 'Adresse électronique',
  personName: 'Nom complet',
  locale: 'Langue de ses courriels',
  submitNominate: 'Proposer',
  nominated: 'Proposé : la personne recevra un courriel pour donner son accord.',
  consoleTitle: 'Programmes et échanges',
  consoleLead:
    'Regroupez les rencontres de l’année dans un programme, dites quel partenaire rend visite à quel autre, et reliez chaque visite à sa visite retour.',
  newProgramme: 'Nouveau programme',
  nameIn: (language) => `Nom (${language})`,
  slug: 'Adresse (lettres, chiffres et tirets)',
  slugHint: 'Laissée vide, elle est tirée du nom.',
  createProgramme: 'Créer le programme',
  newExchange: 'Nouvel échange',
  immersion: 'Immersion',
  visiting: 'Partenaire en visite',
  programme: 'Programme',
  none: 'Aucun',
  createExchange: 'Créer l’échange',
  noImmersion:
    'Aucune de vos immersions n’attend d’échange : créez d’abord un évènement de type immersion.',
  linkReturn: 'Relier la visite retour',
  link: 'Relier',
  unlink: 'Délier',
  noCandidate: 'Pas encore de visite dans l’autre sens.',
  exchangesTitle: 'Échanges',
  flash: {
    programmeCreated: 'Le programme est créé.',
    exchangeCreated: 'L’échange est créé.',
    linked: 'La visite retour est reliée, dans les deux sens.',
    unlinked: 'La visite retour est déliée.',
    nominated: 'Proposé : la personne recevra un courriel pour donner son accord.',
  },
};
