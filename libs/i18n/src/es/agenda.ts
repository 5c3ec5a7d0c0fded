import type { AgendaMessages } from '../en/agenda.js';
import { num } from './num.js';

/** «1.º», «2.º»: el puesto de una persona en una lista. */
const ordinal = (n: number) => `${num(n)}.º`;

export const agenda: AgendaMessages = {
  title: 'Programa',
  titleOf: (event: string) => `Programa: ${event}`,
  lead: 'Todas las sesiones de la semana, día por día. Inscríbase aquí en los talleres y las visitas.',
  timesIn: (place: string) => `Todas las horas son en hora de ${place}.`,
  filters: {
    title: 'Filtrar el programa',
    theme: 'Tema',
    language: 'Idioma',
    kind: 'Tipo de sesión',
    any: 'Todos',
    apply: 'Mostrar',
    clear: 'Mostrar todo',
  },
  /** Said after a text shown in another language than the reader's (no translation). */
  writtenIn: { fr: 'en francés', en: 'en inglés', es: 'en español' },
  kinds: {
    plenary: 'Plenaria',
    workshop: 'Taller',
    site_visit: 'Visita de terreno',
    team_meeting: 'Reunión de equipo',
    family_workshop: 'Taller con familias',
    observation_day: 'Jornada de observación',
    meal: 'Comida',
    social: 'Encuentro social',
    break: 'Pausa',
  },
  languages: {
    fr: 'francés',
    en: 'inglés',
    es: 'español',
    ar: 'árabe',
    pt: 'portugués',
    wo: 'wólof',
  },
  noMatch: 'Ninguna sesión corresponde a estos filtros.',
  emptyDay: 'No hay nada en el programa este día.',
  with: 'Con',
  inLanguage: (language: string) => `En ${language}`,
  interpretation: (languages: string[]) => {
    const each = languages.map((l) => `al ${l}`);
    return `interpretación ${each.length > 1 ? `${each.slice(0, -1).join(', ')} y ${each[each.length - 1]}` : each.join('')}`;
  },
  seatsLeft: (n: number) => (n === 1 ? 'Queda 1 plaza' : `Quedan ${num(n)} plazas`),
  full: 'Completa',
  waitingCount: (n: number) => (n === 1 ? '1 persona en espera' : `${num(n)} personas en espera`),
  openToAll: 'Para todos los participantes, sin inscripción',
  cancelledBadge: 'Cancelada',
  ordinal,
  mark: {
    confirmed: 'Inscrito/a',
    waitlisted: (position: number | null) =>
      position ? `En lista de espera, puesto ${ordinal(position)}` : 'En lista de espera',
    facilitating: 'Usted anima esta sesión',
    everyone: 'Para todos',
  },
  waitlistPosition: (n: number) => `Ocupa el puesto ${ordinal(n)} en la lista de espera.`,
  waitlistExplain:
    'Si se libera una plaza, pasa a la siguiente persona de la lista y le escribimos cuando sea suya.',
  signUp: 'Inscribirme',
  joinWaitlist: 'Inscribirme en la lista de espera',
  cancelPlace: 'Anular mi plaza',
  leaveWaitlist: 'Salir de la lista de espera',
  confirmCancel:
    '¿Anular su plaza en esta sesión? Pasará a la siguiente persona de la lista de espera.',
  details: 'Detalles',
  signInToSignUp: 'Entrar para inscribirse',
  participantsOnly:
    'La inscripción en las sesiones está reservada a las personas cuya inscripción en este encuentro está confirmada.',
  flash: {
    confirmed: 'Está inscrito/a. ¡Hasta pronto!',
    waitlisted: 'La sesión está completa: está en su lista de espera.',
    cancelled: 'Su plaza ha sido anulada.',
    notHeld: 'No tenía plaza en esta sesión.',
  },
  refused: {
    title: 'No se pudo hacer la inscripción',
    clash: (title: string, when: string) =>
      `Esta sesión coincide con «${title}» (${when}), donde ya tiene plaza. Anule primero esa si prefiere esta.`,
    clashLink: 'Ver la otra sesión',
    noRegistration:
      'Solo las personas con la inscripción al encuentro confirmada pueden inscribirse en sus sesiones.',
    closed: 'Las inscripciones a esta sesión están cerradas.',
    openToAll: 'Esta sesión está abierta a todos los participantes: no hace falta inscribirse.',
    rules:
      'Marque la casilla para aceptar las normas del anfitrión antes de inscribirse en esta visita.',
  },
  session: {
    back: 'Volver al programa',
    when: 'Cuándo',
    where: 'Dónde',
    theme: 'Tema',
    language: 'Idioma',
    seats: 'Plazas',
    seatsOf: (left: number, total: number) => `${num(left)} de ${num(total)} libres`,
    unlimited: 'Sin límite',
    cancelledNote: 'Esta sesión ha sido cancelada.',
    yourPlace: 'Su plaza',
  },
  visit: {
    title: 'La visita',
    host: 'Acoge',
    address: 'Dirección',
    meetingPoint: 'Punto de encuentro',
    departure: 'Salida',
    return: 'Regreso',
    transport: 'Transporte',
    seats: (n: number) => (n === 1 ? '1 plaza' : `${num(n)} plazas`),
    rulesTitle: 'Las normas del anfitrión',
    rulesLead: 'Nuestro anfitrión pide a cada visitante que respete estas normas:',
    acceptRules: 'He leído las normas del anfitrión y las acepto',
    rulesAccepted: 'Ha aceptado las normas del anfitrión.',
    onTime: 'El grupo sale puntual: le rogamos estar en el punto de encuentro unos minutos antes.',
  },
  mine: {
    title: 'Mi programa',
    lead: 'Su semana: plenarias, comidas y pausas, y las sesiones en las que está inscrito/a o que anima.',
    none: 'Todavía nada: en cuanto su inscripción esté confirmada, aquí aparecerán las plenarias y las sesiones elegidas.',
    calendar: 'Añadir mi programa a mi calendario',
    fullAgenda: 'Ver todo el programa',
    feedbackResults: (form: string) => `Lo que dijeron los participantes: ${form}`,
  },
};
