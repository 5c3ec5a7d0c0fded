import type { EntityManager } from 'typeorm';

/** What a letter can say someone pays: a journey, a bed, meals, the visa, an allowance. */
export const COVERAGE_ITEMS = ['travel', 'accommodation', 'meals', 'visaFees', 'perDiem'] as const;
export type CoverageItem = (typeof COVERAGE_ITEMS)[number];

/** Who pays an item: the inviting organisers, the participant's own organisation, or them. */
export const COVERAGE_PAYERS = ['organisers', 'sending_organisation', 'participant'] as const;
export type CoveragePayer = (typeof COVERAGE_PAYERS)[number];

/**
 * Who pays what for one participant, as the letter states it. Items left out are not
 * mentioned. Written against this small shape so the finance lib (or the letter settings'
 * own default) can feed it.
 */
export interface LetterCoverage {
  items: Partial<Record<CoverageItem, CoveragePayer>>;
}

/** Where one participant stays, as the letter states it. */
export interface LetterStay {
  /** "Hôtel Continental". */
  name: string;
  /** Street address as written on a map. */
  address: string;
  /** The city, named in the letter's language when known (Tanger, Tánger, Tangier). */
  city?: string | null;
  /** YYYY-MM-DD nights, when known. */
  checkIn?: string | null;
  checkOut?: string | null;
}

/**
 * Where the letter reads who pays and where the participant stays. The default reads the
 * event's letter settings (one statement for everyone); a provider of the same token can
 * answer per participant.
 */
export interface LetterDataSource {
  coverage(
    m: EntityManager,
    eventId: string,
    registrationId: string,
  ): Promise<LetterCoverage | null>;
  stay(m: EntityManager, eventId: string, registrationId: string): Promise<LetterStay | null>;
}

export const LETTER_DATA_SOURCE = Symbol('LETTER_DATA_SOURCE');
