/**
 * At most `max` messages reach the mail server in any window of `windowMs`, as the
 * server counts them. Spacing the *starts* of sends (BullMQ's limiter, nodemailer's
 * rateLimit) is not enough: a slow send followed by quick ones lets the server receive
 * several within a moment. Here send k may only start once send k-max has been answered
 * and a whole window has passed since: the server accepted k-max before it answered, so
 * it receives k at least a window later, whatever the machine's load.
 */
export class SendSpacing {
  private readonly answered: Array<Promise<number>> = [];
  /** How many sends have started; `answered` keeps only the last `max` of them. */
  private started = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs = 1000,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new Error('max must be a positive integer');
  }

  async run<T>(send: () => Promise<T>): Promise<T> {
    const previous = this.started >= this.max ? this.answered[0] : undefined;
    let markAnswered!: (at: number) => void;
    this.answered.push(new Promise<number>((resolve) => (markAnswered = resolve)));
    if (this.answered.length > this.max) this.answered.shift();
    this.started += 1;
    try {
      if (previous) {
        const answeredAt = await previous;
        const wait = answeredAt + this.windowMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      return await send();
    } finally {
      // A refused or failed send still reached the server: it counts.
      markAnswered(Date.now());
    }
  }
}
