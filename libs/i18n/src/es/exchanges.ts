import { pluralRules } from '#core';
import type { ExchangesMessages } from '../en/exchanges.js';
import { num } from './num.js';

const one = (n: number) => pluralRules('es').select(n) === 'one';

export const exchanges: ExchangesMessages = {
  navLink: 'Programas',
  programmesTitle: 'Programas de la red',
  programmesLead:
    'Las inmersiones del año entre socios y los encuentros de la red, en una sola vista.',
  noProgrammes: 'Todavía no hay ningún programa.',
  figures: (immersions, socialWorkers, countries) =>
    `${num(immersions)} ${one(immersions) ? 'inmersión' : 'inmersiones'}, ` +
    `${num(socialWorkers)} ${one(socialWorkers) ? 'trabajador social' : 'trabajadores sociales'}, ` +
    `${num(countries)} ${one(countries) ? 'país' : 'países'}`,
  filters: 'Filtrar el programa',
  partner: 'Socio',
  country: 'País',
  year: 'Año',
  any: 'Todos',
  apply: 'Mostrar',
  clear: 'Quitar los filtros',
  nothing: 'Nada en el programa corresponde a estos filtros.',
  kinds: { meeting: 'Encuentro', immersion: 'Inmersión' },
  states: { planned: 'Prevista', done: 'Realizada', awaiting_return: 'Visita de vuelta pendiente' },
  visits: (visiting, host) => `${visiting} visita ${host}`,
  returnVisit: 'Visita de vuelta',
  returnVisitOn: (dates) => `Visita de vuelta: ${dates}`,
  noReturn: 'Todavía no hay visita de vuelta prevista',
  returnNotNeeded: 'No se espera visita de vuelta',
  stateLabel: 'Estado: ',
  visitorsTitle: 'Visitantes',
  visitorsLead: (host) =>
    `Quién viene a ${host}: organización, profesión, idiomas y necesidades. Teléfonos y pasaportes quedan con los organizadores.`,
  noVisitors: 'Todavía no hay visitantes.',
  name: 'Nombre',
  organisation: 'Organización',
  profession: 'Profesión',
  languages: 'Idiomas',
  needs: 'Necesidades (comidas, acceso)',
  status: 'Estado',
  statuses: {
    pending: 'Pendiente de aprobación',
    confirmed: 'Confirmado',
    waitlisted: 'Lista de espera',
    awaiting_consent: 'Pendiente de su consentimiento',
  },
  arrivalsLink: 'Llegadas y programa de la acogida',
  agendaLink: 'El programa de la visita',
  buildAgendaLink: 'Preparar el programa (sesiones)',
  nominateTitle: 'Proponer visitantes',
  nominateLead: (visiting) =>
    `Las personas de ${visiting} que viajarán. Reciben un correo para dar su consentimiento; nadie queda inscrito sin él.`,
  nominateNone: 'No gestiona ninguna organización que visite a un socio en este momento.',
  nominateLink: 'Proponer un visitante',
  email: 'Correo electrónico',
  personName: 'Nombre completo',
  locale: 'Idioma de sus correos',
  submitNominate: 'Proponer',
  nominated: 'Propuesto: recibirá un correo para dar su consentimiento.',
  consoleTitle: 'Programas e intercambios',
  consoleLead:
    'Agrupe los encuentros del año en un programa, indique qué socio visita a cuál y enlace cada visita con su visita de vuelta.',
  newProgramme: 'Nuevo programa',
  nameIn: (language) => `Nombre (${language})`,
  slug: 'Dirección (letras, cifras y guiones)',
  slugHint: 'Si se deja vacía, se forma a partir del nombre.',
  createProgramme: 'Crear el programa',
  newExchange: 'Nuevo intercambio',
  immersion: 'Inmersión',
  visiting: 'Socio visitante',
  programme: 'Programa',
  none: 'Ninguno',
  createExchange: 'Crear el intercambio',
  noImmersion:
    'Ninguna de sus inmersiones espera un intercambio: cree primero un evento de tipo inmersión.',
  linkReturn: 'Enlazar la visita de vuelta',
  link: 'Enlazar',
  unlink: 'Desenlazar',
  noCandidate: 'Todavía no hay visita en sentido contrario.',
  exchangesTitle: 'Intercambios',
  flash: {
    programmeCreated: 'El programa está creado.',
    exchangeCreated: 'El intercambio está creado.',
    linked: 'La visita de vuelta está enlazada, en ambos sentidos.',
    unlinked: 'La visita de vuelta está desenlazada.',
    nominated: 'Propuesto: recibirá un correo para dar su consentimiento.',
  },
};
