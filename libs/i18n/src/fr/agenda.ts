import type { AgendaMessages } from '../en/agenda.js';
import { num } from './num.js';

/** « 1er·e », « 2e », « 3e » : le rang d'une personne sur une liste. */
const ordinal = (n: number) => (n === 1 ? '1er·e' : `${num(n)}e`);

export const agenda: AgendaMessages = {
  title: 'Programme',
  titleOf: (event: string) => `Programme : ${event}`,
  lead: 'Toutes les sessions de la semaine, jour par jour. Inscrivez-vous ici aux ateliers et aux visites.',
  timesIn: (place: string) => `Toutes les heures sont à l'heure de ${place}.`,
  filters: {
    title: 'Filtrer le programme',
    theme: 'Thème',
    language: 'Langue',
    kind: 'Type de session',
    any: 'Tous',
    apply: 'Afficher',
    clear: 'Tout afficher',
  },
  /** Said after a text shown in another language than the reader's (no translation). */
  writtenIn: { fr: 'en français', en: 'en anglais', es: 'en espagnol' },
  kinds: {
    plenary: 'Plénière',
    workshop: 'Atelier',
    site_visit: 'Visite de terrain',
    team_meeting: 'Réunion d’équipe',
    family_workshop: 'Atelier avec les familles',
    observation_day: 'Journée d’observation',
    meal: 'Repas',
    social: 'Moment convivial',
    break: 'Pause',
  },
  languages: {
    fr: 'français',
    en: 'anglais',
    es: 'espagnol',
    ar: 'arabe',
    pt: 'portugais',
    wo: 'wolof',
  },
  noMatch: 'Aucune session ne correspond à ces filtres.',
  emptyDay: 'Rien au programme ce jour-là.',
  with: 'Avec',
  inLanguage: (language: string) => `En ${language}`,
  interpretation: (languages: string[]) => {
    const each = languages.map((l) => `en ${l}`);
    return `interprétation ${each.length > 1 ? `${each.slice(0, -1).join(', ')} et ${each[each.length - 1]}` : each.join('')}`;
  },
  seatsLeft: (n: number) => (n <= 1 ? `${num(n)} place restante` : `${num(n)} places restantes`),
  full: 'Complet',
  waitingCount: (n: number) =>
    n <= 1 ? `${num(n)} personne en attente` : `${num(n)} personnes en attente`,
  openToAll: 'Pour tous les participants, sans inscription',
  cancelledBadge: 'Annulée',
  ordinal,
  mark: {
    confirmed: 'Inscrit·e',
    waitlisted: (position: number | null) =>
      position ? `Sur liste d'attente, ${ordinal(position)}` : "Sur liste d'attente",
    facilitating: 'Vous animez cette session',
    everyone: 'Pour tout le monde',
  },
  waitlistPosition: (n: number) => `Vous êtes ${ordinal(n)} sur la liste d'attente.`,
  waitlistExplain:
    "Si une place se libère, elle revient à la personne suivante sur la liste ; nous vous écrivons quand c'est votre tour.",
  signUp: "M'inscrire",
  joinWaitlist: "M'inscrire sur la liste d'attente",
  cancelPlace: 'Annuler ma place',
  leaveWaitlist: "Quitter la liste d'attente",
  confirmCancel:
    'Annuler votre place dans cette session ? Elle reviendra à la personne suivante sur la liste.',
  details: 'Détails',
  signInToSignUp: 'Se connecter pour s’inscrire',
  participantsOnly:
    'Les inscriptions aux sessions sont réservées aux personnes dont l’inscription à cette rencontre est confirmée.',
  flash: {
    confirmed: 'Vous êtes inscrit·e. À bientôt !',
    waitlisted: "La session est complète : vous êtes sur sa liste d'attente.",
    cancelled: 'Votre place est annulée.',
    notHeld: "Vous n'aviez pas de place dans cette session.",
  },
  refused: {
    title: "L'inscription n'a pas pu être faite",
    clash: (title: string, when: string) =>
      `Cette session a lieu en même temps que « ${title} » (${when}), où vous avez déjà une place. Annulez d'abord celle-ci si vous préférez cette session.`,
    clashLink: "Voir l'autre session",
    noRegistration:
      "Seules les personnes dont l'inscription à la rencontre est confirmée peuvent s'inscrire à ses sessions.",
    closed: 'Les inscriptions à cette session sont closes.',
    openToAll:
      "Cette session est ouverte à tous les participants : il n'y a pas besoin de s'inscrire.",
    rules:
      "Cochez la case pour accepter les règles de l'hôte avant de vous inscrire à cette visite.",
  },
  session: {
    back: 'Retour au programme',
    when: 'Quand',
    where: 'Où',
    theme: 'Thème',
    language: 'Langue',
    seats: 'Places',
    seatsOf: (left: number, total: number) => `${num(left)} sur ${num(total)} encore libres`,
    unlimited: 'Sans limite',
    cancelledNote: 'Cette session a été annulée.',
    yourPlace: 'Votre place',
  },
  visit: {
    title: 'La visite',
    host: 'Accueil par',
    address: 'Adresse',
    meetingPoint: 'Point de rendez-vous',
    departure: 'Départ',
    return: 'Retour',
    transport: 'Transport',
    seats: (n: number) => (n <= 1 ? `${num(n)} place` : `${num(n)} places`),
    rulesTitle: "Les règles de l'hôte",
    rulesLead: 'Notre hôte demande à chaque visiteur de respecter ces règles :',
    acceptRules: "J'ai lu les règles de l'hôte et je les accepte",
    rulesAccepted: "Vous avez accepté les règles de l'hôte.",
    onTime:
      "Le groupe part à l'heure : merci d'être au point de rendez-vous quelques minutes avant.",
  },
  mine: {
    title: 'Mon programme',
    lead: 'Votre semaine : plénières, repas et pauses, et les sessions où vous êtes inscrit·e ou que vous animez.',
    none: "Rien pour l'instant : dès que votre inscription est confirmée, les plénières et les sessions choisies apparaissent ici.",
    calendar: 'Ajouter mon programme à mon agenda',
    fullAgenda: 'Voir tout le programme',
    feedbackResults: (form: string) => `Ce que les participant·e·s ont dit : ${form}`,
  },
};
