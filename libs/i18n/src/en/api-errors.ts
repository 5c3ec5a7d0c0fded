/**
 * What an API error says, by its stable code, when the caller reads French or Spanish
 * (Accept-Language). English callers get the service's own, more specific sentence; a
 * field at fault is said through the validation area and common.fieldProblem.
 */
export const apiErrors = {
  bad_request: 'The request is not valid.',
  unauthenticated: 'Sign in first: the token or the credentials are missing, wrong or expired.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'This does not exist, or you are not allowed to see it.',
  conflict: 'This cannot be done in the current state of things (see details).',
  payload_too_large: 'The request is too large.',
  too_many_requests: 'Too many attempts: wait a little and try again.',
  service_unavailable: 'Convene is briefly unavailable: try again in a minute.',
  internal_error: 'Something went wrong on our side; it has been logged.',
};

export type ApiErrorMessages = typeof apiErrors;
