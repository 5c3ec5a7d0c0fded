import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { newBadgeCode } from './badge-code.js';

/** The person behind a badge code, as the desks and the verification page need them. */
export interface BadgeHolder {
  code: string;
  registrationId: string;
  eventId: string;
  accountId: string;
  registrationStatus: string;
  name: string;
  organisation: string;
}

/** What /verify/<code> may say about a badge (helper for the verification page). */
export interface BadgeStatus {
  kind: 'badge';
  status: 'valid' | 'revoked';
  holder: { name: string; organisation: string };
  event: { id: string; name: string; startDate: string; endDate: string; city: string | null };
}

/**
 * Badge codes: one per registration, given the first time its badge is printed, kept for
 * good (a reprint carries the same code), valid while the registration is confirmed.
 */
@Injectable()
export class BadgeCodes {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The codes of these registrations (of one event), giving one to those without. */
  async ensure(
    eventId: string,
    registrationIds: string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    if (registrationIds.length === 0) return new Map();
    await m.query(
      `INSERT INTO badge_codes (registration_id, event_id, code)
       SELECT u.id, $1, u.code FROM unnest($2::uuid[], $3::text[]) AS u(id, code)
       ON CONFLICT (registration_id) DO NOTHING`,
      [eventId, registrationIds, registrationIds.map(() => newBadgeCode())],
    );
    // Scoped by the event (badge_codes_event_idx; a code carries its registration's event):
    // by the id list alone the planner scans every event's codes.
    const rows = (await m.query(
      `SELECT registration_id, code FROM badge_codes
        WHERE event_id = $1 AND registration_id = ANY($2::uuid[])`,
      [eventId, registrationIds],
    )) as Array<{ registration_id: string; code: string }>;
    return new Map(rows.map((r) => [r.registration_id, r.code]));
  }

  /** Whoever holds this code, whatever their registration's status; null if unknown. */
  async holder(code: string): Promise<BadgeHolder | null> {
    const [row] = (await this.dataSource.query(
      `SELECT b.code, b.registration_id, b.event_id, r.account_id, r.status, a.name,
              o.name AS organisation
         FROM badge_codes b JOIN registrations r ON r.id = b.registration_id
         JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.organisation_id
        WHERE b.code = $1`,
      [code],
    )) as Array<{
      code: string;
      registration_id: string;
      event_id: string;
      account_id: string;
      status: string;
      name: string;
      organisation: string;
    }>;
    if (!row) return null;
    return {
      code: row.code,
      registrationId: row.registration_id,
      eventId: row.event_id,
      accountId: row.account_id,
      registrationStatus: row.status,
      name: row.name,
      organisation: row.organisation,
    };
  }

  /**
   * For /verify/<code> (rate limited by its caller): valid while the registration is
   * confirmed, revoked once it is cancelled or rejected; null for an unknown code.
   */
  async badgeStatus(code: string): Promise<BadgeStatus | null> {
    if (!/^[A-Za-z0-9_-]{22}$/.test(code)) return null;
    const [row] = (await this.dataSource.query(
      `SELECT r.status, a.name, o.name AS organisation, e.id AS event_id, e.name AS event_name,
              e.start_date::text AS start_date, e.end_date::text AS end_date, e.venue_city
         FROM badge_codes b JOIN registrations r ON r.id = b.registration_id
         JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.organisation_id
         JOIN events e ON e.id = b.event_id
        WHERE b.code = $1`,
      [code],
    )) as Array<{
      status: string;
      name: string;
      organisation: string;
      event_id: string;
      event_name: string;
      start_date: string;
      end_date: string;
      venue_city: string | null;
    }>;
    if (!row) return null;
    return {
      kind: 'badge',
      status: row.status === 'confirmed' ? 'valid' : 'revoked',
      holder: { name: row.name, organisation: row.organisation },
      event: {
        id: row.event_id,
        name: row.event_name,
        startDate: row.start_date,
        endDate: row.end_date,
        city: row.venue_city,
      },
    };
  }
}
