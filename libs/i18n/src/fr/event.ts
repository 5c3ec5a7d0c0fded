import type { EventMessages } from '../en/event.js';

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
};
