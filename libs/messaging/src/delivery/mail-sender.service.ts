import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#core';
import { type CalendarInvite, renderInvite } from '../templates/invite.js';
import { erasedSecrets } from '../secret-payload-fields.js';
import { organisersContact } from '../organisers-contact.js';
import { renderMessage } from '../templates/render.js';
import {
  unsubscribePageUrl,
  unsubscribeToken,
  unsubscribeUrl,
} from '../unsubscribe/unsubscribe-token.js';
import { MailTransport } from '../transport/mail-transport.js';
import {
  MAIL_WORKER_OPTIONS,
  type MailWorkerOptions,
  retryDelayMs,
} from './mail-worker.options.js';
import { classifySendError, describeSendError } from './smtp-errors.js';
import { ClaimLease } from './claim-lease.js';

/** sent; skipped (another run holds or finished it); delayed (a transient failure, tried again later). */
export type DeliveryOutcome = 'sent' | 'skipped' | 'delayed';

/** The send failed and must not be tried again (5xx, bad address, last attempt). */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentSendError';
  }
}

interface ClaimedRow {
  id: string;
  event_id: string | null;
  template: string;
  locale: string;
  recipient_email: string;
  payload: Record<string, unknown>;
  attempts: number;
  /** The retry window is over: a transient failure now fails for good. */
  window_over: boolean;
  /** When the claim was asked for: its lease runs from no earlier than this. */
  askedAt: number;
}

/** Pauses between tries to record a sent message (about 6 s in all). */
const RECORD_SENT_RETRIES = [100, 200, 400, 800, 1600, 3200];

