import type { RegistrationMessages } from '../en/registration.js';
import { num } from './num.js';

export const registration: RegistrationMessages = {
  title: (event: string) => `S’inscrire à ${event}`,
  lead: 'Un seul formulaire, environ cinq minutes. Les champs sans la mention « facultatif » sont nécessaires.',
  prefilled: (event: string) =>
    `Nous avons repris ce que vous nous aviez indiqué pour ${event}. Vérifiez que c’est toujours exact.`,
  notVerifiedTitle: 'Confirmez d’abord votre adresse e-mail',
  notVerifiedBody:
    'Avant de vous inscrire, ouvrez le lien que nous vous avons envoyé par e-mail à la création de votre compte.',
  aboutYou: 'Vous',
  organisation: 'Organisation',
  organisationPlaceholder: 'Choisissez votre organisation',
  profession: 'Profession',
  professionPlaceholder: 'Choisissez votre profession',
  professions: {
    social_worker: 'Travailleur·se social·e',
    head_of_service: 'Chef·fe de service',
    psychologist: 'Psychologue',
    legal_expert: 'Juriste',
    manager: 'Direction',
    other: 'Autre',
  },
  professionOther: 'Votre profession, si « Autre »',
  languages: 'Langues que vous parlez',
  languagesHint: 'Pour prévoir l’interprétation et les ateliers.',
  languageNames: {
    fr: 'Français',
    en: 'Anglais',
    es: 'Espagnol',
    ar: 'Arabe',
    pt: 'Portugais',
    wo: 'Wolof',
    ln: 'Lingala',
    sw: 'Swahili',
    tl: 'Tagalog',
    qu: 'Quechua',
  },
  practical: 'Besoins pratiques',
  dietary: 'Alimentation',
  dietaryHint: 'Végétarien, allergies, halal… (facultatif)',
  accessibility: 'Accessibilité et santé',
  accessibilityHint:
    'Tout ce qui vous aide à participer : fauteuil roulant, audition, repos… (facultatif)',
  phone: 'Téléphone mobile pendant l’événement',
  phoneHint:
    'Facultatif. Avec + et l’indicatif du pays, par ex. +226 70 12 34 56. Visible seulement par l’équipe d’organisation et les animateur·rices de vos sessions.',
  emergencyTitle: 'Personne à prévenir en cas d’urgence',
  emergencyHint: 'Facultatif ; si vous en indiquez une, donnez son nom et son téléphone.',
  emergencyName: 'Son nom',
  emergencyPhone: 'Son téléphone',
  emergencyRelation: 'Son lien avec vous (facultatif)',
  consentTitle: 'Vos données personnelles',
  consentText:
    'Convene conserve ce que vous écrivez dans ce formulaire pour organiser cette rencontre : votre place, les salles, les repas, les voyages et visas, et votre sécurité. L’équipe d’organisation du réseau y a accès ; les animateur·rices de vos sessions voient votre nom, votre organisation et votre téléphone. Ces données ne sont jamais vendues ni utilisées pour de la publicité. Elles sont effacées après la rencontre, selon la durée fixée par l’équipe d’organisation, et vous pouvez à tout moment les consulter, les exporter ou les supprimer dans « Mes données ».',
  consentLabel: 'J’accepte que mes données personnelles soient utilisées ainsi.',
  consentVersion: (version: string) => `Version du texte : ${version}`,
  beforeTitle: 'Ce qui se passe quand vous envoyez ce formulaire',
  beforeConfirmed:
    'Une place est libre : votre inscription est confirmée aussitôt et vous recevez un e-mail.',
  beforeApproval:
    'L’équipe d’organisation examine chaque inscription avant de la confirmer. Vous recevrez sa réponse par e-mail ; d’ici là, votre inscription est « en attente de validation ».',
  beforeWaitlist:
    'Toutes les places sont prises. Vous serez sur la liste d’attente : si quelqu’un annule, la première personne de la liste obtient la place automatiquement et reçoit un e-mail.',
  submit: 'Envoyer mon inscription',
  submitWaitlist: 'M’inscrire sur la liste d’attente',
  statuses: {
    awaiting_consent: 'En attente de votre réponse',
    pending: 'En attente de validation',
    confirmed: 'Confirmée',
    waitlisted: 'Sur liste d’attente',
    cancelled: 'Annulée',
    rejected: 'Non retenue',
  },
  nextTitle: 'Et maintenant ?',
  next: {
    awaiting_consent: 'L’équipe d’organisation vous a inscrit·e : elle attend votre accord.',
    pending:
      'L’équipe d’organisation va examiner votre inscription. Nous vous écrirons dès qu’elle aura décidé ; vous n’avez rien d’autre à faire pour l’instant.',
    confirmed:
      'Votre place est confirmée. Vous pouvez maintenant indiquer votre voyage et choisir vos ateliers.',
    waitlisted:
      'Vous obtiendrez une place automatiquement si quelqu’un annule, dans l’ordre de la liste, et nous vous écrirons aussitôt.',
    cancelled: 'Cette inscription est annulée : elle ne réserve aucune place.',
    rejected:
      'L’équipe d’organisation n’a pas pu retenir cette inscription. Contactez-la si vous avez une question.',
  },
  position: (n: number) =>
    n === 1
      ? 'Vous êtes en tête de la liste d’attente.'
      : `Vous êtes ${num(n)}e sur la liste d’attente.`,
  submitted: 'Votre inscription est envoyée.',
  alreadyRegistered: 'Vous êtes déjà inscrit·e à cet événement : voici votre inscription.',
  myTitle: 'Mes inscriptions',
  myLead: 'Toutes les rencontres auxquelles vous vous êtes inscrit·e, et où vous en êtes.',
  none: 'Vous n’êtes encore inscrit·e à aucun événement.',
  seeEvents: 'Voir les événements ouverts aux inscriptions',
  eventPage: 'Page de l’événement',
  travel: 'Voyage et visa',
  agenda: 'Programme et ateliers',
  details: 'Détails et annulation',
  detailTitle: (event: string) => `Mon inscription : ${event}`,
  yourAnswers: 'Ce que vous nous avez indiqué',
  notGiven: 'Non renseigné',
  registeredOn: 'Inscription',
  consentGiven: (date: string) => `Accord donné le ${date}`,
  cancelTitle: 'Annuler mon inscription',
  cancelIntro: 'Avant d’annuler, lisez ce que cela implique :',
  cancelConsequences: {
    seat: 'Votre place ira à la personne suivante sur la liste d’attente, s’il y en a une.',
    sessions: 'Vos places dans les ateliers et les visites de terrain sont libérées aussi.',
    back: 'Si vous changez d’avis, il faudra vous réinscrire, et l’événement sera peut-être complet.',
  },
  cancelWaitlist: 'Vous quittez la liste d’attente et perdez votre rang.',
  cancelConfirm: 'Oui, annuler mon inscription',
  cancelKeep: 'Non, garder mon inscription',
  cancelled: 'Votre inscription est annulée.',
  cannotCancel: 'Cette inscription ne peut plus être annulée.',
};
