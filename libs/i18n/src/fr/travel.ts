import type { TravelMessages } from '../en/travel.js';
import { num } from './num.js';

export const travel: TravelMessages = {
  title: 'Voyage et visa',
  lead: (event) => `Votre voyage pour ${event} : passeport, vols et visa.`,
  backToRegistrations: 'Retour à mes inscriptions',
  saved: 'Vos informations de voyage sont enregistrées.',
  letterRequested: 'Votre demande a été transmise à l’équipe d’organisation.',
  needsConsent:
    'Acceptez d’abord l’utilisation de vos données, sur la page de votre inscription ; vous pourrez ensuite saisir votre voyage ici.',
  frozen:
    'Cette inscription n’est plus active : ses informations de voyage ne peuvent plus être modifiées.',
  summaryTitle: 'Mon voyage',
  editTitle: 'Saisir ou modifier mon voyage',
  passportTitle: 'Passeport',
  passportHint:
    'Utilisé uniquement pour votre lettre d’invitation et votre visa. L’équipe d’organisation ne voit que les quatre derniers caractères du numéro.',
  nationality: 'Pays qui a délivré le passeport',
  chooseCountry: 'Choisissez un pays',
  number: 'Numéro de passeport',
  numberHint: 'Tel qu’imprimé sur la page avec votre photo, lettres et chiffres.',
  numberOnFile: (masked) =>
    `Numéro enregistré : ${masked}. Laissez vide pour le garder, ou saisissez-le à nouveau pour le changer.`,
  expiresOn: 'Date d’expiration',
  expiresOnHint: 'Jour, mois et année, comme sur le passeport.',
  passportMissing: 'Aucun passeport saisi pour l’instant.',
  warnBeforeEnd: (date) =>
    `Votre passeport expire le ${date}, avant la fin de la rencontre : faites-le renouveler avant de partir.`,
  warnSixMonths: (date, needed) =>
    `Votre passeport expire le ${date}, moins de six mois après la rencontre. Beaucoup de pays refusent alors le visa ou l’entrée : il devrait être valable jusqu’au ${needed}.`,
  arrivalTitle: 'Vol aller',
  departureTitle: 'Vol retour',
  flightsHint:
    'Les heures sont celles de l’aéroport, en heure locale. Laissez un vol vide si vous ne le connaissez pas encore.',
  flightNumber: 'Numéro de vol',
  flightNumberHint: 'Code de la compagnie et numéro, par exemple AT571.',
  airport: 'Aéroport',
  airportHint: 'Son code à trois lettres, par exemple TNG pour Tanger.',
  arrivalAt: 'Atterrissage : date et heure locale',
  departureAt: 'Décollage : date et heure locale',
  airportZone: 'Fuseau horaire de l’aéroport',
  eventZone: (place) => `Le même que la rencontre (${place})`,
  save: 'Enregistrer mon voyage',
  noFlight: 'Pas encore saisi.',
  flightLine: (flight, airport) => `Vol ${flight}, aéroport ${airport}`,
  pickup: (n) =>
    n === 1
      ? 'Vous êtes sur la liste d’accueil à l’aéroport.'
      : `Vous serez accueilli·e à l’aéroport avec ${num(n - 1)} autre${n - 1 === 1 ? ' personne' : 's personnes'}.`,
  errors: {
    nationality: 'Choisissez le pays qui a délivré votre passeport.',
    number:
      'Saisissez le numéro tel qu’il est imprimé sur votre passeport : 5 à 20 lettres et chiffres.',
    expiresOn: 'Indiquez la date d’expiration : jour, mois et année.',
    expired: 'Cette date est déjà passée : indiquez la date d’expiration d’un passeport valide.',
    flightNumber: 'Saisissez le code de la compagnie et le numéro du vol, par exemple AT571.',
    airport: 'Saisissez le code à trois lettres de l’aéroport, par exemple TNG.',
    at: 'Indiquez la date et l’heure locale.',
    departureBeforeArrival: 'Le vol retour doit partir après l’atterrissage de votre vol aller.',
    zone: 'Choisissez un fuseau horaire dans la liste.',
  },
  visaTitle: 'Visa',
  visaStatus: 'État :',
  visaStatuses: {
    unknown: 'Pas encore connu (saisissez d’abord votre passeport)',
    not_required: 'Pas de visa nécessaire',
    letter_requested: 'Lettre d’invitation demandée : l’équipe d’organisation la prépare',
    letter_issued: 'Lettre d’invitation délivrée',
    applied: 'Demande de visa déposée',
    granted: 'Visa accordé',
    refused: 'Visa refusé',
  },
  visaNeeded:
    'Selon les règles de l’équipe d’organisation, votre passeport nécessite un visa pour ce pays. Demandez une lettre d’invitation à joindre à votre demande de visa.',
  visaMaybe:
    'Selon les règles de l’équipe d’organisation, votre passeport ne nécessite pas de visa. Si votre consulat vous demande tout de même une lettre d’invitation, vous pouvez la demander.',
  requestLetter: 'Demander une lettre d’invitation',
  letterPending:
    'L’équipe d’organisation va établir votre lettre. Vous recevrez un e-mail dès qu’elle sera prête.',
  letterNeedsPassport:
    'La lettre a besoin de votre passeport : nationalité, numéro et date d’expiration. Merci de les saisir ci-dessus.',
  letterNeedsConfirmation: 'La lettre pourra être établie une fois votre inscription confirmée.',
  downloadLetter: 'Télécharger ma lettre d’invitation (PDF)',
  letterIssuedOn: (date) => `Délivrée le ${date}.`,
  letterNotYet: 'Votre lettre d’invitation n’a pas encore été délivrée.',
  history: 'Historique',
  historyLine: (from, to) => `${from} → ${to}`,
  historyNote: (note) => `Remarque : ${note}`,
  none: '—',
  autoNotes: {
    rules: 'Fixé selon les règles de visa de la rencontre',
    issued: 'Lettre d’invitation délivrée',
    needsVisa: 'Ce passeport nécessite un visa pour la rencontre',
  },
};
