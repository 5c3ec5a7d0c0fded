import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, type CsvCell, type CsvOptions, toZonedIso, writeCsvTable } from '#core';
import { SignupAccess } from './signup-access.service.js';
import type { SignupStatus } from './signup.entity.js';
import { toSessionView } from './session.view.js';

interface ListRow {
  id: string;
  account_id: string;
  status: SignupStatus;
  name: string;
  email: string;
  organisation: string | null;
  country: string | null;
  phone: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  attended: boolean | null;
  rules_accepted_at: Date | null;
  created_at: Date;
  position: number | null;
}

/** One person on a session's list. */
export interface ListPerson {
  signupId: string;
  accountId: string;
  status: SignupStatus;
  /** Place on the waitlist, 1 first; null when confirmed. */
  position: number | null;
  name: string;
  email: string;
  organisation: string | null;
  country: string | null;
  /** The person's own mobile; null for readers who may not see it. */
  phone: string | null;
  emergencyContact: { name: string | null; phone: string | null };
  rulesAccepted: boolean;
  attended: boolean | null;
  signedUpAt: string;
}

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

/** The bus list's columns, in order: each header with how a person fills it. */
const CSV_COLUMNS: Array<[header: string, cell: (p: ListPerson) => CsvCell]> = [
  ['status', (p) => p.status],
  ['position', (p) => p.position ?? ''],
  ['name', (p) => p.name],
  ['organisation', (p) => p.organisation ?? ''],
  ['country', (p) => p.country ?? ''],
  ['email', (p) => p.email],
  ['phone', (p) => p.phone ?? ''],
  ['emergency_contact', (p) => p.emergencyContact.name ?? ''],
  ['emergency_phone', (p) => p.emergencyContact.phone ?? ''],
  ['rules_accepted', (p) => yesNo(p.rulesAccepted)],
  ['attended', (p) => yesNo(p.attended)],
];

/** A session's list of people (the bus list of a site visit), as JSON or CSV. */
@Injectable()
export class SignupLists {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly guard: SignupAccess,
  ) {}

  /**
   * The list of a session, for organisers and its facilitators (and hosts of a visit),
   * with each person's own mobile and their emergency contact, taken from the
   * registration the sign-up was made with.
   */
  async list(actor: Actor, sessionId: string) {
    const { session, zone, seesPhones } = await this.guard.requireListReader(actor, sessionId);
    const rows: ListRow[] = await this.dataSource.query(
      `SELECT g.id, g.account_id, g.status, a.name, a.email, o.name AS organisation, o.country,
              CASE WHEN $2 THEN r.phone END AS phone,
              r.emergency_contact_name AS emergency_name,
              r.emergency_contact_phone AS emergency_phone,
              g.attended, g.rules_accepted_at, g.created_at,
              CASE WHEN g.status = 'waitlisted'
                   THEN row_number() OVER (PARTITION BY g.status ORDER BY g.seq) END::int AS position
         FROM signups g
         JOIN accounts a ON a.id = g.account_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN registrations r ON r.id = g.registration_id
        WHERE g.session_id = $1 AND g.status <> 'cancelled'
        ORDER BY g.status, g.seq`,
      [sessionId, seesPhones],
    );
    const people = rows.map((r): ListPerson => ({
      signupId: r.id,
      accountId: r.account_id,
      status: r.status,
      position: r.position,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      country: r.country,
      phone: r.phone,
      emergencyContact: { name: r.emergency_name, phone: r.emergency_phone },
      rulesAccepted: r.rules_accepted_at !== null,
      attended: r.attended,
      signedUpAt: toZonedIso(r.created_at, zone),
    }));
    return {
      session: toSessionView(session, zone),
      confirmed: people.filter((p) => p.status === 'confirmed'),
      waitlisted: people.filter((p) => p.status === 'waitlisted'),
    };
  }

  /**
   * The bus list of a visit (or any session) as CSV, confirmed people first, through the
   * one CSV writer (BOM, formula-like cells neutralised, the separator asked for).
   */
  async listCsv(
    actor: Actor,
    sessionId: string,
    options: CsvOptions = {},
  ): Promise<{ filename: string; body: string }> {
    const list = await this.list(actor, sessionId);
    const s = list.session;
    const preamble: CsvCell[][] = [
      [s.title],
      [`${s.startsAt} - ${s.endsAt}`],
      ...(s.siteVisit
        ? [
            [`Meeting point: ${s.siteVisit.meetingPoint}`],
            [`Departure ${s.siteVisit.departureAt}, return ${s.siteVisit.returnAt}`],
            [`Transport: ${s.siteVisit.transportMode}, ${s.siteVisit.seats} seats`],
          ]
        : []),
      [],
    ];
    const body = writeCsvTable(
      CSV_COLUMNS,
      [...list.confirmed, ...list.waitlisted],
      options,
      preamble,
    );
    const slug =
      s.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'session';
    return { filename: `${slug}-list.csv`, body };
  }
}
