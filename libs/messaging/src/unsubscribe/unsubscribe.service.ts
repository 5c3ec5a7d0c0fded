import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, isUuid, notFound } from '#core';
import { readUnsubscribeToken } from './unsubscribe-token.js';

export interface UnsubscribeState {
  eventId: string;
  eventName: string;
  /** Whether this address gets the event's optional announcements no more. */
  unsubscribed: boolean;
}

/**
 * Stops one event's optional announcements for one address: the preference behind the
 * List-Unsubscribe link of every optional announcement. Service emails (registration,
 * sessions, sign-in) and announcements sent as essential still go.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the link names; a forged or unknown token is a 404. */
  async state(token: string): Promise<UnsubscribeState> {
    const target = readUnsubscribeToken(this.config.jwtSecret, token);
    if (!target || !isUuid(target.eventId)) throw notFound('Unsubscribe link');
    const [row]: Array<{ id: string; name: string; out: boolean }> = await this.dataSource.query(
      `SELECT e.id, e.name,
              EXISTS (SELECT 1 FROM announcement_opt_outs x
                       WHERE x.event_id = e.id AND x.email = lower($2)) AS out
         FROM events e WHERE e.id = $1::uuid`,
      [target.eventId, target.email],
    );
    if (!row) throw notFound('Unsubscribe link');
    return { eventId: row.id, eventName: row.name, unsubscribed: row.out };
  }

  /** RFC 8058 one-click: idempotent, the answer is the same the second time. */
  async unsubscribe(token: string): Promise<UnsubscribeState> {
    const current = await this.state(token);
    const target = readUnsubscribeToken(this.config.jwtSecret, token)!;
    await this.dataSource.query(
      `INSERT INTO announcement_opt_outs (event_id, email) VALUES ($1, lower($2))
       ON CONFLICT DO NOTHING`,
      [current.eventId, target.email],
    );
    return { ...current, unsubscribed: true };
  }
}
