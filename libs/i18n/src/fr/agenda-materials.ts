import type { AgendaMaterialsMessages } from '../en/agenda-materials.js';

export const agendaMaterials: AgendaMaterialsMessages = {
  sessionTitle: 'Documents de cette session',
  eventTitle: 'Documents pour tout l’événement',
  allLink: 'Tous les documents partagés pour cet événement',
  share: 'Partager un document pour cette session',
  details: (type: string, size: string) => (type ? `${type}, ${size}` : size),
};
