import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, notFound } from '#core';
import type { Event } from '#events';
import { RegistrationAccess } from './registration-access.service.js';
import { Registration } from './registration.entity.js';
import { type RegistrationView, toRegistrationView } from './registration.view.js';

/** Why registration is not possible right now, as a code a page words in its language. */
export type ClosedCode = 'draft' | 'closed' | 'archived' | 'not_yet_open' | 'ended' | null;

export interface EventAvailability {
  capacity: number;
  confirmed: number;
  /** Never below zero; when 0 a new registration joins the waiting list. */
  seatsLeft: number;
  waitlisted: number;
  requiresApproval: boolean;
  closed: ClosedCode;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  /** The reader's own open (or declined) registration for this event, if any. */
  mine: { id: string; status: string; waitlistPosition: number | null } | null;
  /** The reader's address is confirmed (anonymous readers: false). */
  emailVerified: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same rule as registrationClosedReason, as a code instead of an English sentence. */
export function closedCode(event: Event, now: Date): ClosedCode {
  if (event.status === 'draft') return 'draft';
  if (event.status === 'closed') return 'closed';
  if (event.status === 'archived') return 'archived';
  if (event.registrationOpensAt && now < event.registrationOpensAt) return 'not_yet_open';
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return 'ended';
  return null;
}

/**
 * What a participant's own pages ask: can I register for this event and where do I
 * stand, and my registration (only mine: an organiser's right to read others' is for
 * the console, so here anyone else's id is simply not found).
 */
@Injectable()
export class ParticipantRegistrations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
  ) {}

  /** `event` as the caller read it for this actor (requireVisible or requireVisibleBySlug). */
  async availability(actor: Actor | undefined, event: Event): Promise<EventAvailability> {
    const eventId = event.id;
    // The event row's seat counters (kept by triggers in every writer's transaction), not a
    // count of its registrations: this page is what everyone opens during the rush.
    const [row] = (await this.dataSource.query(
      `SELECT seats_confirmed AS confirmed, seats_waitlisted AS waitlisted,
              (SELECT email_verified_at IS NOT NULL FROM accounts WHERE id = $2) AS verified
         FROM events WHERE id = $1`,
      [eventId, actor?.accountId ?? null],
    )) as Array<{ confirmed: number; waitlisted: number; verified: boolean | null }>;
    let mine: EventAvailability['mine'] = null;
    if (actor) {
      const own = await this.dataSource
        .getRepository(Registration)
        .createQueryBuilder('r')
        .where('r.eventId = :eventId AND r.accountId = :me', { eventId, me: actor.accountId })
        // A declined registration is kept in view: the service refuses a new one anyway.
        .andWhere(`r.status IN ('pending', 'confirmed', 'waitlisted', 'rejected')`)
        .orderBy(`CASE WHEN r.status = 'rejected' THEN 1 ELSE 0 END`)
        .addOrderBy('r.createdAt', 'DESC')
        .getOne();
      if (own) {
        mine = {
          id: own.id,
          status: own.status,
          waitlistPosition: await this.access.waitlistPosition(own),
        };
      }
    }
    return {
      capacity: event.capacity,
      confirmed: row.confirmed,
      seatsLeft: Math.max(0, event.capacity - row.confirmed),
      waitlisted: row.waitlisted,
      requiresApproval: event.requiresApproval,
      closed: closedCode(event, new Date()),
      registrationOpensAt: event.registrationOpensAt,
      registrationClosesAt: event.registrationClosesAt,
      mine,
      emailVerified: row.verified === true,
    };
  }

  /** The actor's own registration with its event; anyone else's (or a malformed id) is 404. */
  async own(actor: Actor, id: string): Promise<{ registration: RegistrationView; event: Event }> {
    if (!UUID.test(id)) throw notFound('Registration');
    const { registration, event, isOwner } = await this.access.load(actor, id);
    if (!isOwner) throw notFound('Registration');
    return {
      registration: toRegistrationView(
        registration,
        event.timezone,
        await this.access.waitlistPosition(registration),
      ),
      event,
    };
  }
}
