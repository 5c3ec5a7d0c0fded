import type {
  AnnouncementPayload,
  MagicLinkPayload,
  RegistrationPayload,
  SessionChangedPayload,
  SignupPromotedPayload,
  VisaLetterIssuedPayload,
} from '../payloads.js';
import type { TemplateName } from '../template-names.js';
import { asMailLocale } from './format.js';
import { type RenderedEmail, renderLayout } from './layout.js';
import { announcementContent, magicLinkContent, sessionChangedContent } from './other.templates.js';
import { isRegistrationTemplate, registrationContent } from './registration.templates.js';
import { signupPromotedContent } from './signup.templates.js';
import { visaLetterIssuedContent } from './visa.templates.js';

export class UnknownTemplateError extends Error {
  constructor(template: string) {
    super(`Unknown email template "${template}"`);
    this.name = 'UnknownTemplateError';
  }
}

/**
 * Turns an outbox row into the email, in the row's locale (English when the row
 * carries one we do not write). Pure: the same row always renders the same email.
 */
export function renderMessage(
  template: TemplateName | string,
  locale: string,
  payload: Record<string, unknown>,
): RenderedEmail {
  const lang = asMailLocale(locale);
  if (template === 'magic_link') {
    return renderLayout(magicLinkContent(payload as unknown as MagicLinkPayload, lang), lang);
  }
  if (template === 'announcement') {
    return renderLayout(announcementContent(payload as unknown as AnnouncementPayload, lang), lang);
  }
  if (template === 'session_changed') {
    return renderLayout(
      sessionChangedContent(payload as unknown as SessionChangedPayload, lang),
      lang,
    );
  }
  if (template === 'signup_promoted') {
    return renderLayout(
      signupPromotedContent(payload as unknown as SignupPromotedPayload, lang),
      lang,
    );
  }
  if (template === 'visa_letter_issued') {
    return renderLayout(
      visaLetterIssuedContent(payload as unknown as VisaLetterIssuedPayload, lang),
      lang,
    );
  }
  if (isRegistrationTemplate(template)) {
    return renderLayout(
      registrationContent(template, payload as unknown as RegistrationPayload, lang),
      lang,
    );
  }
  throw new UnknownTemplateError(template);
}
