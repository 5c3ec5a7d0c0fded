import type { SignupStatus } from './signup.entity.js';

/** One sign-up as its holder (or an organiser acting on it) sees it. */
export interface SignupView {
  id: string;
  sessionId: string;
  accountId: string;
  status: SignupStatus;
  /** Place on the waitlist, 1 first; null when not waitlisted. */
  position: number | null;
  rulesAccepted: boolean;
  attended: boolean | null;
  createdAt: string;
}
