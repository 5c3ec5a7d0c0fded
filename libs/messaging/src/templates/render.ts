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

/** Where the app is, for links to its pages (the worker's PUBLIC_URL), and who signs. */
export interface RenderLinks {
  publicUrl?: string;
  /**
   * The event's organisers' contact (the email's Reply-To): an event email is signed by
   * them with it, instead of by Convene.
   */
  organisersContact?: string | null;
  /** An optional announcement's link to stop this event's announcements. */
  unsubscribeUrl?: string;
}

/** "L'équipe des organisateurs, <event> — <contact>": the signature of every event email. */
const ORGANISERS: Record<MailLocale, (event: string, contact: string | null) => string> = {
  fr: (e, c) => `L'équipe des organisateurs, ${e}${c ? ` — ${c}` : ''}`,
  en: (e, c) => `The organisers' team, ${e}${c ? ` — ${c}` : ''}`,
  es: (e, c) => `El equipo organizador, ${e}${c ? ` — ${c}` : ''}`,
};

const UNSUBSCRIBE: Record<MailLocale, (url: string) => string> = {
  fr: (u) =>
    `Ne plus recevoir les annonces facultatives de cet événement (les messages sur votre inscription continueront) : ${u}`,
  en: (u) =>
    `Stop this event's optional announcements (emails about your registration still come): ${u}`,
  es: (u) =>
    `Dejar de recibir los anuncios opcionales de este evento (los mensajes sobre su inscripción seguirán llegando): ${u}`,
};

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
  const eventName = typeof payload.eventName === 'string' ? payload.eventName : undefined;
  if (eventName && links.organisersContact !== undefined) {
    content.signature = ORGANISERS[lang](eventName, links.organisersContact);
  }
  if (links.unsubscribeUrl) {
    content.footer = `${content.footer}\n${UNSUBSCRIBE[lang](links.unsubscribeUrl)}`;
  }
  return renderLayout(content, lang);
}
