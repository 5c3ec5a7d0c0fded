import type { CheckinMessages } from '../en/checkin.js';
import { num } from './num.js';

export const checkin: CheckinMessages = {
  badge: {
    title: 'Badges',
    one: (name: string) => `Badge de ${name}`,
    professions: {
      social_worker: 'Travailleur·se social·e',
      head_of_service: 'Responsable de service',
      psychologist: 'Psychologue',
      legal_expert: 'Juriste',
      manager: 'Direction',
      other: 'Participant·e',
    },
    roles: { organiser: 'Organisation', facilitator: 'Animation', host: 'Accueil' },
    cut: 'Découper le long des pointillés',
    scan: 'Accueil',
  },
  myBadge: 'Mon badge (PDF)',
  title: 'Accueil',
  doorTitle: (session: string) => `Porte : ${session}`,
  modeLabel: 'Que voulez-vous scanner ?',
  modeDay: 'Arrivée du jour',
  modeDayHint: (day: string) => `Marque les personnes présentes le ${day}.`,
  modeSession: 'La porte d’une séance',
  chooseSession: 'Séance',
  open: 'Ouvrir le scanner',
  scanTitle: 'Scanner un badge',
  cameraStart: 'Allumer la caméra',
  cameraStop: 'Éteindre la caméra',
  cameraUnavailable:
    'La caméra ne sait pas lire les codes dans ce navigateur : saisissez le code imprimé sous le QR code, ou cherchez la personne par son nom ci-dessous.',
  codeLabel: 'Code imprimé sous le QR code',
  codeHint: 'Ou le lien que porte le QR code.',
  submitCode: 'Enregistrer l’arrivée',
  searchTitle: 'Chercher une personne par son nom',
  searchLabel: 'Nom, organisation ou e-mail',
  searchSubmit: 'Chercher',
  noMatch: 'Aucune personne confirmée ne correspond à cette recherche.',
  searchFirst: 'Saisissez au moins deux lettres d’un nom.',
  checkInPerson: (name: string) => `Enregistrer l’arrivée de ${name}`,
  checkInShort: 'Enregistrer',
  present: (time: string) => `Présent·e depuis ${time}`,
  name: 'Nom',
  organisation: 'Organisation',
  status: 'Aujourd’hui',
  action: 'Action',
  checkedIn: (name: string, time: string) => `${name} — arrivée enregistrée à ${time}`,
  alreadyCheckedIn: (name: string, time: string) => `${name} — déjà enregistré·e à ${time}`,
  attended: (name: string, time: string) => `${name} — présent·e à la séance depuis ${time}`,
  alreadyAttended: (name: string, time: string) => `${name} — déjà compté·e à ${time}`,
  notValid: 'Non valable',
  notValidNote: 'Ce badge est inconnu ici ou son inscription a été annulée.',
  windowClosed: (from: string, to: string) =>
    `La porte de cette séance est ouverte au scan de ${from} à ${to}.`,
  queued: (n: number) =>
    n === 1
      ? '1 scan attend la connexion : il sera envoyé dès que le serveur répondra.'
      : `${num(n)} scans attendent la connexion : ils seront envoyés dès que le serveur répondra.`,
  sent: 'Scans en attente envoyés.',
  offline: 'Pas de connexion : scan gardé sur ce téléphone, il sera envoyé automatiquement.',
  countToday: (n: number) =>
    n <= 1
      ? `${num(n)} personne arrivée aujourd’hui.`
      : `${num(n)} personnes arrivées aujourd’hui.`,
  countSession: (n: number) =>
    n <= 1
      ? `${num(n)} personne comptée à cette séance.`
      : `${num(n)} personnes comptées à cette séance.`,
  noSessionsToday: 'Aucune séance à scanner.',
  yourSessions: 'Vos séances',
  scanAtDoor: 'Scanner les badges à la porte',
  backToChoice: 'Un autre accueil ou une autre porte',
};
