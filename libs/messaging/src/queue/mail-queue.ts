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

/**
 * Retry policy. A transient SMTP failure (4xx, refused or dropped connection, timeout)
 * puts the outbox row in `delayed` with its next attempt time: the backoff doubles from
 * backoffMs up to maxBackoffMs, for retryWindowMs from the first failure, then the row
 * fails. The database holds that schedule, so a Redis restart loses none of it.
 * `attempts` only covers a job that crashed before deciding (e.g. PostgreSQL away).
 */
export interface MailRetryPolicy {
  attempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  retryWindowMs: number;
}

/**
 * One job per send attempt: the first is the message id, a retry after n attempts gets
 * its own id, so a finished job of an earlier attempt never swallows the next one.
 */
export function sendJobId(messageId: string, attempts: number): string {
  return attempts > 0 ? `${messageId}-a${attempts}` : messageId;
}

/**
 * jobId is the message id (and attempt, see sendJobId), so adding the same row twice
 * while its job is pending is a no-op. Finished jobs are removed: the outbox row keeps the history, and a retried
 * row can then be queued again under the same id.
 */
export function sendMessageJobOptions(jobId: string, retry: MailRetryPolicy): JobsOptions {
  return {
    jobId,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/**
 * The consumer's BullMQ connection: it blocks on Redis, so it waits through an outage
 * (no per-command retry limit) instead of failing. The producer shares the app's
 * fail-fast REDIS connection instead: a row whose add fails simply stays in the outbox.
 */
export function mailWorkerConnection(redisUrl: string): ConnectionOptions {
  return {
    url: redisUrl,
    maxRetriesPerRequest: null,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
