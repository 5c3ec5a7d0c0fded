import { type Event, type LocalizedTexts, textIn } from '#events';

/**
 * What each template needs, written into the outbox row by the domain that causes the
 * email. Rows are self-contained: the worker renders without reading domain tables,
 * so an email says what was true when it was decided.
 */
export interface EventSummary {
  eventId: string;
  eventName: string;
  /** Calendar dates in the event zone, YYYY-MM-DD. */
  eventStartDate: string;
  eventEndDate: string;
  eventTimezone: string;
  venueName?: string | null;
  venueCity?: string | null;
  /** For links to the event's pages (/e/<slug>/...); rows written before it carry none. */
  eventSlug?: string;
  /** The event's name in each language and its languages: the email names it in its own. */
  eventNames?: LocalizedTexts;
  eventLanguages?: string[];
}

/**
 * The payload with `eventName` in the language the email is written in (else the event's
 * languages in order), when the row carries the translations (rows written before do not).
 */
export function withEventNameIn(
  payload: Record<string, unknown>,
  locale: string,
): Record<string, unknown> {
  const names = payload.eventNames as LocalizedTexts | undefined;
  if (!names || typeof payload.eventName !== 'string') return payload;
  const languages = Array.isArray(payload.eventLanguages)
    ? (payload.eventLanguages as string[])
    : [];
  return { ...payload, eventName: textIn(names, locale, languages, payload.eventName) };
}

/** What eventSummary reads of an event (and the recipient's language choice, its languages). */
export type EventSummarySource = Pick<
  Event,
  | 'id'
  | 'name'
  | 'names'
  | 'startDate'
  | 'endDate'
  | 'timezone'
  | 'venueName'
  | 'venueCity'
  | 'slug'
  | 'languages'
>;

/** The event block every event email carries, as of now. */
export function eventSummary(event: EventSummarySource): EventSummary {
  return {
    eventId: event.id,
    eventName: event.name,
    eventStartDate: event.startDate,
    eventEndDate: event.endDate,
    eventTimezone: event.timezone,
    venueName: event.venueName,
    venueCity: event.venueCity,
    eventSlug: event.slug,
    eventNames: event.names ?? {},
    eventLanguages: event.languages,
  };
}

export interface MagicLinkPayload {
  recipientName: string;
  link: string;
  /** ISO instant. */
  expiresAt: string;
  /**
   * The recipient's zone for the expiry time: their latest event's (accounts have none).
   * Absent (no registration yet, or an older row): written in UTC, said so.
   */
  timezone?: string | null;
  /** That event's city, to name the zone ("heure de Tanger"). */
  zoneCity?: string | null;
}

/** A link to confirm an address or to reset a password (same shape as a sign-in link). */
export type AccountLinkPayload = MagicLinkPayload;

export interface RegistrationPayload extends EventSummary {
  registrationId: string;
  /** The registration's page (`${publicUrl}/my/registrations/<id>`); absent in older rows. */
  link?: string | null;
  recipientName: string;
  /** Why an organiser rejected or cancelled, when they said. */
  reason?: string | null;
  /**
   * registration_consent_requested: the single-use token of the link that lets the
   * person confirm (or decline) a registration an organiser made for them.
   */
  consentToken?: string;
}

export interface AnnouncementPayload extends EventSummary {
  recipientName: string;
  subject: string;
  body: string;
}

/** Where a site visit's group meets and when it leaves (instants as ISO strings). */
export interface SiteVisitSummary {
  meetingPoint: string;
  departureAt: string;
  returnAt: string;
  address?: string | null;
  hostOrganisationName?: string | null;
  /** bus, minibus, walk, ... */
  transport?: string | null;
}

/**
 * What the calendar invite attached to a session email needs beyond the email's own
 * fields. Optional so rows written before invites existed still render (without one).
 */
export interface SessionInviteFields {
  /** The session's recorded changes so far: the invite's SEQUENCE. */
  sequence?: number;
  /** ISO instant the email was decided: the invite's DTSTAMP. */
  decidedAt?: string;
  sessionDescription?: string | null;
}

export interface SessionChangedPayload extends EventSummary, SessionInviteFields {
  recipientName: string;
  sessionId: string;
  sessionTitle: string;
  sessionKind?: string;
  /** ISO instants; the renderer shows them in eventTimezone. */
  startsAt: string;
  endsAt: string;
  roomName?: string | null;
  /** published, cancelled, or draft (taken off the agenda): the last two cancel the invite. */
  status: string;
  changes: Array<'time' | 'room' | 'status'>;
  siteVisit?: SiteVisitSummary | null;
  /**
   * The recipient only waits for a seat: told so, never "you take part", and sent no
   * calendar invite (rows written before this field existed: treated as taking part).
   */
  waitlisted?: boolean;
}

/**
 * One person's seat in a session: moved from the waitlist to a confirmed seat
 * (signup_promoted), taken at once (signup_confirmed), or given up (signup_cancelled).
 */
export interface SignupPromotedPayload extends EventSummary, SessionInviteFields {
  recipientName: string;
  signupId: string;
  sessionId: string;
  sessionTitle: string;
  sessionKind: string;
  /** ISO instants; the renderer shows them in eventTimezone. */
  startsAt: string;
  endsAt: string;
  roomName?: string | null;
  /** For a site visit: where the group meets and when it leaves. */
  siteVisit?: SiteVisitSummary | null;
}

/** An organiser issued a participant's visa invitation letter; the email never carries the passport. */
export interface VisaLetterIssuedPayload extends EventSummary {
  registrationId: string;
  recipientName: string;
}
