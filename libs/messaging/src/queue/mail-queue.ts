import type { ConnectionOptions, JobsOptions } from 'bullmq';

/*
 * The one place that names Convene's mail queue, its job and the job's data. The
 * relay (producer) and the processor (consumer) both read from here.
 */

export const MAIL_QUEUE = 'mail';
export const SEND_MESSAGE_JOB = 'send-message';

/** A job only points at its outbox row: the row is the truth, the job is a wake-up call. */
export interface SendMessageJob {
  messageId: string;
}

export interface MailQueueNames {
  [MAIL_QUEUE]: { [SEND_MESSAGE_JOB]: SendMessageJob };
}

/** Retry policy of one send: exponential backoff on transient SMTP errors. */
export interface MailRetryPolicy {
  attempts: number;
  backoffMs: number;
}

/**
 * jobId is the message id, so adding the same row twice while its job is pending is a
 * no-op. Finished jobs are removed: the outbox row keeps the history, and a retried
 * row can then be queued again under the same id.
 */
export function sendMessageJobOptions(messageId: string, retry: MailRetryPolicy): JobsOptions {
  return {
    jobId: messageId,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/**
 * BullMQ connection for a Redis URL. Producers fail fast when Redis is down (the row
 * simply stays in the outbox); workers block on Redis and so need unlimited retries.
 */
export function mailQueueConnection(
  redisUrl: string,
  role: 'producer' | 'worker',
): ConnectionOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
