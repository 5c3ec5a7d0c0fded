import type { DataSource } from 'typeorm';

/** Why a send was called off before the mail server accepted it. */
export class ClaimLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimLostError';
  }
}

/**
 * A worker's hold on one `sending` row while its send runs. Another worker may take the
 * row once `locked_until` passes, so this worker must be done with SMTP before then,
 * even when it cannot reach PostgreSQL to renew (a pool refused connections, a network
 * split): otherwise both send. The lease is counted from when each renewal was *asked*,
 * which is never later than the database's own `now()` for it, and the send is aborted
 * (nodemailer closes that message's connection, before the final dot if the server is
 * slow) a quarter of the lease before it would lapse. The claim's attempt number is
 * its token: a renewal that finds another attempt number lost the row.
 */
export class ClaimLease {
  private readonly controller = new AbortController();
  private confirmedUntil: number;
  private readonly renewTimer: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly id: string,
    private readonly attempt: number,
    private readonly timeoutMs: number,
    claimAskedAt: number,
  ) {
    this.confirmedUntil = claimAskedAt + timeoutMs;
    this.renewTimer = setInterval(() => void this.renew(), Math.max(50, Math.floor(timeoutMs / 3)));
    this.arm();
  }

  /** Aborts the send when the lease can no longer be vouched for. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(): void {
    clearInterval(this.renewTimer);
    clearTimeout(this.watchdog);
  }

  private arm(): void {
    clearTimeout(this.watchdog);
    const margin = Math.floor(this.timeoutMs / 4);
    this.watchdog = setTimeout(
      () =>
        this.abort(
          `claim not renewed for ${this.timeoutMs - margin} ms: the database is out of reach`,
        ),
      Math.max(0, this.confirmedUntil - margin - Date.now()),
    );
  }

  private abort(reason: string): void {
    this.stop();
    if (!this.controller.signal.aborted) this.controller.abort(new ClaimLostError(reason));
  }

  private async renew(): Promise<void> {
    const askedAt = Date.now();
    try {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `UPDATE messages SET locked_until = now() + $3 * interval '1 millisecond'
          WHERE id = $1 AND status = 'sending' AND attempts = $2`,
        [this.id, this.attempt, this.timeoutMs],
      );
      if (this.controller.signal.aborted) return;
      if (count === 0) return this.abort('claim taken over by another attempt');
      this.confirmedUntil = askedAt + this.timeoutMs;
      this.arm();
    } catch {
      // Not renewed: the watchdog aborts the send before the old lease lapses.
    }
  }
}