/**
 * Sends one outbox message, at most once however often its job runs. The claim is a
 * conditional UPDATE: only a `queued` row (or a `sending` row whose lease ran out
 * because its worker died) can be taken, so a duplicated or stalled job finds the row
 * `sending` or `sent` and does nothing.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger('MailSender');
  private readonly domain: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_WORKER_OPTIONS) private readonly options: MailWorkerOptions,
  ) {
    this.domain = /@([^>\s]+)/.exec(config.mailFrom)?.[1] ?? 'convene.local';
  }

  /**
   * A transient failure puts the row in `delayed` until its next attempt (the relay
   * hands it over again then), until the retry window since the first failure is over;
   * a permanent one fails it at once.
   */
  async deliver(messageId: string): Promise<DeliveryOutcome> {
    const row = await this.claim(messageId);
    if (!row) return 'skipped';

    const replyTo = row.event_id
      ? await organisersContact(this.dataSource, row.event_id)
      : (this.config.adminEmail ?? null);
    // Optional announcements can be stopped per event (RFC 8058 one-click); service
    // emails (registration, sessions, sign-in) always go.
    const unsubscribeKey =
      row.template === 'announcement' && row.event_id && row.payload.essential !== true
        ? unsubscribeToken(this.config.jwtSecret, {
            eventId: row.event_id,
            email: row.recipient_email,
          })
        : undefined;
    // The header is for mail providers (one-click POST); the footer's link, for people.
    const unsubscribe = unsubscribeKey && unsubscribeUrl(this.config.publicUrl, unsubscribeKey);
    const unsubscribePage =
      unsubscribeKey && unsubscribePageUrl(this.config.publicUrl, unsubscribeKey, row.locale);

    let rendered;
    try {
      rendered = renderMessage(row.template, row.locale, row.payload, {
        publicUrl: this.config.publicUrl,
        ...(row.event_id ? { organisersContact: replyTo } : {}),
        ...(unsubscribePage ? { unsubscribeUrl: unsubscribePage } : {}),
      });
    } catch (e) {
      await this.fail(row, `render: ${(e as Error).message}`);
      throw new PermanentSendError((e as Error).message);
    }

    const invite = this.invite(row);

    // While the send runs, the claim is renewed; a send that can no longer vouch for its
    // claim is called off before another worker may take the row.
    const lease = new ClaimLease(
      this.dataSource,
      row.id,
      row.attempts,
      this.options.claimTimeoutMs,
      row.askedAt,
    );
    let sent;
    try {
      sent = await this.transport.send({
        from: this.config.mailFrom,
        to: row.recipient_email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: `<${row.id}@${this.domain}>`,
        ...(replyTo ? { replyTo } : {}),
        headers: {
          'X-Convene-Template': row.template,
          ...(unsubscribe
            ? {
                'List-Unsubscribe': `<${unsubscribe}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              }
            : {}),
        },
        ...(invite ? { icalEvent: invite } : {}),
        signal: lease.signal,
      });
    } catch (e) {
      lease.stop();
      if (lease.signal.aborted) {
        const reason = describeSendError(lease.signal.reason);
        this.logger.warn(`Message ${row.id}: send called off, ${reason}`);
        return (await this.delay(row, reason)) ? 'delayed' : 'skipped';
      }
      const reason = describeSendError(e);
      if (classifySendError(e) === 'permanent' || row.window_over) {
        await this.fail(row, reason);
        this.logger.warn(
          `Message ${row.id} failed for good after ${row.attempts} attempt(s): ${reason}`,
        );
        throw new PermanentSendError(reason);
      }
      await this.delay(row, reason);
      return 'delayed';
    }
    try {
      await this.recordSent(row, sent.providerMessageId);
    } finally {
      lease.stop();
    }
    return 'sent';
  }

  /**
   * The server has the message: a failure to record it must not pass for a failed send
   * (that would send it again), so the update is tried again while the claim is renewed.
   * The links that let someone in leave the outbox in the same update.
   */
  private async recordSent(row: ClaimedRow, providerMessageId: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.dataSource.query(
          `UPDATE messages
              SET status = 'sent', sent_at = now(), provider_message_id = $3, last_error = NULL,
                  locked_until = NULL, updated_at = now(), payload = payload || $4::jsonb
            WHERE id = $1 AND status = 'sending' AND attempts = $2`,
          [
            row.id,
            row.attempts,
            providerMessageId.slice(0, 500),
            JSON.stringify(erasedSecrets(row.template)),
          ],
        );
        return;
      } catch (e) {
        if (attempt >= RECORD_SENT_RETRIES.length) {
          // Once the claim lapses, another worker sends it again (same Message-ID).
          this.logger.error(`Message ${row.id} was sent but could not be recorded: ${e}`);
          throw e;
        }
        await new Promise((r) => setTimeout(r, RECORD_SENT_RETRIES[attempt]));
      }
    }
  }

  /**
   * Delayed with the error and the next attempt's time, so organisers see why it is
   * late and when it goes; the relay hands it over again then. False when the row is no
   * longer this attempt's.
   */
  private async delay(row: ClaimedRow, reason: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE messages
          SET status = 'delayed', last_error = $3, locked_until = NULL, enqueued_at = NULL,
              retry_since = COALESCE(retry_since, now()), updated_at = now(),
              next_attempt_at = now() + $4 * interval '1 millisecond'
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [row.id, row.attempts, reason, retryDelayMs(row.attempts, this.options)],
    );
    return count > 0;
  }

  /** The session's calendar invite; the email still goes without it if it cannot be built. */
  private invite(row: ClaimedRow): CalendarInvite | undefined {
    try {
      return renderInvite(row.template, row.locale, row.payload, {
        mailFrom: this.config.mailFrom,
        recipientEmail: row.recipient_email,
        publicUrl: this.config.publicUrl,
      });
    } catch (e) {
      this.logger.warn(`Message ${row.id}: no calendar invite (${(e as Error).message})`);
      return undefined;
    }
  }

  private async claim(messageId: string): Promise<ClaimedRow | undefined> {
    const askedAt = Date.now();
    const [rows]: [Array<Omit<ClaimedRow, 'askedAt'>>, number] = await this.dataSource.query(
      `UPDATE messages
          SET status = 'sending', attempts = attempts + 1, updated_at = now(),
              locked_until = now() + $2 * interval '1 millisecond'
        WHERE id = $1
          AND (status = 'queued' OR (status = 'sending' AND locked_until < now()))
        RETURNING id, event_id, template, locale, recipient_email, payload, attempts,
                  COALESCE(retry_since < now() - $3 * interval '1 millisecond', false) AS window_over`,
      [messageId, this.options.claimTimeoutMs, this.options.retryWindowMs],
    );
    return rows[0] && { ...rows[0], askedAt };
  }

  private async fail(row: ClaimedRow, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE messages SET status = 'failed', last_error = $3, locked_until = NULL,
              next_attempt_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [row.id, row.attempts, reason],
    );
  }
}
