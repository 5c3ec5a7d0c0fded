import type { SeedStep } from './seed-context.js';

/** Seed steps after the foundation, in order; each must be idempotent. */
export const SEED_STEPS: Array<{ name: string; run: SeedStep }> = [];
