import type { RegistrationPayload } from '../payloads.js';
import { type NoticeWording, registrantNotice } from './common.js';
import type { MailLocale } from './format.js';
import type { EmailContent } from './layout.js';

export type RegistrationTemplate =
  | 'registration_pending'
  | 'registration_confirmed'
  | 'registration_waitlisted'
  | 'registration_promoted'
  | 'registration_rejected'
  | 'registration_cancelled';

const reasonLine: Record<MailLocale, (reason: string) => string> = {
  fr: (r) => `Motif indiqué par l'équipe d'organisation : ${r}`,
  en: (r) => `Reason given by the organisers: ${r}`,
  es: (r) => `Motivo indicado por la organización: ${r}`,
};

/**
 * Reasons Convene writes itself (not typed by an organiser), stored in the registration's
 * history in English. In an email they become a code, said in the reader's language, and
 * never under "reason given by the organisers"; a code the email already says goes.
 */
export const INTERNAL_REASONS = {
  seat_freed: 'A seat became free',
  registered_by_organiser: 'Registered by an organiser',
  consent_sent_again: 'Consent email sent again',
  consent_given: 'The person gave consent',
  consent_declined: 'The person declined',
} as const;
export type InternalReason = keyof typeof INTERNAL_REASONS;

const INTERNAL_WORDS: Record<MailLocale, Record<InternalReason, string | null>> = {
  fr: {
    seat_freed: null,
    registered_by_organiser: "Cette inscription a été faite pour vous par l'équipe d'organisation.",
    consent_sent_again: null,
    consent_given: 'Vous avez donné votre accord.',
    consent_declined: 'Vous avez refusé cette inscription.',
  },
  en: {
    seat_freed: null,
    registered_by_organiser: 'The organisers made this registration for you.',
    consent_sent_again: null,
    consent_given: 'You gave your consent.',
    consent_declined: 'You declined this registration.',
  },
  es: {
    seat_freed: null,
    registered_by_organiser: 'La organización hizo esta inscripción por usted.',
    consent_sent_again: null,
    consent_given: 'Usted dio su consentimiento.',
    consent_declined: 'Usted rechazó esta inscripción.',
  },
};

/** The code of a reason Convene wrote (as a code, or as the English text it once stored). */
export function internalReason(reason: string): InternalReason | undefined {
  const trimmed = reason.trim();
  const entries = Object.entries(INTERNAL_REASONS) as Array<[InternalReason, string]>;
  return entries.find(([code, text]) => code === trimmed || text === trimmed)?.[0];
}

/** The line an email shows for a reason: an organiser's words, or an internal code said. */
function reasonParagraphs(reason: string | null | undefined, locale: MailLocale): string[] {
  if (!reason?.trim()) return [];
  const code = internalReason(reason);
  if (!code) return [reasonLine[locale](reason)];
  const words = INTERNAL_WORDS[locale][code];
  return words ? [words] : [];
}

