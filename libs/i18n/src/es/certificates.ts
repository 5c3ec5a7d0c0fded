import type { CertificatesMessages } from '../en/certificates.js';
import { num } from './num.js';

export const certificates: CertificatesMessages = {
  pdf: {
    title: 'Certificado de asistencia',
    placeAndDate: (place: string, date: string) => `${place}, ${date}`,
    reference: (reference: string) => `Ref.: ${reference}`,
    certify: 'La organización certifica que',
    organisation: (name: string) => `de ${name}`,
    attended: (event: string, place: string, dates: string) =>
      `participó en «${event}», en ${place}, ${dates}, y asistió a las sesiones siguientes.`,
    date: 'Fecha',
    hours: 'Horario',
    session: 'Sesión',
    duration: 'Duración',
    zoneNote: (zone: string) => `Horarios según la ${zone}.`,
    total: 'Total de horas de asistencia:',
    amount: (hours: number, minutes: number) =>
      minutes === 0 ? `${num(hours)} h` : `${num(hours)} h ${String(minutes).padStart(2, '0')} min`,
    organisers: 'La organización',
    verify: 'Para comprobar la autenticidad de este certificado, escanee el código QR o abra',
    filename: 'certificado',
  },
  participant: {
    download: 'Certificado de asistencia (PDF)',
    title: 'Certificado de asistencia',
    notEnded: 'Podrá descargar su certificado de asistencia cuando termine el evento.',
    noAttendance:
      'No hay ninguna asistencia a sesiones registrada a su nombre en este evento, por lo que no hay certificado. Si asistió, pida a la organización que corrija las asistencias.',
    notConfirmed: 'No hay certificado para una inscripción cancelada o rechazada.',
    back: 'Volver a mis inscripciones',
  },
  console: {
    nav: 'Certificados',
    title: 'Certificados de asistencia',
    lead: 'Una vez terminado el evento, cada persona que asistió al menos a una sesión (plenaria, taller o visita de campo) recibe un certificado con esas sesiones, sus horarios y el total de horas, en su idioma.',
    notEnded: (date: string) =>
      `Los certificados estarán disponibles cuando termine el evento (después del ${date}).`,
    count: (n: number) =>
      n === 0
        ? 'Nadie ha asistido todavía a una sesión.'
        : n === 1
          ? 'Una persona asistió al menos a una sesión.'
          : `${num(n)} personas asistieron al menos a una sesión.`,
    zip: 'Descargar todos los certificados (ZIP)',
    attendance:
      'La asistencia se registra a la entrada de las sesiones (credenciales) y en las listas de inscripción.',
    name: 'Nombre',
    sessions: 'Sesiones',
    total: 'Total',
    pdf: 'PDF',
  },
};
