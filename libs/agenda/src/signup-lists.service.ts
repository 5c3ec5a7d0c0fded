import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { type Actor, toZonedIso } from '#core';
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

/** The columns of the bus list, in order; the CSV test reads them one by one. */
export const SIGNUP_LIST_COLUMNS = [
  'status',
  'position',
  'name',
  'organisation',
  'country',
  'email',
  'phone',
  'emergency_contact',
  'emergency_phone',
  'rules_accepted',
  'attended',
] as const;

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
    const people = rows.map((r) => ({
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

  /** The bus list of a visit (or any session) as CSV, confirmed people first. */
  async listCsv(actor: Actor, sessionId: string): Promise<{ filename: string; body: string }> {
    const list = await this.list(actor, sessionId);
    const s = list.session;
    const lines = [...list.confirmed, ...list.waitlisted].map((p) => [
      p.status,
      p.position ?? '',
      p.name,
      p.organisation ?? '',
      p.country ?? '',
      p.email,
      p.phone ?? '',
      p.emergencyContact.name ?? '',
      p.emergencyContact.phone ?? '',
      p.rulesAccepted ? 'yes' : 'no',
      p.attended === null ? '' : p.attended ? 'yes' : 'no',
    ]);
    const preamble = [
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
    const body =
      stringify(preamble) +
      stringify(lines, { header: true, columns: [...SIGNUP_LIST_COLUMNS], bom: false });
    const slug =
      s.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'session';
    return { filename: `${slug}-list.csv`, body };
  }
}
