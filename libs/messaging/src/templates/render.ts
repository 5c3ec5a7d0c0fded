import { type RegistrationPayload, withEventNameIn } from '../payloads.js';
import type { TemplateName } from '../template-names.js';
import { emailVerificationContent, passwordResetContent } from './account.templates.js';
import { asMailLocale, type MailLocale } from './format.js';
import { type EmailContent, type RenderedEmail, renderLayout } from './layout.js';
import { announcementContent, magicLinkContent, sessionChangedContent } from './other.templates.js';
import {
  isRegistrationTemplate,
  type RegistrationTemplate,
  registrationContent,
} from './registration.templates.js';
import { consentRequestedContent } from './consent.templates.js';
import {
  signupCancelledContent,
  signupConfirmedContent,
  signupPromotedContent,
} from './signup.templates.js';
import { staffInvitationContent } from './staff.templates.js';
import { visaLetterIssuedContent } from './visa.templates.js';

export class UnknownTemplateError extends Error {
  constructor(template: string) {
    super(`Unknown email template "${template}"`);
    this.name = 'UnknownTemplateError';
  }
}

/** Where the app is, for links to its pages (the worker's PUBLIC_URL). */
export interface RenderLinks {
  publicUrl?: string;
}

type ContentOf = (payload: never, locale: MailLocale, links: RenderLinks) => EmailContent;

/** Each template's content builder; the six registration ones share one. */
const CONTENT: Record<Exclude<TemplateName, RegistrationTemplate>, ContentOf> = {
  magic_link: magicLinkContent,
  email_verification: emailVerificationContent,
  password_reset: passwordResetContent,
  announcement: announcementContent,
  session_changed: sessionChangedContent,
  signup_promoted: signupPromotedContent,
  signup_confirmed: signupConfirmedContent,
  signup_cancelled: signupCancelledContent,
  visa_letter_issued: visaLetterIssuedContent,
  staff_invitation: staffInvitationContent,
  registration_consent_requested: consentRequestedContent,
};

/**
 * Turns an outbox row into the email, in the row's locale (English when the row
 * carries one we do not write). Pure: the same row always renders the same email.
 */
export function renderMessage(
  template: TemplateName | string,
  locale: string,
  payload: Record<string, unknown>,
  links: RenderLinks = {},
): RenderedEmail {
  const lang = asMailLocale(locale);
  // The event's name in this email's language, when the row carries its translations.
  payload = withEventNameIn(payload, lang);
  const content = isRegistrationTemplate(template)
    ? registrationContent(template, payload as unknown as RegistrationPayload, lang)
    : Object.hasOwn(CONTENT, template)
      ? CONTENT[template as keyof typeof CONTENT](payload as never, lang, links)
      : undefined;
  if (!content) throw new UnknownTemplateError(template);
  return renderLayout(content, lang);
}
