import { SendSpacing } from './send-spacing.js';

describe('SendSpacing', () => {
  it('starts send k only a whole window after send k-max was answered, even with slow sends', async () => {
    const spacing = new SendSpacing(2, 200);
    const log: Array<{ start: number; end: number }> = [];
    // Uneven durations: a slow send followed by quick ones is what bunched mail up before.
    const durations = [150, 5, 5, 120, 5, 5, 5];
    await Promise.all(
      durations.map((ms) =>
        spacing.run(async () => {
          const start = Date.now();
          await new Promise((r) => setTimeout(r, ms));
          log.push({ start, end: Date.now() });
        }),
      ),
    );
    const starts = log.map((l) => l.start).sort((a, b) => a - b);
    const ends = log.map((l) => l.end).sort((a, b) => a - b);
    expect(log).toHaveLength(durations.length);
    for (let k = 2; k < starts.length; k++) {
      expect(starts[k]).toBeGreaterThanOrEqual(ends[k - 2] + 200 - 2);
    }
  });

  it('counts a failed send and lets the next ones through', async () => {
    const spacing = new SendSpacing(1, 50);
    let refusedAt = 0;
    await expect(
      spacing.run(async () => {
        refusedAt = Date.now();
        throw new Error('421');
      }),
    ).rejects.toThrow('421');
    let nextAt = 0;
    await spacing.run(async () => {
      nextAt = Date.now();
    });
    expect(nextAt - refusedAt).toBeGreaterThanOrEqual(50 - 2);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new SendSpacing(0)).toThrow();
  });
});
