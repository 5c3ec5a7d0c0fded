import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OUTBOUND_MAGIC_LINK_DELIVERY } from '#accounts';
import { OutboxMagicLinkDelivery } from './magic-link/outbox-magic-link-delivery.js';
import { Message } from './message.entity.js';
import { Outbox } from './outbox.service.js';

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
    OutboxMagicLinkDelivery,
    { provide: OUTBOUND_MAGIC_LINK_DELIVERY, useExisting: OutboxMagicLinkDelivery },
  ],
  exports: [Outbox, TypeOrmModule, OUTBOUND_MAGIC_LINK_DELIVERY],
})
export class MessagingModule {}
