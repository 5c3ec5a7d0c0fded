import type { ConsoleVisasMessages } from '../en/console-visas.js';
import { num } from './num.js';

export const consoleVisas: ConsoleVisasMessages = {
  boardTitle: 'Seguimiento de visados',
  statuses: {
    not_required: 'No necesario',
    letter_requested: 'Carta solicitada',
    letter_issued: 'Carta emitida',
    applied: 'Visado solicitado',
    granted: 'Visado concedido',
    refused: 'Visado denegado',
    unknown: 'Pasaporte sin datos',
  },
  countsTitle: 'Participantes por estado del visado',
  allStatuses: 'Todas las personas',
  filters: {
    title: 'Filtrar la lista',
    status: 'Estado del visado',
    anyStatus: 'Todos los estados',
    nationality: 'Nacionalidad',
    anyNationality: 'Todas las nacionalidades',
    passport: 'Pasaporte',
    passportAny: 'Todos los pasaportes',
    passportExpiring: 'Caduca demasiado pronto',
    passportFine: 'Válido el tiempo suficiente, o aún sin datos',
    search: 'Buscar',
    searchHint: 'Nombre, correo electrónico u organización',
    apply: 'Mostrar',
    reset: 'Quitar los filtros',
  },
  table: {
    caption: (shown: number, total: number) =>
      total === 0
        ? 'Ningún participante'
        : shown === total
          ? `${num(total)} participante${total === 1 ? '' : 's'}`
          : `${num(shown)} de ${num(total)} participantes`,
    select: 'Selección',
    selectAll: 'Seleccionar a todas las personas de esta página',
    selectPerson: (name: string) => `Seleccionar a ${name}`,
    name: 'Nombre',
    organisation: 'Organización',
    nationality: 'Nacionalidad',
    passportExpiry: 'Caducidad del pasaporte',
    status: 'Estado',
    lastChange: 'Último cambio',
    actions: 'Carta',
  },
  passportNotGiven: 'Aún sin datos',
  expiresBeforeEnd: 'Caduca antes del final del evento',
  expiresTooSoon: 'Caduca demasiado pronto (menos de 6 meses después del evento)',
  issueLetter: 'Emitir la carta',
  issueLetterFor: (name: string) => `Emitir la carta de ${name}`,
  issueSelected: 'Emitir las cartas de las personas marcadas',
  bulkHint:
    'Marque a las personas cuya carta desea emitir. Cada una recibe un correo electrónico y después puede descargar su carta.',
  downloadLetter: 'Carta (PDF)',
  empty: 'Nadie coincide con estos filtros.',
  pager: {
    label: 'Páginas',
    previous: 'Página anterior',
    next: 'Página siguiente',
    pageOf: (page: number, pages: number) => `Página ${num(page)} de ${num(pages)}`,
  },
  bulk: {
    separator: ': ',
    title: 'Cartas de invitación',
    summary: (issued: number, asked: number) =>
      `${num(issued)} carta${issued === 1 ? '' : 's'} emitida${issued === 1 ? '' : 's'} de ${num(asked)} solicitada${asked === 1 ? '' : 's'}.`,
    issued: 'Carta emitida; se ha enviado un correo electrónico.',
    already: 'Ya se había emitido: no ha cambiado nada.',
    refused: 'No emitida:',
    noneSelected: 'Por favor, marque primero al menos a una persona.',
    unknownPerson: 'Persona desconocida',
  },
  reasons: {
    not_confirmed: 'la inscripción no está confirmada.',
    not_requested: 'no se ha solicitado ninguna carta de invitación para esta persona.',
    passport_missing: 'los datos del pasaporte están incompletos.',
    details_missing:
      'falta la fecha de nacimiento o la de expedición del pasaporte (marque «Emitir aunque…» para emitirla igualmente).',
    not_found: 'esta inscripción no pertenece a este evento.',
    other: 'no se ha podido emitir la carta.',
  },
  person: {
    back: 'Volver al seguimiento de visados',
    email: 'Correo electrónico',
    organisation: 'Organización',
    nationality: 'Nacionalidad',
    passportNumber: 'Número de pasaporte',
    passportExpiry: 'Caducidad del pasaporte',
    onFile: 'Registrado (completo solo en la carta)',
    notOnFile: 'Aún sin datos',
    visaNeeded: 'Necesita visado',
    yes: 'Sí',
    no: 'No',
    notKnown: 'Aún no se sabe',
    status: 'Estado actual',
    letterIssuedAt: 'Carta emitida el',
  },
  history: {
    notes: {
      letterIssued: 'Carta de invitación emitida',
      fromRules: 'Según las reglas de visado del evento',
      needsVisa: (country: string) =>
        `Nacionalidad: ${country}; se necesita visado para este evento`,
    },
    title: 'Historial',
    when: 'Fecha',
    change: 'Cambio',
    by: 'Por',
    note: 'Nota',
    empty: 'Todavía no se ha registrado ningún cambio.',
    system: 'Convene (automático)',
  },
  change: {
    title: 'Cambiar el estado',
    status: 'Nuevo estado',
    choose: 'Elija un estado',
    note: 'Nota (opcional)',
    noteHint:
      'Para el resto de la organización, por ejemplo: cita en el consulado el 2 de septiembre.',
    submit: 'Cambiar el estado',
    none: 'Ningún otro estado puede seguir a este.',
    refused: (from: string, to: string) => `El estado no puede pasar de «${from}» a «${to}».`,
    allowed: (list: string) => `Desde aquí puede pasar a: ${list}.`,
    nothingAllowed: 'Desde aquí ya no puede cambiar.',
  },
  flash: {
    statusChanged: 'Se ha cambiado el estado del visado.',
    rulesSaved: 'Se han guardado las reglas de visado.',
  },
  rules: {
    title: 'Reglas de visado',
    link: 'Reglas de visado: qué nacionalidades necesitan visado',
    lead: 'Los nuevos planes de viaje de estas nacionalidades empiezan en «Carta solicitada»; los demás en «No necesario». Los planes ya empezados conservan su estado.',
    country: (name: string) =>
      `El evento tiene lugar en ${name}; sus ciudadanos nunca necesitan visado.`,
    countries: 'Nacionalidades que necesitan visado',
    countriesHint: 'Mantenga pulsada la tecla Ctrl (o Cmd en un Mac) para elegir varios países.',
    current: 'Nacionalidades que necesitan visado ahora',
    none: 'Ninguna nacionalidad necesita visado por ahora.',
    save: 'Guardar las reglas de visado',
    updatedAt: (when: string) => `Guardado por última vez: ${when}.`,
    toReview: (n: number) =>
      n === 0
        ? 'No hay ningún plan de viaje que revisar.'
        : n === 1
          ? '1 plan de viaje sigue en «No necesario» aunque su nacionalidad ahora necesita visado: revíselo, por favor.'
          : `${num(n)} planes de viaje siguen en «No necesario» aunque su nacionalidad ahora necesita visado: revíselos, por favor.`,
    reviewLink: 'Mostrar los planes en «No necesario»',
  },
  arrivals: {
    title: 'Llegadas y salidas',
    arrivalsTitle: 'Llegadas',
    departuresTitle: 'Salidas',
    timesIn: (place: string) => `Todas las horas son hora de ${place}.`,
    windowNote: (minutes: number) =>
      `Quienes aterrizan menos de ${num(minutes)} minutos después de la primera persona de su grupo esperan el mismo coche.`,
    airportFilter: 'Aeropuerto',
    allAirports: 'Todos los aeropuertos',
    show: 'Mostrar',
    airport: (code: string) => `Aeropuerto ${code}`,
    group: (id: string, size: number) =>
      `Grupo de recogida ${id}: ${num(size)} persona${size === 1 ? '' : 's'}`,
    groupWindow: (first: string, last: string) =>
      first === last ? `llegada a las ${first}` : `llegadas entre las ${first} y las ${last}`,
    time: 'Hora',
    flight: 'Vuelo',
    name: 'Nombre',
    organisation: 'Organización',
    country: 'País',
    phone: 'Teléfono',
    noArrivals: 'Todavía no se ha indicado ningún vuelo de llegada.',
    noDepartures: 'Todavía no se ha indicado ningún vuelo de salida.',
    withoutArrival: 'Confirmados, aún sin vuelo de llegada',
    print: 'Imprimir la hoja',
    csv: 'Descargar las llegadas (CSV)',
    printedOn: 'Hoja del aeropuerto',
  },
};
