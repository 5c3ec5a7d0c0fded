import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Account } from './account.entity.js';

/** Emailed links other than sign-in: confirming an address, resetting a password. */
export type AccountLinkPurpose = 'verify_email' | 'password_reset';

/**
 * How a magic link reaches its owner. Called inside the transaction that stores the
 * token, so an outbox row written here commits (or rolls back) with it.
 */
export abstract class MagicLinkDelivery {
  abstract deliver(
    manager: EntityManager,
    account: Account,
    link: string,
    expiresAt: Date,
  ): Promise<void>;

  /**
   * A confirmation or password-reset link. The email delivery overrides it with its own
   * templates; the default (tests' captures, the development log) treats it as a link.
   */
  deliverAccountLink(
    manager: EntityManager,
    account: Account,
    _purpose: AccountLinkPurpose,
    link: string,
    expiresAt: Date,
  ): Promise<void> {
    return this.deliver(manager, account, link, expiresAt);
  }
}

/** Development fallback until email is wired: the link goes to the log, never in production. */
@Injectable()
export class LogMagicLinkDelivery extends MagicLinkDelivery {
  private readonly logger = new Logger('MagicLink');

  async deliver(_m: EntityManager, account: Account, link: string): Promise<void> {
    if (process.env.NODE_ENV === 'production') {
      this.logger.warn(`No mail delivery configured: magic link for ${account.id} dropped`);
      return;
    }
    this.logger.log(`Magic link for ${account.email}: ${link}`);
  }
}
