import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Account, type AccountLinkPurpose, MagicLinkDelivery } from '#accounts';
import { Outbox } from '../outbox.service.js';
import type { AccountLinkPayload, MagicLinkPayload } from '../payloads.js';

/**
 * The recipient's zone, for the link's expiry time: the event of their latest live
 * registration (accounts keep no zone of their own); none for a newcomer.
 */
async function zoneOf(
  manager: EntityManager,
  accountId: string,
): Promise<{ timezone: string | null; zoneCity: string | null }> {
  const [row]: Array<{ timezone: string; venue_city: string | null }> = await manager.query(
    `SELECT e.timezone, e.venue_city FROM registrations r JOIN events e ON e.id = r.event_id
      WHERE r.account_id = $1 AND r.status NOT IN ('cancelled', 'rejected')
      ORDER BY e.end_date DESC, r.created_at DESC LIMIT 1`,
    [accountId],
  );
  return { timezone: row?.timezone ?? null, zoneCity: row?.venue_city ?? null };
}

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
      ...(await zoneOf(manager, account.id)),
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
      ...(await zoneOf(manager, account.id)),
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
