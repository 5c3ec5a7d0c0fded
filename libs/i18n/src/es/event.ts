import type { EventMessages } from '../en/event.js';

export const event: EventMessages = {
  listTitle: 'Encuentros e inmersiones',
  listLead: 'Los encuentros de la red de socios abiertos a inscripción.',
  none: 'No hay ningún evento abierto en este momento.',
  kinds: { meeting: 'Encuentro', immersion: 'Inmersión' },
  statuses: {
    draft: 'Borrador',
    published: 'Abierto',
    closed: 'Cerrado',
    archived: 'Archivado',
  },
  open: 'Ver el evento',
};
