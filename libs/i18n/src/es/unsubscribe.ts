import type { UnsubscribeMessages } from '../en/unsubscribe.js';

export const unsubscribe: UnsubscribeMessages = {
  title: 'Dejar de recibir los anuncios',
  lead: (event: string) => `Los anuncios opcionales de los organizadores de ${event}.`,
  explain:
    'Seguirá recibiendo los mensajes sobre su inscripción, sus sesiones y su carta de invitación, y los anuncios que los organizadores marquen como esenciales.',
  confirm: 'Dejar de recibir estos anuncios',
  done: (event: string) => `Ya no recibirá los anuncios opcionales de ${event}.`,
  already: (event: string) => `Ya no recibe los anuncios opcionales de ${event}.`,
};
