import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The channel the mail worker's relay LISTENs on (migration 1763700300000). */
export const OUTBOX_CHANNEL = 'messages_outbox';

/**
 * The NOTIFY that wakes the relay, sent after a commit instead of inside it. A NOTIFY in
 * a transaction takes PostgreSQL's one notification-queue lock from its pre-commit until
 * its commit record is flushed, so every notifying commit of the server waits for the one
 * before it. bench/commit-ceiling measures it on statements of the admission's shape: over
 * four events the NOTIFY halved the commits a second even on a quiet machine, and on one
 * event it halved them when the disk was busy (bench/README.md, "What bounds one event's
 * rush").
 *
 * One NOTIFY at a time per process: pokes that arrive while one is on its way are folded
 * into one more after it, so the relay is always woken after the newest commit. Its own
 * commit is asynchronous (a lost wake-up only waits for the relay's poll), and errors are
 * dropped for the same reason.
 */
export function coalescedOutboxWake(notify: (sql: string) => Promise<unknown>): () => void {
  let inFlight = false;
  let again = false;
  const poke = (): void => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    notify(
      `SELECT set_config('synchronous_commit', 'off', true), pg_notify('${OUTBOX_CHANNEL}', '')`,
    )
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        if (again) {
          again = false;
          poke();
        }
      });
  };
  return poke;
}

/** SQL for a statement that writes outbox rows and leaves the wake-up to OutboxWake. */
export const WAKE_AFTER_COMMIT_SQL = `set_config('convene.outbox_wake', 'after_commit', true)`;

@Injectable()
export class OutboxWake {
  readonly poke: () => void;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.poke = coalescedOutboxWake((sql) => dataSource.query(sql));
  }
}
