import type { LearningMessages } from '../en/learning.js';
import { num } from './num.js';

export const learning: LearningMessages = {
  journal: {
    title: 'Mi diario de aprendizaje',
    lead: 'Una nota breve por cada día de la inmersión: lo que vio, lo que se pregunta, lo que le gustaría probar en casa.',
    privateNote:
      'Sus notas son privadas: nadie más las lee, ni el equipo anfitrión ni la organización, salvo si decide compartir una nota.',
    observations: 'Lo que observé',
    observationsHint:
      'Prácticas, herramientas, la forma en que el equipo trabaja con las familias.',
    questions: 'Mis preguntas',
    questionsHint: 'Lo que quisiera entender mejor o preguntar al equipo anfitrión.',
    practice: 'Una práctica para probar en casa',
    practiceHint: 'Algo que su propio equipo podría adoptar o adaptar.',
    sharingLegend: '¿Quién puede leer esta nota?',
    sharingChoices: {
      private: 'Solo yo',
      host: 'Yo y el equipo anfitrión (puede responder)',
      network: 'Yo, el equipo anfitrión y la red (aparece en el informe del intercambio)',
    },
    save: 'Guardar este día',
    remove: 'Eliminar esta nota',
    removeConfirm: '¿Eliminar la nota de este día? No se podrá recuperar.',
    daysNav: 'Los días',
    notWrittenShort: 'Sin escribir',
    notWritten: 'Todavía no hay nada escrito para este día.',
    sharedWith: {
      private: 'Privada',
      host: 'Compartida con el equipo anfitrión',
      network: 'Compartida con el equipo anfitrión y la red',
    },
    answerTitle: 'La respuesta del equipo anfitrión',
    reportLink: 'Leer el informe del intercambio',
  },
  host: {
    title: 'Lo que comparten los visitantes',
    lead: 'Las notas que los visitantes decidieron compartir con ustedes. Las notas privadas no se muestran, ni a ustedes ni a nadie.',
    none: 'Ningún visitante ha compartido una nota todavía.',
    answer: 'Su respuesta',
    answerHint: 'Una respuesta breve por nota; escribir otra reemplaza la anterior.',
    send: 'Enviar la respuesta',
    reportLink: 'Informe del intercambio',
    shared: {
      host: 'Compartida con ustedes',
      network: 'Compartida con ustedes y la red',
    },
  },
  report: {
    /** A label before its value, as each language punctuates it. */
    labelled: (label: string) => `${label}: `,
    title: 'Informe del intercambio',
    lead: 'El programa de la inmersión, quién asistió, y lo que los visitantes aprendieron y decidieron compartir con la red.',
    networkOnly:
      'Aquí solo aparecen las notas que los visitantes compartieron con la red, con las respuestas del equipo anfitrión. Las notas privadas y las compartidas solo con el equipo anfitrión no se incluyen.',
    partners: 'Socios',
    hostOrg: 'Organización anfitriona',
    visitingOrg: 'Organización visitante',
    visitingOrgs: 'Organizaciones visitantes',
    datesAndPlace: (dates: string, place: string) => `${dates}, ${place}`,
    summary: (visitors: number, sessions: number, entries: number) =>
      `${visitors === 1 ? '1 visitante' : `${num(visitors)} visitantes`}, ${sessions === 1 ? '1 sesión' : `${num(sessions)} sesiones`}, ${entries === 1 ? '1 nota compartida' : `${num(entries)} notas compartidas`}`,
    programme: 'Programa',
    noProgramme: 'No hay ninguna sesión publicada para esta inmersión.',
    date: 'Fecha',
    hours: 'Horario',
    session: 'Sesión',
    attendance: 'Asistentes',
    attendedOf: (n: number, of: number) => `${num(n)} de ${num(of)}`,
    zoneNote: (zone: string) => `Horarios en ${zone}.`,
    visitors: 'Visitantes',
    noVisitors: 'Ningún visitante confirmado.',
    sessionsAttended: (n: number) =>
      n === 1 ? '1 sesión con asistencia' : `${num(n)} sesiones con asistencia`,
    learnt: 'Lo que compartieron los visitantes',
    noEntries: 'Todavía no se ha compartido ninguna nota con la red.',
    observations: 'Observado',
    questions: 'Preguntas',
    practice: 'Para probar en casa',
    hostAnswer: (name: string | null) =>
      name ? `Respuesta de ${name}` : 'La respuesta del equipo anfitrión',
    pdfLanguage: (language: string) => `PDF en ${language}`,
    readIn: 'Leer en',
    reference: (ref: string) => `Referencia ${ref}`,
    issued: (date: string) => `Emitido el ${date}`,
    verify: 'Compruebe la autenticidad de este informe en esta dirección o con el código QR:',
  },
  flash: {
    saved: 'Nota guardada.',
    removed: 'Nota eliminada.',
    answered: 'Respuesta guardada.',
  },
};
