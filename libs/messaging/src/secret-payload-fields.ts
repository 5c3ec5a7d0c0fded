import type { TemplateName } from './template-names.js';

/**
 * Payload fields that let whoever reads them in: single-use links that sign in, confirm
 * an address, reset a password, accept a staff invitation, or answer for a registration
 * an organiser made. They must reach the recipient's email, but nobody reading the
 * outbox afterwards (an organiser's message log, a database dump, a backup) may find
 * them: the worker erases them in the same update that marks the email sent.
 */
export const SECRET_PAYLOAD_FIELDS: Partial<Record<TemplateName, readonly string[]>> = {
  magic_link: ['link'],
  email_verification: ['link'],
  password_reset: ['link'],
  staff_invitation: ['link'],
  registration_consent_requested: ['consentToken'],
};

/** What an erased field holds afterwards: the email still renders (for a log), the link is dead. */
export const ERASED_SECRET = 'erased-after-sending';

/** The JSON merged into a sent message's payload: every secret field replaced. */
export function erasedSecrets(template: string): Record<string, string> {
  const fields = SECRET_PAYLOAD_FIELDS[template as TemplateName] ?? [];
  return Object.fromEntries(fields.map((f) => [f, ERASED_SECRET]));
}
