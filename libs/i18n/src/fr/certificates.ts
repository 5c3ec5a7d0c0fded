import type { CertificatesMessages } from '../en/certificates.js';
import { num } from './num.js';

export const certificates: CertificatesMessages = {
  pdf: {
    title: 'Attestation de présence',
    placeAndDate: (place: string, date: string) => `${place}, le ${date}`,
    reference: (reference: string) => `Réf. : ${reference}`,
    certify: "L'équipe d'organisation atteste que",
    organisation: (name: string) => `de ${name}`,
    attended: (event: string, place: string, dates: string) =>
      `a participé à « ${event} », à ${place}, ${dates}, et a assisté aux séances ci-dessous.`,
    date: 'Date',
    hours: 'Horaire',
    session: 'Séance',
    duration: 'Durée',
    zoneNote: (zone: string) => `Horaires à l'${zone}.`,
    total: 'Durée totale de présence :',
    amount: (hours: number, minutes: number) =>
      minutes === 0 ? `${num(hours)} h` : `${num(hours)} h ${String(minutes).padStart(2, '0')}`,
    organisers: "L'équipe d'organisation",
    verify: "Pour vérifier l'authenticité de cette attestation, scannez le code QR ou ouvrez",
    filename: 'attestation',
  },
  participant: {
    download: 'Attestation de présence (PDF)',
    title: 'Attestation de présence',
    notEnded: "Votre attestation de présence pourra être téléchargée une fois l'événement terminé.",
    noAttendance:
      "Aucune présence à une séance n'est enregistrée pour vous à cet événement : il n'y a donc pas d'attestation. Si vous étiez présent·e, demandez à l'équipe d'organisation de corriger les présences.",
    notConfirmed: "Il n'y a pas d'attestation pour une inscription annulée ou refusée.",
    back: 'Retour à mes inscriptions',
  },
  console: {
    nav: 'Attestations',
    title: 'Attestations de présence',
    lead: "Une fois l'événement terminé, chaque personne ayant assisté à au moins une séance (plénière, atelier ou visite de terrain) reçoit une attestation qui liste ces séances, leurs horaires et la durée totale, dans sa langue.",
    notEnded: (date: string) =>
      `Les attestations seront disponibles une fois l'événement terminé (après le ${date}).`,
    count: (n: number) =>
      n === 0
        ? "Personne n'a encore assisté à une séance."
        : n === 1
          ? 'Une personne a assisté à au moins une séance.'
          : `${num(n)} personnes ont assisté à au moins une séance.`,
    zip: 'Télécharger toutes les attestations (ZIP)',
    attendance:
      "La présence est relevée à l'entrée des séances (badges) et sur les listes d'inscription.",
    name: 'Nom',
    sessions: 'Séances',
    total: 'Total',
    pdf: 'PDF',
  },
};
