import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#core';
import {
  MAIL_QUEUE,
  mailWorkerConnection,
  SEND_MESSAGE_JOB,
  type SendMessageJob,
} from '../queue/mail-queue.js';
import { MailTransport } from '../transport/mail-transport.js';
import { type DeliveryOutcome, MailSender, PermanentSendError } from './mail-sender.service.js';
import { MAIL_WORKER_OPTIONS, type MailWorkerOptions } from './mail-worker.options.js';

/**
 * The BullMQ consumer of the `mail` queue. Rate-limited to SMTP_MAX_PER_SECOND across
 * all worker processes (BullMQ's limiter lives in Redis). On shutdown the Worker is
 * closed first, which waits for the jobs in flight, then the SMTP pool.
 */
@Injectable()
export class MailProcessor
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('MailProcessor');
  private worker?: Worker<SendMessageJob, DeliveryOutcome>;
  private lastWarning = 0;

  constructor(
    private readonly sender: MailSender,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_WORKER_OPTIONS) private readonly options: MailWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.processor) return;
    this.worker = new Worker<SendMessageJob, DeliveryOutcome>(
      MAIL_QUEUE,
      (job) => this.handle(job),
      {
        connection: mailWorkerConnection(this.config.redisUrl),
        prefix: this.config.redisPrefix,
        concurrency: this.options.concurrency,
        limiter: { max: this.config.smtpMaxPerSecond, duration: 1000 },
        // A dead worker's job is run again once its lock lapses (the claim keeps it
        // single); the outbox sweeper catches what this misses.
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
      },
    );
    this.worker.on('error', (e) => {
      if (Date.now() - this.lastWarning > 10_000) this.logger.warn(`Redis: ${e.message}`);
      this.lastWarning = Date.now();
    });
    this.logger.log(
      `Sending mail via ${this.transport.kind === 'smtp' ? 'SMTP' : `.eml files in ${this.config.mailOutboxDir}`}`,
    );
  }

  /** One job run; exported for tests that replay a job as a stalled worker would. */
  async handle(job: Pick<Job<SendMessageJob>, 'name' | 'data'>) {
    if (job.name !== SEND_MESSAGE_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    try {
      // Retries of transient SMTP failures are scheduled in the outbox row, not here.
      return await this.sender.deliver(job.data.messageId);
    } catch (e) {
      if (e instanceof PermanentSendError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  get running(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Waits for the jobs in flight (the SIGTERM drain), takes no new ones.
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
