import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#core';
import { sendJobId } from '../queue/mail-queue.js';
import { MailQueue } from './mail-queue.service.js';
import { MAIL_WORKER_OPTIONS, type MailWorkerOptions } from './mail-worker.options.js';
import { OUTBOX_CHANNEL } from '../outbox-wake.js';

/**
 * While LISTEN works and passes succeed, a NOTIFY wakes the relay for every new row and
 * polling is only the safety net; otherwise it polls every relayIntervalMs.
 */
const LISTENING_POLL_MS = 10_000;

/** Job states that mean Redis will not run the job again: unknown is gone (a restart). */
const LOST_JOB_STATES = new Set(['unknown', 'completed', 'failed']);

/**
 * Moves committed outbox rows into the BullMQ `mail` queue. Rows are locked, added,
 * then marked in one transaction: if Redis is down the add fails, the transaction rolls
 * back and the rows wait for the next pass. A row added twice is harmless: the job id
 * is the message id, and the processor's claim sends each message once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private listener?: pg.Client;
  private lastSweep = 0;
  private lastWarning = 0;
  /** The last pass failed (Redis or PostgreSQL away): poll quickly until it works again. */
  private failing = false;
  /** When the earliest delayed row falls due (ms since the epoch). */
  private nextDue?: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: MailQueue,
    @Inject(MAIL_WORKER_OPTIONS) private readonly options: MailWorkerOptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.relay) return;
    this.stopped = false;
    void this.listen();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Runs a pass now (or right after the current one). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** One batch: returns how many rows went to the queue. Throws when Redis refuses. */
  async relayOnce(): Promise<number> {
    // Delayed rows whose time has come become queued rows again first, committed, so a
    // job picked up before the hand-over below commits waits on the row lock and then
    // finds it queued (a claim never sees a `delayed` row it could skip).
    await this.dataSource.query(
      `UPDATE messages SET status = 'queued', enqueued_at = NULL, next_attempt_at = NULL
        WHERE status = 'delayed' AND next_attempt_at <= now()`,
    );
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; attempts: number }> = await manager.query(
        `SELECT id, attempts FROM messages
          WHERE status = 'queued' AND enqueued_at IS NULL
          ORDER BY created_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.options.relayBatchSize],
      );
      if (rows.length === 0) return 0;
      await this.queue.add(rows);
      await manager.query(`UPDATE messages SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /**
   * Rows handed over long ago that are neither sent nor failed, and whose job Redis no
   * longer has (a Redis restart without persistence, a worker killed mid-send): they
   * go back to the relay. A job still waiting, delayed or active is left alone.
   */
  async requeueLost(olderThanMs = this.options.requeueAfterMs): Promise<number> {
    const rows: Array<{ id: string; job_id: string }> = await this.dataSource
      .query(
        `SELECT id,
              -- the job that holds it: a claim already counted its attempt
              CASE WHEN status = 'sending' THEN attempts - 1 ELSE attempts END AS job_attempts
         FROM messages
        WHERE enqueued_at < now() - $1 * interval '1 millisecond'
          AND (status = 'queued' OR (status = 'sending' AND locked_until < now()))
        ORDER BY enqueued_at
        LIMIT 200`,
        [olderThanMs],
      )
      .then((found: Array<{ id: string; job_attempts: number }>) =>
        found.map((r) => ({ id: r.id, job_id: sendJobId(r.id, r.job_attempts) })),
      );
    if (rows.length === 0) return 0;
    const jobs = await Promise.all(
      rows.map(async ({ id, job_id }) => ({ id, job_id, state: await this.queue.state(job_id) })),
    );
    const lost = jobs.filter((j) => LOST_JOB_STATES.has(j.state));
    if (lost.length === 0) return 0;
    // A leftover finished job would make the relay's add (same job id) a no-op.
    await this.queue.remove(lost.filter((j) => j.state !== 'unknown').map((j) => j.job_id));
    const [, requeued]: [unknown[], number] = await this.dataSource.query(
      `UPDATE messages SET status = 'queued', enqueued_at = NULL, locked_until = NULL
        WHERE id = ANY($1::uuid[])
          AND (status = 'queued' OR (status = 'sending' AND locked_until < now()))`,
      [lost.map((j) => j.id)],
    );
    if (requeued > 0)
      this.logger.warn(`${requeued} message(s) lost by the queue were queued again`);
    return requeued;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.again ? 0 : this.pollDelay());
        this.again = false;
      });
    }, delayMs);
  }

  private pollDelay(): number {
    const notified = this.listener && !this.failing;
    const base = notified
      ? Math.max(LISTENING_POLL_MS, this.options.relayIntervalMs)
      : this.options.relayIntervalMs;
    // No NOTIFY says a delayed row fell due, nor that the sweep is due: wake for both.
    const untilDue = this.nextDue === undefined ? base : this.nextDue - Date.now();
    return Math.max(10, Math.min(base, this.options.sweepIntervalMs, untilDue));
  }

  private async pass(): Promise<void> {
    try {
      let moved: number;
      do {
        moved = await this.relayOnce();
      } while (moved === this.options.relayBatchSize && !this.stopped);
      if (Date.now() - this.lastSweep >= this.options.sweepIntervalMs) {
        this.lastSweep = Date.now();
        await this.requeueLost();
      }
      const [{ due }]: Array<{ due: Date | null }> = await this.dataSource.query(
        `SELECT min(next_attempt_at) AS due FROM messages WHERE status = 'delayed'`,
      );
      this.nextDue = due ? due.getTime() : undefined;
      this.failing = false;
    } catch (e) {
      this.failing = true;
      // Redis or PostgreSQL is away: the rows stay in the outbox, the next pass retries.
      if (Date.now() - this.lastWarning > 10_000) {
        this.logger.warn(`Relay pass failed, will retry: ${(e as Error).message}`);
        this.lastWarning = Date.now();
      }
    }
  }

  /** LISTEN for new rows so mail goes out within milliseconds; polling stays the safety net. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', () => {
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 2_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 2_000).unref();
    }
  }
}
