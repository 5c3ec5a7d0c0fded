import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Account } from './account.entity.js';

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
