import type { VerifyMessages } from '../en/verify.js';

export const verify: VerifyMessages = {
  title: 'Verificación de documentos',
  lead: 'Esta página confirma si un documento emitido a través de Convene es auténtico y sigue siendo válido.',
  kinds: {
    invitation_letter: {
      valid: 'Carta de invitación válida',
      validNote: 'Esta carta de invitación fue emitida por la organización y es válida.',
      revoked: 'Carta de invitación revocada',
      revokedNote:
        'Esta carta de invitación ya no es válida: la inscripción fue cancelada o rechazada.',
    },
    certificate: {
      valid: 'Certificado de asistencia válido',
      validNote:
        'Este certificado de asistencia fue emitido por la organización y es válido. Las horas indicadas abajo son las que certifica.',
      revoked: 'Certificado de asistencia revocado',
      revokedNote:
        'Este certificado de asistencia ya no es válido: la inscripción fue cancelada o rechazada.',
    },
    badge: {
      valid: 'Credencial válida',
      validNote:
        'Esta credencial fue emitida por la organización a una persona inscrita y confirmada.',
      revoked: 'Credencial revocada',
      revokedNote: 'Esta credencial ya no es válida: la inscripción fue cancelada o rechazada.',
    },
    exchange_report: {
      valid: 'Informe de intercambio auténtico',
      validNote:
        'Este informe de intercambio fue emitido por Convene para la inmersión indicada, para las dos organizaciones socias.',
      revoked: 'Informe de intercambio retirado',
      revokedNote: 'Este informe de intercambio ya no es válido.',
    },
  },
  reference: 'Referencia',
  holder: 'Emitido a nombre de',
  passport: 'Número de pasaporte terminado en',
  event: 'Evento',
  dates: 'Fechas',
  place: 'Lugar',
  attended: 'Sesiones asistidas',
  hours: 'Total de horas',
  privacy:
    'Aquí solo se muestran el nombre y los cuatro últimos caracteres del número de pasaporte.',
  privacyNoPassport: 'Aquí solo se muestra el nombre de la persona titular.',
};
