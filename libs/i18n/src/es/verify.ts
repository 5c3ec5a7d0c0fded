import type { VerifyMessages } from '../en/verify.js';

export const verify: VerifyMessages = {
  title: 'Verificación de documentos',
  lead: 'Esta página confirma si un documento emitido a través de Convene es auténtico y sigue siendo válido.',
  valid: 'Carta de invitación válida',
  validNote: 'Esta carta de invitación fue emitida por la organización y es válida.',
  revoked: 'Carta de invitación revocada',
  revokedNote:
    'Esta carta de invitación ya no es válida: la inscripción fue cancelada o rechazada.',
  reference: 'Referencia',
  holder: 'Emitida a nombre de',
  passport: 'Número de pasaporte terminado en',
  event: 'Evento',
  dates: 'Fechas',
  place: 'Lugar',
  privacy:
    'Aquí solo se muestran el nombre y los cuatro últimos caracteres del número de pasaporte.',
};
