import type { EventSummary } from '../payloads.js';
import { dateRange, type MailLocale, placeName } from './format.js';
import type { EmailContent } from './layout.js';

/** Words every email shares, per language. */
export const COMMON: Record<
  MailLocale,
  {
    hello: (name: string) => string;
    signature: string;
    event: string;
    dates: string;
    venue: string;
    registeredFooter: (event: string) => string;
  }
> = {
  fr: {
    hello: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    signature: "L'équipe Convene",
    event: 'Événement',
    dates: 'Dates',
    venue: 'Lieu',
    registeredFooter: (event) =>
      `Vous recevez ce message parce que vous êtes inscrit·e à « ${event} » sur Convene.`,
  },
  en: {
    hello: (name) => (name ? `Hello ${name},` : 'Hello,'),
    signature: 'The Convene team',
    event: 'Event',
    dates: 'Dates',
    venue: 'Venue',
    registeredFooter: (event) =>
      `You are receiving this email because you registered for "${event}" on Convene.`,
  },
  es: {
    hello: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    signature: 'El equipo de Convene',
    event: 'Evento',
    dates: 'Fechas',
    venue: 'Lugar',
    registeredFooter: (event) =>
      `Recibe este mensaje porque se inscribió en «${event}» en Convene.`,
  },
};

/** Event name, dates and venue: the block under most emails. */
export function eventDetails(p: EventSummary, locale: MailLocale): Array<[string, string]> {
  const c = COMMON[locale];
  const rows: Array<[string, string]> = [[c.event, p.eventName]];
  if (p.eventStartDate) rows.push([c.dates, dateRange(p.eventStartDate, p.eventEndDate, locale)]);
  const venue = [p.venueName, p.venueCity ? placeName(p.venueCity, p.eventTimezone, locale) : null]
    .filter(Boolean)
    .join(', ');
  if (venue) rows.push([c.venue, venue]);
  return rows;
}

/** The wording of an email telling a registrant where they stand: a subject and paragraphs. */
export interface NoticeWording {
  subject: (event: string) => string;
  body: (event: string) => string[];
}

/** A notice to a registrant: greeting, the wording, the event block, the registered footer. */
export function registrantNotice(
  w: NoticeWording,
  p: EventSummary & { recipientName: string },
  locale: MailLocale,
  extraParagraphs: string[] = [],
): EmailContent {
  const c = COMMON[locale];
  return {
    subject: w.subject(p.eventName),
    greeting: c.hello(p.recipientName),
    paragraphs: [...w.body(p.eventName), ...extraParagraphs],
    details: eventDetails(p, locale),
    signature: c.signature,
    footer: c.registeredFooter(p.eventName),
  };
}
