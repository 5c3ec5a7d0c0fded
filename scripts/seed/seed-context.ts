import type { DataSource } from 'typeorm';

/** Ids the seed steps hand to each other (organisations by demo key, accounts by email). */
export interface SeedContext {
  ds: DataSource;
  organisationIds: Record<string, string>;
  accountIds: Record<string, string>;
  eventId: string;
  passwordHash: string;
}

export type SeedStep = (ctx: SeedContext) => Promise<void>;
