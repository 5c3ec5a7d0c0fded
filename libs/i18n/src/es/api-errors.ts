import type { ApiErrorMessages } from '../en/api-errors.js';

export const apiErrors: ApiErrorMessages = {
  bad_request: 'La solicitud no es válida.',
  unauthenticated:
    'Inicie sesión primero: el token o las credenciales faltan, son incorrectos o han caducado.',
  forbidden: 'No tiene permiso para hacer esto.',
  not_found: 'Esto no existe, o no tiene permiso para verlo.',
  conflict: 'No es posible en la situación actual (vea details).',
  payload_too_large: 'La solicitud es demasiado grande.',
  too_many_requests: 'Demasiados intentos: espere un poco y vuelva a intentarlo.',
  service_unavailable:
    'Convene no está disponible por un momento: inténtelo de nuevo en un minuto.',
  internal_error: 'Algo ha fallado de nuestro lado; ha quedado registrado.',
};
