import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, RateLimiter, unauthenticated } from '#core';
import { Account } from './account.entity.js';
import { type AccountLinkPurpose, MagicLinkDelivery } from './magic-link-delivery.js';
import { hashPassword } from './password-hasher.js';
import { throttleByEmailAndAddress } from './sign-in-throttle.js';
import { endEverySession } from './web-sessions/end-sessions.js';

/** The same SHA-256 as sign-in links (not imported: auth.service imports this file). */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A confirmation link waits two days: people sign up, then read their mail later. */
export const VERIFY_EMAIL_TTL_MS = 48 * 3600 * 1000;
/** A password-reset link is short-lived: it hands over the account. */
export const PASSWORD_RESET_TTL_MS = 3600 * 1000;

const PATHS: Record<AccountLinkPurpose, string> = {
  verify_email: '/verify-email',
  password_reset: '/password/reset',
};

/**
 * Emailed single-use links other than sign-in links: confirming the address after a
 * sign-up, and resetting a forgotten password. Tokens are stored hashed; the request
 * side always answers the same way, so it tells nobody which addresses have accounts.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimiter: RateLimiter,
    private readonly delivery: MagicLinkDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Emails a confirmation link, inside the caller's transaction (the sign-up's).
   * `nextPath` (a path on this site) is where the person lands once confirmed.
   */
  async sendVerification(
    manager: EntityManager,
    account: Account,
    nextPath?: string,
  ): Promise<void> {
    await this.issue(manager, account, 'verify_email', VERIFY_EMAIL_TTL_MS, nextPath);
  }

  /** "Send the link again": nothing is sent to an unknown or already confirmed address. */
  async requestVerification(email: string, ip: string, nextPath?: string): Promise<void> {
    await this.limit(email, ip);
    const account = await this.byEmail(email);
    if (!account || account.emailVerifiedAt) return;
    await this.dataSource.transaction((m) =>
      this.issue(m, account, 'verify_email', VERIFY_EMAIL_TTL_MS, nextPath),
    );
  }

  /** Spends a confirmation link: the address is proven, the account may register. */
  async verifyEmail(token: string): Promise<Account> {
    return this.dataSource.transaction(async (manager) => {
      const accountId = await this.spend(manager, token, 'verify_email');
      await markVerified(manager, accountId);
      return manager.getRepository(Account).findOneByOrFail({ id: accountId });
    });
  }

  async requestPasswordReset(email: string, ip: string): Promise<void> {
    await this.limit(email, ip);
    const account = await this.byEmail(email);
    if (!account) return;
    await this.dataSource.transaction((m) =>
      this.issue(m, account, 'password_reset', PASSWORD_RESET_TTL_MS),
    );
  }

  /**
   * Sets the new password and ends every web session of the account, all in one
   * transaction; the caller then starts the one session of the person who reset it.
   * The link came by email, so the address is proven too. Other reset links die.
   */
  async resetPassword(token: string, password: string): Promise<Account> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const accountId = await this.spend(manager, token, 'password_reset');
      await manager.update(Account, { id: accountId }, { passwordHash });
      await markVerified(manager, accountId);
      await manager.query(
        `UPDATE account_tokens SET used_at = now()
          WHERE account_id = $1 AND purpose = 'password_reset' AND used_at IS NULL`,
        [accountId],
      );
      await endEverySession(manager, accountId);
      return manager.getRepository(Account).findOneByOrFail({ id: accountId });
    });
  }

  /** Whether a link still works, without spending it: the landing page says so up front. */
  async isUsable(token: string, purpose: AccountLinkPurpose): Promise<boolean> {
    if (typeof token !== 'string' || !token) return false;
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM account_tokens
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [hashToken(token), purpose],
    )) as unknown[];
    return rows.length > 0;
  }

  private async issue(
    manager: EntityManager,
    account: Account,
    purpose: AccountLinkPurpose,
    ttlMs: number,
    nextPath?: string,
  ): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + ttlMs);
    // Only the newest link of a kind works: asking again retires the ones before.
    await manager.query(
      `UPDATE account_tokens SET used_at = now()
        WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [account.id, purpose],
    );
    await manager.query(
      `INSERT INTO account_tokens (account_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [account.id, purpose, hashToken(token), expiresAt],
    );
    const next =
      nextPath && /^\/(?![/\\])/.test(nextPath) && nextPath.length < 500
        ? `&next=${encodeURIComponent(nextPath)}`
        : '';
    const link = `${this.config.publicUrl}${PATHS[purpose]}?token=${encodeURIComponent(token)}${next}`;
    await this.delivery.deliverAccountLink(manager, account, purpose, link, expiresAt);
  }

  /** Single use: the conditional update lets exactly one of two racing requests through. */
  private async spend(
    manager: EntityManager,
    token: string,
    purpose: AccountLinkPurpose,
  ): Promise<string> {
    if (typeof token !== 'string' || token.length > 200) {
      throw unauthenticated('This link is invalid, expired or already used');
    }
    const rows = (await manager.query(
      `UPDATE account_tokens t SET used_at = now()
         FROM accounts a
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL
          AND t.expires_at > now() AND a.id = t.account_id AND a.erased_at IS NULL
        RETURNING t.account_id`,
      [hashToken(token), purpose],
    )) as [Array<{ account_id: string }>, number];
    const row = rows[0]?.[0];
    if (!row) throw unauthenticated('This link is invalid, expired or already used');
    return row.account_id;
  }

  private byEmail(email: string): Promise<Account | null> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('lower(a.email) = :email AND a.erased_at IS NULL', { email: email.toLowerCase() })
      .getOne();
  }

  private limit(email: string, ip: string): Promise<void> {
    return throttleByEmailAndAddress(this.rateLimiter, this.config, 'links', email, ip);
  }
}

export async function markVerified(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query(
    `UPDATE accounts SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL`,
    [accountId],
  );
}
