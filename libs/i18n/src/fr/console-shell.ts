import type { ConsoleShellMessages } from '../en/console-shell.js';

export const consoleShell: ConsoleShellMessages = {
  title: 'Console des organisateurs',
  sections: {
    overview: 'Tableau de bord',
    registrations: 'Inscriptions',
    visas: 'Visas',
    letter: 'Lettre d’invitation',
    arrivals: 'Arrivées',
    accommodation: 'Hébergement',
    agenda: 'Programme',
    checkin: 'Accueil',
    announcements: 'Annonces',
    messages: 'Messages',
    settings: 'Paramètres',
    staff: 'Équipe',
    finance: 'Finances',
    certificates: 'Attestations',
    materials: 'Documents',
    feedback: 'Avis',
  },
  hostSections: { visitors: 'Visiteurs', journal: 'Réponses aux journaux' },
  sectionNav: "Rubriques de l'événement",
  allEvents: 'Tous les événements',
  eventIn: (zone: string) => `Heures de ${zone}`,
};
