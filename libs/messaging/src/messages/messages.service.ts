import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  conflict,
  forbidden,
  isAdmin,
  notFound,
  type Page,
  pageWindow,
  containsPattern,
  foldedContains,
  toPage,
} from '#core';
import { EventAccess } from '#events';
import type { ListMessagesQueryDto, MessageView } from './message.dto.js';

interface MessageRow {
  id: string;
  template: string;
  locale: string;
  event_id: string | null;
  recipient_account_id: string | null;
  recipient_name: string | null;
  recipient_email: string;
  subject: string | null;
  status: MessageView['status'];
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Date;
  enqueued_at: Date | null;
  sent_at: Date | null;
  next_attempt_at: Date | null;
}

const FROM = `FROM messages m LEFT JOIN accounts a ON a.id = m.recipient_account_id`;
const SELECT = `
  SELECT m.id, m.template, m.locale, m.event_id, m.recipient_account_id, a.name AS recipient_name,
         m.recipient_email, m.payload->>'subject' AS subject, m.status, m.attempts, m.last_error,
         m.provider_message_id, m.created_at, m.enqueued_at, m.sent_at, m.next_attempt_at
    ${FROM}`;

const toView = (r: MessageRow): MessageView => ({
  id: r.id,
  template: r.template,
  locale: r.locale,
  eventId: r.event_id,
  recipientAccountId: r.recipient_account_id,
  recipientName: r.recipient_name,
  recipientEmail: r.recipient_email,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  providerMessageId: r.provider_message_id,
  createdAt: r.created_at.toISOString(),
  enqueuedAt: r.enqueued_at?.toISOString() ?? null,
  sentAt: r.sent_at?.toISOString() ?? null,
  nextAttemptAt: r.status === 'delayed' ? (r.next_attempt_at?.toISOString() ?? null) : null,
});

/** A failed row back to the outbox, its retry window starting afresh. */
const REQUEUE = `status = 'queued', enqueued_at = NULL, locked_until = NULL, next_attempt_at = NULL,
  retry_since = NULL, updated_at = now()`;

/** Delivery status for organisers, and the one manual lever: retry a failed message. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
  ) {}

  async list(
    actor: Actor,
    eventId: string,
    query: ListMessagesQueryDto,
  ): Promise<Page<MessageView>> {
    await this.access.requireOrganiser(actor, eventId);
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [eventId];
    const where = ['m.event_id = $1'];
    if (query.status) {
      params.push(query.status);
      where.push(`m.status = $${params.length}`);
    }
    if (query.template) {
      params.push(query.template);
      where.push(`m.template = $${params.length}`);
    }
    if (query.q) {
      params.push(containsPattern(query.q));
      const p = `$${params.length}`;
      where.push(`(${foldedContains('m.recipient_email', p)} OR ${foldedContains('a.name', p)})`);
    }
    const filter = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${FROM} ${filter}`,
      params,
    );
    const rows: MessageRow[] = await this.dataSource.query(
      `${SELECT} ${filter} ORDER BY m.created_at DESC, m.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, take, skip],
    );
    return toPage(rows.map(toView), total, query);
  }

  /** Back to the outbox: the relay queues it again and the worker sends it once. */
  async retry(actor: Actor, messageId: string): Promise<MessageView> {
    const existing = await this.find(messageId);
    if (!existing) throw notFound('Message');
    if (existing.event_id) await this.access.requireOrganiser(actor, existing.event_id);
    else if (!isAdmin(actor)) throw forbidden('Only administrators can retry this message');

    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE messages SET ${REQUEUE} WHERE id = $1 AND status = 'failed'`,
      [messageId],
    );
    if (updated === 0) {
      throw conflict('Only a failed message can be retried', { status: existing.status });
    }
    return toView((await this.find(messageId))!);
  }

  /**
   * Every failed email of the event back to the outbox (announcements, registration and
   * session emails alike); the worker sends each once. Returns how many went back.
   */
  async retryFailed(actor: Actor, eventId: string): Promise<{ requeued: number }> {
    await this.access.requireOrganiser(actor, eventId);
    const [, requeued]: [unknown[], number] = await this.dataSource.query(
      `UPDATE messages SET ${REQUEUE} WHERE event_id = $1 AND status = 'failed'`,
      [eventId],
    );
    return { requeued };
  }

  private async find(id: string): Promise<MessageRow | undefined> {
    const rows: MessageRow[] = await this.dataSource.query(`${SELECT} WHERE m.id = $1`, [id]);
    return rows[0];
  }
}
