import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventTextsIn, type StaffInvitation, StaffInvitationDelivery } from '#events';
import { Outbox } from '../outbox.service.js';
import { eventSummary } from '../payloads.js';
import type { StaffInvitationPayload } from '../templates/staff.templates.js';

/** Staff invitations by email: an outbox row in the transaction that adds the person. */
@Injectable()
export class OutboxStaffInvitationDelivery extends StaffInvitationDelivery {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  async deliver(manager: EntityManager, invitation: StaffInvitation): Promise<void> {
    const { event, recipient, locale } = invitation;
    const payload: StaffInvitationPayload = {
      ...eventSummary(event),
      // The event's name in the invitation's language when the event has it.
      eventName: eventTextsIn(event, locale).name,
      recipientName: recipient.name,
      inviterName: invitation.inviterName,
      role: invitation.role,
      link: invitation.link,
      expiresAt: invitation.expiresAt.toISOString(),
    };
    await this.outbox.enqueue(manager, [
      {
        template: 'staff_invitation',
        recipientEmail: recipient.email,
        recipientAccountId: recipient.id,
        locale,
        eventId: event.id,
        payload: { ...payload },
      },
    ]);
  }
}
