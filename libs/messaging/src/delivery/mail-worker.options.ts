import type { MailRetryPolicy } from '../queue/mail-queue.js';

/**
 * Tuning of the mail pipeline in the worker; production uses the defaults (and
 * MAIL_RETRY_WINDOW_HOURS). Together they bound how long a message can wait:
 * - a worker that dies mid-send: its claim lease (claimTimeoutMs, renewed while a send
 *   runs) lapses, BullMQ notices the job's lock lapsed (lockDurationMs, checked every
 *   stalledIntervalMs) and runs the job again, or the sweeper (every sweepIntervalMs)
 *   hands the row over again: well under a minute with the defaults;
 * - Redis restarted empty: the sweeper finds the rows whose job vanished once they
 *   were handed over requeueAfterMs ago, and hands them over again.
 */
export interface MailWorkerOptions extends MailRetryPolicy {
  /** How often the relay looks for rows not yet handed to the queue (a NOTIFY also wakes it). */
  relayIntervalMs: number;
  /** Rows moved to the queue per relay pass. */
  relayBatchSize: number;
  /**
   * A `sending` claim not renewed for this long is considered abandoned by a crashed
   * worker; a live worker renews it every third of it while its send runs.
   */
  claimTimeoutMs: number;
  /** A handed-over row whose job vanished (Redis restarted empty) is handed over again after this. */
  requeueAfterMs: number;
  /** How often the relay sweeps for rows the queue lost or a dead worker left behind. */
  sweepIntervalMs: number;
  /** BullMQ job lock: a job whose worker stopped renewing it for this long has stalled. */
  lockDurationMs: number;
  /** How often BullMQ looks for stalled jobs (and runs them again). */
  stalledIntervalMs: number;
  /** Jobs processed in parallel by one worker process. */
  concurrency: number;
  /** SMTP pool size. */
  maxConnections: number;
  /** Run the relay in this process (the worker app does; a bench may split them). */
  relay: boolean;
  /** Run the processor in this process. */
  processor: boolean;
}

export const MAIL_WORKER_OPTIONS = Symbol('MAIL_WORKER_OPTIONS');

export const DEFAULT_MAIL_WORKER_OPTIONS: MailWorkerOptions = {
  attempts: 3,
  backoffMs: 5_000,
  maxBackoffMs: 30 * 60_000,
  retryWindowMs: 24 * 3600_000,
  relayIntervalMs: 750,
  relayBatchSize: 500,
  claimTimeoutMs: 20_000,
  requeueAfterMs: 20_000,
  sweepIntervalMs: 10_000,
  lockDurationMs: 20_000,
  stalledIntervalMs: 10_000,
  concurrency: 10,
  maxConnections: 5,
  relay: true,
  processor: true,
};

/**
 * The delay before attempt n+1 after n transient failures: exponential from backoffMs,
 * capped at maxBackoffMs (a mail server's own queue retries every 15-30 minutes).
 */
export function retryDelayMs(failures: number, policy: MailRetryPolicy): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(policy.backoffMs * 2 ** exponent, policy.maxBackoffMs);
}
