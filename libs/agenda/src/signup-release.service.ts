import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EndedRegistration } from '#registrations';
import { lockSessions } from './seat-allocator.js';
import { SignupSeats } from './signup-seats.service.js';

/**
 * Someone whose registration ends (cancelled or rejected) leaves every session of the
 * event: confirmed seats go to the next people waiting, with their signup_promoted
 * emails, and waitlist places are dropped. Runs in the registration's transaction.
 */
@Injectable()
export class SignupRelease {
  constructor(private readonly seats: SignupSeats) {}

  /** Returns the sessions the person was taken off, in lock order. */
  async releaseAll(m: EntityManager, ended: EndedRegistration): Promise<string[]> {
    // Stable while we work: the caller holds the registration row FOR UPDATE, and every
    // new sign-up or move first takes it FOR SHARE (RegistrationGate.holdConfirmed).
    const rows: Array<{ session_id: string }> = await m.query(
      `SELECT DISTINCT session_id FROM signups
        WHERE event_id = $1 AND account_id = $2 AND status <> 'cancelled'
        ORDER BY session_id`,
      [ended.eventId, ended.accountId],
    );
    const sessionIds = rows.map((r) => r.session_id);
    if (sessionIds.length === 0) return [];
    // One statement locks them in id order, the order of an organiser's move, so the
    // two cannot deadlock.
    await lockSessions(m, sessionIds);
    await this.seats.cancel(m, { eventId: ended.eventId, accountId: ended.accountId });
    return sessionIds;
  }
}
