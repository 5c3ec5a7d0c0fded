import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/*
 * A real SMTP server for tests and the benchmark (dev dependencies only: never
 * exported from the lib's index). It can accept, answer 550, answer 421, or be shut
 * down and started again on the same port to play an outage.
 */

export type SinkMode = 'accept' | 'reject' | 'tempfail';

export interface SmtpSinkOptions {
  port?: number;
  /** Parse and keep every message (tests); off for the benchmark. */
  store?: boolean;
  mode?: SinkMode;
  onAccepted?: (envelopeTo: string[], at: number) => void;
  /** Answer each message this much later: a slow provider, for drain tests. */
  delayMs?: number;
  /** Answer each recipient this much later: a server stalled before the message is sent. */
  rcptDelayMs?: number;
}

export class SmtpSink {
  readonly received: ParsedMail[] = [];
  /** Everything offered, including refused messages: to count attempts. */
  attempts = 0;
  accepted = 0;
  mode: SinkMode;
  private server?: SMTPServer;
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  private constructor(
    public port: number,
    private readonly options: SmtpSinkOptions,
  ) {
    this.mode = options.mode ?? 'accept';
  }

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options.port ?? 0, options);
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get listening(): boolean {
    return Boolean(this.server);
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      closeTimeout: 200,
      onRcptTo: (_address, _session, callback) => {
        if (this.options.rcptDelayMs) setTimeout(() => callback(), this.options.rcptDelayMs);
        else callback();
      },
      onData: (stream, session, callback) => {
        this.attempts++;
        if (this.mode !== 'accept') {
          stream.resume();
          stream.on('end', () => {
            const error = new Error(
              this.mode === 'reject' ? 'Mailbox unavailable' : 'Try again later',
            ) as Error & { responseCode: number };
            error.responseCode = this.mode === 'reject' ? 550 : 421;
            callback(error);
          });
          return;
        }
        const to = session.envelope.rcptTo.map((r) => r.address);
        const done = (mail?: ParsedMail) => {
          const answer = () => {
            this.accepted++;
            if (mail) this.received.push(mail);
            this.options.onAccepted?.(to, Date.now());
            callback();
            this.notify();
          };
          if (this.options.delayMs) setTimeout(answer, this.options.delayMs);
          else answer();
        };
        if (this.options.store === false) {
          stream.resume();
          stream.on('end', () => done());
        } else {
          simpleParser(stream).then(done, (e: Error) => callback(e));
        }
      },
    });
    server.on('error', () => undefined);
    server.listen(this.port, '127.0.0.1');
    await once(server.server, 'listening');
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening (connections refused) but keeps the port for a later listen(). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once `count` messages were accepted in total. */
  waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    if (this.accepted >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`Expected ${count} emails, got ${this.accepted} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => {
      if (this.accepted < w.count) return true;
      w.resolve();
      return false;
    });
  }
}
