import type { RegistrationMessages } from '../en/registration.js';
import { num } from './num.js';

export const registration: RegistrationMessages = {
  title: (event: string) => `Inscribirse en ${event}`,
  lead: 'Un solo formulario, unos cinco minutos. Los campos sin la indicación «opcional» son necesarios.',
  prefilled: (event: string) =>
    `Hemos rellenado lo que nos indicó para ${event}. Compruebe que sigue siendo correcto.`,
  notVerifiedTitle: 'Primero confirme su dirección de correo',
  notVerifiedBody:
    'Antes de inscribirse, abra el enlace que le enviamos por correo al crear su cuenta.',
  aboutYou: 'Usted',
  organisation: 'Organización',
  organisationPlaceholder: 'Elija su organización',
  profession: 'Profesión',
  professionPlaceholder: 'Elija su profesión',
  professions: {
    social_worker: 'Trabajador/a social',
    head_of_service: 'Jefe/a de servicio',
    psychologist: 'Psicólogo/a',
    legal_expert: 'Jurista',
    manager: 'Dirección',
    other: 'Otra',
  },
  professionOther: 'Su profesión, si eligió «Otra»',
  languages: 'Idiomas que habla',
  languagesHint: 'Para prever la interpretación y los talleres.',
  languageNames: {
    fr: 'Francés',
    en: 'Inglés',
    es: 'Español',
    ar: 'Árabe',
    pt: 'Portugués',
    wo: 'Wolof',
    ln: 'Lingala',
    sw: 'Suajili',
    tl: 'Tagalo',
    qu: 'Quechua',
  },
  practical: 'Necesidades prácticas',
  dietary: 'Alimentación',
  dietaryHint: 'Vegetariana, alergias, halal... (opcional)',
  accessibility: 'Accesibilidad y salud',
  accessibilityHint:
    'Todo lo que le ayude a participar: silla de ruedas, audición, descanso... (opcional)',
  phone: 'Teléfono móvil durante el evento',
  phoneHint:
    'Opcional. Con + y el prefijo del país, p. ej. +51 987 654 321. Solo lo ven la organización y quienes dirigen sus sesiones.',
  emergencyTitle: 'Persona a quien avisar en caso de emergencia',
  emergencyHint: 'Opcional; si indica una, dé su nombre y su teléfono.',
  emergencyName: 'Su nombre',
  emergencyPhone: 'Su teléfono',
  emergencyRelation: 'Su relación con usted (opcional)',
  consentTitle: 'Sus datos personales',
  consentText:
    'Convene guarda lo que escribe en este formulario para organizar este encuentro: su plaza, las salas, las comidas, los viajes y visados, y su seguridad. La organización de la red tiene acceso a ellos; quienes dirigen sus sesiones ven su nombre, su organización y su teléfono. Nunca se venden ni se usan con fines publicitarios. Se borran después del encuentro, según el plazo fijado por la organización, y puede consultarlos, exportarlos o borrarlos en cualquier momento en «Mis datos».',
  consentLabel: 'Acepto que mis datos personales se usen de esta manera.',
  consentVersion: (version: string) => `Versión del texto: ${version}`,
  beforeTitle: 'Qué ocurre al enviar este formulario',
  beforeConfirmed:
    'Hay una plaza libre: su inscripción queda confirmada al instante y recibirá un correo.',
  beforeApproval:
    'La organización revisa cada inscripción antes de confirmarla. Recibirá su respuesta por correo; mientras tanto su inscripción está «pendiente de aprobación».',
  beforeWaitlist:
    'Todas las plazas están ocupadas. Quedará en la lista de espera: si alguien anula, la primera persona de la lista obtiene la plaza automáticamente y recibe un correo.',
  submit: 'Enviar mi inscripción',
  submitWaitlist: 'Inscribirme en la lista de espera',
  statuses: {
    awaiting_consent: 'Esperando su respuesta',
    pending: 'Pendiente de aprobación',
    confirmed: 'Confirmada',
    waitlisted: 'En lista de espera',
    cancelled: 'Anulada',
    rejected: 'No aceptada',
  },
  nextTitle: 'Y ahora, ¿qué?',
  next: {
    awaiting_consent: 'La organización le inscribió: espera su consentimiento.',
    pending:
      'La organización revisará su inscripción. Le escribiremos en cuanto haya decidido; por ahora no tiene que hacer nada más.',
    confirmed: 'Su plaza está confirmada. Ya puede indicar su viaje y elegir sus talleres.',
    waitlisted:
      'Obtendrá una plaza automáticamente si alguien anula, por orden de la lista, y le escribiremos enseguida.',
    cancelled: 'Esta inscripción está anulada: no reserva ninguna plaza.',
    rejected:
      'La organización no ha podido aceptar esta inscripción. Contacte con ella si tiene alguna pregunta.',
  },
  position: (n: number) =>
    n === 1
      ? 'Ocupa el primer puesto de la lista de espera.'
      : `Ocupa el puesto ${num(n)}.º de la lista de espera.`,
  submitted: 'Su inscripción ha sido enviada.',
  alreadyRegistered: 'Ya está inscrito/a en este evento: esta es su inscripción.',
  myTitle: 'Mis inscripciones',
  myLead: 'Todos los encuentros en los que se ha inscrito, y en qué punto está.',
  none: 'Aún no se ha inscrito en ningún evento.',
  seeEvents: 'Ver los eventos abiertos a inscripción',
  eventPage: 'Página del evento',
  travel: 'Viaje y visado',
  agenda: 'Programa y talleres',
  details: 'Detalles y anulación',
  detailTitle: (event: string) => `Mi inscripción: ${event}`,
  yourAnswers: 'Lo que nos indicó',
  notGiven: 'Sin indicar',
  registeredOn: 'Inscripción',
  consentGiven: (date: string) => `Consentimiento dado el ${date}`,
  cancelTitle: 'Anular mi inscripción',
  cancelIntro: 'Antes de anular, lea lo que supone:',
  cancelConsequences: {
    seat: 'Su plaza pasará a la siguiente persona de la lista de espera, si la hay.',
    sessions: 'También se liberan sus plazas en los talleres y las visitas de campo.',
    back: 'Si cambia de opinión, tendrá que inscribirse de nuevo, y puede que el evento ya esté completo.',
  },
  cancelWaitlist: 'Sale de la lista de espera y pierde su puesto en ella.',
  cancelConfirm: 'Sí, anular mi inscripción',
  cancelKeep: 'No, mantener mi inscripción',
  cancelled: 'Su inscripción ha sido anulada.',
  cannotCancel: 'Esta inscripción ya no se puede anular.',
};
