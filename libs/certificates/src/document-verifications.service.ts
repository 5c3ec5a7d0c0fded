import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, FieldCipher, notFound, RateLimiter } from '#core';
import { LETTER_ISSUED_STATUSES } from '#travel';
import { attendedSessions, totalMinutes } from './attendance.js';

export type DocumentKind = 'invitation_letter' | 'certificate' | 'badge' | 'exchange_report';

/**
 * What anyone holding a document's code may learn (GET /verify/<code>): which kind of
 * document, valid or revoked, for whom (name; the last four passport characters only on
 * an invitation letter, the one document that carries a passport number) and for which
 * event. A certificate also says how many sessions and minutes it certifies, so a reader
 * can compare with the paper.
 */
export interface DocumentVerification {
  kind: DocumentKind;
  status: 'valid' | 'revoked';
  reference: string | null;
  holder: { name: string; passportLastFour: string | null };
  event: { name: string; startDate: string; endDate: string; city: string | null };
  attendance?: { sessions: number; minutes: number };
}

const CODE = /^[A-Za-z0-9_-]{22}$/;

interface Row {
  kind: DocumentKind;
  reference: string | null;
  registration_id: string;
  event_id: string;
  registration_status: string;
  visa_status: string | null;
  passport_number_encrypted: string | null;
  name: string;
  event_name: string;
  start_date: string;
  end_date: string;
  venue_city: string | null;
}

/**
 * One verification for every document Convene prints with a QR code: invitation letters
 * (travel_plans.letter_code), certificates of attendance (certificates.code) and badges
 * (badge_codes.code). Codes are 128 random bits; lookups are limited to 30 a minute per
 * client, so nobody can walk the space. A document is revoked once its registration is
 * cancelled or rejected (a letter also when it was withdrawn).
 */
@Injectable()
export class DocumentVerifications {
  private readonly cipher: FieldCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Passport numbers are sealed with the deployment's data key (see #travel's PassportCipher).
    this.cipher = new FieldCipher(config.dataEncryptionKey);
  }

  async verify(code: string, client: string): Promise<DocumentVerification> {
    await this.limiter.hit(`verify:${client}`, 30, 60);
    if (!CODE.test(code)) throw notFound('Document');
    const [row] = (await this.dataSource.query(
      `WITH found AS (
         SELECT 'invitation_letter' AS kind, p.letter_reference AS reference, p.registration_id,
                p.visa_status, p.passport_number_encrypted
           FROM travel_plans p WHERE p.letter_code = $1
         UNION ALL
         SELECT 'certificate', c.reference, c.registration_id, NULL, NULL
           FROM certificates c WHERE c.code = $1
         UNION ALL
         SELECT 'badge', NULL, b.registration_id, NULL, NULL
           FROM badge_codes b WHERE b.code = $1)
       SELECT f.kind, f.reference, f.registration_id, r.event_id, r.status AS registration_status,
              f.visa_status, f.passport_number_encrypted, a.name, e.name AS event_name,
              e.start_date::text AS start_date, e.end_date::text AS end_date, e.venue_city
         FROM found f JOIN registrations r ON r.id = f.registration_id
         JOIN accounts a ON a.id = r.account_id JOIN events e ON e.id = r.event_id
        LIMIT 1`,
      [code],
    )) as Row[];
    if (!row) return this.exchangeReport(code);
    const confirmed = row.registration_status === 'confirmed';
    const result: DocumentVerification = {
      kind: row.kind,
      status: confirmed ? 'valid' : 'revoked',
      reference: row.reference,
      holder: { name: row.name, passportLastFour: null },
      event: {
        name: row.event_name,
        startDate: row.start_date,
        endDate: row.end_date,
        city: row.venue_city,
      },
    };
    if (row.kind === 'invitation_letter') {
      const issued = LETTER_ISSUED_STATUSES.includes(row.visa_status as never);
      result.status = confirmed && issued ? 'valid' : 'revoked';
      const passport = row.passport_number_encrypted
        ? this.cipher.decrypt(row.passport_number_encrypted)
        : null;
      result.holder.passportLastFour = passport ? passport.slice(-4) : null;
    }
    if (row.kind === 'certificate') {
      // What it certifies today (attendance corrected since is what counts).
      const sessions =
        (await attendedSessions(this.dataSource, row.event_id, [row.registration_id])).get(
          row.registration_id,
        ) ?? [];
      result.attendance = { sessions: sessions.length, minutes: totalMinutes(sessions) };
    }
    return result;
  }

  /**
   * An immersion's exchange report (exchange_reports.code, owned by #learning): issued to
   * the two organisations, named "visiting → host"; valid while its event exists.
   */
  private async exchangeReport(code: string): Promise<DocumentVerification> {
    const [report] = (await this.dataSource.query(
      `SELECT x.reference, e.name AS event_name, e.start_date::text AS start_date,
              e.end_date::text AS end_date, e.venue_city,
              coalesce(v.name, (SELECT string_agg(DISTINCT o.name, ', ')
                                  FROM registrations r JOIN organisations o ON o.id = r.organisation_id
                                 WHERE r.event_id = e.id AND r.status = 'confirmed'
                                   AND o.id IS DISTINCT FROM e.host_organisation_id)) AS visiting,
              h.name AS host
         FROM exchange_reports x JOIN events e ON e.id = x.event_id
         LEFT JOIN exchanges ex ON ex.event_id = e.id
         LEFT JOIN organisations v ON v.id = ex.visiting_organisation_id
         LEFT JOIN organisations h ON h.id = coalesce(ex.host_organisation_id, e.host_organisation_id)
        WHERE x.code = $1`,
      [code],
    )) as Array<{
      reference: string;
      event_name: string;
      start_date: string;
      end_date: string;
      venue_city: string | null;
      visiting: string | null;
      host: string | null;
    }>;
    if (!report) throw notFound('Document');
    return {
      kind: 'exchange_report',
      status: 'valid',
      reference: report.reference,
      holder: {
        name: [report.visiting, report.host].filter(Boolean).join(' → '),
        passportLastFour: null,
      },
      event: {
        name: report.event_name,
        startDate: report.start_date,
        endDate: report.end_date,
        city: report.venue_city,
      },
    };
  }
}
