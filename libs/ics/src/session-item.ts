import { formatInZone, INTL_TAGS } from '#core';
import type { CalendarItem } from './calendar-file.js';
import { placeName, zoneLabel } from './place-names.js';

/** A session as every calendar file and invite shows it, whoever builds it (API or worker). */
export interface SessionCalendarEntry {
  id: string;
  kind: string;
  title: string;
  description?: string | null;
  /** draft | published | cancelled */
  status: string;
  startsAt: Date;
  endsAt: Date;
  /** The event's IANA zone. */
  timezone: string;
  /** Recorded changes so far (the SEQUENCE). */
  sequence: number;
  /** Last revision (DTSTAMP). */
  stamp: Date;
  roomName?: string | null;
  eventName: string;
  venueName?: string | null;
  venueCity?: string | null;
  siteVisit?: {
    meetingPoint: string;
    departureAt: Date;
    returnAt: Date;
    address?: string | null;
    hostOrganisationName?: string | null;
    transport?: string | null;
  } | null;
  url?: string | null;
}

export type CalendarLocale = 'fr' | 'en' | 'es';

/** The session's page, where calendar entries and emails send people. */
export const sessionPageUrl = (publicUrl: string, eventSlug: string, sessionId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/e/${encodeURIComponent(eventSlug)}/sessions/${sessionId}`;

/** The UID of a session's VEVENT in every file and invite: it never changes. */
export const sessionUid = (sessionId: string) => `${sessionId}@convene`;

interface Words {
  cancelled: (title: string) => string;
  cancelledLead: string;
  departure: string;
  from: string;
  return: string;
  address: string;
  host: string;
  meetingPoint: string;
  event: string;
}

const WORDS: Record<CalendarLocale, Words> = {
  fr: {
    cancelled: (t) => `Annulé : ${t}`,
    cancelledLead: 'Cette session est annulée.',
    departure: 'Départ',
    from: 'depuis',
    return: 'Retour',
    address: 'Adresse',
    host: 'Accueil par',
    meetingPoint: 'point de rendez-vous',
    event: 'Événement',
  },
  en: {
    cancelled: (t) => `Cancelled: ${t}`,
    cancelledLead: 'This session is cancelled.',
    departure: 'Departure',
    from: 'from',
    return: 'Return',
    address: 'Address',
    host: 'Hosted by',
    meetingPoint: 'meeting point',
    event: 'Event',
  },
  es: {
    cancelled: (t) => `Cancelada: ${t}`,
    cancelledLead: 'Esta sesión está cancelada.',
    departure: 'Salida',
    from: 'desde',
    return: 'Regreso',
    address: 'Dirección',
    host: 'Acoge',
    meetingPoint: 'punto de encuentro',
    event: 'Evento',
  },
};

export function asCalendarLocale(locale: string | null | undefined): CalendarLocale {
  return locale === 'fr' || locale === 'es' ? locale : 'en';
}

/**
 * The VEVENT of a session: where (the room and venue, or for a site visit the address
 * and the meeting point), and in the description what a calendar cannot show by itself,
 * such as the bus's departure time in the event's own time.
 */
export function sessionCalendarItem(s: SessionCalendarEntry, locale: string): CalendarItem {
  const lang = asCalendarLocale(locale);
  const w = WORDS[lang];
  const cancelled = s.status === 'cancelled';
  const visit = s.siteVisit;
  const place = zoneLabel(placeName(s.venueCity, s.timezone, lang), lang);
  const time = (at: Date) =>
    formatInZone(at, s.timezone, INTL_TAGS[lang], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });

  const location = visit
    ? [visit.address, `${w.meetingPoint}: ${visit.meetingPoint}`].filter(Boolean).join(' — ')
    : [s.roomName, s.venueName, s.venueCity].filter(Boolean).join(', ');

  const lines: string[] = [];
  if (cancelled) lines.push(w.cancelledLead, '');
  if (s.description?.trim()) lines.push(s.description.trim(), '');
  if (visit) {
    const transport = visit.transport ? ` (${visit.transport})` : '';
    lines.push(
      `${w.departure}: ${time(visit.departureAt)}, ${place}, ${w.from} ${visit.meetingPoint}${transport}`,
      `${w.return}: ${time(visit.returnAt)}`,
    );
    if (visit.address) lines.push(`${w.address}: ${visit.address}`);
    if (visit.hostOrganisationName) lines.push(`${w.host}: ${visit.hostOrganisationName}`);
    lines.push('');
  }
  lines.push(`${w.event}: ${s.eventName}`);

  return {
    uid: sessionUid(s.id),
    sequence: s.sequence,
    summary: cancelled ? w.cancelled(s.title) : s.title,
    description: lines.join('\n'),
    location: location || null,
    url: s.url ?? null,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    timezone: s.timezone,
    status: cancelled ? 'cancelled' : s.status === 'published' ? 'confirmed' : 'tentative',
    stamp: s.stamp,
  };
}
