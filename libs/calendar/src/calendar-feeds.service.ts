import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type Actor, type AppConfig } from '#core';
import type { CalendarTokenDto } from './dto/calendar-token.dto.js';

export interface CalendarFeedStatus {
  createdAt: string;
  /** Noted at most hourly. */
  lastUsedAt: string | null;
}

/** 32 random bytes in base64url: 43 characters, nothing a URL needs to escape. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The secret subscription URLs: one per account, created or rotated by POST (the old
 * URL stops working in the same statement), revoked by DELETE. A token is 256 random
 * bits, so a plain SHA-256 is enough to keep a database leak from giving working URLs.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rotate(actor: Actor): Promise<CalendarTokenDto> {
    const token = randomBytes(32).toString('base64url');
    const [row]: Array<{ created_at: Date }> = await this.dataSource.query(
      `INSERT INTO calendar_feeds (account_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE
         SET token_hash = EXCLUDED.token_hash, created_at = now(), last_used_at = NULL
       RETURNING created_at`,
      [actor.accountId, hashFeedToken(token)],
    );
    const url = `${this.config.publicUrl}/api/calendar/${token}.ics`;
    return {
      url,
      webcalUrl: url.replace(/^https?:/, 'webcal:'),
      createdAt: row.created_at.toISOString(),
    };
  }

  async revoke(actor: Actor): Promise<void> {
    await this.dataSource.query(`DELETE FROM calendar_feeds WHERE account_id = $1`, [
      actor.accountId,
    ]);
  }

  /**
   * Whether the person has a subscription URL, since when and when a calendar app last
   * fetched it. The URL itself cannot be given again: only its hash is kept.
   */
  async status(actor: Actor): Promise<CalendarFeedStatus | null> {
    const [row]: Array<{ created_at: Date; last_used_at: Date | null }> =
      await this.dataSource.query(
        `SELECT created_at, last_used_at FROM calendar_feeds WHERE account_id = $1`,
        [actor.accountId],
      );
    return row
      ? {
          createdAt: row.created_at.toISOString(),
          lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
        }
      : null;
  }

  /** The account a live token belongs to; unknown, revoked or erased-account tokens: none. */
  async accountOf(token: string): Promise<{ accountId: string; locale: string } | undefined> {
    if (!TOKEN_FORMAT.test(token)) return undefined;
    const [row]: Array<{ id: string; account_id: string; locale: string; stale: boolean }> =
      await this.dataSource.query(
        `SELECT f.id, f.account_id, a.locale,
                (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 hour') AS stale
           FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id
          WHERE f.token_hash = $1 AND a.erased_at IS NULL`,
        [hashFeedToken(token)],
      );
    if (!row) return undefined;
    // Calendar apps poll: note the use at most hourly rather than write on every fetch.
    if (row.stale) {
      await this.dataSource.query(`UPDATE calendar_feeds SET last_used_at = now() WHERE id = $1`, [
        row.id,
      ]);
    }
    return { accountId: row.account_id, locale: row.locale };
  }
}
