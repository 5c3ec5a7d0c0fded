import type { VisaLetterIssuedPayload } from '../payloads.js';
import { type NoticeWording, registrantNotice } from './common.js';
import type { MailLocale } from './format.js';
import type { EmailContent } from './layout.js';
import type { RenderLinks } from './render.js';

/** The letter itself stays in Convene: an email never carries a passport number. */
const WORDING: Record<MailLocale, NoticeWording> = {
  fr: {
    subject: (e) => `Votre lettre d'invitation est prête : ${e}`,
    body: (e) => [
      `L'équipe d'organisation de « ${e} » a établi votre lettre d'invitation pour votre demande de visa.`,
      "Téléchargez-la dans Convene (votre inscription, rubrique Voyage) et joignez-la à votre dossier. Vérifiez votre nom et votre numéro de passeport : en cas d'erreur, écrivez-nous avant de déposer votre demande.",
      "Merci de nous tenir informés de l'avancement de votre visa.",
    ],
  },
  en: {
    subject: (e) => `Your invitation letter is ready: ${e}`,
    body: (e) => [
      `The organisers of "${e}" have issued your invitation letter for your visa application.`,
      'Download it from Convene (your registration, Travel) and add it to your application. Check your name and passport number: if anything is wrong, tell us before you apply.',
      'Please keep us posted on how your visa application goes.',
    ],
  },
  es: {
    subject: (e) => `Su carta de invitación está lista: ${e}`,
    body: (e) => [
      `La organización de «${e}» ha emitido su carta de invitación para su solicitud de visado.`,
      'Descárguela en Convene (su inscripción, apartado Viaje) y adjúntela a su solicitud. Compruebe su nombre y su número de pasaporte: si hay algún error, escríbanos antes de presentar la solicitud.',
      'Le rogamos que nos informe de cómo avanza su visado.',
    ],
  },
};

const ACTION: Record<MailLocale, string> = {
  fr: 'Télécharger ma lettre (page Voyage)',
  en: 'Download my letter (Travel page)',
  es: 'Descargar mi carta (página Viaje)',
};

/** The registration's travel page, where the letter is downloaded (when the app's URL is known). */
export function travelPageUrl(publicUrl: string | undefined, registrationId: string) {
  return publicUrl
    ? `${publicUrl.replace(/\/+$/, '')}/my/registrations/${encodeURIComponent(registrationId)}/travel`
    : undefined;
}

export function visaLetterIssuedContent(
  p: VisaLetterIssuedPayload,
  locale: MailLocale,
  links: RenderLinks = {},
): EmailContent {
  const content = registrantNotice(WORDING[locale], p, locale);
  const url = travelPageUrl(links.publicUrl, p.registrationId);
  return url ? { ...content, action: { label: ACTION[locale], url } } : content;
}
