import type { SignupPromotedPayload } from '../payloads.js';
import { COMMON, eventDetails } from './common.js';
import { localDateTime, localTime, localTimeRange, type MailLocale, placeName } from './format.js';
import type { EmailContent } from './layout.js';
import type { RenderLinks } from './render.js';
import { sessionPageUrl } from '#ics';

interface Wording {
  subject: (session: string) => string;
  lead: (session: string, event: string) => string;
  /** A site visit leaves at a set time from a set place: say so before the details. */
  visit: string;
  release: string;
  when: string;
  room: string;
  meetingPoint: string;
  departure: string;
  return: string;
  address: string;
  host: string;
  footer: (event: string) => string;
  /** The button to the session's page (to see it, or give the place back). */
  action: string;
}

const WORDING: Record<MailLocale, Wording> = {
  fr: {
    subject: (s) => `Une place s'est libérée : ${s}`,
    lead: (s, e) =>
      `Bonne nouvelle : une place s'est libérée pour « ${s} » (${e}). Vous n'êtes plus sur la liste d'attente : votre place est confirmée.`,
    visit:
      "Le groupe part à l'heure depuis le point de rendez-vous : merci d'y être quelques minutes avant le départ.",
    release:
      'Si vous ne pouvez plus venir, annulez votre inscription dans Convene : la place ira à la personne suivante sur la liste.',
    when: 'Quand',
    room: 'Salle',
    meetingPoint: 'Point de rendez-vous',
    departure: 'Départ',
    return: 'Retour',
    address: 'Adresse',
    host: 'Accueil par',
    footer: (e) =>
      `Vous recevez ce message parce que vous étiez sur la liste d'attente de cette session de « ${e} » sur Convene.`,
    action: 'Voir la session',
  },
  en: {
    subject: (s) => `A place is yours: ${s}`,
    lead: (s, e) =>
      `Good news: a place has freed up in "${s}" (${e}). You are off the waiting list and your place is confirmed.`,
    visit:
      'The group leaves on time from the meeting point: please be there a few minutes before departure.',
    release:
      'If you can no longer come, cancel your sign-up in Convene so the place goes to the next person on the list.',
    when: 'When',
    room: 'Room',
    meetingPoint: 'Meeting point',
    departure: 'Departure',
    return: 'Return',
    address: 'Address',
    host: 'Hosted by',
    footer: (e) =>
      `You are receiving this email because you were on the waiting list for this session of "${e}" on Convene.`,
    action: 'See the session',
  },
  es: {
    subject: (s) => `Se ha liberado una plaza: ${s}`,
    lead: (s, e) =>
      `Buenas noticias: se ha liberado una plaza en «${s}» (${e}). Ya no está en la lista de espera: su plaza está confirmada.`,
    visit:
      'El grupo sale puntual desde el punto de encuentro: le rogamos llegar unos minutos antes de la salida.',
    release:
      'Si ya no puede asistir, anule su inscripción en Convene para que la plaza pase a la siguiente persona de la lista.',
    when: 'Cuándo',
    room: 'Sala',
    meetingPoint: 'Punto de encuentro',
    departure: 'Salida',
    return: 'Regreso',
    address: 'Dirección',
    host: 'Acoge',
    footer: (e) =>
      `Recibe este mensaje porque estaba en la lista de espera de esta sesión de «${e}» en Convene.`,
    action: 'Ver la sesión',
  },
};

/** What differs for a seat taken at once, or given up. */
type KindWords = Pick<Wording, 'subject' | 'lead' | 'footer'>;

