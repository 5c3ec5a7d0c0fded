import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '#core';
import type { Event } from './event.entity.js';
import type { StaffRole } from './event-staff.entity.js';

/** What an invitation to an event's staff says: who invites whom, to do what, and the link. */
export interface StaffInvitation {
  event: Event;
  role: StaffRole;
  recipient: { id: string; email: string; name: string };
  /** The language the organiser chose for the invitation (the new account's too). */
  locale: Locale;
  inviterName: string;
  /** A single-use sign-in link that lands on the page of the role. */
  link: string;
  expiresAt: Date;
}

/**
 * How an invitation reaches a person who had no account. Called inside the transaction
 * that adds them to the staff, so an outbox row written here commits with it.
 */
export abstract class StaffInvitationDelivery {
  abstract deliver(manager: EntityManager, invitation: StaffInvitation): Promise<void>;
}

/**
 * Token the messaging lib provides (it is global) to send invitations by email, so
 * events never imports messaging; without it the invitation goes to the log.
 */
export const OUTBOUND_STAFF_INVITATION_DELIVERY = Symbol('OUTBOUND_STAFF_INVITATION_DELIVERY');

@Injectable()
export class LogStaffInvitationDelivery extends StaffInvitationDelivery {
  private readonly logger = new Logger('StaffInvitation');

  async deliver(_m: EntityManager, invitation: StaffInvitation): Promise<void> {
    if (process.env.NODE_ENV === 'production') {
      this.logger.warn(`No mail delivery configured: invitation for ${invitation.recipient.id}`);
      return;
    }
    this.logger.log(`Invitation for ${invitation.recipient.email}: ${invitation.link}`);
  }
}
