import type { CheckinMessages } from '../en/checkin.js';
import { num } from './num.js';

export const checkin: CheckinMessages = {
  badge: {
    title: 'Credenciales',
    one: (name: string) => `Credencial de ${name}`,
    professions: {
      social_worker: 'Trabajador/a social',
      head_of_service: 'Jefe/a de servicio',
      psychologist: 'Psicólogo/a',
      legal_expert: 'Jurista',
      manager: 'Dirección',
      other: 'Participante',
    },
    roles: { organiser: 'Organización', facilitator: 'Facilitación', host: 'Acogida' },
    cut: 'Recortar por las líneas de puntos',
    scan: 'Acreditación',
  },
  myBadge: 'Mi credencial (PDF)',
  title: 'Acreditación',
  doorTitle: (session: string) => `Puerta: ${session}`,
  modeLabel: '¿Para qué escanea?',
  modeDay: 'Llegada del día',
  modeDayHint: (day: string) => `Marca a las personas presentes el ${day}.`,
  modeSession: 'La puerta de una sesión',
  chooseSession: 'Sesión',
  open: 'Abrir el escáner',
  scanTitle: 'Escanear una credencial',
  cameraStart: 'Encender la cámara',
  cameraStop: 'Apagar la cámara',
  cameraUnavailable:
    'La cámara no puede leer códigos en este navegador: escriba el código impreso bajo el código QR o busque a la persona por su nombre más abajo.',
  codeLabel: 'Código impreso bajo el código QR',
  codeHint: 'O el enlace que lleva el código QR.',
  submitCode: 'Registrar la llegada',
  searchTitle: 'Buscar a una persona por su nombre',
  searchLabel: 'Nombre, organización o correo',
  searchSubmit: 'Buscar',
  noMatch: 'Ninguna persona confirmada coincide con esta búsqueda.',
  searchFirst: 'Escriba al menos dos letras de un nombre.',
  checkInPerson: (name: string) => `Registrar la llegada de ${name}`,
  checkInShort: 'Registrar',
  present: (time: string) => `Presente desde las ${time}`,
  name: 'Nombre',
  organisation: 'Organización',
  status: 'Hoy',
  action: 'Acción',
  checkedIn: (name: string, time: string) => `${name} — llegada registrada a las ${time}`,
  alreadyCheckedIn: (name: string, time: string) => `${name} — ya registrado/a a las ${time}`,
  attended: (name: string, time: string) => `${name} — en la sesión desde las ${time}`,
  alreadyAttended: (name: string, time: string) => `${name} — ya contado/a a las ${time}`,
  notValid: 'No válida',
  notValidNote: 'Esta credencial no se conoce aquí o su inscripción fue cancelada.',
  windowClosed: (from: string, to: string) =>
    `La puerta de esta sesión está abierta al escaneo de ${from} a ${to}.`,
  queued: (n: number) =>
    n === 1
      ? '1 escaneo espera la conexión: se enviará en cuanto responda el servidor.'
      : `${num(n)} escaneos esperan la conexión: se enviarán en cuanto responda el servidor.`,
  sent: 'Escaneos pendientes enviados.',
  offline: 'Sin conexión: escaneo guardado en este teléfono, se enviará automáticamente.',
  countToday: (n: number) =>
    n === 1 ? '1 persona registrada hoy.' : `${num(n)} personas registradas hoy.`,
  countSession: (n: number) =>
    n === 1 ? '1 persona contada en esta sesión.' : `${num(n)} personas contadas en esta sesión.`,
  noSessionsToday: 'Ninguna sesión para escanear.',
  yourSessions: 'Sus sesiones',
  scanAtDoor: 'Escanear credenciales en la puerta',
  backToChoice: 'Otro punto de acreditación u otra puerta',
};
