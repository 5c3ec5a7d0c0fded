import type { EventMessages } from '../en/event.js';
import { formatCount } from '../count-format.js';

/** A count with French digit grouping: 1 008. */
const num = (n: number) => formatCount('fr', n);

export const event: EventMessages = {
  listTitle: 'Rencontres et immersions',
  listLead: 'Les rencontres du réseau de partenaires ouvertes aux inscriptions.',
  none: "Aucun événement n'est ouvert pour le moment.",
  kinds: { meeting: 'Rencontre', immersion: 'Immersion' },
  statuses: {
    draft: 'Brouillon',
    published: 'Ouvert',
    closed: 'Clos',
    archived: 'Archivé',
  },
  open: "Voir l'événement",
  dates: 'Dates',
  venue: 'Lieu',
  about: 'À propos',
  programme: 'Programme',
  programmeLead: 'Les principales sessions de chaque jour, en heure locale.',
  programmeEmpty: 'Le programme sera bientôt publié.',
  moreSessions: (n: number) => (n === 1 ? 'et 1 autre session' : `et ${num(n)} autres sessions`),
  fullAgenda: 'Voir le programme complet',
  seatsLeft: (n: number) => (n === 1 ? 'Il reste 1 place' : `Il reste ${num(n)} places`),
  full: 'Toutes les places sont prises : vous pouvez vous inscrire sur la liste d’attente.',
  approvalNote: 'L’équipe d’organisation valide chaque inscription.',
  register: 'M’inscrire',
  joinWaitlist: 'M’inscrire sur la liste d’attente',
  signInToRegister: 'Pas encore de compte ?',
  yourRegistration: 'Votre inscription',
  seeRegistration: 'Voir mon inscription',
  closed: {
    draft: 'Cet événement n’est pas encore publié.',
    closed: 'Les inscriptions sont closes pour cet événement.',
    archived: 'Cet événement est terminé.',
    not_yet_open: (date: string) => `Les inscriptions ouvrent le ${date}.`,
    ended: (date: string) => `Les inscriptions ont fermé le ${date}.`,
  },
  kindsSession: {
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
};
