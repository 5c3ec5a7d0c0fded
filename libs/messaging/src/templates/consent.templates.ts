import type { RegistrationPayload } from '../payloads.js';
import { type NoticeWording, registrantNotice } from './common.js';
import type { MailLocale } from './format.js';
import type { EmailContent } from './layout.js';
import type { RenderLinks } from './render.js';

/**
 * An organiser registered this person: nothing counts until they agree to the
 * processing of their data themselves, from the link (or from their registrations).
 */
const WORDING: Record<MailLocale, NoticeWording> = {
  fr: {
    subject: (e) => `Merci de confirmer votre inscription : ${e}`,
    body: (e) => [
      `L'équipe d'organisation de « ${e} » vous a inscrit·e à cet événement.`,
      "Votre inscription ne sera prise en compte qu'après votre accord : vérifiez les informations et acceptez que vos données personnelles soient traitées pour l'organisation de l'événement. Si vous ne souhaitez pas participer, vous pouvez aussi refuser.",
    ],
  },
  en: {
    subject: (e) => `Please confirm your registration: ${e}`,
    body: (e) => [
      `The organisers of "${e}" have registered you for this event.`,
      'Your registration only counts once you agree: check the details and accept that your personal data is processed to organise the event. If you do not wish to take part, you can decline instead.',
    ],
  },
  es: {
    subject: (e) => `Le rogamos que confirme su inscripción: ${e}`,
    body: (e) => [
      `La organización de «${e}» le ha inscrito en este evento.`,
      'Su inscripción solo será válida cuando usted dé su consentimiento: revise los datos y acepte que sus datos personales se traten para organizar el evento. Si no desea participar, también puede rechazarla.',
    ],
  },
};

const FOOTER: Record<MailLocale, (event: string) => string> = {
  fr: (e) =>
    `Vous recevez ce message parce que l'équipe d'organisation de « ${e} » vous a inscrit·e sur Convene avec cette adresse.`,
  en: (e) =>
    `You are receiving this email because the organisers of "${e}" registered you on Convene with this address.`,
  es: (e) =>
    `Recibe este mensaje porque la organización de «${e}» le inscribió en Convene con esta dirección.`,
};

const ACTION: Record<MailLocale, string> = {
  fr: 'Confirmer mon inscription',
  en: 'Confirm my registration',
  es: 'Confirmar mi inscripción',
};

const WITHOUT_LINK: Record<MailLocale, string> = {
  fr: 'Connectez-vous à Convene et ouvrez « Mes inscriptions » pour répondre.',
  en: 'Sign in to Convene and open "My registrations" to answer.',
  es: 'Entre en Convene y abra «Mis inscripciones» para responder.',
};

/** The consent page of a registration, with its token (when the app's URL is known). */
export function consentPageUrl(
  publicUrl: string | undefined,
  registrationId: string,
  token: string | undefined,
) {
  if (!publicUrl) return undefined;
  const base = `${publicUrl.replace(/\/+$/, '')}/my/registrations/${encodeURIComponent(registrationId)}/consent`;
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}

export function consentRequestedContent(
  p: RegistrationPayload,
  locale: MailLocale,
  links: RenderLinks = {},
): EmailContent {
  const url = consentPageUrl(links.publicUrl, p.registrationId, p.consentToken);
  const content = registrantNotice(WORDING[locale], p, locale, url ? [] : [WITHOUT_LINK[locale]]);
  const footer = FOOTER[locale](p.eventName);
  return url
    ? { ...content, footer, action: { label: ACTION[locale], url } }
    : { ...content, footer };
}
