import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, conflict, forbidden, notFound, pgErrorCode } from '#core';
import { requireWritable } from '#events';
import { CreateSignupDto } from './dto/signup.dto.js';
import { RegistrationGate } from './registration-gate.js';
import { lockSession } from './seat-allocator.js';
import { SessionsService } from './sessions.service.js';
import { isOverlap, SignupSeats } from './signup-seats.service.js';
import type { SignupView } from './signup.view.js';

/** A participant signing up for a session, or leaving it (an organiser may sign someone up). */
@Injectable()
export class SignupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationGate,
    private readonly seats: SignupSeats,
  ) {}

  /**
   * Confirmed while seats remain, waitlisted after. The session row lock serialises the
   * seat count; the exclusion constraint on the person's time ranges makes a double
   * booking impossible even across two sessions signed up for at the same instant.
   */
  async signUp(actor: Actor, sessionId: string, dto: CreateSignupDto): Promise<SignupView> {
    const { session, event, isOrganiser } = await this.sessions.requireSession(actor, sessionId);
    requireWritable(event);
    const accountId = dto.accountId ?? actor.accountId;
    const byOrganiser = accountId !== actor.accountId;
    if (byOrganiser && !isOrganiser) {
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
        this.seats.place(m, session, accountId, registrationId, {
          rulesAccepted: rules.length > 0 && dto.acceptRules === true,
          addedBy: byOrganiser ? actor.accountId : null,
        }),
      );
      return this.seats.view(id);
    } catch (e) {
      if (isOverlap(e)) throw await this.seats.overlapConflict(accountId, session);
      if (pgErrorCode(e) === '23505') {
        const existing = await this.seats.activeSignupId(sessionId, accountId);
        if (existing) return this.seats.view(existing);
      }
      throw e;
    }
  }

  /** Frees the caller's seat and, in the same transaction, gives it to the next in line. */
  async cancelMine(actor: Actor, sessionId: string): Promise<void> {
    requireWritable((await this.sessions.requireSession(actor, sessionId)).event);
    await this.dataSource.transaction(async (m) => {
      await lockSession(m, sessionId);
      const cancelled = await this.seats.cancel(m, { sessionId, accountId: actor.accountId });
      if (!cancelled) throw notFound('Sign-up');
    });
  }
}
