import type { EventMessages } from '../en/event.js';
import { formatCount } from '../count-format.js';

/** A count with Spanish digit grouping: 1008, but 10.000. */
const num = (n: number) => formatCount('es', n);

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
  dates: 'Fechas',
  venue: 'Lugar',
  about: 'Sobre el evento',
  programme: 'Programa',
  programmeLead: 'Las sesiones principales de cada día, en hora local.',
  programmeEmpty: 'El programa se publicará pronto.',
  moreSessions: (n: number) => (n === 1 ? 'y 1 sesión más' : `y ${num(n)} sesiones más`),
  fullAgenda: 'Ver el programa completo',
  seatsLeft: (n: number) => (n === 1 ? 'Queda 1 plaza' : `Quedan ${num(n)} plazas`),
  full: 'Todas las plazas están ocupadas: puede inscribirse en la lista de espera.',
  approvalNote: 'La organización aprueba cada inscripción.',
  register: 'Inscribirme',
  joinWaitlist: 'Inscribirme en la lista de espera',
  signInToRegister: '¿Aún no tiene cuenta?',
  yourRegistration: 'Su inscripción',
  seeRegistration: 'Ver mi inscripción',
  closed: {
    draft: 'Este evento aún no está publicado.',
    closed: 'Las inscripciones están cerradas para este evento.',
    archived: 'Este evento ha terminado.',
    not_yet_open: (date: string) => `Las inscripciones abren el ${date}.`,
    ended: (date: string) => `Las inscripciones cerraron el ${date}.`,
  },
  kindsSession: {
    plenary: 'Plenaria',
    workshop: 'Taller',
    site_visit: 'Visita de campo',
    team_meeting: 'Reunión de equipo',
    family_workshop: 'Taller con familias',
    observation_day: 'Jornada de observación',
    meal: 'Comida',
    social: 'Encuentro social',
    break: 'Pausa',
  },
};
