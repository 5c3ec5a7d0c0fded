import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  formatInZone,
  groupBy,
  INTL_TAGS,
  localDateOf,
  type Locale,
  LOCALES,
  SESSION_ATTENDEES,
} from '#core';
import { type Event, textIn } from '#events';
import { messages } from '#i18n';
import { placeName, zoneLabel } from '#ics';
import { dateRange } from '#messaging';
import { referencePrefix } from '#travel';
import { fieldError } from './journal-rules.js';
import { renderExchangeReportPdf } from './exchange-report-pdf.js';
import { Journals, type JournalEntryView } from './journals.service.js';
import { LearningAccess, type LearningStanding } from './learning-access.js';
import type { PartnerOrganisation } from './exchange-partners.js';

export interface ReportSession {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** Written in the report's language and the event's zone. */
  date: string;
  hours: string;
  attended: number;
  attendees: string[];
}

export interface ReportVisitor {
  name: string;
  organisation: string | null;
  sessionsAttended: number;
}

/** The exchange report of one immersion, in one language. */
export interface ExchangeReport {
  eventId: string;
  slug: string;
  locale: Locale;
  /** Languages of the partners: one PDF each. */
  languages: Locale[];
  reference: string;
  verifyUrl: string;
  issuedOn: string;
  event: {
    name: string;
    startDate: string;
    endDate: string;
    timezone: string;
    dates: string;
    place: string;
    zone: string;
  };
  partners: { host: PartnerOrganisation | null; visiting: PartnerOrganisation[] };
  programme: ReportSession[];
  visitors: ReportVisitor[];
  /** Entries the visitors shared with the network, with the hosts' answers; nothing else. */
  entries: JournalEntryView[];
}

/**
 * The exchange report of an immersion, for both organisations and the network: the
 * programme with local times, who attended what (session_attendance, or a sign-up
 * marked attended), the visitors and their organisations, and only the journal entries
 * their authors shared with the network. Its reference and verification code are given
 * on the first reading and kept: every language and every later copy prints the same.
 */
