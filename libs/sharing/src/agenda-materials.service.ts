import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, isAdmin } from '#core';

/** A shared document as the agenda pages show it: name, type, size, where to fetch it. */
export interface AgendaMaterial {
  id: string;
  eventId: string;
  /** null: shared for the whole event. */
  sessionId: string | null;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * The materials the agenda pages show beside each session. The agenda is public, the
 * documents are not: only the event's people (EventPeople in audience.ts: staff, admins,
 * confirmed or waitlisted participants) get rows; anyone else gets none, not an error,
 * since the rest of the page is theirs to read. One query for every event on a page, so
 * a week of sessions does not cost a query per session.
 */
@Injectable()
export class AgendaMaterials {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forEvents(
    actor: Actor | undefined,
    eventIds: string[],
    sessionId?: string,
  ): Promise<AgendaMaterial[]> {
    if (!actor || eventIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT m.id, m.event_id AS "eventId", m.session_id AS "sessionId", m.title,
              m.file_name AS "fileName", m.content_type AS "contentType",
              m.size_bytes AS "sizeBytes"
         FROM event_materials m
        WHERE m.event_id = ANY($1::uuid[])
          AND ($4::uuid IS NULL OR m.session_id = $4::uuid)
          AND ($3::boolean
               OR EXISTS (SELECT 1 FROM event_staff s
                           WHERE s.event_id = m.event_id AND s.account_id = $2)
               OR EXISTS (SELECT 1 FROM registrations r
                           WHERE r.event_id = m.event_id AND r.account_id = $2
                             AND r.status IN ('confirmed', 'waitlisted')))
        ORDER BY m.uploaded_at DESC, m.id`,
      [eventIds, actor.accountId, isAdmin(actor), sessionId ?? null],
    )) as AgendaMaterial[];
  }
}

/** The rows of `forEvents` by session id ('' for the whole event's). */
export function materialsBySession(list: AgendaMaterial[]): Map<string, AgendaMaterial[]> {
  const map = new Map<string, AgendaMaterial[]>();
  for (const m of list) {
    const key = m.sessionId ?? '';
    map.set(key, [...(map.get(key) ?? []), m]);
  }
  return map;
}
