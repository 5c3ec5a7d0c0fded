import type { MailRetryPolicy } from '../queue/mail-queue.js';

/** Tuning of the mail pipeline in the worker; production uses the defaults. */
export interface MailWorkerOptions extends MailRetryPolicy {
  /** How often the relay looks for rows not yet handed to the queue (a NOTIFY also wakes it). */
  relayIntervalMs: number;
  /** Rows moved to the queue per relay pass. */
  relayBatchSize: number;
  /** A `sending` claim older than this is considered abandoned by a crashed worker. */
  claimTimeoutMs: number;
  /** A queued row whose job vanished (Redis restarted empty) is handed over again after this. */
  requeueAfterMs: number;
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
  attempts: 6,
  backoffMs: 5_000,
  relayIntervalMs: 750,
  relayBatchSize: 500,
  claimTimeoutMs: 120_000,
  requeueAfterMs: 10 * 60_000,
  concurrency: 10,
  maxConnections: 5,
  relay: true,
  processor: true,
};
