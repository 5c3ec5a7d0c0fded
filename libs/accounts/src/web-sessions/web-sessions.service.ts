import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '#core';
import { Account } from '../account.entity.js';
import { hashToken } from '../auth.service.js';

/** A browser session lives this long after its last use (a fortnight of a busy week). */
export const WEB_SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;
/** Refreshing last_seen on every page would be a write per page view; once an hour is enough. */
const TOUCH_EVERY_MS = 3600 * 1000;

export interface ResolvedWebSession {
  sessionId: string;
  actor: Actor;
  account: Account;
}

/**
 * Cookie sessions for the web pages. The browser keeps a random token; we keep only its
 * hash. Ending every session of an account (a password change, a reset, an erasure) is
 * endEverySession's job, beside this file.
 */
@Injectable()
export class WebSessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(accountId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO web_sessions (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [accountId, hashToken(token), new Date(Date.now() + WEB_SESSION_IDLE_MS)],
    );
    return token;
  }

  async resolve(token: string): Promise<ResolvedWebSession | null> {
    if (!/^[\w-]{20,100}$/.test(token)) return null;
    // Every page asks this: the session and its account in one round trip.
    const { entities, raw } = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .innerJoin('web_sessions', 's', 's.account_id = a.id')
      .addSelect('s.id', 'session_id')
      .addSelect('s.last_seen_at', 'last_seen_at')
      .where('s.token_hash = :hash AND s.expires_at > now() AND a.erased_at IS NULL', {
        hash: hashToken(token),
      })
      .getRawAndEntities<{ session_id: string; last_seen_at: Date }>();
    const account = entities[0];
    const row = raw[0];
    if (!account || !row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.dataSource.query(
        `UPDATE web_sessions SET last_seen_at = now(), expires_at = $2 WHERE id = $1`,
        [row.session_id, new Date(Date.now() + WEB_SESSION_IDLE_MS)],
      );
    }
    return {
      sessionId: row.session_id,
      actor: { accountId: account.id, platformRole: account.platformRole },
      account,
    };
  }

  async end(token: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM web_sessions WHERE token_hash = $1`, [
      hashToken(token),
    ]);
  }
}
