import type { DashboardMessages } from '../en/dashboard.js';
import { num } from './num.js';

const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

export const dashboard: DashboardMessages = {
  title: 'Panel',
  headline: (participants, organisations, countries) =>
    `${plural(participants, 'participante', 'participantes')} de ${plural(organisations, 'organización', 'organizaciones')} en ${plural(countries, 'país', 'países')}`,
  noParticipants: 'Todavía no hay participantes confirmados.',
  headlineNote: (waitlisted, pending) =>
    `Solo participantes confirmados. ${plural(waitlisted, 'persona', 'personas')} en lista de espera, ${plural(pending, 'inscripción', 'inscripciones')} pendiente${pending === 1 ? '' : 's'} de aprobación.`,
  seats: (left, capacity) => `${plural(left, 'plaza libre', 'plazas libres')} de ${num(capacity)}.`,
  quickLinks: 'Ir a',
  links: {
    registrations: 'Inscripciones',
    visas: 'Seguimiento de visados',
    agenda: 'Programa',
    announcements: 'Escribir un aviso',
    messages: 'Registro de mensajes',
  },
  charts: {
    byCountry: 'Participantes por país',
    byOrganisation: 'Participantes por organización',
    byProfession: 'Participantes por profesión',
    overTime: 'Inscripciones a lo largo del tiempo',
    visas: 'Estado de los visados',
    seats: 'Plazas libres por sesión',
  },
  chartNotes: {
    overTime:
      'Todas las inscripciones recibidas, sea cual sea su estado, sumadas día a día (fechas en la zona horaria del evento).',
    visas: 'Personas inscritas (sin contar las cancelaciones), según el estado de su visado.',
    seats: 'Sesiones con plazas limitadas que no están canceladas.',
    byOrganisation: (shown, total) =>
      `Las ${num(shown)} organizaciones con más participantes, de ${num(total)}.`,
  },
  columns: {
    country: 'País',
    organisation: 'Organización',
    profession: 'Profesión',
    participants: 'Participantes',
    date: 'Día',
    received: 'Recibidas ese día',
    cumulative: 'Total hasta la fecha',
    visaStatus: 'Estado del visado',
    people: 'Personas',
    session: 'Sesión',
    seatsLeft: 'Plazas libres',
    capacity: 'Plazas',
    taken: 'Ocupadas',
    waitlisted: 'En espera',
  },
  otherOrganisations: (n) => `Otras organizaciones (${num(n)})`,
  empty: 'Todavía no hay nada que mostrar.',
  chartLabel: (title, total) => `${title}: gráfico, ${num(total)} en total`,
  tableCaption: (title) => `${title}: las cifras`,
  professions: {
    social_worker: 'Trabajador/a social',
    head_of_service: 'Jefe/a de servicio',
    psychologist: 'Psicólogo/a',
    legal_expert: 'Jurista',
    manager: 'Responsable',
    other: 'Otra',
  },
  visaStatuses: {
    not_required: 'No necesita visado',
    letter_requested: 'Carta solicitada',
    letter_issued: 'Carta enviada',
    applied: 'Visado solicitado',
    granted: 'Visado concedido',
    refused: 'Visado denegado',
    unknown: 'Aún no se sabe',
  },
};
