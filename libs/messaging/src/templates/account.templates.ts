import type { AccountLinkPayload } from '../payloads.js';
import { COMMON } from './common.js';
import { linkExpiry, type MailLocale } from './format.js';
import type { EmailContent } from './layout.js';

/** When the link expires, in the recipient's zone (see linkExpiry). */
function until(p: AccountLinkPayload, locale: MailLocale): string {
  return linkExpiry(p.expiresAt, p.timezone, p.zoneCity, locale);
}

/** The link that confirms a new account's address (and signs the person in). */
export function emailVerificationContent(p: AccountLinkPayload, locale: MailLocale): EmailContent {
  const c = COMMON[locale];
  const words = {
    fr: {
      subject: 'Confirmez votre adresse e-mail pour Convene',
      body: [
        'Merci de vous être inscrit·e sur Convene. Pour confirmer que cette adresse est bien la vôtre, ouvrez le lien ci-dessous.',
        "Tant qu'elle n'est pas confirmée, vous ne pouvez pas vous inscrire à un événement. Le lien fonctionne une fois, pendant 48 heures.",
      ],
      action: 'Confirmer mon adresse',
      footer:
        "Vous recevez ce message parce qu'un compte Convene a été créé avec cette adresse. Si ce n'était pas vous, ignorez-le : le compte restera inutilisable.",
    },
    en: {
      subject: 'Confirm your email address for Convene',
      body: [
        'Thank you for signing up to Convene. To confirm this address is yours, open the link below.',
        'Until it is confirmed you cannot register for an event. The link works once, for 48 hours.',
      ],
      action: 'Confirm my address',
      footer:
        'You are receiving this email because a Convene account was created with this address. If it was not you, ignore it: the account stays unusable.',
    },
    es: {
      subject: 'Confirme su dirección de correo para Convene',
      body: [
        'Gracias por registrarse en Convene. Para confirmar que esta dirección es suya, abra el enlace de abajo.',
        'Mientras no esté confirmada, no podrá inscribirse en ningún evento. El enlace funciona una sola vez, durante 48 horas.',
      ],
      action: 'Confirmar mi dirección',
      footer:
        'Recibe este mensaje porque se creó una cuenta de Convene con esta dirección. Si no fue usted, ignórelo: la cuenta no podrá usarse.',
    },
  }[locale];
  return {
    subject: words.subject,
    greeting: c.hello(p.recipientName),
    paragraphs: words.body,
    action: { label: words.action, url: p.link },
    signature: c.signature,
    footer: words.footer,
  };
}

/** The link to choose a new password: short-lived, single use. */
export function passwordResetContent(p: AccountLinkPayload, locale: MailLocale): EmailContent {
  const c = COMMON[locale];
  const at = until(p, locale);
  const words = {
    fr: {
      subject: 'Choisir un nouveau mot de passe Convene',
      body: [
        'Vous avez demandé à changer votre mot de passe Convene. Ouvrez le lien ci-dessous pour en choisir un nouveau.',
        `Il ne fonctionne qu'une fois et expire à ${at}. Une fois le mot de passe changé, vous serez déconnecté·e de tous vos autres appareils.`,
      ],
      action: 'Choisir un nouveau mot de passe',
      footer:
        "Vous recevez ce message parce qu'un nouveau mot de passe a été demandé pour cette adresse. Si ce n'était pas vous, ignorez-le : votre mot de passe ne change pas.",
    },
    en: {
      subject: 'Choose a new Convene password',
      body: [
        'You asked to change your Convene password. Open the link below to choose a new one.',
        `It works once and expires at ${at}. Once the password is changed, your other devices are signed out.`,
      ],
      action: 'Choose a new password',
      footer:
        'You are receiving this email because a new password was requested for this address. If it was not you, ignore it: your password does not change.',
    },
    es: {
      subject: 'Elija una nueva contraseña de Convene',
      body: [
        'Ha pedido cambiar su contraseña de Convene. Abra el enlace de abajo para elegir una nueva.',
        `Solo funciona una vez y caduca a las ${at}. Cuando cambie la contraseña, se cerrará la sesión en sus demás dispositivos.`,
      ],
      action: 'Elegir una nueva contraseña',
      footer:
        'Recibe este mensaje porque se pidió una nueva contraseña para esta dirección. Si no fue usted, ignórelo: su contraseña no cambia.',
    },
  }[locale];
  return {
    subject: words.subject,
    greeting: c.hello(p.recipientName),
    paragraphs: words.body,
    action: { label: words.action, url: p.link },
    signature: c.signature,
    footer: words.footer,
  };
}
