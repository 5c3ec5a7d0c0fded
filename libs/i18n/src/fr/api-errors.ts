import type { ApiErrorMessages } from '../en/api-errors.js';

export const apiErrors: ApiErrorMessages = {
  bad_request: 'La requête n’est pas valide.',
  unauthenticated:
    'Connectez-vous d’abord : le jeton ou les identifiants manquent, sont erronés ou ont expiré.',
  forbidden: 'Vous n’avez pas le droit de faire cela.',
  not_found: 'Cet élément n’existe pas, ou vous n’avez pas le droit de le voir.',
  conflict: 'Ce n’est pas possible dans l’état actuel des choses (voir details).',
  payload_too_large: 'La requête est trop volumineuse.',
  too_many_requests: 'Trop de tentatives : patientez un peu et réessayez.',
  service_unavailable: 'Convene est momentanément indisponible : réessayez dans une minute.',
  internal_error: 'Une erreur s’est produite de notre côté ; elle a été enregistrée.',
};
