import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OUTBOUND_MAGIC_LINK_DELIVERY } from '#accounts';
import { OUTBOUND_STAFF_INVITATION_DELIVERY } from '#events';
import { OutboxMagicLinkDelivery } from './magic-link/outbox-magic-link-delivery.js';
import { Message } from './message.entity.js';
import { Outbox } from './outbox.service.js';
import { OutboxWake } from './outbox-wake.js';
import { OutboxStaffInvitationDelivery } from './staff-invitation/outbox-staff-invitation-delivery.js';

/**
 * Global so any domain service can write outbox rows inside its own transaction. It
 * also hands AccountsModule the email delivery of magic links, so accounts never
 * imports messaging.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Message])],
  providers: [
    Outbox,
    OutboxWake,
    OutboxMagicLinkDelivery,
    { provide: OUTBOUND_MAGIC_LINK_DELIVERY, useExisting: OutboxMagicLinkDelivery },
    OutboxStaffInvitationDelivery,
    { provide: OUTBOUND_STAFF_INVITATION_DELIVERY, useExisting: OutboxStaffInvitationDelivery },
  ],
  exports: [
    Outbox,
    OutboxWake,
    TypeOrmModule,
    OUTBOUND_MAGIC_LINK_DELIVERY,
    OUTBOUND_STAFF_INVITATION_DELIVERY,
  ],
})
export class MessagingModule {}
