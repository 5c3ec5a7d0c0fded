import {
  buildCalendarFile,
  type SessionCalendarEntry,
  sessionCalendarItem,
  sessionPageUrl,
} from '#ics';
import type { SessionChangedPayload, SignupPromotedPayload } from '../payloads.js';
import type { TemplateName } from '../template-names.js';

/** A calendar invite for an email: sent as text/calendar with its METHOD, and as invite.ics. */
export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  filename: string;
  content: string;
}

export interface InviteContext {
  /** The From of every email ("Convene <no-reply@…>"): the invite's organizer. */
  mailFrom: string;
  recipientEmail: string;
  /** PUBLIC_URL, for the session's link. */
  publicUrl: string;
}

/**
 * The invite a session email carries, from the outbox row alone: an updated REQUEST
 * when a session moved or changed room, a CANCEL when it was cancelled or taken off
 * the agenda, a REQUEST when a waitlisted person got their seat. Same UID, wording and
 * time-zone handling as the calendar files (#ics), so a calendar app updates the
 * entry it already has. Rows written before invites existed carry no sequence: none.
 */
export function renderInvite(
  template: TemplateName | string,
  locale: string,
  payload: Record<string, unknown>,
  ctx: InviteContext,
): CalendarInvite | undefined {
  if (template === 'session_changed') {
    const p = payload as unknown as SessionChangedPayload;
    // Waiting for a seat is not taking part: no entry in the person's calendar.
    if (typeof p.sequence !== 'number' || p.waitlisted) return undefined;
    const cancel = p.status !== 'published';
    return build(entryOf(p, p.sessionKind ?? 'session', cancel), locale, cancel, p, ctx);
  }
  if (
    template === 'signup_promoted' ||
    template === 'signup_confirmed' ||
    template === 'signup_cancelled'
  ) {
    const p = payload as unknown as SignupPromotedPayload;
    if (typeof p.sequence !== 'number') return undefined;
    const cancel = template === 'signup_cancelled';
    return build(entryOf(p, p.sessionKind, cancel), locale, cancel, p, ctx);
  }
  return undefined;
}

type SessionPayload = SessionChangedPayload | SignupPromotedPayload;

function entryOf(p: SessionPayload, kind: string, cancelled: boolean): SessionCalendarEntry {
  const visit = p.siteVisit;
  return {
    id: p.sessionId,
    kind,
    title: p.sessionTitle,
    description: p.sessionDescription ?? null,
    status: cancelled ? 'cancelled' : 'published',
    startsAt: instant(p.startsAt, 'startsAt'),
    endsAt: instant(p.endsAt, 'endsAt'),
    timezone: p.eventTimezone,
    sequence: p.sequence ?? 0,
    stamp: instant(p.decidedAt ?? p.startsAt, 'decidedAt'),
    roomName: p.roomName ?? null,
    eventName: p.eventName,
    venueName: p.venueName ?? null,
    venueCity: p.venueCity ?? null,
    siteVisit: visit
      ? {
          meetingPoint: visit.meetingPoint,
          departureAt: instant(visit.departureAt, 'siteVisit.departureAt'),
          returnAt: instant(visit.returnAt, 'siteVisit.returnAt'),
          address: visit.address ?? null,
          hostOrganisationName: visit.hostOrganisationName ?? null,
          transport: visit.transport ?? null,
        }
      : null,
  };
}

function build(
  entry: SessionCalendarEntry,
  locale: string,
  cancel: boolean,
  p: SessionPayload,
  ctx: InviteContext,
): CalendarInvite {
  const method = cancel ? 'CANCEL' : 'REQUEST';
  const content = buildCalendarFile(
    [sessionCalendarItem({ ...entry, url: sessionLink(ctx.publicUrl, p) }, locale)],
    {
      method,
      organizer: organizerOf(ctx.mailFrom),
      attendee: { name: p.recipientName, email: ctx.recipientEmail },
    },
  );
  return { method, filename: 'invite.ics', content };
}

/**
 * The session's web page; rows queued before payloads carried the event's slug get the
 * person's agenda page (never the API's JSON).
 */
function sessionLink(publicUrl: string, p: SessionPayload): string {
  return p.eventSlug
    ? sessionPageUrl(publicUrl, p.eventSlug, p.sessionId)
    : `${publicUrl.replace(/\/+$/, '')}/my/agenda`;
}

function instant(iso: string, field: string): Date {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`${field} is not an instant: ${iso}`);
  return at;
}

/** "Convene <no-reply@convene.org>" -> name and address. */
export function organizerOf(mailFrom: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>\s]+)>\s*$/.exec(mailFrom);
  if (match) return { name: match[1].trim() || 'Convene', email: match[2] };
  return { name: 'Convene', email: mailFrom.trim() };
}
