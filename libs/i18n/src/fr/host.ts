import type { HostMessages } from '../en/host.js';
import { num } from './num.js';

export const host: HostMessages = {
  title: 'Les visites que vous accueillez',
  lead: 'Les visites de terrain des rencontres que vous accueillez, et qui vient à chacune.',
  noVisits: "Aucune visite de terrain n'est encore prévue pour cette rencontre.",
  visitsTitle: 'Visites de terrain',
  seatsTaken: (taken: number, seats: number) => `${num(taken)} places prises sur ${num(seats)}`,
  waiting: (n: number) =>
    n <= 1 ? `${num(n)} personne en attente` : `${num(n)} personnes en attente`,
  whoComes: 'Voir qui vient',
  downloadCsv: 'Télécharger la liste du bus (CSV, pour un tableur)',
  busListCount: (n: number) =>
    n <= 1
      ? `Liste du bus : ${num(n)} personne vient`
      : `Liste du bus : ${num(n)} personnes viennent`,
  busList: 'Liste du bus',
  confirmedTitle: (n: number) =>
    n <= 1 ? `${num(n)} personne vient` : `${num(n)} personnes viennent`,
  waitlistTitle: (n: number) =>
    n <= 1 ? `${num(n)} personne sur liste d'attente` : `${num(n)} personnes sur liste d'attente`,
  nobody: "Personne ne s'est encore inscrit.",
  name: 'Nom',
  organisation: 'Organisation',
  emergencyContact: "Contact d'urgence",
  rulesAccepted: 'Règles acceptées',
  position: 'Rang',
  privacyNote:
    "Vous voyez le nom, l'organisation et le contact d'urgence des visiteurs. Leurs numéros de téléphone personnels restent chez les organisateurs.",
  arrivalsTitle: 'Qui vient, et quand : les arrivées',
  arrival: 'Arrivée',
  flight: 'Vol',
  arrivalUnknown: 'Arrivée pas encore indiquée',
  /** A label before its value, as each language punctuates it. */
  labelled: (label: string) => `${label} : `,
  allVisits: 'Toutes les visites que vous accueillez',
  cancelled: 'Annulée',
};
