import { DEFAULT_MAIL_WORKER_OPTIONS as D, retryDelayMs } from './mail-worker.options.js';

describe('mail worker timings', () => {
  it('a dead worker’s message is run again well within a minute with the defaults', () => {
    // The job's lock lapses, then BullMQ needs at most two stalled checks to move it back;
    // by then the dead worker's claim lease has lapsed too.
    const byStalledCheck = D.lockDurationMs + 2 * D.stalledIntervalMs;
    expect(D.claimTimeoutMs).toBeLessThanOrEqual(byStalledCheck);
    expect(byStalledCheck).toBeLessThan(60_000);
    // The sweeper's path (a job Redis lost): lease, then the next sweep.
    expect(Math.max(D.claimTimeoutMs, D.requeueAfterMs) + D.sweepIntervalMs).toBeLessThan(60_000);
  });

  it('transient failures are retried with a doubling pause, capped, for a day by default', () => {
    const policy = { ...D, backoffMs: 5_000, maxBackoffMs: 30 * 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
    expect(retryDelayMs(12, policy)).toBe(30 * 60_000);
    expect(retryDelayMs(500, policy)).toBe(30 * 60_000);
    expect(D.retryWindowMs).toBe(24 * 3600_000);
    // Enough attempts to cover a day, none closer than the cap once it is reached.
    let elapsed = 0;
    let n = 0;
    while (elapsed < D.retryWindowMs) elapsed += retryDelayMs(++n, D);
    expect(n).toBeGreaterThan(40);
  });
});
