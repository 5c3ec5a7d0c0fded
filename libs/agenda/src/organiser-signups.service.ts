import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, conflict, notFound, pgErrorCode } from '#core';
import { refuseEarlyAttendance } from './attendance-rules.js';
import { RegistrationGate } from './registration-gate.js';
import { lockSession, lockSessions } from './seat-allocator.js';
import { SessionsService } from './sessions.service.js';
import { SignupAccess } from './signup-access.service.js';
import { isOverlap, registrationEnded, SignupSeats } from './signup-seats.service.js';
import type { SignupView } from './signup.view.js';

/** What organisers (and, for attendance, facilitators) do to other people's sign-ups. */
@Injectable()
export class OrganiserSignups {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly guard: SignupAccess,
    private readonly seats: SignupSeats,
    private readonly gate: RegistrationGate,
  ) {}

  /** Organisers take someone off a session. */
  async remove(actor: Actor, sessionId: string, signupId: string): Promise<void> {
    await this.guard.requireOrganiserOf(actor, sessionId);
    await this.dataSource.transaction(async (m) => {
      await lockSession(m, sessionId);
      const cancelled = await this.seats.cancel(m, { sessionId, signupId });
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
    const { session: from } = await this.guard.requireOrganiserOf(actor, sessionId);
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
        // The registration before the sessions, as the registration workflow does.
        if (!(await this.gate.holdConfirmed(m, signup.registration_id))) throw registrationEnded();
        // Both sessions in id order, so two opposite moves cannot deadlock.
        await lockSessions(m, [from.id, to.id]);
        // Taken off meanwhile (by the person, an organiser, or their registration ending).
        if (!(await this.seats.cancel(m, { sessionId: from.id, signupId })))
          throw notFound('Sign-up');
        return this.seats.place(m, to, signup.account_id, signup.registration_id, {
          rulesAccepted: signup.rules_accepted_at !== null,
          addedBy: actor.accountId,
        });
      });
      return this.seats.view(id);
    } catch (e) {
      if (isOverlap(e)) throw await this.seats.overlapConflict(signup.account_id, to);
      if (pgErrorCode(e) === '23505') throw conflict('This person is already signed up there');
      throw e;
    }
  }

  /** Organisers and the session's facilitators mark who came, once the session has begun. */
  async markAttendance(
    actor: Actor,
    sessionId: string,
    signupId: string,
    attended: boolean,
  ): Promise<SignupView> {
    const { session } = await this.guard.requireAttendanceMarker(actor, sessionId);
    refuseEarlyAttendance(session);
    // The list and the door write one truth: session_attendance (source 'list'), which
    // certificates read; marking someone absent on the list takes them off it.
    const marked = await this.dataSource.transaction(async (m) => {
      const [rows]: [Array<{ account_id: string }>, number] = await m.query(
        `UPDATE signups SET attended = $3, attendance_marked_at = now(), updated_at = now()
          WHERE id = $1 AND session_id = $2 AND status = 'confirmed' RETURNING account_id`,
        [signupId, sessionId, attended],
      );
      if (!rows[0]) return false;
      if (attended) {
        await m.query(
          `INSERT INTO session_attendance (session_id, account_id, recorded_by, source)
           VALUES ($1, $2, $3, 'list') ON CONFLICT (session_id, account_id) DO NOTHING`,
          [sessionId, rows[0].account_id, actor.accountId],
        );
      } else {
        await m.query(`DELETE FROM session_attendance WHERE session_id = $1 AND account_id = $2`, [
          sessionId,
          rows[0].account_id,
        ]);
      }
      return true;
    });
    if (!marked) throw notFound('Confirmed sign-up');
    return this.seats.view(signupId);
  }
}
