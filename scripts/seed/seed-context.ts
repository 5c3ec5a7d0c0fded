import type { DataSource } from 'typeorm';
import type { FieldCipher } from '#core';

/**
 * Ids the seed steps hand to each other (organisations by demo key, accounts by email),
 * and the app's field cipher (its DATA_ENCRYPTION_KEY) for what is stored encrypted.
 */
export interface SeedContext {
  ds: DataSource;
  organisationIds: Record<string, string>;
  accountIds: Record<string, string>;
  eventId: string;
  passwordHash: string;
  fieldCipher: FieldCipher;
}

export type SeedStep = (ctx: SeedContext) => Promise<void>;
