import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Account, type AccountLinkPurpose, MagicLinkDelivery } from '#accounts';
import { Outbox } from '../outbox.service.js';
import type { AccountLinkPayload, MagicLinkPayload } from '../payloads.js';

/** Magic links by email: an outbox row in the transaction that stores the token. */
@Injectable()
export class OutboxMagicLinkDelivery extends MagicLinkDelivery {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  async deliver(
    manager: EntityManager,
    account: Account,
    link: string,
    expiresAt: Date,
  ): Promise<void> {
    const payload: MagicLinkPayload = {
      recipientName: account.name,
      link,
      expiresAt: expiresAt.toISOString(),
    };
    await this.outbox.enqueue(manager, [
      {
        template: 'magic_link',
        recipientEmail: account.email,
        recipientAccountId: account.id,
        locale: account.locale,
        payload: { ...payload },
      },
    ]);
  }

  /** Confirmation and password-reset links, each with its own email. */
  override async deliverAccountLink(
    manager: EntityManager,
    account: Account,
    purpose: AccountLinkPurpose,
    link: string,
    expiresAt: Date,
  ): Promise<void> {
    const payload: AccountLinkPayload = {
      recipientName: account.name,
      link,
      expiresAt: expiresAt.toISOString(),
    };
    await this.outbox.enqueue(manager, [
      {
        template: purpose === 'verify_email' ? 'email_verification' : 'password_reset',
        recipientEmail: account.email,
        recipientAccountId: account.id,
        locale: account.locale,
        payload: { ...payload },
      },
    ]);
  }
}
