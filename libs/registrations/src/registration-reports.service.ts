import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  type CsvCell,
  type Page,
  pageWindow,
  toPage,
  toZonedIso,
  containsPattern,
  CsvTableBytes,
  selectInBatches,
} from '#core';
import { type Event, EventAccess } from '#events';
import type { ListRegistrationsQueryDto, RegistrationSort } from './dto/registration.dto.js';
import { PROFESSIONS, REGISTRATION_STATUSES } from './registration.entity.js';
import { type EmergencyContact, emergencyContactOf } from './registration.view.js';

const SORT_COLUMNS: Record<string, string> = {
  // Folded, so Émilie sorts with the Es and Nguyễn with the Ns, whatever the collation;
  // folded once when written (generated columns), not for every row of every sort.
  name: 'a.name_folded',
  createdAt: 'r.created_at',
  organisation: 'o.name_folded',
  country: 'o.country',
  status: 'r.status',
  profession: 'r.profession',
  visaStatus: 'tp.visa_status',
  waitlist: 'r.waitlist_seq',
};

interface Row {
  id: string;
  status: string;
  account_id: string;
  account_name: string;
  account_email: string;
  organisation_id: string;
  organisation_name: string;
  organisation_country: string;
  profession: string;
  profession_other: string | null;
  languages: string[];
  dietary: string | null;
  accessibility: string | null;
  phone: string | null;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  emergency_contact_relation: string | null;
  consent_data_processing_at: Date | null;
  visa_status: string | null;
  waitlist_position: number | null;
  other_editions: number;
  created_at: Date;
  status_changed_at: Date;
}

export interface RegistrationListItem {
  id: string;
  status: string;
  account: { id: string; name: string; email: string };
  organisation: { id: string; name: string; country: string };
  profession: string;
  professionOther: string | null;
  languages: string[];
  dietary: string | null;
  accessibility: string | null;
  phone: string | null;
  emergencyContact: EmergencyContact | null;
  /** Null while the person has not consented (registered by an organiser). */
  consentAt: string | null;
  /** From the travel plan; null when there is none or the nationality is not known yet. */
  visaStatus: string | null;
  waitlistPosition: number | null;
  /** How many other editions this person registered for: returning participants. */
  otherEditions: number;
  createdAt: string;
  statusChangedAt: string;
}

