import type { MydataMessages } from '../en/mydata.js';
import { formatCount } from '../count-format.js';

/** A count with Spanish digit grouping: 1008, but 10.000. */
const num = (n: number) => formatCount('es', n);

export const mydata: MydataMessages = {
  title: 'Mis datos',
  lead: 'Todo lo que Convene guarda sobre usted, para qué sirve, y cómo llevárselo o eliminarlo.',
  download: 'Descargar mis datos (JSON)',
  downloadHint:
    'Un solo archivo legible por máquina con todo lo que sigue, incluido su número de pasaporte completo (es suyo).',
  accountTitle: 'Mi cuenta',
  name: 'Nombre',
  email: 'Correo electrónico',
  language: 'Idioma de los correos y las páginas',
  organisation: 'Organización',
  createdAt: 'Cuenta creada el',
  password: 'Contraseña',
  passwordSet: 'Definida',
  passwordNone: 'Ninguna: entra con enlaces enviados por correo',
  profileTitle: 'Cambiar mi nombre o mi idioma',
  saveProfile: 'Guardar',
  profileSaved: 'Sus datos se han guardado.',
  nameError: 'Escriba su nombre: de 1 a 200 caracteres.',
  languageError: 'Elija uno de los idiomas.',
  registrationsTitle: 'Mis inscripciones',
  noRegistrations: 'No se ha inscrito en ningún encuentro.',
  status: 'Estado',
  statuses: {
    awaiting_consent: 'Pendiente de su consentimiento',
    pending: 'Pendiente de aprobación por la organización',
    confirmed: 'Confirmada',
    waitlisted: 'En lista de espera',
    rejected: 'No aceptada',
    cancelled: 'Cancelada',
  },
  profession: 'Profesión',
  professions: {
    social_worker: 'Trabajador/a social',
    head_of_service: 'Jefe/a de servicio',
    psychologist: 'Psicólogo/a',
    legal_expert: 'Jurista',
    manager: 'Dirección',
    other: 'Otra',
  },
  languagesSpoken: 'Idiomas',
  dietary: 'Necesidades alimentarias',
  accessibility: 'Necesidades de accesibilidad',
  phone: 'Teléfono móvil',
  emergencyContact: 'Contacto de emergencia',
  nothing: 'No indicado',
  consentGiven: (date) => `Consentimiento al tratamiento de sus datos dado el ${date}.`,
  travelTitle: 'Viaje',
  passport: 'Pasaporte',
  passportLine: (country, number, expires) => `${country}, número ${number}, caduca el ${expires}`,
  passportMaskedNote:
    'El número se oculta aquí por si alguien mira su pantalla: se muestra completo en la página Viaje y en la descarga.',
  arrival: 'Vuelo de ida',
  departure: 'Vuelo de vuelta',
  visa: 'Visado',
  travelPage: 'Viaje y visado',
  consentsTitle: 'Mis consentimientos',
  consentLine: (event, date) => `Tratamiento de mis datos para «${event}»: dado el ${date}`,
  noConsents: 'Ningún consentimiento registrado.',
  signupsTitle: 'Mis sesiones',
  noSignups: 'No está inscrito/a en ninguna sesión.',
  signupStatuses: {
    confirmed: 'Inscrito/a',
    waitlisted: 'En lista de espera',
    cancelled: 'Cancelada',
  },
  rolesTitle: 'Mis funciones en los encuentros',
  roles: {
    organiser: 'Organización',
    facilitator: 'Facilitación',
    host: 'Acogida de visitas',
  },
  roleLine: (event, role) => `${event}: ${role}`,
  signupLine: (session, event, status) => `${session} (${event}): ${status}`,
  calendarTitle: 'Suscripción al calendario',
  calendarYes: (date) => `Existe un enlace de suscripción, creado el ${date}.`,
  calendarNo: 'Ningún enlace de suscripción.',
  calendarManage: 'Gestionar mi enlace de calendario',
  messagesTitle: 'Correos que me han enviado',
  noMessages: 'Todavía no se le ha enviado ningún correo.',
  messagesMore: (n) => `y ${num(n)} más en la descarga.`,
  messageStatuses: {
    queued: 'Pendiente de envío',
    sending: 'Enviándose',
    sent: 'Enviado',
    failed: 'No se pudo entregar',
  },
  subject: 'Asunto',
  date: 'Fecha',
  deleteTitle: 'Eliminar mi cuenta',
  deleteLead: 'Puede eliminar su cuenta en cualquier momento.',
  deleteStart: 'Eliminar mi cuenta…',
  confirmTitle: '¿Eliminar mi cuenta definitivamente?',
  consequences: 'Lo que va a pasar:',
  consequenceRegistrations: (n) =>
    n === 0
      ? 'No tiene ninguna inscripción activa.'
      : n === 1
        ? 'Su inscripción activa se cancelará.'
        : `Sus ${num(n)} inscripciones activas se cancelarán.`,
  consequenceSeats:
    'Sus plazas pasan a las siguientes personas de las listas de espera, que recibirán un aviso por correo.',
  consequenceErased:
    'Se borran su nombre, su correo, su pasaporte, sus vuelos, su teléfono, sus necesidades y su contacto de emergencia, así como los correos pendientes de envío y su enlace de calendario.',
  consequenceCounts:
    'Los encuentros pasados solo conservan un recuento anónimo de participantes: nadie sabrá que era usted.',
  consequenceFinal: 'No se puede deshacer. Se cerrará su sesión.',
  consequenceExport: 'Si desea una copia de sus datos, descárguela antes.',
  confirmDelete: 'Sí, eliminar mi cuenta',
  keep: 'No, conservar mi cuenta',
  soleOrganiser: (events) =>
    `Usted es la única persona que organiza: ${events}. Pida primero a otra persona que se haga organizadora de estos encuentros; después podrá eliminar su cuenta.`,
  deletedTitle: 'Su cuenta ha sido eliminada',
  deletedBody:
    'Sus inscripciones están canceladas y sus datos personales borrados. Se ha cerrado su sesión. Gracias por su participación.',
};
