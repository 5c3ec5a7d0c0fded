import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  containsPattern,
  foldedContains,
  notFound,
  type Page,
  pageWindow,
  toPage,
  toZonedIso,
} from '#core';
import { type Event, EventAccess } from '#events';
import { LIVE_STATUSES } from '#registrations';
import { type ListVisasQueryDto, VISA_LIST_STATUSES, type VisaListStatus } from './dto/visa.dto.js';
import { type LetterDetail, missingLetterDetails } from './letter-details.js';
import { addMonths, PASSPORT_VALIDITY_MONTHS, passportWarnings } from './passport.js';
import type { VisaStatus } from './visa-rules.js';
import { VisaRulesService } from './visa-rules.service.js';

interface Row {
  id: string;
  status: string;
  account_id: string;
  account_name: string;
  account_email: string;
  organisation_id: string;
  organisation_name: string;
  organisation_country: string;
  nationality: string | null;
  expires_on: string | null;
  has_number: boolean;
  visa_status: VisaStatus | null;
  visa_status_changed_at: Date | null;
  letter_issued_at: Date | null;
  has_birth_date: boolean | null;
  has_issue_date: boolean | null;
}

/** One line of the organisers' visa board. Never the passport number, not even masked. */
export interface VisaListItem {
  registrationId: string;
  registrationStatus: string;
  account: { id: string; name: string; email: string };
  organisation: { id: string; name: string; country: string };
  nationality: string | null;
  passportExpiresOn: string | null;
  passportNumberOnFile: boolean;
  passportWarning: string | null;
  visaRequired: boolean | null;
  visaStatus: VisaStatus | null;
  visaStatusChangedAt: string | null;
  letterIssuedAt: string | null;
  /** While a letter is requested: the letter details the participant has not given yet. */
  letterDetailsMissing: LetterDetail[];
}

const SELECT = `SELECT r.id, r.status, a.id AS account_id, a.name AS account_name,
  a.email AS account_email, o.id AS organisation_id, o.name AS organisation_name,
  o.country AS organisation_country, tp.passport_nationality AS nationality,
  to_char(tp.passport_expires_on, 'YYYY-MM-DD') AS expires_on,
  coalesce(tp.passport_number_encrypted IS NOT NULL, false) AS has_number,
  tp.visa_status, tp.visa_status_changed_at, tp.letter_issued_at,
  tp.birth_date_encrypted IS NOT NULL AS has_birth_date,
  tp.passport_issued_on_encrypted IS NOT NULL AS has_issue_date`;

/**
 * The plan is joined on the registration's event too (a plan is always its registration's
 * event's): the database then reads this event's plans by travel_plans_event_idx, where a
 * join on the registration alone hashed the plans of every past meeting.
 */
const FROM = `FROM registrations r JOIN accounts a ON a.id = r.account_id
  JOIN organisations o ON o.id = r.organisation_id
  LEFT JOIN travel_plans tp ON tp.registration_id = r.id AND tp.event_id = r.event_id`;

/** GET /events/:id/visas: everyone's visa state for the organisers, filtered and paged. */
@Injectable()
export class VisaReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly rules: VisaRulesService,
  ) {}

  async list(
    actor: Actor,
    eventId: string,
    query: ListVisasQueryDto,
  ): Promise<Page<VisaListItem> & { byStatus: Record<VisaListStatus, number> }> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const required = await this.rules.requiredFor(eventId);
    const params: unknown[] = [eventId, LIVE_STATUSES];
    const where = [`r.event_id = $1`, `r.status = ANY($2::text[])`];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status === 'unknown') where.push('tp.visa_status IS NULL');
    else if (query.status) add((p) => `tp.visa_status = ${p}`, query.status);
    if (query.nationality) add((p) => `tp.passport_nationality = ${p}`, query.nationality);
    if (query.passportExpiring) {
      const needed = addMonths(event.endDate, PASSPORT_VALIDITY_MONTHS);
      add(
        (p) =>
          query.passportExpiring === 'true'
            ? `tp.passport_expires_on < ${p}::date`
            : `(tp.passport_expires_on IS NULL OR tp.passport_expires_on >= ${p}::date)`,
        needed,
      );
    }
    if (query.q) {
      add(
        (p) =>
          `(${foldedContains('a.name', p)} OR ${foldedContains('a.email', p)} OR ${foldedContains('o.name', p)})`,
        containsPattern(query.q),
      );
    }
    const { skip, take } = pageWindow(query);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total ${FROM} WHERE ${where.join(' AND ')}`,
      params,
    )) as Array<{ total: number }>;
    // LIMIT and OFFSET are parameters like every other value, never SQL text.
    const rows = (await this.dataSource.query(
      `${SELECT} ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY a.name, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, take, skip],
    )) as Row[];
    const counts = (await this.dataSource.query(
      `SELECT coalesce(tp.visa_status, 'unknown') AS status, count(*)::int AS n
         ${FROM} WHERE r.event_id = $1 AND r.status = ANY($2::text[]) GROUP BY 1`,
      [eventId, LIVE_STATUSES],
    )) as Array<{ status: VisaListStatus; n: number }>;
    const byStatus = Object.fromEntries(
      VISA_LIST_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?.n ?? 0]),
    ) as Record<VisaListStatus, number>;
    const items = rows.map((r) => toItem(r, event, required));
    return { ...toPage(items, total, query), byStatus };
  }

  /** One line of the board (any registration of the event, live or not), or not found. */
  async one(actor: Actor, eventId: string, registrationId: string): Promise<VisaListItem> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const [row] = (await this.dataSource.query(
      `${SELECT} ${FROM} WHERE r.event_id = $1 AND r.id = $2`,
      [eventId, registrationId],
    )) as Row[];
    if (!row) throw notFound('Registration');
    return toItem(row, event, await this.rules.requiredFor(eventId));
  }
}

function toItem(r: Row, event: Event, required: string[]): VisaListItem {
  const zone = event.timezone;
  return {
    registrationId: r.id,
    registrationStatus: r.status,
    account: { id: r.account_id, name: r.account_name, email: r.account_email },
    organisation: {
      id: r.organisation_id,
      name: r.organisation_name,
      country: r.organisation_country,
    },
    nationality: r.nationality,
    passportExpiresOn: r.expires_on,
    passportNumberOnFile: r.has_number,
    passportWarning: passportWarnings(r.expires_on, event.endDate)[0]?.code ?? null,
    visaRequired: r.nationality ? required.includes(r.nationality) : null,
    visaStatus: r.visa_status,
    visaStatusChangedAt: r.visa_status_changed_at
      ? toZonedIso(r.visa_status_changed_at, zone)
      : null,
    letterIssuedAt: r.letter_issued_at ? toZonedIso(r.letter_issued_at, zone) : null,
    letterDetailsMissing:
      r.visa_status === 'letter_requested'
        ? missingLetterDetails({
            birthDateEncrypted: r.has_birth_date ? 'on file' : null,
            passportIssuedOnEncrypted: r.has_issue_date ? 'on file' : null,
          })
        : [],
  };
}
