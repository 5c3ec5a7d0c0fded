import type { HostMessages } from '../en/host.js';
import { num } from './num.js';

export const host: HostMessages = {
  title: 'Las visitas que usted acoge',
  lead: 'Las visitas de terreno de los encuentros que usted acoge, y quién viene a cada una.',
  noVisits: 'Todavía no hay ninguna visita de terreno prevista para este encuentro.',
  visitsTitle: 'Visitas de terreno',
  seatsTaken: (taken: number, seats: number) => `${num(taken)} de ${num(seats)} plazas ocupadas`,
  waiting: (n: number) => (n === 1 ? '1 persona en espera' : `${num(n)} personas en espera`),
  whoComes: 'Ver quién viene',
  downloadCsv: 'Descargar la lista del autobús (CSV, para una hoja de cálculo)',
  busListCount: (n: number) =>
    n === 1 ? 'Lista del autobús: viene 1 persona' : `Lista del autobús: vienen ${num(n)} personas`,
  busList: 'Lista del autobús',
  confirmedTitle: (n: number) => (n === 1 ? 'Viene 1 persona' : `Vienen ${num(n)} personas`),
  waitlistTitle: (n: number) =>
    n === 1 ? '1 persona en lista de espera' : `${num(n)} personas en lista de espera`,
  nobody: 'Todavía no se ha inscrito nadie.',
  name: 'Nombre',
  organisation: 'Organización',
  emergencyContact: 'Contacto de emergencia',
  rulesAccepted: 'Normas aceptadas',
  position: 'Puesto',
  privacyNote:
    'Usted ve el nombre, la organización y el contacto de emergencia de los visitantes. Sus teléfonos personales quedan con los organizadores.',
  arrivalsTitle: 'Quién viene y cuándo: las llegadas',
  arrival: 'Llegada',
  flight: 'Vuelo',
  arrivalUnknown: 'Llegada aún sin indicar',
  /** A label before its value, as each language punctuates it. */
  labelled: (label: string) => `${label}: `,
  allVisits: 'Todas las visitas que acoge',
  cancelled: 'Cancelada',
};
