import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  badRequest,
  conflict,
  forbidden,
  isAdmin,
  notFound,
  pgErrorCode,
  toZonedIso,
} from '#core';
import { EventAccess } from '#events';
import { CreateSignupDto } from './dto/signup.dto.js';
import { RegistrationGate } from './registration-gate.js';
import {
  confirmedCount,
  lockSession,
  overlappingHeld,
  promoteWaitlist,
  waitlistPosition,
} from './seat-allocator.js';
import { SessionsService } from './sessions.service.js';
import type { SignupStatus } from './signup.entity.js';
import { type SessionRecord, toSessionView } from './session.view.js';

export interface SignupView {
  id: string;
  sessionId: string;
  accountId: string;
  status: SignupStatus;
  /** Place on the waitlist, 1 first; null when not waitlisted. */
  position: number | null;
  rulesAccepted: boolean;
  attended: boolean | null;
  createdAt: string;
}

interface SignupRow {
  id: string;
  session_id: string;
  account_id: string;
  status: SignupStatus;
  rules_accepted_at: Date | null;
  attended: boolean | null;
  created_at: Date;
}

class OverlapError extends Error {}

@Injectable()
export class SignupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationGate,
  ) {}

  /**
   * Confirmed while seats remain, waitlisted after. The session row lock serialises the
   * seat count; the exclusion constraint on the person's time ranges makes a double
   * booking impossible even across two sessions signed up for at the same instant.
   */
  async signUp(actor: Actor, sessionId: string, dto: CreateSignupDto): Promise<SignupView> {
    const { session } = await this.sessions.requireSession(actor, sessionId);
    const accountId = dto.accountId ?? actor.accountId;
    const byOrganiser = accountId !== actor.accountId;
    if (byOrganiser && !(await this.access.isOrganiser(actor, session.eventId))) {
      throw forbidden('Only organisers can sign up someone else');
    }
    if (session.status !== 'published') {
      throw conflict(`Sign-ups are closed: this session is ${session.status}`);
    }
    if (!session.signupRequired) {
      throw conflict('This session is open to every participant and takes no sign-ups');
    }
    const rules = session.siteVisit?.rules ?? [];
    if (rules.length > 0 && !byOrganiser && dto.acceptRules !== true) {
      throw badRequest("acceptRules must be true: this visit's rules must be accepted first", {
        field: 'acceptRules',
        rules,
      });
    }
    const registrationId = await this.registrations.confirmedRegistrationId(
      session.eventId,
      accountId,
    );
    if (!registrationId) {
      throw byOrganiser
        ? badRequest('This person has no confirmed registration for the event', {
            field: 'accountId',
          })
        : forbidden('A confirmed registration for this event is needed to sign up for sessions');
    }

    try {
      const id = await this.dataSource.transaction((m) =>
        this.place(m, session, accountId, registrationId, {
          rulesAccepted: rules.length > 0 && dto.acceptRules === true,
          addedBy: byOrganiser ? actor.accountId : null,
        }),
      );
      return this.view(id);
    } catch (e) {
      if (e instanceof OverlapError || pgErrorCode(e) === '23P01') {
        throw await this.overlapConflict(accountId, session);
      }
      if (pgErrorCode(e) === '23505') {
        const existing = await this.activeSignupId(sessionId, accountId);
        if (existing) return this.view(existing);
      }
      throw e;
    }
  }

  /** Frees the caller's seat and, in the same transaction, gives it to the next in line. */
  async cancelMine(actor: Actor, sessionId: string): Promise<void> {
    await this.sessions.requireSession(actor, sessionId);
    await this.dataSource.transaction(async (m) => {
      await lockSession(m, sessionId);
      const cancelled = await this.cancelIn(m, sessionId, { accountId: actor.accountId });
      if (!cancelled) throw notFound('Sign-up');
    });
  }

  /** Organisers take someone off a session. */
  async remove(actor: Actor, sessionId: string, signupId: string): Promise<void> {
    await this.requireOrganiserOf(actor, sessionId);
    await this.dataSource.transaction(async (m) => {
      await lockSession(m, sessionId);
      const cancelled = await this.cancelIn(m, sessionId, { signupId });
      if (!cancelled) throw notFound('Sign-up');
    });
  }

  /** Organisers move someone to another session of the same event, in one transaction. */
  async move(
    actor: Actor,
    sessionId: string,
    signupId: string,
    toSessionId: string,
  ): Promise<SignupView> {
    const { session: from } = await this.requireOrganiserOf(actor, sessionId);
    const { session: to } = await this.sessions.requireSession(actor, toSessionId);
    if (to.eventId !== from.eventId) {
      throw badRequest('toSessionId must be a session of the same event', { field: 'toSessionId' });
    }
    if (to.id === from.id)
      throw badRequest('toSessionId is the current session', { field: 'toSessionId' });
    if (to.status !== 'published') {
      throw conflict(`Cannot move people into a session that is ${to.status}`);
    }
    const [signup]: Array<{
      account_id: string;
      registration_id: string;
      rules_accepted_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT account_id, registration_id, rules_accepted_at FROM signups
          WHERE id = $1 AND session_id = $2 AND status <> 'cancelled'`,
      [signupId, sessionId],
    );
    if (!signup) throw notFound('Sign-up');
    try {
      const id = await this.dataSource.transaction(async (m) => {
        // Lock both sessions in a fixed order so two opposite moves cannot deadlock.
        for (const id of [from.id, to.id].sort()) await lockSession(m, id);
        await this.cancelIn(m, from.id, { signupId });
        return this.place(m, to, signup.account_id, signup.registration_id, {
          rulesAccepted: signup.rules_accepted_at !== null,
          addedBy: actor.accountId,
        });
      });
      return this.view(id);
    } catch (e) {
      if (e instanceof OverlapError || pgErrorCode(e) === '23P01') {
        throw await this.overlapConflict(signup.account_id, to);
      }
      if (pgErrorCode(e) === '23505') throw conflict('This person is already signed up there');
      throw e;
    }
  }

  async markAttendance(
    actor: Actor,
    sessionId: string,
    signupId: string,
    attended: boolean,
  ): Promise<SignupView> {
    await this.requireListReader(actor, sessionId);
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE signups SET attended = $3, attendance_marked_at = now(), updated_at = now()
        WHERE id = $1 AND session_id = $2 AND status = 'confirmed'`,
      [signupId, sessionId, attended],
    );
    if (!result[1]) throw notFound('Confirmed sign-up');
    return this.view(signupId);
  }

  /** The list of a session, for organisers and its facilitators (and hosts of a visit). */
  async list(actor: Actor, sessionId: string) {
    const { session, zone } = await this.requireListReader(actor, sessionId);
    const contact = await this.registrations.contactColumns();
    const hasRegistrations = contact.phone !== 'NULL' || contact.emergencyPhone !== 'NULL';
    const rows: Array<{
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
    }> = await this.dataSource.query(
      `SELECT g.id, g.account_id, g.status, a.name, a.email, o.name AS organisation, o.country,
              ${hasRegistrations ? contact.phone : 'NULL'} AS phone,
              ${hasRegistrations ? contact.emergencyName : 'NULL'} AS emergency_name,
              ${hasRegistrations ? contact.emergencyPhone : 'NULL'} AS emergency_phone,
              g.attended, g.rules_accepted_at, g.created_at,
              CASE WHEN g.status = 'waitlisted'
                   THEN row_number() OVER (PARTITION BY g.status ORDER BY g.seq) END::int AS position
         FROM signups g
         JOIN accounts a ON a.id = g.account_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
         ${hasRegistrations ? 'LEFT JOIN registrations r ON r.id = g.registration_id' : ''}
        WHERE g.session_id = $1 AND g.status <> 'cancelled'
        ORDER BY g.status, g.seq`,
      [sessionId],
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
    const header = [
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
    ];
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
      stringify(preamble) + stringify(lines, { header: true, columns: header, bom: false });
    const slug =
      s.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'session';
    return { filename: `${slug}-list.csv`, body };
  }

  /** Inserts a sign-up under the session lock; returns its id. */
  private async place(
    m: EntityManager,
    session: SessionRecord,
    accountId: string,
    registrationId: string,
    opts: { rulesAccepted: boolean; addedBy: string | null },
  ): Promise<string> {
    const locked = await lockSession(m, session.id);
    if (!locked) throw notFound('Session');
    if (locked.status !== 'published')
      throw conflict(`Sign-ups are closed: this session is ${locked.status}`);
    const existing = await this.activeSignupId(session.id, accountId, m);
    if (existing) return existing;
    const clashes = await overlappingHeld(m, accountId, locked.startsAt, locked.endsAt, session.id);
    if (clashes.length > 0) throw new OverlapError();
    const taken = await confirmedCount(m, session.id);
    const status: SignupStatus =
      locked.capacity == null || taken < locked.capacity ? 'confirmed' : 'waitlisted';
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO signups (session_id, event_id, registration_id, account_id, status, starts_at, ends_at,
         rules_accepted_at, added_by, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END, $9,
               CASE WHEN $5 = 'confirmed' THEN now() END)
       RETURNING id`,
      [
        session.id,
        session.eventId,
        registrationId,
        accountId,
        status,
        locked.startsAt,
        locked.endsAt,
        opts.rulesAccepted,
        opts.addedBy,
      ],
    );
    return row.id;
  }

  /** Cancels one active sign-up; a freed confirmed seat goes to the waitlist at once. */
  private async cancelIn(
    m: EntityManager,
    sessionId: string,
    who: { accountId?: string; signupId?: string },
  ): Promise<boolean> {
    const rows: [Array<{ was: SignupStatus }>, number] = await m.query(
      `UPDATE signups g SET status = 'cancelled', cancelled_at = now(), updated_at = now()
         FROM signups old
        WHERE g.id = old.id AND g.session_id = $1 AND g.status <> 'cancelled'
          AND ($2::uuid IS NULL OR g.account_id = $2) AND ($3::uuid IS NULL OR g.id = $3)
        RETURNING old.status AS was`,
      [sessionId, who.accountId ?? null, who.signupId ?? null],
    );
    const changed = rows[0];
    if (changed.length === 0) return false;
    if (changed.some((r) => r.was === 'confirmed')) await promoteWaitlist(m, sessionId);
    return true;
  }

  private async activeSignupId(
    sessionId: string,
    accountId: string,
    m?: EntityManager,
  ): Promise<string | undefined> {
    const q = m ?? this.dataSource.manager;
    const rows: Array<{ id: string }> = await q.query(
      `SELECT id FROM signups WHERE session_id = $1 AND account_id = $2 AND status <> 'cancelled'`,
      [sessionId, accountId],
    );
    return rows[0]?.id;
  }

  private async overlapConflict(accountId: string, session: SessionRecord) {
    const sessionIds = await overlappingHeld(
      this.dataSource.manager,
      accountId,
      session.startsAt,
      session.endsAt,
      session.id,
    );
    return conflict('This overlaps a session already held at that time', {
      conflicts: [{ type: 'participant_overlap', sessionIds: [session.id, ...sessionIds] }],
    });
  }

  private async requireOrganiserOf(actor: Actor, sessionId: string) {
    const found = await this.sessions.requireSession(actor, sessionId);
    if (!(await this.access.isOrganiser(actor, found.session.eventId))) {
      throw forbidden('Only the organisers of this event can do this');
    }
    return found;
  }

  /** Organisers, the session's own facilitators, and the event's hosts for a site visit. */
  private async requireListReader(actor: Actor, sessionId: string) {
    const { session, event } = await this.sessions.requireSession(actor, sessionId);
    const zone = event.timezone;
    if (isAdmin(actor) || (await this.access.isOrganiser(actor, session.eventId))) {
      return { session, zone };
    }
    if (session.facilitators.some((f) => f.accountId === actor.accountId)) return { session, zone };
    if (session.kind === 'site_visit') {
      const roles = await this.access.rolesOf(actor, session.eventId);
      if (roles.includes('host')) return { session, zone };
    }
    throw forbidden("Only organisers and the session's facilitators can see its list");
  }

  private async view(id: string): Promise<SignupView> {
    const [row]: SignupRow[] = await this.dataSource.query(
      `SELECT id, session_id, account_id, status, rules_accepted_at, attended, created_at
         FROM signups WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('Sign-up');
    return {
      id: row.id,
      sessionId: row.session_id,
      accountId: row.account_id,
      status: row.status,
      position: await waitlistPosition(this.dataSource.manager, row.id),
      rulesAccepted: row.rules_accepted_at !== null,
      attended: row.attended,
      createdAt: row.created_at.toISOString(),
    };
  }
}
