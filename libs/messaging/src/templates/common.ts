import type { EventSummary } from '../payloads.js';
import { dateRange, type MailLocale, placeName } from './format.js';

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
