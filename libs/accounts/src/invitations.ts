import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Locale } from '#core';
import { Account } from './account.entity.js';
import { hashToken } from './auth.service.js';
import { MagicLinkToken } from './magic-link-token.entity.js';

/** An invitation's sign-in link lasts a week: people do not read their mail within minutes. */
export const INVITATION_LINK_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * The account behind an email address, created (with no password, address not yet
 * proved) when there is none: someone invited before they ever signed up. Safe under
 * concurrency: two invitations of one address at once make one account.
 */
export async function findOrInviteAccount(
  manager: EntityManager,
  input: { email: string; name?: string; locale: Locale },
): Promise<{ account: Account; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const find = () =>
    manager
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('lower(a.email) = :email', { email })
      .getOne();
  const existing = await find();
  if (existing) return { account: existing, created: false };
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(Account)
    .values({
      email,
      name: input.name?.trim() || email.split('@')[0],
      locale: input.locale,
      platformRole: 'member',
      passwordHash: null,
    })
    .orIgnore()
    .returning('id')
    .execute();
  const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
  if (!id) return { account: (await find()) as Account, created: false };
  return { account: await manager.findOneByOrFail(Account, { id }), created: true };
}

/**
 * A single-use sign-in link (the magic-link mechanism) that opens `nextPath` once
 * spent; opening it also proves the address. Written with the caller's transaction.
 */
export async function issueSignInLink(
  manager: EntityManager,
  accountId: string,
  publicUrl: string,
  nextPath: string,
  ttlMs = INVITATION_LINK_TTL_MS,
): Promise<{ link: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await manager.insert(MagicLinkToken, {
    accountId,
    tokenHash: hashToken(token),
    expiresAt,
    nextPath: /^\/(?![/\\])/.test(nextPath) ? nextPath : null,
    purpose: 'invitation',
  });
  return { link: `${publicUrl}/login/magic?token=${encodeURIComponent(token)}`, expiresAt };
}
