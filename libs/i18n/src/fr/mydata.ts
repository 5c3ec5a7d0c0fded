import type { MydataMessages } from '../en/mydata.js';
import { formatCount } from '../count-format.js';

/** A count with French digit grouping: 1 008. */
const num = (n: number) => formatCount('fr', n);

export const mydata: MydataMessages = {
  title: 'Mes données',
  lead: 'Tout ce que Convene conserve sur vous, à quoi cela sert, et comment l’emporter ou le supprimer.',
  download: 'Télécharger mes données (JSON)',
  downloadHint:
    'Un seul fichier lisible par une machine avec tout ce qui suit, y compris votre numéro de passeport complet (il vous appartient).',
  accountTitle: 'Mon compte',
  name: 'Nom',
  email: 'Adresse e-mail',
  language: 'Langue des e-mails et des pages',
  organisation: 'Organisation',
  createdAt: 'Compte créé le',
  password: 'Mot de passe',
  passwordSet: 'Défini',
  passwordNone: 'Aucun : vous vous connectez par lien envoyé par e-mail',
  profileTitle: 'Modifier mon nom ou ma langue',
  saveProfile: 'Enregistrer',
  profileSaved: 'Vos informations sont enregistrées.',
  nameError: 'Saisissez votre nom : de 1 à 200 caractères.',
  languageError: 'Choisissez l’une des langues.',
  registrationsTitle: 'Mes inscriptions',
  noRegistrations: 'Vous n’êtes inscrit·e à aucune rencontre.',
  status: 'État',
  statuses: {
    awaiting_consent: 'En attente de votre consentement',
    pending: 'En attente de validation par l’équipe d’organisation',
    confirmed: 'Confirmée',
    waitlisted: 'Sur liste d’attente',
    rejected: 'Non retenue',
    cancelled: 'Annulée',
  },
  profession: 'Profession',
  professions: {
    social_worker: 'Travailleur·se social·e',
    head_of_service: 'Chef·fe de service',
    psychologist: 'Psychologue',
    legal_expert: 'Juriste',
    manager: 'Direction',
    other: 'Autre',
  },
  languagesSpoken: 'Langues',
  dietary: 'Régime alimentaire',
  accessibility: 'Besoins d’accessibilité',
  phone: 'Téléphone portable',
  emergencyContact: 'Personne à prévenir en cas d’urgence',
  nothing: 'Rien d’indiqué',
  consentGiven: (date) => `Consentement au traitement de vos données donné le ${date}.`,
  travelTitle: 'Voyage',
  passport: 'Passeport',
  passportLine: (country, number, expires) => `${country}, numéro ${number}, expire le ${expires}`,
  passportMaskedNote:
    'Le numéro est masqué ici au cas où quelqu’un regarderait votre écran : il est affiché en entier sur la page Voyage et dans le téléchargement.',
  arrival: 'Vol aller',
  departure: 'Vol retour',
  visa: 'Visa',
  travelPage: 'Voyage et visa',
  consentsTitle: 'Mes consentements',
  consentLine: (event, date) => `Traitement de mes données pour « ${event} » : donné le ${date}`,
  noConsents: 'Aucun consentement enregistré.',
  signupsTitle: 'Mes séances',
  noSignups: 'Vous n’êtes inscrit·e à aucune séance.',
  signupStatuses: {
    confirmed: 'Inscrit·e',
    waitlisted: 'Sur liste d’attente',
    cancelled: 'Annulée',
  },
  rolesTitle: 'Mes rôles dans les rencontres',
  roles: {
    organiser: 'Organisation',
    facilitator: 'Animation',
    host: 'Accueil des visites',
  },
  roleLine: (event, role) => `${event} : ${role}`,
  signupLine: (session, event, status) => `${session} (${event}) : ${status}`,
  calendarTitle: 'Abonnement au calendrier',
  calendarYes: (date) => `Un lien d’abonnement existe, créé le ${date}.`,
  calendarNo: 'Aucun lien d’abonnement.',
  calendarManage: 'Gérer mon lien de calendrier',
  messagesTitle: 'E-mails qui m’ont été envoyés',
  noMessages: 'Aucun e-mail ne vous a encore été envoyé.',
  messagesMore: (n) => `et ${num(n)} de plus dans le téléchargement.`,
  messageStatuses: {
    queued: 'En attente d’envoi',
    sending: 'En cours d’envoi',
    sent: 'Envoyé',
    failed: 'N’a pas pu être remis',
  },
  subject: 'Objet',
  date: 'Date',
  deleteTitle: 'Supprimer mon compte',
  deleteLead: 'Vous pouvez supprimer votre compte à tout moment.',
  deleteStart: 'Supprimer mon compte…',
  confirmTitle: 'Supprimer définitivement mon compte ?',
  consequences: 'Ce qui va se passer :',
  consequenceRegistrations: (n) =>
    n === 0
      ? 'Vous n’avez aucune inscription en cours.'
      : n === 1
        ? 'Votre inscription en cours sera annulée.'
        : `Vos ${num(n)} inscriptions en cours seront annulées.`,
  consequenceSeats:
    'Vos places reviennent aux personnes suivantes sur les listes d’attente, qui en seront informées par e-mail.',
  consequenceErased:
    'Votre nom, votre adresse e-mail, votre passeport, vos vols, votre téléphone, vos besoins et votre personne à prévenir sont effacés, ainsi que les e-mails en attente d’envoi et votre lien de calendrier.',
  consequenceCounts:
    'Les rencontres passées ne gardent qu’un décompte anonyme des participant·es : personne ne saura que c’était vous.',
  consequenceFinal: 'C’est irréversible. Vous serez déconnecté·e.',
  consequenceExport: 'Si vous voulez une copie de vos données, téléchargez-la d’abord.',
  confirmDelete: 'Oui, supprimer mon compte',
  keep: 'Non, garder mon compte',
  soleOrganiser: (events) =>
    `Vous êtes la seule personne qui organise : ${events}. Demandez d’abord à quelqu’un d’autre de devenir organisateur ou organisatrice de ces rencontres ; vous pourrez ensuite supprimer votre compte.`,
  deletedTitle: 'Votre compte a été supprimé',
  deletedBody:
    'Vos inscriptions sont annulées et vos données personnelles effacées. Vous avez été déconnecté·e. Merci pour votre participation.',
};
