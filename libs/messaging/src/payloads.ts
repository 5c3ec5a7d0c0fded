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
}

export interface MagicLinkPayload {
  recipientName: string;
  link: string;
  /** ISO instant. */
  expiresAt: string;
}

export interface RegistrationPayload extends EventSummary {
  registrationId: string;
  recipientName: string;
  /** Why an organiser rejected or cancelled, when they said. */
  reason?: string | null;
}

export interface AnnouncementPayload extends EventSummary {
  recipientName: string;
  subject: string;
  body: string;
}

export interface SessionChangedPayload extends EventSummary {
  recipientName: string;
  sessionId: string;
  sessionTitle: string;
  /** ISO instants; the renderer shows them in eventTimezone. */
  startsAt: string;
  endsAt: string;
  roomName?: string | null;
  status: string;
  changes: Array<'time' | 'room' | 'status'>;
}

/** Someone moved from a session's waitlist to a confirmed seat (a workshop, the visit's bus). */
export interface SignupPromotedPayload extends EventSummary {
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
  siteVisit?: {
    meetingPoint: string;
    /** ISO instants. */
    departureAt: string;
    returnAt: string;
    address?: string | null;
    hostOrganisationName?: string | null;
  } | null;
}
