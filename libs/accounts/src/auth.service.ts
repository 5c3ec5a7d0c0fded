import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  RateLimiter,
  unauthenticated,
  requireReference,
} from '#core';
import { type TokenClaims, verifyAccessToken } from './access-token.js';
import { AccountLinksService } from './account-links.service.js';
import { Account } from './account.entity.js';
import { toAccountView, type AccountView } from './account.view.js';
import { LoginDto, MagicLinkRequestDto, SignupDto } from './dto/auth.dto.js';
import { accessTokenKey } from './jwt-options.js';
import { MagicLinkDelivery } from './magic-link-delivery.js';
import { MagicLinkToken } from './magic-link-token.entity.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password-hasher.js';
import { throttleByEmailAndAddress } from './sign-in-throttle.js';

export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;

/** The least time a sign-in-link request takes, known address or not (see requestMagicLink). */
export const EVEN_ANSWER_MS = 120;

export interface AuthResult {
  accessToken: string;
  account: AccountView;
}

/** A sign-up without a password gets no token: the emailed link is its only way in. */
export interface SignupResult {
  accessToken?: string;
  account: AccountView;
  /** True when a link to confirm the address is on its way. */
  verificationSent: boolean;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  /** Tokens are signed by the JwtModule with this same key (jwt-options.ts). */
  private readonly tokenKey: KeyObject;

  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly rateLimiter: RateLimiter,
    private readonly magicLinks: MagicLinkDelivery,
    private readonly links: AccountLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokenKey = accessTokenKey(config);
  }

  /**
   * Creates an unconfirmed account. Without a password no token is handed out (anyone
   * could type any address): a confirmation link is emailed instead, and opening it
   * signs the person in. With a password the token comes back as before, but the
   * account still cannot register for anything until its address is confirmed (the
   * web sign-up always emails the link: `sendVerification`).
   */
  async signup(
    dto: SignupDto,
    ip: string,
    {
      sendVerification = !dto.password,
      nextPath,
    }: { sendVerification?: boolean; nextPath?: string } = {},
  ): Promise<SignupResult> {
    await this.rateLimiter.hit(`signup:ip:${ip}`, this.config.signupMaxPerIp, 3600);
    if (dto.organisationId) {
      await requireReference(
        this.dataSource,
        'organisations',
        dto.organisationId,
        'organisationId',
      );
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    const inserted = await this.accounts
      .createQueryBuilder()
      .insert()
      .values({
        email: dto.email,
        name: dto.name,
        locale: dto.locale,
        organisationId: dto.organisationId ?? null,
        platformRole: 'member',
        passwordHash,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
    if (!id) return this.signupOfExistingEmail(dto, sendVerification, nextPath);
    const account = await this.accounts.findOneByOrFail({ id });
    if (sendVerification) {
      await this.dataSource.transaction((m) => this.links.sendVerification(m, account, nextPath));
    }
    if (!dto.password) {
      return { account: toAccountView(account), verificationSent: sendVerification };
    }
    return { ...(await this.issue(account)), verificationSent: sendVerification };
  }

  /**
   * A sign-up with an address that already has an account answers exactly as a new
   * one would (same status, same shape, about the same time: the password was hashed
   * all the same), so sign-up cannot be used to learn who has an account. The owner
   * gets a sign-in link by email instead, which is what a person who forgot they had an
   * account needs; the answer's account and token belong to nobody (the token is
   * refused everywhere), and nothing of the existing account changes.
   */
  private async signupOfExistingEmail(
    dto: SignupDto,
    verificationSent: boolean,
    nextPath?: string,
  ): Promise<SignupResult> {
    const owner = await this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = :email', { email: dto.email.toLowerCase() })
      .getOne();
    if (owner && !owner.erasedAt) await this.sendSignInLink(owner, nextPath);
    const decoy: AccountView = {
      id: randomUUID(),
      email: dto.email,
      name: dto.name,
      locale: dto.locale,
      organisationId: dto.organisationId ?? null,
      platformRole: 'member',
      createdAt: new Date().toISOString(),
    };
    if (!dto.password) return { account: decoy, verificationSent };
    const accessToken = await this.jwt.signAsync(
      { sub: decoy.id, ver: 0 },
      { expiresIn: this.config.jwtTtlSeconds },
    );
    return { accessToken, account: decoy, verificationSent };
  }

  async login(dto: LoginDto, ip: string): Promise<AuthResult> {
    await this.limitLogin(dto.email, ip);
    const account = await this.accounts
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('lower(a.email) = :email', { email: dto.email })
      .getOne();
    const ok = account
      ? await verifyPassword(account.passwordHash, dto.password)
      : await burnPasswordCheck(dto.password);
    if (!account || !ok) throw unauthenticated('Email or password is wrong');
    return this.issue(account);
  }

  /**
   * Always answers the same way, and no sooner than EVEN_ANSWER_MS whatever the address
   * (storing and queueing a link takes a few database round trips that an unknown
   * address skips), so it cannot be used to learn who has an account.
   */
  async requestMagicLink(dto: MagicLinkRequestDto, ip: string, nextPath?: string): Promise<void> {
    const started = performance.now();
    try {
      // Its own counters: wrong passwords typed by someone else never stop the owner's links.
      await throttleByEmailAndAddress(this.rateLimiter, this.config, 'magic', dto.email, ip);
      const account = await this.accounts
        .createQueryBuilder('a')
        .where('lower(a.email) = :email', { email: dto.email })
        .getOne();
      if (account) await this.sendSignInLink(account, nextPath);
    } finally {
      const left = EVEN_ANSWER_MS - (performance.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }

  /**
   * A new sign-in link retires the older unused ones of the account (invitation links,
   * which open a particular event, stay), so only the newest email in the inbox works.
   * Only the token's hash is stored; the outbox row holding the link loses it once sent.
   */
  private async sendSignInLink(account: Account, nextPath?: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + MAGIC_LINK_TTL_MS);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE magic_link_tokens SET used_at = now()
          WHERE account_id = $1 AND purpose = 'sign_in' AND used_at IS NULL`,
        [account.id],
      );
      await manager.insert(MagicLinkToken, {
        accountId: account.id,
        tokenHash: hashToken(token),
        expiresAt,
        nextPath: nextPath && /^\/(?![/\\])/.test(nextPath) ? nextPath : null,
        purpose: 'sign_in',
      });
      const link = `${this.config.publicUrl}/login/magic?token=${encodeURIComponent(token)}`;
      await this.magicLinks.deliver(manager, account, link, expiresAt);
    });
  }

  async verifyMagicLink(token: string): Promise<AuthResult> {
    return this.issue((await this.spendMagicLink(token)).account);
  }

  /** For the web pages: the account (a cookie session follows) and where to go next. */
  async verifyMagicLinkForWeb(token: string): Promise<{ account: Account; next: string | null }> {
    return this.spendMagicLink(token);
  }

  /**
   * Single use: the conditional update lets exactly one of two racing requests through.
   * Opening the emailed link proves the address, so it also confirms the email.
   */
  private async spendMagicLink(token: string): Promise<{ account: Account; next: string | null }> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(MagicLinkToken)
      .set({ usedAt: () => 'now()' })
      .where('token_hash = :hash AND used_at IS NULL AND expires_at > now()', {
        hash: hashToken(token),
      })
      .returning(['accountId', 'nextPath'])
      .execute();
    const row = (result.raw as Array<{ account_id: string; next_path: string | null }>)[0];
    if (!row) throw unauthenticated('This login link is invalid, expired or already used');
    await this.accounts
      .createQueryBuilder()
      .update()
      .set({ emailVerifiedAt: () => 'now()' })
      .where('id = :id AND email_verified_at IS NULL', { id: row.account_id })
      .execute();
    const account = await this.accounts.findOneByOrFail({ id: row.account_id });
    return { account, next: row.next_path };
  }

  /** Resolves a bearer token to the current account; a deleted account loses access at once. */
  async authenticate(bearer: string): Promise<{ actor: Actor }> {
    let claims: TokenClaims;
    try {
      claims = verifyAccessToken(bearer, this.tokenKey);
    } catch {
      throw unauthenticated('Your session is invalid or has expired; please log in again');
    }
    // Every authenticated request runs this: four columns by hand, not the ORM's entity
    // (its query building and hydration were 9% of a registration rush's CPU).
    const [account] = (await this.dataSource.query(
      `SELECT id, platform_role, token_version, erased_at FROM accounts WHERE id = $1`,
      [claims.sub],
    )) as Array<{
      id: string;
      platform_role: Account['platformRole'];
      token_version: number;
      erased_at: Date | null;
    }>;
    // A password change, a reset or an erasure bumped the version: this token is over.
    if (!account || account.erased_at || (claims.ver ?? 0) !== account.token_version)
      throw unauthenticated('Your session is invalid or has expired; please log in again');
    return { actor: { accountId: account.id, platformRole: account.platform_role } };
  }

  async issue(account: Account): Promise<AuthResult> {
    return { accessToken: await this.tokenFor(account.id), account: toAccountView(account) };
  }

  /** A bearer token carrying the account's current token version. */
  async tokenFor(accountId: string): Promise<string> {
    // Read again: the caller's copy may predate a bump in the same request (a reset).
    const { tokenVersion } = await this.accounts.findOneOrFail({
      where: { id: accountId },
      select: { id: true, tokenVersion: true },
    });
    return this.jwt.signAsync(
      { sub: accountId, ver: tokenVersion },
      { expiresIn: this.config.jwtTtlSeconds },
    );
  }

  /** Password guesses. */
  private limitLogin(email: string, ip: string): Promise<void> {
    return throttleByEmailAndAddress(this.rateLimiter, this.config, 'login', email, ip);
  }
}
