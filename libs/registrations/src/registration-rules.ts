import { toZonedIso } from '#core';
import type { RegistrationStatus } from './registration.entity.js';

/*
 * The registration rules as plain functions: the services call them with facts read
 * under the event lock, and the unit tests call them without a database.
 */

export interface EventFacts {
  status: string;
  timezone: string;
  capacity: number;
  requiresApproval: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

/** Why registration is not possible right now, or null when it is. */
export function registrationClosedReason(
  event: EventFacts,
  now: Date,
  { ignoreWindow = false } = {},
): string | null {
  if (event.status === 'draft') return 'Registration is not open: this event is not published yet';
  if (event.status === 'closed') return 'Registration is closed for this event';
  if (event.status === 'archived') return 'This event is archived';
  if (ignoreWindow) return null;
  if (event.registrationOpensAt && now < event.registrationOpensAt) {
    return `Registration opens on ${toZonedIso(event.registrationOpensAt, event.timezone)}`;
  }
  if (event.registrationClosesAt && now >= event.registrationClosesAt) {
    return `Registration closed on ${toZonedIso(event.registrationClosesAt, event.timezone)}`;
  }
  return null;
}

/**
 * Where a new (or newly approved) registration goes. `confirmed` is the number of
 * confirmed seats counted while holding the event lock.
 */
export function placement(
  event: Pick<EventFacts, 'capacity' | 'requiresApproval'>,
  confirmed: number,
  { approved = false } = {},
): Extract<RegistrationStatus, 'pending' | 'confirmed' | 'waitlisted'> {
  if (event.requiresApproval && !approved) return 'pending';
  return confirmed < event.capacity ? 'confirmed' : 'waitlisted';
}

/** How many waitlisted people a freed seat (or a larger capacity) lets in. */
export function seatsToPromote(capacity: number, confirmed: number, waitlisted: number): number {
  return Math.max(0, Math.min(capacity - confirmed, waitlisted));
}

export type RegistrationAction = 'approve' | 'reject' | 'cancel';

const ALLOWED_FROM: Record<RegistrationAction, RegistrationStatus[]> = {
  approve: ['pending'],
  reject: ['pending', 'waitlisted'],
  // A registration waiting for the person's consent can be withdrawn by the organisers,
  // or declined by the person; it cannot be approved or rejected before they answer.
  cancel: ['awaiting_consent', 'pending', 'confirmed', 'waitlisted'],
};

export function canApply(action: RegistrationAction, from: RegistrationStatus): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/**
 * Where a registration made by an organiser goes once the person consents: the
 * organisers already chose them, so no approval step; a seat if one is free (counted
 * under the event lock at the moment of consent), else the waiting list.
 */
export function placementOnConsent(
  event: Pick<EventFacts, 'capacity' | 'requiresApproval'>,
  confirmed: number,
): Extract<RegistrationStatus, 'confirmed' | 'waitlisted'> {
  return placement(event, confirmed, { approved: true }) as 'confirmed' | 'waitlisted';
}

/** Only a registration still waiting for consent can be consented to (once). */
export const canConsent = (status: RegistrationStatus) => status === 'awaiting_consent';