@Injectable()
export class ExchangeReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LearningAccess,
    private readonly journals: Journals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The report in `lang` (fr, en or es), else in the reader's own language. */
  async report(actor: Actor, eventId: string, lang?: string): Promise<ExchangeReport> {
    const s = await this.access.requireReportReader(actor, eventId);
    const locale = await this.localeFor(actor, lang, s.event);
    return this.build(s, locale);
  }

  async pdf(
    actor: Actor,
    eventId: string,
    lang?: string,
  ): Promise<{ filename: string; pdf: Buffer; report: ExchangeReport }> {
    const report = await this.report(actor, eventId, lang);
    const pdf = await renderExchangeReportPdf(report);
    const word = { fr: 'rapport-echange', en: 'exchange-report', es: 'informe-intercambio' }[
      report.locale
    ];
    return { filename: `${word}-${report.reference}-${report.locale}.pdf`, pdf, report };
  }

  private async localeFor(actor: Actor, lang: string | undefined, event: Event): Promise<Locale> {
    if (lang !== undefined && lang !== '') {
      if ((LOCALES as readonly string[]).includes(lang)) return lang as Locale;
      throw fieldError('lang', 'isIn', 'lang must be one of fr, en, es');
    }
    const [me] = (await this.dataSource.query(`SELECT locale FROM accounts WHERE id = $1`, [
      actor.accountId,
    ])) as Array<{ locale: string | null }>;
    const known = (l: string | null | undefined): l is Locale =>
      !!l && (LOCALES as readonly string[]).includes(l);
    if (known(me?.locale)) return me.locale;
    return event.languages.find(known) ?? 'en';
  }

  private async build(s: LearningStanding, locale: Locale): Promise<ExchangeReport> {
    const { event } = s;
    const t = messages(locale).learning.report;
    const intl = INTL_TAGS[locale];
    const issued = await this.issue(event);
    const sessions = (await this.dataSource.query(
      `SELECT s.id, s.kind, s.title, s.titles, s.starts_at, s.ends_at
         FROM sessions s
        WHERE s.event_id = $1 AND s.status = 'published'
        ORDER BY s.starts_at, s.id`,
      [event.id],
    )) as Array<{
      id: string;
      kind: string;
      title: string;
      titles: Record<string, string> | null;
      starts_at: Date;
      ends_at: Date;
    }>;
    const visitors = (await this.dataSource.query(
      `SELECT r.account_id, a.name, o.name AS organisation
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         LEFT JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = $1 AND r.status = 'confirmed'
        ORDER BY a.name, r.id`,
      [event.id],
    )) as Array<{ account_id: string; name: string; organisation: string | null }>;
    // Who attended what (the door or the organisers' list, or a sign-up marked attended),
    // read from the event's own sessions; a confirmed registration is one per account.
    const attendance = (await this.dataSource.query(
      `WITH attended AS MATERIALIZED (
         SELECT s.id AS session_id, a.account_id
           FROM sessions s CROSS JOIN LATERAL (${SESSION_ATTENDEES}) a
          WHERE s.event_id = $1 AND s.status = 'published')
       SELECT a.session_id, a.account_id
         FROM attended a
         JOIN registrations r
           ON r.event_id = $1 AND r.account_id = a.account_id AND r.status = 'confirmed'`,
      [event.id],
    )) as Array<{ session_id: string; account_id: string }>;
    const nameOf = new Map(visitors.map((v) => [v.account_id, v.name]));
    const day: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
    const time: Intl.DateTimeFormatOptions = {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    const place = placeName(event.venueCity, event.timezone, locale);
    const attendeesOf = groupBy(attendance, (a) => a.session_id);
    const sessionsOf = groupBy(attendance, (a) => a.account_id);
    const programme = sessions.map((row) => {
      const who = (attendeesOf.get(row.id) ?? []).map((a) => a.account_id);
      const start = new Date(row.starts_at);
      const end = new Date(row.ends_at);
      return {
        id: row.id,
        kind: row.kind,
        title: textIn(row.titles ?? {}, locale, event.languages, row.title) ?? row.title,
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        date: formatInZone(start, event.timezone, intl, day),
        hours: `${formatInZone(start, event.timezone, intl, time)}–${formatInZone(end, event.timezone, intl, time)}`,
        attended: who.length,
        attendees: who.map((id) => nameOf.get(id) ?? '').sort((a, b) => a.localeCompare(b)),
      };
    });
    return {
      eventId: event.id,
      slug: event.slug,
      locale,
      languages: await this.partnerLanguages(event),
      reference: issued.reference,
      verifyUrl: `${this.config.publicUrl}/verify/${issued.code}`,
      issuedOn: localDateOf(issued.issuedAt, event.timezone),
      event: {
        name: textIn(event.names, locale, event.languages, event.name) ?? event.name,
        startDate: event.startDate,
        endDate: event.endDate,
        timezone: event.timezone,
        dates: dateRange(event.startDate, event.endDate, locale),
        place,
        zone: t.zoneNote(zoneLabel(place, locale)),
      },
      partners: { host: s.partners.host, visiting: s.partners.visiting },
      programme,
      visitors: visitors.map((v) => ({
        name: v.name,
        organisation: v.organisation,
        sessionsAttended: sessionsOf.get(v.account_id)?.length ?? 0,
      })),
      entries: await this.journals.sharedWithNetwork(event.id),
    };
  }

  /**
   * The languages the partners read: the event's own (in its order), then those of the
   * visitors and of the host's staff, as far as Convene speaks them (fr, en, es).
   */
  private async partnerLanguages(event: Event): Promise<Locale[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT a.locale FROM accounts a
        WHERE a.erased_at IS NULL AND (
              a.id IN (SELECT account_id FROM registrations WHERE event_id = $1 AND status = 'confirmed')
           OR a.id IN (SELECT account_id FROM event_staff WHERE event_id = $1 AND role = 'host'))`,
      [event.id],
    )) as Array<{ locale: string | null }>;
    const out: Locale[] = [];
    for (const l of [...event.languages, ...rows.map((r) => r.locale).sort()]) {
      if (l && (LOCALES as readonly string[]).includes(l) && !out.includes(l as Locale)) {
        out.push(l as Locale);
      }
    }
    return out.length ? out : ['en'];
  }

  /** The report's reference and code, given once per immersion and kept. */
  private async issue(event: Event): Promise<{ reference: string; code: string; issuedAt: Date }> {
    const read = async () =>
      (
        (await this.dataSource.query(
          `SELECT reference, code, issued_at FROM exchange_reports WHERE event_id = $1`,
          [event.id],
        )) as Array<{ reference: string; code: string; issued_at: Date }>
      )[0];
    let row = await read();
    if (!row) {
      const prefix = `${referencePrefix(event.venueCity ?? event.name)}${event.startDate.slice(2, 4)}-X`;
      // Two first readings at once: the second finds the row the first wrote.
      await this.dataSource.query(
        `INSERT INTO exchange_reports (event_id, reference, code)
         VALUES ($1, $2 || lpad(nextval('exchange_report_number')::text, 4, '0'), $3)
         ON CONFLICT (event_id) DO NOTHING`,
        [event.id, prefix, randomBytes(16).toString('base64url')],
      );
      row = await read();
    }
    return { reference: row.reference, code: row.code, issuedAt: new Date(row.issued_at) };
  }
}
