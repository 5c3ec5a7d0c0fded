import { Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { SendSpacing } from './send-spacing.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where answers go: the event's organisers, not the no-reply sender. */
  replyTo?: string;
  /** Message-ID header: the outbox id, so a receiver can spot a duplicate. */
  messageId: string;
  headers?: Record<string, string>;
  /**
   * A calendar invite: nodemailer sends it as a text/calendar part with its METHOD
   * (what Outlook and Gmail read as an invitation) and as an .ics attachment.
   */
  icalEvent?: { method: string; filename: string; content: string };
  /**
   * Calls the send off: while it waits for its turn, or by closing its SMTP connection
   * (before the final dot, nothing is delivered). Files are written regardless.
   */
  signal?: AbortSignal;
}

export interface SentMail {
  providerMessageId: string;
}

/** Where rendered mail goes: an SMTP server, or files on disk in development. */
export abstract class MailTransport {
  abstract readonly kind: 'smtp' | 'file';
  abstract send(mail: OutgoingMail): Promise<SentMail>;
  abstract close(): Promise<void>;
}

export interface SmtpTransportOptions {
  url: string;
  maxConnections: number;
  /** Messages per second over the whole pool. */
  maxPerSecond: number;
  /** Per-step timeouts; a slow server is a transient error. */
  timeoutMs?: number;
}

/** Pooled SMTP: a handful of connections reused for many messages. */
export class SmtpMailTransport extends MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;
  private readonly spacing: SendSpacing;

  constructor(options: SmtpTransportOptions) {
    super();
    this.spacing = new SendSpacing(Math.max(1, Math.floor(options.maxPerSecond)));
    const url = new URL(options.url);
    const timeout = options.timeoutMs ?? 30_000;
    this.transporter = nodemailer.createTransport({
      pool: true,
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      maxConnections: options.maxConnections,
      maxMessages: 500,
      rateDelta: 1000,
      rateLimit: options.maxPerSecond,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.spacing.run(() => this.transporter.sendMail(mail));
    return { providerMessageId: String(info.response ?? info.messageId ?? mail.messageId) };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/**
 * Development without SMTP: each message becomes an .eml file a newcomer can open in
 * any mail program (var/mail by default, MAIL_OUTBOX_DIR).
 */
export class FileMailTransport extends MailTransport {
  readonly kind = 'file' as const;
  private readonly logger = new Logger('FileMailTransport');
  private readonly transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  private readonly dir: string;

  constructor(dir: string) {
    super();
    this.dir = resolve(dir);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail(mail);
    await mkdir(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
    const file = join(this.dir, `${stamp}-${safeTo}-${mail.messageId.replace(/[<>@]/g, '')}.eml`);
    await writeFile(file, info.message as Buffer);
    this.logger.log(`Mail to ${mail.to} written to ${file}`);
    return { providerMessageId: `file:${file}` };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

export function createMailTransport(config: {
  smtpUrl?: string;
  mailOutboxDir: string;
  smtpMaxPerSecond: number;
  maxConnections: number;
}): MailTransport {
  return config.smtpUrl
    ? new SmtpMailTransport({
        url: config.smtpUrl,
        maxConnections: config.maxConnections,
        maxPerSecond: config.smtpMaxPerSecond,
      })
    : new FileMailTransport(config.mailOutboxDir);
}
