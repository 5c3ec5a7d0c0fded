import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig, REDIS } from '#core';
import {
  MAIL_QUEUE,
  SEND_MESSAGE_JOB,
  type SendMessageJob,
  sendJobId,
  sendMessageJobOptions,
} from '../queue/mail-queue.js';
import { MAIL_WORKER_OPTIONS, type MailWorkerOptions } from './mail-worker.options.js';

/** A Redis call that hangs (Redis gone mid-command) must not hold the relay's transaction. */
const REDIS_CALL_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${REDIS_CALL_TIMEOUT_MS} ms`)),
      REDIS_CALL_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The producer side of the `mail` queue, used by the relay and the health check. */
@Injectable()
export class MailQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('MailQueue');
  readonly queue: Queue<SendMessageJob, unknown, typeof SEND_MESSAGE_JOB>;
  private lastError = 0;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(MAIL_WORKER_OPTIONS) private readonly options: MailWorkerOptions,
  ) {
    // RedisModule's connection (fail fast, shared with the health check): closing the
    // queue leaves it open, RedisModule closes it.
    this.queue = new Queue(MAIL_QUEUE, { connection: redis, prefix: config.redisPrefix });
    this.queue.on('error', (e) => {
      // Reconnects by itself; the relay keeps rows in the outbox meanwhile.
      if (Date.now() - this.lastError > 10_000) this.logger.warn(`Redis: ${e.message}`);
      this.lastError = Date.now();
    });
  }

  /** One job per row; `attempts` (the row's attempts so far) names the attempt's job. */
  async add(rows: Array<string | { id: string; attempts: number }>): Promise<void> {
    await withTimeout(
      this.queue.addBulk(
        rows.map((row) => {
          const { id, attempts } = typeof row === 'string' ? { id: row, attempts: 0 } : row;
          return {
            name: SEND_MESSAGE_JOB,
            data: { messageId: id },
            opts: sendMessageJobOptions(sendJobId(id, attempts), this.options),
          };
        }),
      ),
      'Adding mail jobs',
    );
  }

  /** 'unknown' when Redis has no job with this id (finished, or lost in a restart). */
  async state(jobId: string): Promise<string> {
    return withTimeout(this.queue.getJobState(jobId), 'Reading a mail job');
  }

  /** Drops leftover finished jobs so their rows can be queued again under the same ids. */
  async remove(jobIds: string[]): Promise<void> {
    await withTimeout(Promise.all(jobIds.map((id) => this.queue.remove(id))), 'Removing mail jobs');
  }

  async counts(): Promise<Record<string, number>> {
    return withTimeout(
      this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
      'Counting mail jobs',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