const KINDS: Record<'signup_confirmed' | 'signup_cancelled', Record<MailLocale, KindWords>> = {
  signup_confirmed: {
    fr: {
      subject: (s) => `Place confirmée : ${s}`,
      lead: (s, e) =>
        `Votre place pour « ${s} » (${e}) est confirmée. L'invitation jointe l'ajoute à votre agenda.`,
      footer: (e) =>
        `Vous recevez ce message parce que vous vous êtes inscrit·e à cette session de « ${e} » sur Convene.`,
    },
    en: {
      subject: (s) => `Place confirmed: ${s}`,
      lead: (s, e) =>
        `Your place in "${s}" (${e}) is confirmed. The attached invitation adds it to your calendar.`,
      footer: (e) =>
        `You are receiving this email because you signed up for this session of "${e}" on Convene.`,
    },
    es: {
      subject: (s) => `Plaza confirmada: ${s}`,
      lead: (s, e) =>
        `Su plaza en «${s}» (${e}) está confirmada. La invitación adjunta la añade a su calendario.`,
      footer: (e) => `Recibe este mensaje porque se inscribió en esta sesión de «${e}» en Convene.`,
    },
  },
  signup_cancelled: {
    fr: {
      subject: (s) => `Place libérée : ${s}`,
      lead: (s, e) =>
        `Vous n'avez plus de place pour « ${s} » (${e}). L'invitation jointe la retire de votre agenda.`,
      footer: (e) =>
        `Vous recevez ce message parce que vous aviez une place dans cette session de « ${e} » sur Convene.`,
    },
    en: {
      subject: (s) => `Place given up: ${s}`,
      lead: (s, e) =>
        `You no longer have a place in "${s}" (${e}). The attached update removes it from your calendar.`,
      footer: (e) =>
        `You are receiving this email because you had a place in this session of "${e}" on Convene.`,
    },
    es: {
      subject: (s) => `Plaza liberada: ${s}`,
      lead: (s, e) =>
        `Ya no tiene plaza en «${s}» (${e}). La actualización adjunta la quita de su calendario.`,
      footer: (e) =>
        `Recibe este mensaje porque tenía una plaza en esta sesión de «${e}» en Convene.`,
    },
  },
};

/** A seat taken at once: the promoted email's details with its own words. */
export function signupConfirmedContent(
  p: SignupPromotedPayload,
  locale: MailLocale,
  links: RenderLinks = {},
): EmailContent {
  return signupPromotedContent(p, locale, links, KINDS.signup_confirmed[locale]);
}

/** A confirmed seat given up: no "how to give it back", just what and when. */
export function signupCancelledContent(
  p: SignupPromotedPayload,
  locale: MailLocale,
  links: RenderLinks = {},
): EmailContent {
  return signupPromotedContent(p, locale, links, KINDS.signup_cancelled[locale], false);
}

export function signupPromotedContent(
  p: SignupPromotedPayload,
  locale: MailLocale,
  links: RenderLinks = {},
  kind?: KindWords,
  holding = true,
): EmailContent {
  const c = COMMON[locale];
  const w = { ...WORDING[locale], ...kind };
  const place = placeName(p.venueCity, p.eventTimezone, locale);
  const details: Array<[string, string]> = [
    [w.when, localTimeRange(p.startsAt, p.endsAt, p.eventTimezone, locale, place)],
  ];
  if (p.roomName) details.push([w.room, p.roomName]);
  const paragraphs = [w.lead(p.sessionTitle, p.eventName)];
  const visit = p.siteVisit;
  if (visit && holding) {
    const departure = localDateTime(visit.departureAt, p.eventTimezone, locale, place);
    paragraphs.push(w.visit);
    details.push([w.meetingPoint, visit.meetingPoint], [w.departure, departure]);
    const back = new Date(visit.returnAt);
    if (!Number.isNaN(back.getTime()))
      details.push([w.return, localTime(back, p.eventTimezone, locale)]);
    if (visit.address) details.push([w.address, visit.address]);
    if (visit.hostOrganisationName) details.push([w.host, visit.hostOrganisationName]);
  }
  if (holding) paragraphs.push(w.release);
  return {
    subject: w.subject(p.sessionTitle),
    greeting: c.hello(p.recipientName),
    paragraphs,
    details: [...details, ...eventDetails(p, locale)],
    signature: c.signature,
    footer: w.footer(p.eventName),
    ...(links.publicUrl && p.eventSlug
      ? {
          action: {
            label: w.action,
            url: sessionPageUrl(links.publicUrl, p.eventSlug, p.sessionId),
          },
        }
      : {}),
  };
}
