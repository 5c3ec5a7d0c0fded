import type { EventSummary } from '../payloads.js';
import { COMMON, eventDetails } from './common.js';
import { type MailLocale } from './format.js';
import type { EmailContent } from './layout.js';

/** An organiser added someone without an account to an event's staff. */
export interface StaffInvitationPayload extends EventSummary {
  recipientName: string;
  inviterName: string;
  /** organiser, facilitator or host. */
  role: string;
  /** A single-use sign-in link. */
  link: string;
  /** ISO instant. */
  expiresAt: string;
}

const WORDING: Record<
  MailLocale,
  {
    subject: (event: string) => string;
    lead: (inviter: string, role: string, event: string) => string;
    roles: Record<string, string>;
    what: Record<string, string>;
    link: string;
    action: string;
    footer: (event: string) => string;
  }
> = {
  fr: {
    subject: (e) => `Invitation à rejoindre l'équipe de « ${e} »`,
    lead: (who, role, e) =>
      `${who || "L'équipe d'organisation"} vous invite à rejoindre « ${e} » sur Convene en tant que ${role}.`,
    roles: { organiser: 'organisateur·rice', facilitator: 'animateur·rice', host: 'hôte' },
    what: {
      organiser:
        "Vous pourrez gérer l'événement : inscriptions, programme, visas, annonces et équipe.",
      facilitator: 'Vous pourrez voir le programme et les listes des sessions que vous animez.',
      host: 'Vous pourrez voir les visites et immersions que vous accueillez, et qui vient.',
    },
    link: "Ce lien vous connecte directement, sans mot de passe. Il ne fonctionne qu'une fois et reste valable sept jours ; ensuite, demandez un lien de connexion avec cette adresse.",
    action: 'Accepter et me connecter',
    footer: (e) =>
      `Vous recevez ce message parce qu'un·e organisateur·rice de « ${e} » a saisi cette adresse. Si vous ne connaissez pas cet événement, ignorez-le.`,
  },
  en: {
    subject: (e) => `You are invited to join the team of "${e}"`,
    lead: (who, role, e) =>
      `${who || 'The organisers'} invited you to join "${e}" on Convene as ${role}.`,
    roles: { organiser: 'an organiser', facilitator: 'a facilitator', host: 'a host' },
    what: {
      organiser:
        'You will be able to run the event: registrations, agenda, visas, announcements and staff.',
      facilitator: 'You will be able to see the agenda and the lists of the sessions you lead.',
      host: 'You will be able to see the visits and immersions you host, and who is coming.',
    },
    link: 'This link signs you in directly, with no password. It works once and stays valid for seven days; after that, ask for a sign-in link with this address.',
    action: 'Accept and sign in',
    footer: (e) =>
      `You are receiving this email because an organiser of "${e}" entered this address. If you do not know this event, ignore it.`,
  },
  es: {
    subject: (e) => `Invitación a unirse al equipo de «${e}»`,
    lead: (who, role, e) =>
      `${who || 'La organización'} le invita a unirse a «${e}» en Convene como ${role}.`,
    roles: { organiser: 'organizador/a', facilitator: 'facilitador/a', host: 'anfitrión/a' },
    what: {
      organiser: 'Podrá gestionar el evento: inscripciones, programa, visados, avisos y equipo.',
      facilitator: 'Podrá ver el programa y las listas de las sesiones que facilita.',
      host: 'Podrá ver las visitas e inmersiones que acoge, y quién asiste.',
    },
    link: 'Este enlace le permite entrar directamente, sin contraseña. Solo funciona una vez y es válido durante siete días; después, pida un enlace de acceso con esta dirección.',
    action: 'Aceptar y entrar',
    footer: (e) =>
      `Recibe este mensaje porque un/a organizador/a de «${e}» introdujo esta dirección. Si no conoce este evento, ignórelo.`,
  },
};

export function staffInvitationContent(
  p: StaffInvitationPayload,
  locale: MailLocale,
): EmailContent {
  const c = COMMON[locale];
  const w = WORDING[locale];
  const role = w.roles[p.role] ?? p.role ?? '';
  return {
    subject: w.subject(p.eventName),
    greeting: c.hello(p.recipientName),
    paragraphs: [w.lead(p.inviterName, role, p.eventName), w.what[p.role] ?? '', w.link].filter(
      Boolean,
    ),
    action: p.link ? { label: w.action, url: p.link } : undefined,
    details: eventDetails(p, locale),
    signature: c.signature,
    footer: w.footer(p.eventName),
  };
}
