import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  forbidden,
  isAdmin,
  notFound,
  unauthenticated,
  requireReference,
  DomainError,
} from '#core';
import { Account } from './account.entity.js';
import { type AccountView, toAccountView } from './account.view.js';
import { UpdateMeDto } from './dto/auth.dto.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { endEverySession } from './web-sessions/end-sessions.js';

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD; an existing account is promoted. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const existing = await this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = :email', { email: adminEmail })
      .getOne();
    if (existing) {
      if (existing.platformRole !== 'admin') {
        await this.accounts.update({ id: existing.id }, { platformRole: 'admin' });
        this.logger.log(`Promoted ${adminEmail} to platform admin`);
      }
      return;
    }
    await this.accounts
      .createQueryBuilder()
      .insert()
      .values({
        email: adminEmail,
        name: 'Administrator',
        locale: 'en',
        platformRole: 'admin',
        passwordHash: await hashPassword(adminPassword),
        // The operator chose this address: it needs no emailed confirmation.
        emailVerifiedAt: new Date(),
      })
      .orIgnore()
      .execute();
    this.logger.log(`Created platform admin ${adminEmail}`);
  }

  async get(actor: Actor, id: string): Promise<AccountView> {
    if (actor.accountId !== id && !isAdmin(actor))
      throw forbidden('You can only see your own profile');
    const account = await this.accounts.findOneBy({ id });
    if (!account) throw notFound('Account');
    return toAccountView(account);
  }

  async update(actor: Actor, id: string, dto: UpdateMeDto): Promise<AccountView> {
    if (actor.accountId !== id && !isAdmin(actor))
      throw forbidden('You can only change your own profile');
    const account = await this.accounts
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.id = :id', { id })
      .getOne();
    if (!account) throw notFound('Account');

    const patch: Partial<Account> = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.locale !== undefined) patch.locale = dto.locale;
    if (dto.organisationId !== undefined) {
      if (dto.organisationId !== null) {
        await requireReference(
          this.accounts.manager,
          'organisations',
          dto.organisationId,
          'organisationId',
        );
      }
      patch.organisationId = dto.organisationId;
    }
    if (dto.password !== undefined) {
      // Someone holding a stolen session must not be able to lock the owner out.
      const self = actor.accountId === id;
      // Without a current password to check, only the mailbox proves who is asking: a
      // stolen token of a password-less account must not turn into a permanent login.
      if (self && !account.passwordHash) throw emailProofRequired();
      if (
        self &&
        account.passwordHash &&
        !(await verifyPassword(account.passwordHash, dto.currentPassword ?? ''))
      ) {
        throw unauthenticated('currentPassword is wrong');
      }
      patch.passwordHash = await hashPassword(dto.password);
    }
    if (Object.keys(patch).length > 0) {
      await this.accounts.manager.transaction(async (manager) => {
        await manager.update(Account, { id }, patch);
        // A new password logs every browser out: whoever held an old session loses it.
        if (patch.passwordHash) await endEverySession(manager, id);
      });
    }
    return toAccountView(await this.accounts.findOneByOrFail({ id }));
  }

  /** Logs the account out everywhere: browsers and every bearer token signed so far. */
  async endEverySession(actor: Actor): Promise<void> {
    await this.accounts.manager.transaction((m) => endEverySession(m, actor.accountId));
  }

  findByIds(ids: string[]): Promise<Account[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.accounts.findBy(ids.map((id) => ({ id })));
  }
}

/**
 * 403 for a password set from a session alone on an account that has none: the person
 * sets it from an emailed link instead, which proves the address is theirs.
 */
export function emailProofRequired(): DomainError {
  return new DomainError(
    'forbidden',
    'This account has no password yet. To set one, prove the address is yours: ask for a ' +
      'password link by email (POST /api/auth/password-reset, or "Forgot your password?" on ' +
      'the sign-in page) and choose the password from that link',
    { reason: 'email_proof_required', field: 'password' },
  );
}
