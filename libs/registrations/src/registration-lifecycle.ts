import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RegistrationStatus } from './registration.entity.js';

/** The statuses that end a person's part in an event (they hold no seat, and wait for none). */
export type EndedStatus = Extract<RegistrationStatus, 'cancelled' | 'rejected'>;

export const isEnded = (status: RegistrationStatus): status is EndedStatus =>
  status === 'cancelled' || status === 'rejected';

export interface EndedRegistration {
  registrationId: string;
  eventId: string;
  accountId: string;
  status: EndedStatus;
}

/** Runs inside the transaction that ended the registration; throwing rolls it all back. */
export type RegistrationEndedHook = (
  manager: EntityManager,
  ended: EndedRegistration,
) => Promise<void>;

/**
 * What other libs may attach to a registration's life without this lib depending on
 * them: the agenda frees the person's session seats when their registration ends, in
 * the same transaction as the status change (as events do for capacity changes).
 */
@Injectable()
export class RegistrationLifecycle {
  private readonly endedHooks: RegistrationEndedHook[] = [];

  onRegistrationEnded(hook: RegistrationEndedHook): void {
    this.endedHooks.push(hook);
  }

  /** Called by the workflow with the registration row and the event row locked. */
  async ended(manager: EntityManager, ended: EndedRegistration): Promise<void> {
    for (const hook of this.endedHooks) await hook(manager, ended);
  }
}