const WORDING: Record<RegistrationTemplate, Record<MailLocale, NoticeWording>> = {
  registration_pending: {
    fr: {
      subject: (e) => `Inscription reçue : ${e}`,
      body: (e) => [
        `Nous avons bien reçu votre inscription à « ${e} ».`,
        "L'équipe d'organisation doit la valider ; vous recevrez un message dès qu'elle l'aura examinée.",
      ],
    },
    en: {
      subject: (e) => `Registration received: ${e}`,
      body: (e) => [
        `We have received your registration for "${e}".`,
        'The organisers need to approve it; you will hear from us as soon as they have looked at it.',
      ],
    },
    es: {
      subject: (e) => `Inscripción recibida: ${e}`,
      body: (e) => [
        `Hemos recibido su inscripción en «${e}».`,
        'La organización debe aprobarla; recibirá un mensaje en cuanto la haya revisado.',
      ],
    },
  },
  registration_confirmed: {
    fr: {
      subject: (e) => `Inscription confirmée : ${e}`,
      body: (e) => [
        `Votre inscription à « ${e} » est confirmée. Nous avons hâte de vous accueillir.`,
      ],
    },
    en: {
      subject: (e) => `Registration confirmed: ${e}`,
      body: (e) => [`Your registration for "${e}" is confirmed. We look forward to welcoming you.`],
    },
    es: {
      subject: (e) => `Inscripción confirmada: ${e}`,
      body: (e) => [`Su inscripción en «${e}» está confirmada. Le esperamos con mucho gusto.`],
    },
  },
  registration_waitlisted: {
    fr: {
      subject: (e) => `Liste d'attente : ${e}`,
      body: (e) => [
        `« ${e} » est complet pour le moment : vous êtes sur la liste d'attente.`,
        "Si une place se libère, elle vous sera attribuée dans l'ordre d'inscription et nous vous écrirons aussitôt.",
      ],
    },
    en: {
      subject: (e) => `Waiting list: ${e}`,
      body: (e) => [
        `"${e}" is full for now: you are on the waiting list.`,
        'If a place frees up, it goes to the next person in order of registration and we will write to you straight away.',
      ],
    },
    es: {
      subject: (e) => `Lista de espera: ${e}`,
      body: (e) => [
        `«${e}» está completo por ahora: está usted en la lista de espera.`,
        'Si se libera una plaza, se asignará por orden de inscripción y le escribiremos enseguida.',
      ],
    },
  },
  registration_promoted: {
    fr: {
      subject: (e) => `Une place s'est libérée : ${e}`,
      body: (e) => [
        `Bonne nouvelle : une place s'est libérée et votre inscription à « ${e} » est maintenant confirmée.`,
      ],
    },
    en: {
      subject: (e) => `A place is yours: ${e}`,
      body: (e) => [
        `Good news: a place has freed up and your registration for "${e}" is now confirmed.`,
      ],
    },
    es: {
      subject: (e) => `Se ha liberado una plaza: ${e}`,
      body: (e) => [
        `Buenas noticias: se ha liberado una plaza y su inscripción en «${e}» ya está confirmada.`,
      ],
    },
  },
  registration_rejected: {
    fr: {
      subject: (e) => `Inscription non retenue : ${e}`,
      body: (e) => [`Nous sommes désolés : votre inscription à « ${e} » n'a pas pu être acceptée.`],
    },
    en: {
      subject: (e) => `Registration not accepted: ${e}`,
      body: (e) => [`We are sorry: your registration for "${e}" could not be accepted.`],
    },
    es: {
      subject: (e) => `Inscripción no aceptada: ${e}`,
      body: (e) => [`Lo sentimos: su inscripción en «${e}» no ha podido ser aceptada.`],
    },
  },
  registration_cancelled: {
    fr: {
      subject: (e) => `Inscription annulée : ${e}`,
      body: (e) => [`Votre inscription à « ${e} » est annulée.`],
    },
    en: {
      subject: (e) => `Registration cancelled: ${e}`,
      body: (e) => [`Your registration for "${e}" has been cancelled.`],
    },
    es: {
      subject: (e) => `Inscripción cancelada: ${e}`,
      body: (e) => [`Su inscripción en «${e}» ha sido cancelada.`],
    },
  },
};

/** The button to the registration's page: see it, and cancel it while it still holds a place. */
const ACTION: Record<'live' | 'ended', Record<MailLocale, string>> = {
  live: {
    fr: 'Voir ou annuler mon inscription',
    en: 'See or cancel my registration',
    es: 'Ver o anular mi inscripción',
  },
  ended: { fr: 'Voir mon inscription', en: 'See my registration', es: 'Ver mi inscripción' },
};

const RELEASE: Record<MailLocale, string> = {
  fr: "Si vous ne pouvez plus venir, annulez votre inscription dans Convene : votre place ira à la personne suivante sur la liste d'attente.",
  en: 'If you can no longer come, cancel your registration in Convene: your place goes to the next person on the waiting list.',
  es: 'Si ya no puede asistir, anule su inscripción en Convene: su plaza pasará a la siguiente persona de la lista de espera.',
};

const LIVE: RegistrationTemplate[] = [
  'registration_pending',
  'registration_confirmed',
  'registration_waitlisted',
  'registration_promoted',
];

export function isRegistrationTemplate(template: string): template is RegistrationTemplate {
  return template in WORDING;
}

export function registrationContent(
  template: RegistrationTemplate,
  p: RegistrationPayload,
  locale: MailLocale,
): EmailContent {
  const live = LIVE.includes(template);
  const content = registrantNotice(WORDING[template][locale], p, locale, [
    ...reasonParagraphs(p.reason, locale),
    ...(live && p.link ? [RELEASE[locale]] : []),
  ]);
  // Rows written before links existed have none: they still render, without the button.
  if (p.link) content.action = { label: ACTION[live ? 'live' : 'ended'][locale], url: p.link };
  return content;
}
