import type { ConsoleVisasMessages } from '../en/console-visas.js';
import { num } from './num.js';

export const consoleVisas: ConsoleVisasMessages = {
  boardTitle: 'Suivi des visas',
  statuses: {
    not_required: 'Non nécessaire',
    letter_requested: 'Lettre demandée',
    letter_issued: 'Lettre délivrée',
    applied: 'Visa demandé',
    granted: 'Visa accordé',
    refused: 'Visa refusé',
    unknown: 'Passeport non renseigné',
  },
  countsTitle: 'Participants par statut de visa',
  allStatuses: 'Tout le monde',
  filters: {
    title: 'Filtrer la liste',
    status: 'Statut du visa',
    anyStatus: 'Tous les statuts',
    nationality: 'Nationalité',
    anyNationality: 'Toutes les nationalités',
    passport: 'Passeport',
    passportAny: 'Tous les passeports',
    passportExpiring: 'Expire trop tôt',
    passportFine: 'Valable assez longtemps, ou pas encore renseigné',
    search: 'Rechercher',
    searchHint: 'Nom, e-mail ou organisation',
    apply: 'Afficher',
    reset: 'Effacer les filtres',
  },
  table: {
    caption: (shown: number, total: number) =>
      total === 0
        ? 'Aucun participant'
        : shown === total
          ? `${num(total)} participant${total === 1 ? '' : 's'}`
          : `${num(shown)} participants sur ${num(total)}`,
    select: 'Sélection',
    selectAll: 'Sélectionner toutes les personnes de cette page',
    selectPerson: (name: string) => `Sélectionner ${name}`,
    name: 'Nom',
    organisation: 'Organisation',
    nationality: 'Nationalité',
    passportExpiry: 'Expiration du passeport',
    status: 'Statut',
    lastChange: 'Dernier changement',
    actions: 'Lettre',
  },
  passportNotGiven: 'Pas encore renseigné',
  expiresBeforeEnd: 'Expire avant la fin de l’événement',
  expiresTooSoon: 'Expire trop tôt (moins de 6 mois après l’événement)',
  issueLetter: 'Délivrer la lettre',
  issueLetterFor: (name: string) => `Délivrer la lettre de ${name}`,
  issueSelected: 'Délivrer les lettres des personnes cochées',
  bulkHint:
    'Cochez les personnes dont vous voulez délivrer la lettre. Chacune reçoit un e-mail et peut ensuite télécharger sa lettre.',
  downloadLetter: 'Lettre (PDF)',
  empty: 'Personne ne correspond à ces filtres.',
  pager: {
    label: 'Pages',
    previous: 'Page précédente',
    next: 'Page suivante',
    pageOf: (page: number, pages: number) => `Page ${num(page)} sur ${num(pages)}`,
  },
  bulk: {
    separator: '\u00a0: ',
    title: 'Lettres d’invitation',
    summary: (issued: number, asked: number) =>
      `${num(issued)} lettre${issued > 1 ? 's' : ''} délivrée${issued > 1 ? 's' : ''} sur ${num(asked)} demandée${asked > 1 ? 's' : ''}.`,
    issued: 'Lettre délivrée ; un e-mail a été envoyé.',
    already: 'Déjà délivrée auparavant : rien n’a changé.',
    refused: 'Non délivrée :',
    noneSelected: 'Veuillez d’abord cocher au moins une personne.',
    unknownPerson: 'Personne inconnue',
  },
  reasons: {
    not_confirmed: 'l’inscription n’est pas confirmée.',
    not_requested: 'aucune lettre d’invitation n’a été demandée pour cette personne.',
    passport_missing: 'les informations du passeport sont incomplètes.',
    details_missing:
      'la date de naissance ou la date de délivrance du passeport manque (cochez « Délivrer même si… » pour la délivrer quand même).',
    not_found: 'cette inscription ne fait pas partie de cet événement.',
    other: 'la lettre n’a pas pu être délivrée.',
  },
  person: {
    back: 'Retour au suivi des visas',
    email: 'E-mail',
    organisation: 'Organisation',
    nationality: 'Nationalité',
    passportNumber: 'Numéro de passeport',
    passportExpiry: 'Expiration du passeport',
    onFile: 'Enregistré (affiché en entier uniquement sur la lettre)',
    notOnFile: 'Pas encore renseigné',
    visaNeeded: 'Visa nécessaire',
    yes: 'Oui',
    no: 'Non',
    notKnown: 'Pas encore connu',
    status: 'Statut actuel',
    letterIssuedAt: 'Lettre délivrée le',
  },
  history: {
    notes: {
      letterIssued: 'Lettre d’invitation délivrée',
      fromRules: 'Fixé par les règles de visa de l’événement',
      needsVisa: (country: string) =>
        `Nationalité\u00a0: ${country}\u00a0; un visa est nécessaire pour cet événement`,
    },
    title: 'Historique',
    when: 'Date',
    change: 'Changement',
    by: 'Par',
    note: 'Note',
    empty: 'Aucun changement enregistré pour l’instant.',
    system: 'Convene (automatique)',
  },
  change: {
    title: 'Changer le statut',
    status: 'Nouveau statut',
    choose: 'Choisissez un statut',
    note: 'Note (facultative)',
    noteHint:
      'Pour les autres organisateurs, par exemple : rendez-vous au consulat le 2 septembre.',
    submit: 'Changer le statut',
    none: 'Aucun autre statut ne peut suivre celui-ci.',
    refused: (from: string, to: string) =>
      `Le statut ne peut pas passer de « ${from} » à « ${to} ».`,
    allowed: (list: string) => `À partir d’ici, il peut passer à : ${list}.`,
    nothingAllowed: 'À partir d’ici, il ne peut plus changer.',
  },
  flash: {
    statusChanged: 'Le statut du visa a été modifié.',
    rulesSaved: 'Les règles de visa ont été enregistrées.',
  },
  rules: {
    title: 'Règles de visa',
    link: 'Règles de visa : quelles nationalités ont besoin d’un visa',
    lead: 'Les nouveaux dossiers de voyage de ces nationalités commencent à « Lettre demandée », les autres à « Non nécessaire ». Les dossiers déjà commencés gardent leur statut.',
    country: (name: string) =>
      `Pays de l’événement : ${name}. Ses ressortissants n’ont jamais besoin de visa.`,
    countries: 'Nationalités qui ont besoin d’un visa',
    countriesHint: 'Maintenez Ctrl (ou Cmd sur un Mac) pour choisir plusieurs pays.',
    current: 'Nationalités qui ont besoin d’un visa aujourd’hui',
    none: 'Aucune nationalité n’a besoin de visa pour l’instant.',
    save: 'Enregistrer les règles de visa',
    updatedAt: (when: string) => `Dernier enregistrement : ${when}.`,
    toReview: (n: number) =>
      n === 0
        ? 'Aucun dossier de voyage à revoir.'
        : n === 1
          ? '1 dossier de voyage est encore à « Non nécessaire » alors que sa nationalité demande désormais un visa : merci de le revoir.'
          : `${num(n)} dossiers de voyage sont encore à « Non nécessaire » alors que leur nationalité demande désormais un visa : merci de les revoir.`,
    reviewLink: 'Afficher les dossiers à « Non nécessaire »',
  },
  arrivals: {
    title: 'Arrivées et départs',
    arrivalsTitle: 'Arrivées',
    departuresTitle: 'Départs',
    timesIn: (place: string) => `Toutes les heures sont à l’heure de ${place}.`,
    windowNote: (minutes: number) =>
      `Les personnes qui atterrissent moins de ${num(minutes)} minutes après la première de leur groupe attendent la même voiture.`,
    airportFilter: 'Aéroport',
    allAirports: 'Tous les aéroports',
    show: 'Afficher',
    airport: (code: string) => `Aéroport ${code}`,
    group: (id: string, size: number) =>
      `Groupe d’accueil ${id} : ${num(size)} personne${size > 1 ? 's' : ''}`,
    groupWindow: (first: string, last: string) =>
      first === last ? `arrivée à ${first}` : `arrivées entre ${first} et ${last}`,
    time: 'Heure',
    flight: 'Vol',
    name: 'Nom',
    organisation: 'Organisation',
    country: 'Pays',
    phone: 'Téléphone',
    noArrivals: 'Aucun vol d’arrivée renseigné pour l’instant.',
    noDepartures: 'Aucun vol de départ renseigné pour l’instant.',
    withoutArrival: 'Confirmés, sans vol d’arrivée pour l’instant',
    print: 'Imprimer la feuille',
    csv: 'Télécharger les arrivées (CSV)',
    printedOn: 'Feuille de l’aéroport',
  },
};
