import type { ConsoleShellMessages } from '../en/console-shell.js';

export const consoleShell: ConsoleShellMessages = {
  title: 'Consola de organización',
  sections: {
    overview: 'Panel',
    registrations: 'Inscripciones',
    visas: 'Visados',
    letter: 'Carta de invitación',
    arrivals: 'Llegadas',
    accommodation: 'Alojamiento',
    agenda: 'Programa',
    checkin: 'Acreditación',
    announcements: 'Anuncios',
    messages: 'Mensajes',
    settings: 'Ajustes',
    staff: 'Equipo',
    finance: 'Finanzas',
    certificates: 'Certificados',
    materials: 'Documentos',
    feedback: 'Opiniones',
  },
  hostSections: { visitors: 'Visitantes', journal: 'Respuestas a los diarios' },
  sectionNav: 'Secciones del evento',
  allEvents: 'Todos los eventos',
  eventIn: (zone: string) => `Horas de ${zone}`,
};
