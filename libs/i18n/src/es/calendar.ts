import type { CalendarMessages } from '../en/calendar.js';

export const calendar: CalendarMessages = {
  title: 'Suscribirme a mi agenda',
  lead: 'Añada su agenda al calendario de su teléfono o de su ordenador. Se actualiza sola cuando cambia una sesión.',
  noLink: 'Todavía no tiene un enlace de suscripción.',
  create: 'Crear mi enlace de suscripción',
  linkSince: (date) => `Tiene un enlace de suscripción, creado el ${date}.`,
  lastUsed: (date) => `Una aplicación de calendario lo consultó por última vez el ${date}.`,
  neverUsed: 'Ninguna aplicación de calendario lo ha usado todavía.',
  shownOnce:
    'Por su seguridad, Convene solo guarda una huella del enlace y no puede mostrárselo de nuevo. Para añadir su agenda en otro dispositivo, cree un enlace nuevo.',
  newLinkTitle: 'Su enlace de suscripción',
  secret:
    'No comparta este enlace: cualquier persona que lo tenga puede ver su agenda. Solo se muestra ahora; cópielo o añádalo enseguida a su calendario.',
  phone: 'En este dispositivo (teléfono, tableta u ordenador)',
  addToPhone: 'Añadir a mi calendario (webcal)',
  copyTitle: 'En una aplicación de calendario en el ordenador',
  copyLabel: 'Dirección de suscripción (https)',
  copyHint:
    'Cópiela en su aplicación de calendario, en «Añadir calendario desde URL» o «Suscribirse».',
  copy: 'Copiar',
  copied: 'Copiado',
  scanTitle: 'Del ordenador a su teléfono',
  scanHint: 'Escanee este código con la cámara de su teléfono para suscribirse en el teléfono.',
  qrLabel: 'Código QR de su dirección de suscripción',
  fileTitle: 'Un archivo puntual',
  fileHint:
    'Descargue su agenda tal como está ahora (archivo .ics). No se actualiza: es mejor la suscripción.',
  download: 'Descargar mi agenda (.ics)',
  manageTitle: 'Gestionar el enlace',
  rotate: 'Crear un enlace nuevo',
  rotateHint:
    'El enlace actual deja de funcionar enseguida: los calendarios suscritos con él ya no se actualizarán.',
  rotateConfirm: 'El enlace actual dejará de funcionar enseguida. ¿Crear uno nuevo?',
  revoke: 'Revocar el enlace',
  revokeHint: 'El enlace deja de funcionar enseguida y no se crea ninguno nuevo.',
  revokeConfirm: '¿Revocar su enlace de suscripción?',
  revoked: 'Su enlace de suscripción ha sido revocado: ya no funciona.',
  rotated: 'Este es su enlace nuevo. El anterior ya no funciona.',
};
