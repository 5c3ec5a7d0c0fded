/** Every email Convene sends; each has a French, English and Spanish version. */
export const TEMPLATE_NAMES = [
  'magic_link',
  'email_verification',
  'password_reset',
  'registration_pending',
  'registration_confirmed',
  'registration_waitlisted',
  'registration_promoted',
  'registration_rejected',
  'registration_cancelled',
  'registration_consent_requested',
  'announcement',
  'session_changed',
  'signup_promoted',
  'signup_confirmed',
  'signup_cancelled',
  'visa_letter_issued',
  'staff_invitation',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Emails about one person's seat in one session; each carries a calendar invite. */
export type SignupEmailTemplate = 'signup_promoted' | 'signup_confirmed' | 'signup_cancelled';
