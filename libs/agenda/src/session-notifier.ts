import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '#core';
import { type Event, textIn } from '#events';
import { Outbox, type SessionChangedPayload, eventSummary } from '#messaging';
import type { SessionChangeKind } from './session-change.entity.js';
import type { SessionValues } from './session-input.js';
import type { SessionRecord } from './session.view.js';

type After = Pick<
  SessionValues,
  | 'startsAt'
  | 'endsAt'
  | 'roomId'
  | 'status'
  | 'title'
  | 'kind'
  | 'description'
  | 'siteVisit'
  | 'titles'
  | 'descriptions'
>;

/**
 * Records a change to a published session and, in the same transaction, writes one
 * session_changed email per signed-up person (confirmed or waitlisted). A confirmed
 * person's email carries what its calendar invite needs (a waitlisted person's says they
 * are still waiting, with no invite): the count of recorded changes is the
 * invite's SEQUENCE, as in the calendar files, so calendars take it as the newer one.
 */
@Injectable()
export class SessionNotifier {
  constructor(private readonly outbox: Outbox) {}

  async record(
    m: EntityManager,
    event: Event,
    before: SessionRecord,
    after: After,
    changes: SessionChangeKind[],
    changedBy: string,
  ): Promise<void> {
    const snapshot = (s: After) => ({
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      roomId: s.roomId,
      status: s.status,
    });
    const [change]: Array<{ id: string; created_at: Date }> = await m.query(
      `INSERT INTO session_changes (session_id, event_id, changes, before, after, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
      [
        before.id,
        event.id,
        changes,
        JSON.stringify(snapshot(before)),
        JSON.stringify(snapshot(after)),
        changedBy,
      ],
    );
    let roomName: string | null = null;
    if (after.roomId) {
      const [room]: Array<{ name: string }> = await m.query(
        `SELECT name FROM rooms WHERE id = $1`,
        [after.roomId],
      );
      roomName = room?.name ?? null;
    }
    // The session row is locked by the writer, so this count is this change's number.
    const [{ sequence }]: Array<{ sequence: number }> = await m.query(
      `SELECT count(*)::int AS sequence FROM session_changes WHERE session_id = $1`,
      [before.id],
    );
    let hostName: string | null = null;
    if (after.siteVisit) {
      const [host]: Array<{ name: string }> = await m.query(
        `SELECT name FROM organisations WHERE id = $1`,
        [after.siteVisit.hostOrganisationId],
      );
      hostName = host?.name ?? null;
    }
    const visit = after.siteVisit;
    const people: Array<{
      account_id: string;
      email: string;
      name: string;
      locale: Locale;
      status: string;
    }> = await m.query(
      `SELECT a.id AS account_id, a.email, a.name, a.locale, g.status FROM signups g
           JOIN accounts a ON a.id = g.account_id
          WHERE g.session_id = $1 AND g.status <> 'cancelled' ORDER BY g.seq`,
      [before.id],
    );
    await this.outbox.enqueue(
      m,
      people.map((p) => {
        const payload: SessionChangedPayload = {
          ...eventSummary(event),
          recipientName: p.name,
          sessionId: before.id,
          // The session's texts in the language this email is written in.
          sessionTitle: textIn(after.titles, p.locale, event.languages, after.title) ?? after.title,
          startsAt: after.startsAt.toISOString(),
          endsAt: after.endsAt.toISOString(),
          roomName,
          status: after.status,
          changes,
          sessionKind: after.kind,
          sessionDescription: textIn(
            after.descriptions,
            p.locale,
            event.languages,
            after.description,
          ),
          siteVisit: visit
            ? {
                meetingPoint: visit.meetingPoint,
                departureAt: visit.departureAt.toISOString(),
                returnAt: visit.returnAt.toISOString(),
                address: visit.address,
                hostOrganisationName: hostName,
                transport: visit.transportMode,
              }
            : null,
          sequence,
          decidedAt: change.created_at.toISOString(),
          // Told where they stand; no invite, which would put the session in their calendar.
          waitlisted: p.status === 'waitlisted',
        };
        return {
          template: 'session_changed' as const,
          recipientEmail: p.email,
          recipientAccountId: p.account_id,
          locale: p.locale,
          eventId: event.id,
          payload: { ...payload },
          dedupeKey: `session_changed:${change.id}:${p.account_id}`,
        };
      }),
    );
  }
}
