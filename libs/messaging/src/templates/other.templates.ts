import type { AnnouncementPayload, MagicLinkPayload, SessionChangedPayload } from '../payloads.js';
import { COMMON, eventDetails } from './common.js';
import { linkExpiry, localTimeRange, type MailLocale, placeName } from './format.js';
import type { EmailContent } from './layout.js';
import type { RenderLinks } from './render.js';
import { sessionPageUrl } from '#ics';

export function magicLinkContent(p: MagicLinkPayload, locale: MailLocale): EmailContent {
  const c = COMMON[locale];
  const until = linkExpiry(p.expiresAt, p.timezone, p.zoneCity, locale);
  const words = {
    fr: {
      subject: 'Votre lien de connexion à Convene',
      body: [
        'Voici votre lien pour vous connecter à Convene.',
        `Il ne fonctionne qu'une fois et expire à ${until}.`,
      ],
      action: 'Se connecter',
      footer:
        "Vous recevez ce message parce qu'une connexion à Convene a été demandée avec cette adresse. Si ce n'était pas vous, ignorez-le : personne ne peut se connecter sans ce lien.",
    },
    en: {
      subject: 'Your Convene login link',
      body: ['Here is your link to log in to Convene.', `It works once and expires at ${until}.`],
      action: 'Log in',
      footer:
        'You are receiving this email because someone asked to log in to Convene with this address. If it was not you, ignore it: nobody can log in without this link.',
    },
    es: {
      subject: 'Su enlace para entrar en Convene',
      body: [
        'Este es su enlace para entrar en Convene.',
        `Solo funciona una vez y caduca a las ${until}.`,
      ],
      action: 'Entrar',
      footer:
        'Recibe este mensaje porque alguien pidió entrar en Convene con esta dirección. Si no fue usted, ignórelo: nadie puede entrar sin este enlace.',
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

export function announcementContent(p: AnnouncementPayload, locale: MailLocale): EmailContent {
  const c = COMMON[locale];
  const intro = {
    fr: `Un message de l'équipe d'organisation de « ${p.eventName} » :`,
    en: `A message from the organisers of "${p.eventName}":`,
    es: `Un mensaje de la organización de «${p.eventName}»:`,
  }[locale];
  const footer = {
    fr: `Vous recevez cette annonce parce que vous êtes inscrit·e à « ${p.eventName} » sur Convene.`,
    en: `You are receiving this announcement because you are registered for "${p.eventName}" on Convene.`,
    es: `Recibe este aviso porque está inscrito/a en «${p.eventName}» en Convene.`,
  }[locale];
  return {
    // What the organisers wrote first: a phone cuts the end of a subject.
    subject: `${p.subject} — ${p.eventName}`,
    greeting: c.hello(p.recipientName),
    paragraphs: [intro],
    quote: p.body,
    details: eventDetails(p, locale),
    signature: c.signature,
    footer,
  };
}

export function sessionChangedContent(
  p: SessionChangedPayload,
  locale: MailLocale,
  links: RenderLinks = {},
): EmailContent {
  const c = COMMON[locale];
  const place = placeName(p.venueCity, p.eventTimezone, locale);
  const when = localTimeRange(p.startsAt, p.endsAt, p.eventTimezone, locale, place);
  const cancelled = p.status === 'cancelled';
  const w = {
    fr: {
      subject: cancelled
        ? `Session annulée : ${p.sessionTitle}`
        : `Session modifiée : ${p.sessionTitle}`,
      lead: cancelled
        ? `La session « ${p.sessionTitle} » de « ${p.eventName} » est annulée.`
        : `La session « ${p.sessionTitle} » de « ${p.eventName} » a changé.`,
      changed: { time: 'horaire', room: 'salle', status: 'statut' },
      changedLabel: 'Ce qui change',
      when: 'Quand',
      room: 'Salle',
      footer: p.waitlisted
        ? `Vous recevez ce message parce que vous êtes sur la liste d'attente de cette session de « ${p.eventName} » sur Convene.`
        : `Vous recevez ce message parce que vous participez à cette session de « ${p.eventName} » sur Convene.`,
      waitlisted:
        "Vous êtes toujours sur la liste d'attente de cette session : votre place n'est pas confirmée.",
      action: 'Voir la session',
    },
    en: {
      subject: cancelled
        ? `Session cancelled: ${p.sessionTitle}`
        : `Session changed: ${p.sessionTitle}`,
      lead: cancelled
        ? `The session "${p.sessionTitle}" of "${p.eventName}" is cancelled.`
        : `The session "${p.sessionTitle}" of "${p.eventName}" has changed.`,
      changed: { time: 'time', room: 'room', status: 'status' },
      changedLabel: 'What changed',
      when: 'When',
      room: 'Room',
      footer: p.waitlisted
        ? `You are receiving this email because you are on the waiting list for this session of "${p.eventName}" on Convene.`
        : `You are receiving this email because you take part in this session of "${p.eventName}" on Convene.`,
      waitlisted:
        'You are still on the waiting list for this session: your place is not confirmed.',
      action: 'See the session',
    },
    es: {
      subject: cancelled
        ? `Sesión cancelada: ${p.sessionTitle}`
        : `Sesión modificada: ${p.sessionTitle}`,
      lead: cancelled
        ? `La sesión «${p.sessionTitle}» de «${p.eventName}» ha sido cancelada.`
        : `La sesión «${p.sessionTitle}» de «${p.eventName}» ha cambiado.`,
      changed: { time: 'horario', room: 'sala', status: 'estado' },
      changedLabel: 'Qué cambia',
      when: 'Cuándo',
      room: 'Sala',
      footer: p.waitlisted
        ? `Recibe este mensaje porque está en la lista de espera de esta sesión de «${p.eventName}» en Convene.`
        : `Recibe este mensaje porque participa en esta sesión de «${p.eventName}» en Convene.`,
      waitlisted: 'Sigue en la lista de espera de esta sesión: su plaza no está confirmada.',
      action: 'Ver la sesión',
    },
  }[locale];
  const details: Array<[string, string]> = [[w.when, when]];
  if (p.roomName) details.push([w.room, p.roomName]);
  if (p.changes?.length)
    details.push([w.changedLabel, p.changes.map((k) => w.changed[k]).join(', ')]);
  return {
    subject: w.subject,
    greeting: c.hello(p.recipientName),
    paragraphs: p.waitlisted && !cancelled ? [w.lead, w.waitlisted] : [w.lead],
    details: [...details, ...eventDetails(p, locale)],
    signature: c.signature,
    footer: w.footer,
    // A session taken off the agenda has no page to see any more.
    ...(links.publicUrl && p.eventSlug && p.status === 'published'
      ? {
          action: {
            label: w.action,
            url: sessionPageUrl(links.publicUrl, p.eventSlug, p.sessionId),
          },
        }
      : {}),
  };
}
