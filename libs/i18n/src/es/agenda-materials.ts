import type { AgendaMaterialsMessages } from '../en/agenda-materials.js';

export const agendaMaterials: AgendaMaterialsMessages = {
  sessionTitle: 'Documentos de esta sesión',
  eventTitle: 'Documentos para todo el evento',
  allLink: 'Todos los documentos compartidos para este evento',
  share: 'Compartir un documento para esta sesión',
  details: (type: string, size: string) => (type ? `${type}, ${size}` : size),
};
