import type { TravelPlan } from './travel-plan.entity.js';

/** What a consulate reads on an invitation letter beyond the passport: its fields by name. */
export type LetterDetail = 'birthDate' | 'passportIssuedOn';

/**
 * The letter details the participant has not given yet. A letter issued without them is
 * one a consulate may send back, so issuing waits for them unless an organiser confirms.
 */
export function missingLetterDetails(
  plan: Pick<TravelPlan, 'birthDateEncrypted' | 'passportIssuedOnEncrypted'>,
): LetterDetail[] {
  const missing: LetterDetail[] = [];
  if (!plan.birthDateEncrypted) missing.push('birthDate');
  if (!plan.passportIssuedOnEncrypted) missing.push('passportIssuedOn');
  return missing;
}

const WORDS: Record<LetterDetail, string> = {
  birthDate: 'date of birth',
  passportIssuedOn: 'passport issue date',
};

/** The 409's message: names what is missing and how to go on. */
export function letterDetailsMissingMessage(missing: LetterDetail[]): string {
  return (
    `The letter details are missing: ${missing.map((m) => WORDS[m]).join(', ')}. ` +
    'Ask the participant to fill them in on their travel page, or confirm to issue the letter without them'
  );
}
