import type { TravelMessages } from '../en/travel.js';
import { num } from './num.js';

export const travel: TravelMessages = {
  title: 'Viaje y visado',
  lead: (event) => `Su viaje a ${event}: pasaporte, vuelos y visado.`,
  backToRegistrations: 'Volver a mis inscripciones',
  saved: 'Sus datos de viaje se han guardado.',
  letterRequested: 'Su solicitud se ha enviado a la organización.',
  needsConsent:
    'Acepte primero el uso de sus datos, en la página de su inscripción; después podrá indicar aquí su viaje.',
  frozen: 'Esta inscripción ya no está activa: sus datos de viaje ya no se pueden modificar.',
  summaryTitle: 'Mi viaje',
  editTitle: 'Indicar o modificar mis datos de viaje',
  passportTitle: 'Pasaporte',
  passportHint:
    'Solo se usa para su carta de invitación y su visado. La organización solo ve los cuatro últimos caracteres del número.',
  nationality: 'País que expidió el pasaporte',
  chooseCountry: 'Elija un país',
  number: 'Número de pasaporte',
  numberHint: 'Tal como figura en la página de la foto, letras y cifras.',
  numberOnFile: (masked) =>
    `Número registrado: ${masked}. Déjelo en blanco para conservarlo, o escríbalo de nuevo para cambiarlo.`,
  expiresOn: 'Fecha de caducidad',
  expiresOnHint: 'Día, mes y año, como en el pasaporte.',
  passportMissing: 'Todavía no ha indicado ningún pasaporte.',
  warnBeforeEnd: (date) =>
    `Su pasaporte caduca el ${date}, antes de que termine el encuentro: renuévelo antes de viajar.`,
  warnSixMonths: (date, needed) =>
    `Su pasaporte caduca el ${date}, menos de seis meses después del encuentro. Muchos países niegan entonces el visado o la entrada: debería ser válido hasta el ${needed}.`,
  arrivalTitle: 'Vuelo de ida',
  departureTitle: 'Vuelo de vuelta',
  flightsHint:
    'Las horas son las locales del aeropuerto. Deje un vuelo en blanco si todavía no lo conoce.',
  flightNumber: 'Número de vuelo',
  flightNumberHint: 'Código de la aerolínea y número, por ejemplo AT571.',
  airport: 'Aeropuerto',
  airportHint: 'Su código de tres letras, por ejemplo TNG para Tánger.',
  arrivalAt: 'Aterrizaje: fecha y hora local',
  departureAt: 'Despegue: fecha y hora local',
  airportZone: 'Zona horaria del aeropuerto',
  eventZone: (place) => `La misma que el encuentro (${place})`,
  save: 'Guardar mis datos de viaje',
  noFlight: 'Todavía no indicado.',
  flightLine: (flight, airport) => `Vuelo ${flight}, aeropuerto ${airport}`,
  pickup: (n) =>
    n === 1
      ? 'Está en la lista de recogida en el aeropuerto.'
      : `Le recogerán en el aeropuerto con ${num(n - 1)} ${n - 1 === 1 ? 'persona más' : 'personas más'}.`,
  errors: {
    nationality: 'Elija el país que expidió su pasaporte.',
    number: 'Escriba el número tal como figura en su pasaporte: de 5 a 20 letras y cifras.',
    expiresOn: 'Indique la fecha de caducidad: día, mes y año.',
    expired: 'Esta fecha ya ha pasado: indique la fecha de caducidad de un pasaporte válido.',
    flightNumber: 'Escriba el código de la aerolínea y el número de vuelo, por ejemplo AT571.',
    airport: 'Escriba el código de tres letras del aeropuerto, por ejemplo TNG.',
    at: 'Indique la fecha y la hora local.',
    departureBeforeArrival: 'El vuelo de vuelta debe salir después de que aterrice el de ida.',
    zone: 'Elija una zona horaria de la lista.',
  },
  visaTitle: 'Visado',
  visaStatus: 'Estado:',
  visaStatuses: {
    unknown: 'Aún no se sabe (indique primero su pasaporte)',
    not_required: 'No necesita visado',
    letter_requested: 'Carta de invitación solicitada: la organización la está preparando',
    letter_issued: 'Carta de invitación emitida',
    applied: 'Visado solicitado',
    granted: 'Visado concedido',
    refused: 'Visado denegado',
  },
  visaNeeded:
    'Según las normas de la organización, su pasaporte necesita un visado para este país. Solicite una carta de invitación para adjuntarla a su solicitud de visado.',
  visaMaybe:
    'Según las normas de la organización, su pasaporte no necesita visado. Si su consulado le pide de todos modos una carta de invitación, puede solicitarla.',
  requestLetter: 'Solicitar una carta de invitación',
  letterPending:
    'La organización emitirá su carta. Recibirá un correo electrónico en cuanto esté lista.',
  letterNeedsPassport:
    'La carta necesita su pasaporte: nacionalidad, número y fecha de caducidad. Indíquelos más arriba, por favor.',
  letterNeedsConfirmation: 'La carta se podrá emitir cuando su inscripción esté confirmada.',
  downloadLetter: 'Descargar mi carta de invitación (PDF)',
  letterIssuedOn: (date) => `Emitida el ${date}.`,
  letterNotYet: 'Su carta de invitación todavía no se ha emitido.',
  history: 'Historial',
  historyLine: (from, to) => `${from} → ${to}`,
  historyNote: (note) => `Nota: ${note}`,
  none: '—',
  autoNotes: {
    rules: 'Fijado según las normas de visado del encuentro',
    issued: 'Carta de invitación emitida',
    needsVisa: 'Este pasaporte necesita visado para el encuentro',
  },
};
