import { seedAgenda } from './seed-agenda.js';
import type { SeedStep } from './seed-context.js';
import { seedPreviousEdition } from './seed-previous-edition.js';
import { seedRegistrations } from './seed-registrations.js';
import { seedTravel } from './seed-travel.js';
import { seedLetters } from './seed-letters.js';
import { seedAccommodation } from './seed-accommodation.js';
import { seedFinance } from './seed-finance.js';
import { seedOnsite } from './seed-onsite.js';
import { seedCertificates } from './seed-certificates.js';
import { seedSharing } from './seed-sharing.js';
import { seedFeedback } from './seed-feedback.js';
import { seedMail } from './seed-mail.js';
import { seedExchanges } from './seed-exchanges.js';
import { seedLearning } from './seed-learning.js';

/** Seed steps after the foundation, in order; each must be idempotent. */
export const SEED_STEPS: Array<{ name: string; run: SeedStep }> = [
  { name: 'registrations', run: seedRegistrations },
  { name: 'previous edition', run: seedPreviousEdition },
  { name: 'agenda', run: seedAgenda },
  { name: 'travel', run: seedTravel },
  { name: 'letters', run: seedLetters },
  { name: 'accommodation', run: seedAccommodation },
  { name: 'finance', run: seedFinance },
  { name: 'onsite', run: seedOnsite },
  { name: 'certificates', run: seedCertificates },
  { name: 'sharing', run: seedSharing },
  { name: 'feedback', run: seedFeedback },
  { name: 'exchanges', run: seedExchanges },
  { name: 'learning', run: seedLearning },
  { name: 'mail', run: seedMail },
];
