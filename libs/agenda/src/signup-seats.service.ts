import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound, pgErrorCode } from '#core';
import { promoteWhereClashWent } from './clash-release.js';
import { RegistrationGate } from './registration-gate.js';
import { confirmedCount, lockSession, overlappingHeld } from './seat-allocator.js';
import type { SignupStatus } from './signup.entity.js';
import type { SignupView } from './signup.view.js';
import type { SessionRecord } from './session.view.js';
import { WaitlistPromoter } from './waitlist-promoter.js';

/** The person already holds a confirmed session at that time (found before the insert). */
export class OverlapError extends Error {}

/** The 409 when the person's registration stopped being confirmed before the seat was taken. */
export const registrationEnded = () =>
  conflict('This registration is no longer confirmed; sessions need a confirmed registration');

/** An overlap found by us or by the exclusion constraint on the person's time ranges. */
export const isOverlap = (e: unknown) => e instanceof OverlapError || pgErrorCode(e) === '23P01';

interface SignupRow {
  id: string;
  session_id: string;
  account_id: string;
  status: SignupStatus;
  rules_accepted_at: Date | null;
  attended: boolean | null;
  created_at: Date;
  position: number | null;
}

/**
 * Taking and freeing seats, shared by participants and organisers: a place is decided
 * under the session row lock, and a freed confirmed seat goes to the waitlist at once.
 */
@Injectable()
export class SignupSeats {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly promoter: WaitlistPromoter,
    private readonly gate: RegistrationGate,
  ) {}

  /**
   * Inserts a sign-up under the session lock; returns its id. The registration is held
   * confirmed first (before the session lock), so a cancellation racing us cannot leave
   * this seat behind.
   */
  async place(
    m: EntityManager,
    session: SessionRecord,
    accountId: string,
    registrationId: string,
    opts: { rulesAccepted: boolean; addedBy: string | null },
  ): Promise<string> {
    if (!(await this.gate.holdConfirmed(m, registrationId))) throw registrationEnded();
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
    // A seat taken at once goes into the person's calendar (a waitlisted place does not).
    if (status === 'confirmed') await this.promoter.signupEmails(m, 'signup_confirmed', [row.id]);
    return row.id;
  }

  /**
   * Cancels the active sign-ups `who` names (one, or a person's in one session or a whole
   * event); every session that lost a confirmed seat fills it from its waitlist at once,
   * with the promoted people's emails in the same transaction. Hold those sessions'
   * locks first. Returns how many sign-ups were cancelled.
   */
  async cancel(
    m: EntityManager,
    who:
      | { sessionId: string; accountId?: string; signupId?: string }
      | { eventId: string; accountId: string },
  ): Promise<number> {
    const [changed]: [
      Array<{
        id: string;
        session_id: string;
        was: SignupStatus;
        account_id: string;
        starts_at: Date;
        ends_at: Date;
      }>,
      number,
    ] = await m.query(
      `UPDATE signups g SET status = 'cancelled', cancelled_at = now(), updated_at = now()
         FROM signups old
        WHERE g.id = old.id AND g.status <> 'cancelled'
          AND ($1::uuid IS NULL OR g.session_id = $1) AND ($2::uuid IS NULL OR g.event_id = $2)
          AND ($3::uuid IS NULL OR g.account_id = $3) AND ($4::uuid IS NULL OR g.id = $4)
        RETURNING g.id, g.session_id, old.status AS was, g.account_id, g.starts_at, g.ends_at`,
      [
        'sessionId' in who ? who.sessionId : null,
        'eventId' in who ? who.eventId : null,
        who.accountId ?? null,
        'signupId' in who ? (who.signupId ?? null) : null,
      ],
    );
    // Confirmed seats given up leave the person's calendar (METHOD:CANCEL).
    const given = changed.filter((r) => r.was === 'confirmed');
    await this.promoter.signupEmails(
      m,
      'signup_cancelled',
      given.map((r) => r.id),
    );
    const freed = new Set(given.map((r) => r.session_id));
    for (const id of [...freed].sort()) await this.promoter.fillFreeSeats(m, id);
    // The people who left a seat may be waiting elsewhere at that time: serve them now.
    await promoteWhereClashWent(
      m,
      this.promoter,
      changed
        .filter((r) => r.was === 'confirmed')
        .map((r) => ({ accountId: r.account_id, startsAt: r.starts_at, endsAt: r.ends_at })),
    );
    return changed.length;
  }

  async activeSignupId(
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

  /** The 409 for a double booking, naming the sessions the person already holds then. */
  async overlapConflict(accountId: string, session: SessionRecord) {
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

  async view(id: string): Promise<SignupView> {
    const [row]: SignupRow[] = await this.dataSource.query(
      `SELECT s.id, s.session_id, s.account_id, s.status, s.rules_accepted_at, s.attended, s.created_at,
              CASE WHEN s.status = 'waitlisted' THEN (
                SELECT count(*)::int FROM signups w
                 WHERE w.session_id = s.session_id AND w.status = 'waitlisted' AND w.seq <= s.seq)
              END AS position
         FROM signups s WHERE s.id = $1`,
      [id],
    );
    if (!row) throw notFound('Sign-up');
    return {
      id: row.id,
      sessionId: row.session_id,
      accountId: row.account_id,
      status: row.status,
      position: row.position,
      rulesAccepted: row.rules_accepted_at !== null,
      attended: row.attended,
      createdAt: row.created_at.toISOString(),
    };
  }
}
