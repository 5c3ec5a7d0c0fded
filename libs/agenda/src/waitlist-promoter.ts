import { Injectable } from '@nestjs/common';
import { type LocalizedTexts, textIn } from '#events';
import type { EntityManager } from 'typeorm';
import {
  Outbox,
  recipientLocale,
  type SignupEmailTemplate,
  type SignupPromotedPayload,
} from '#messaging';
import { promoteWaitlist } from './seat-allocator.js';

const readerLocale = (p: { locale: string | null; languages: string[] }) =>
  recipientLocale(p.locale, p.languages);

interface PromotedRow {
  signup_id: string;
  account_id: string;
  email: string;
  name: string;
  locale: string | null;
  session_id: string;
  event_slug: string;
  title: string;
  titles: LocalizedTexts | null;
  descriptions: LocalizedTexts | null;
  kind: string;
  description: string | null;
  sequence: number;
  decided_at: Date;
  starts_at: Date;
  ends_at: Date;
  room_name: string | null;
  meeting_point: string | null;
  departure_at: Date | null;
  return_at: Date | null;
  address: string | null;
  transport_mode: string | null;
  host_name: string | null;
  event_id: string;
  event_name: string;
  start_date: string;
  end_date: string;
  timezone: string;
  venue_name: string | null;
  venue_city: string | null;
  languages: string[];
}

/**
 * Fills a session's free seats from its waitlist and, in the same transaction, writes
 * one signup_promoted email per person moved up, with what its calendar invite needs.
 * A sign-up is promoted at most once (it never returns to the waitlist), so its id is
 * the dedupe key: a transaction run again cannot queue the email twice.
 *
 * It writes the other sign-up emails that carry an invite too: signup_confirmed (a seat
 * taken at once: METHOD:REQUEST) and signup_cancelled (a confirmed seat given up, by the
 * person, an organiser or the registration ending: METHOD:CANCEL). A waitlisted place
 * gets no invite: the person does not take part (yet).
 */
@Injectable()
export class WaitlistPromoter {
  constructor(private readonly outbox: Outbox) {}

  /** Call with the session row locked; returns the promoted sign-up ids in waitlist order. */
  async fillFreeSeats(m: EntityManager, sessionId: string): Promise<string[]> {
    const promoted = await promoteWaitlist(m, sessionId);
    if (promoted.length === 0) return promoted;
    await this.signupEmails(m, 'signup_promoted', promoted);
    return promoted;
  }

  /**
   * One email per sign-up, in its holder's language, with the session as it is now.
   * Each sign-up is confirmed, promoted or cancelled once: its id is the dedupe key.
   */
  async signupEmails(
    m: EntityManager,
    template: SignupEmailTemplate,
    signupIds: string[],
  ): Promise<void> {
    if (signupIds.length === 0) return;
    const rows: PromotedRow[] = await m.query(
      `SELECT g.id AS signup_id, a.id AS account_id, a.email, a.name, a.locale,
              s.id AS session_id, s.title, s.titles, s.descriptions, s.kind, s.description, s.starts_at, s.ends_at,
              r.name AS room_name, v.meeting_point, v.departure_at, v.return_at, v.address,
              v.transport_mode, o.name AS host_name, now() AS decided_at,
              (SELECT count(*)::int FROM session_changes c WHERE c.session_id = s.id) AS sequence,
              e.id AS event_id, e.slug AS event_slug, e.name AS event_name, e.timezone, e.venue_name, e.venue_city,
              e.languages, to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(e.end_date, 'YYYY-MM-DD') AS end_date
         FROM signups g
         JOIN accounts a ON a.id = g.account_id
         JOIN sessions s ON s.id = g.session_id
         JOIN events e ON e.id = s.event_id
         LEFT JOIN rooms r ON r.id = s.room_id
         LEFT JOIN site_visits v ON v.session_id = s.id
         LEFT JOIN organisations o ON o.id = v.host_organisation_id
        WHERE g.id = ANY($1::uuid[])
        ORDER BY g.seq`,
      [signupIds],
    );
    await this.outbox.enqueue(
      m,
      rows.map((p) => {
        const payload: SignupPromotedPayload = {
          eventId: p.event_id,
          eventSlug: p.event_slug,
          eventName: p.event_name,
          eventStartDate: p.start_date,
          eventEndDate: p.end_date,
          eventTimezone: p.timezone,
          venueName: p.venue_name,
          venueCity: p.venue_city,
          recipientName: p.name,
          signupId: p.signup_id,
          sessionId: p.session_id,
          // The session's texts in the language this email is written in.
          sessionTitle: textIn(p.titles, readerLocale(p), p.languages, p.title) ?? p.title,
          sessionKind: p.kind,
          startsAt: p.starts_at.toISOString(),
          endsAt: p.ends_at.toISOString(),
          roomName: p.room_name,
          siteVisit:
            p.kind === 'site_visit' && p.meeting_point && p.departure_at && p.return_at
              ? {
                  meetingPoint: p.meeting_point,
                  departureAt: p.departure_at.toISOString(),
                  returnAt: p.return_at.toISOString(),
                  address: p.address,
                  hostOrganisationName: p.host_name,
                  transport: p.transport_mode,
                }
              : null,
          sessionDescription: textIn(p.descriptions, readerLocale(p), p.languages, p.description),
          sequence: p.sequence,
          decidedAt: p.decided_at.toISOString(),
        };
        return {
          template,
          recipientEmail: p.email,
          recipientAccountId: p.account_id,
          locale: recipientLocale(p.locale, p.languages),
          eventId: p.event_id,
          payload: { ...payload },
          dedupeKey: `${template}:${p.signup_id}`,
        };
      }),
    );
  }
}