/** The organisers' views of an event's registrations: the list, its CSV and the numbers. */
@Injectable()
export class RegistrationReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async list(
    actor: Actor,
    eventId: string,
    query: ListRegistrationsQueryDto,
  ): Promise<Page<RegistrationListItem>> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const { skip, take } = pageWindow(query);
    const { where, params } = this.filters(eventId, query);
    // Counted and sorted with only the tables the filters and the sort read: the person
    // and the organisation are one row each (foreign keys, not null), so they change no
    // count, and joining them for every row of the event was most of page 1's time.
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total ${fromFor(query, { sort: false })} WHERE ${where}`,
      params,
    )) as Array<{ total: number }>;
    // The page's ids first, sorting narrow rows (the keys and the id), then the columns,
    // positions and other editions of those rows only: sorting every wide row of 10,000
    // spilled to disk for a deep page. LIMIT and OFFSET are parameters, never SQL text.
    const rows = (await this.dataSource.query(
      `${SELECT}
         FROM (SELECT r.id AS page_id, row_number() OVER (ORDER BY ${orderBy(query.sort)}) AS n
                 ${fromFor(query)} WHERE ${where} ORDER BY ${orderBy(query.sort)}
                LIMIT $${params.length + 1} OFFSET $${params.length + 2}) page
         JOIN registrations r ON r.id = page.page_id
         JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
         LEFT JOIN travel_plans tp ON tp.registration_id = r.id
         ${WAITLIST_POSITIONS}
        ORDER BY page.n`,
      [...params, take, skip],
    )) as Row[];
    return toPage(
      rows.map((r) => toItem(r, event)),
      total,
      query,
    );
  }

  /** One registration as the list shows it (with the person and visa status), or null. */
  async item(
    actor: Actor,
    eventId: string,
    registrationId: string,
  ): Promise<RegistrationListItem | null> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const rows = (await this.dataSource.query(
      `${SELECT} ${FROM_WITH_POSITIONS} WHERE r.event_id = $1 AND r.id = $2`,
      [eventId, registrationId],
    )) as Row[];
    return rows[0] ? toItem(rows[0], event) : null;
  }

  /**
   * Every matching registration as CSV, through the one CSV writer (BOM, formula-like
   * cells neutralised, `query.separator` for French and Spanish Excel), as UTF-8 bytes.
   * Reads only the columns the file prints, times as epoch milliseconds (no date text to
   * parse), and writes each line straight from its row: for 10,000 registrations the
   * list's 23 columns, items and row arrays took three times the CPU of the file itself.
   */
  async csv(
    actor: Actor,
    eventId: string,
    query: ListRegistrationsQueryDto,
  ): Promise<{ filename: string; body: Buffer }> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const { where, params } = this.filters(eventId, query);
    const file = new CsvTableBytes(csvColumns(event.timezone), { separator: query.separator });
    // A batch at a time: 10,000 rows held at once outlived the young generation.
    for await (const rows of selectInBatches<CsvRow>(
      this.dataSource,
      `${CSV_SELECT} ${fromFor(query, { columns: true })} ${WAITLIST_POSITIONS}
        WHERE ${where} ORDER BY ${orderBy(query.sort)}`,
      params,
    )) {
      file.add(rows);
    }
    return { filename: `${event.slug}-registrations.csv`, body: file.bytes() };
  }

  /**
   * What the organisers' filters offer for this event: counts per status, and the
   * organisations, countries and visa statuses its registrations have.
   */
  async facets(actor: Actor, eventId: string) {
    await this.events.requireOrganiser(actor, eventId);
    const statusRows = (await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status`,
      [eventId],
    )) as Array<{ status: string; n: number }>;
    const byStatus = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<
      string,
      number
    >;
    for (const s of statusRows) byStatus[s.status] = s.n;
    const organisations = (await this.dataSource.query(
      `SELECT o.id, o.name, o.country, count(*)::int AS n
         FROM registrations r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = $1 GROUP BY o.id ORDER BY o.name, o.id`,
      [eventId],
    )) as Array<{ id: string; name: string; country: string; n: number }>;
    const countries = [...new Set(organisations.map((o) => o.country))].sort();
    return {
      byStatus,
      total: statusRows.reduce((sum, s) => sum + s.n, 0),
      organisations: organisations.map((o) => ({ id: o.id, name: o.name, count: o.n })),
      countries,
    };
  }

  /** Confirmed registrations only, except byStatus and the waitlist length. */
  async stats(actor: Actor, eventId: string) {
    const event = await this.events.requireStaffRole(actor, eventId, ['facilitator', 'host']);
    const q = <T>(sql: string) => this.dataSource.query(sql, [eventId]) as Promise<T[]>;
    const confirmed = `FROM registrations r JOIN organisations o ON o.id = r.organisation_id
                        WHERE r.event_id = $1 AND r.status = 'confirmed'`;
    const [head] = await q<{ participants: number; organisations: number; countries: number }>(
      `SELECT count(*)::int AS participants, count(DISTINCT r.organisation_id)::int AS organisations,
              count(DISTINCT o.country)::int AS countries ${confirmed}`,
    );
    // Counted per organisation first, then per country (an organisation has one country):
    // a count(DISTINCT) per country led the planner to walk organisations in country order
    // and read each one's registrations of every event, 8.6 times as long for 4 times the
    // registrations (bench/read-paths, 'stats #2').
    const byCountry = await q<{ country: string; participants: number; organisations: number }>(
      `SELECT o.country, sum(r.n)::int AS participants, count(*)::int AS organisations
         FROM (SELECT organisation_id, count(*) AS n FROM registrations
                WHERE event_id = $1 AND status = 'confirmed' GROUP BY organisation_id) r
         JOIN organisations o ON o.id = r.organisation_id
        GROUP BY o.country ORDER BY participants DESC, o.country`,
    );
    const professionCounts = await q<{ profession: string; participants: number }>(
      `SELECT r.profession, count(*)::int AS participants ${confirmed} GROUP BY r.profession`,
    );
    // A registration still awaiting the person's consent is counted nowhere.
    const statusCounts = await q<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM registrations
        WHERE event_id = $1 AND status <> 'awaiting_consent' GROUP BY status`,
    );
    const counted = REGISTRATION_STATUSES.filter((s) => s !== 'awaiting_consent');
    const byStatus = Object.fromEntries(counted.map((s) => [s, 0])) as Record<string, number>;
    for (const s of statusCounts) byStatus[s.status] = s.n;
    const byProfession = PROFESSIONS.map((profession) => ({
      profession,
      participants: professionCounts.find((p) => p.profession === profession)?.participants ?? 0,
    }));
    return {
      eventId,
      capacity: event.capacity,
      seatsLeft: Math.max(0, event.capacity - head.participants),
      participants: head.participants,
      organisations: head.organisations,
      countries: head.countries,
      summary:
        `${head.participants} participant${head.participants === 1 ? '' : 's'} from ` +
        `${head.organisations} organisation${head.organisations === 1 ? '' : 's'} in ` +
        `${head.countries} countr${head.countries === 1 ? 'y' : 'ies'}`,
      byCountry,
      byProfession,
      byStatus,
      waitlist: byStatus.waitlisted,
    };
  }

  private filters(eventId: string, query: ListRegistrationsQueryDto) {
    const params: unknown[] = [eventId];
    const where = ['r.event_id = $1'];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `r.status = ${p}`, query.status);
    if (query.country) add((p) => `o.country = ${p}`, query.country);
    if (query.organisationId) add((p) => `r.organisation_id = ${p}`, query.organisationId);
    if (query.profession) add((p) => `r.profession = ${p}`, query.profession);
    if (query.visaStatus === 'none') where.push('tp.visa_status IS NULL');
    else if (query.visaStatus) add((p) => `tp.visa_status = ${p}`, query.visaStatus);
    if (query.q) {
      // The stored folded columns: as foldedContains, without folding every row's text.
      const like = containsPattern(query.q);
      add(
        (p) =>
          `(a.name_folded LIKE convene_fold(${p}) OR a.email_folded LIKE convene_fold(${p})` +
          ` OR o.name_folded LIKE convene_fold(${p}))`,
        like,
      );
    }
    return { where: where.join(' AND '), params };
  }
}

/** What the CSV reads of a registration: only the columns it prints. */
interface CsvRow {
  account_name: string;
  account_email: string;
  phone: string | null;
  organisation_name: string;
  organisation_country: string;
  profession: string;
  profession_other: string | null;
  /** The list's languages joined by a space, as the list's array would be. */
  languages: string;
  dietary: string | null;
  accessibility: string | null;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  emergency_contact_relation: string | null;
  status: string;
  waitlist_position: number | null;
  /** Whole seconds (the file prints no fraction), in milliseconds since 1970. */
  created_ms: number;
  consent_ms: number | null;
}

/**
 * The CSV's SELECT list, the same values the list gives for these columns (toItem):
 * languages joined by a space (a null element as an empty word, as Array.join does),
 * times truncated to the second they print.
 */
const CSV_SELECT = `SELECT a.name AS account_name, a.email AS account_email, r.phone,
    o.name AS organisation_name, o.country AS organisation_country, r.profession,
    r.profession_other, array_to_string(r.languages, ' ', '') AS languages, r.dietary,
    r.accessibility, r.emergency_contact_name, r.emergency_contact_phone,
    r.emergency_contact_relation, r.status, wp.position AS waitlist_position,
    floor(date_part('epoch', r.created_at)) * 1000 AS created_ms,
    floor(date_part('epoch', r.consent_data_processing_at)) * 1000 AS consent_ms`;

const contactOf = (r: CsvRow) =>
  emergencyContactOf(
    r.emergency_contact_name,
    r.emergency_contact_phone,
    r.emergency_contact_relation,
  );

/**
 * Each CSV column with the value it takes, as the list shows it (the same contact rule,
 * the same times in the event's zone): the registrations tests compare the two.
 */
function csvColumns(zone: string): Array<[string, (r: CsvRow) => CsvCell]> {
  return [
    ['Name', (r) => r.account_name],
    ['Email', (r) => r.account_email],
    ['Phone', (r) => r.phone ?? ''],
    ['Organisation', (r) => r.organisation_name],
    ['Country', (r) => r.organisation_country],
    ['Profession', (r) => r.profession],
    ['Profession (other)', (r) => r.profession_other ?? ''],
    ['Languages', (r) => r.languages],
    ['Dietary needs', (r) => r.dietary ?? ''],
    ['Accessibility needs', (r) => r.accessibility ?? ''],
    ['Emergency contact', (r) => contactOf(r)?.name ?? ''],
    ['Emergency phone', (r) => contactOf(r)?.phone ?? ''],
    ['Emergency relation', (r) => contactOf(r)?.relation ?? ''],
    ['Status', (r) => r.status],
    ['Waitlist position', (r) => r.waitlist_position ?? ''],
    ['Registered at', (r) => toZonedIso(new Date(r.created_ms), zone)],
    [
      'Consent given at',
      (r) => (r.consent_ms === null ? '' : toZonedIso(new Date(r.consent_ms), zone)),
    ],
  ];
}

const COLUMNS = `r.id, r.status, r.account_id, a.name AS account_name, a.email AS account_email,
    r.organisation_id, o.name AS organisation_name, o.country AS organisation_country,
    r.profession, r.profession_other, r.languages, r.dietary, r.accessibility, r.phone,
    r.emergency_contact_name, r.emergency_contact_phone, r.emergency_contact_relation,
    r.consent_data_processing_at, r.created_at, r.status_changed_at, tp.visa_status,
    wp.position AS waitlist_position`;

/** For a page or one row: each row's other editions counted on its own (50 index probes). */
const SELECT = `SELECT ${COLUMNS},
    (SELECT count(*)::int FROM registrations p
      WHERE p.account_id = r.account_id AND p.event_id <> r.event_id) AS other_editions`;

const FROM = `FROM registrations r JOIN accounts a ON a.id = r.account_id
  JOIN organisations o ON o.id = r.organisation_id
  LEFT JOIN travel_plans tp ON tp.registration_id = r.id`;

/**
 * FROM plus each waitlisted registration's place in the queue, numbered once for the
 * whole event in one pass over its waitlisted rows (waitlist_seq is unique per event
 * and set on every waitlisted row), instead of a count per row (quadratic). $1 is the
 * event, as in every query here.
 */
const WAITLIST_POSITIONS = `LEFT JOIN (
    SELECT id, row_number() OVER (ORDER BY waitlist_seq)::int AS position
      FROM registrations WHERE event_id = $1 AND status = 'waitlisted') wp ON wp.id = r.id`;

const FROM_WITH_POSITIONS = `${FROM}
  ${WAITLIST_POSITIONS}`;

/**
 * FROM with only the tables a statement reads: the person and the organisation when
 * `columns` are printed or the search, a filter or (unless `sort` is false: a count) the
 * sort reads them, the travel plan for the visa filter or sort. Each is at most one row
 * per registration (foreign keys, not null; the plan's key is the registration), so
 * leaving one out changes no row.
 */
function fromFor(
  query: ListRegistrationsQueryDto,
  { columns = false, sort: sorted = true }: { columns?: boolean; sort?: boolean } = {},
): string {
  const sort = sorted ? (query.sort ?? 'createdAt').replace(/^-/, '') : '';
  const account = columns || Boolean(query.q) || sort === 'name';
  const organisation =
    columns || Boolean(query.q || query.country) || sort === 'organisation' || sort === 'country';
  const travel = Boolean(query.visaStatus) || sort === 'visaStatus';
  return [
    'FROM registrations r',
    account ? 'JOIN accounts a ON a.id = r.account_id' : '',
    organisation ? 'JOIN organisations o ON o.id = r.organisation_id' : '',
    travel ? 'LEFT JOIN travel_plans tp ON tp.registration_id = r.id' : '',
  ]
    .filter(Boolean)
    .join('\n  ');
}

function orderBy(sort: RegistrationSort | undefined): string {
  const key = sort ?? 'createdAt';
  const desc = key.startsWith('-');
  const column = SORT_COLUMNS[desc ? key.slice(1) : key];
  // The waitlist order breaks ties, then the id, so pages never overlap.
  return `${column} ${desc ? 'DESC' : 'ASC'}, r.waitlist_seq ASC NULLS FIRST, r.created_at, r.id`;
}

function toItem(r: Row, event: Event): RegistrationListItem {
  return {
    id: r.id,
    status: r.status,
    account: { id: r.account_id, name: r.account_name, email: r.account_email },
    organisation: {
      id: r.organisation_id,
      name: r.organisation_name,
      country: r.organisation_country,
    },
    profession: r.profession,
    professionOther: r.profession_other,
    languages: r.languages,
    dietary: r.dietary,
    accessibility: r.accessibility,
    phone: r.phone,
    emergencyContact: emergencyContactOf(
      r.emergency_contact_name,
      r.emergency_contact_phone,
      r.emergency_contact_relation,
    ),
    consentAt: r.consent_data_processing_at
      ? toZonedIso(r.consent_data_processing_at, event.timezone)
      : null,
    visaStatus: r.visa_status,
    waitlistPosition: r.waitlist_position,
    otherEditions: r.other_editions,
    createdAt: toZonedIso(r.created_at, event.timezone),
    statusChangedAt: toZonedIso(r.status_changed_at, event.timezone),
  };
}
