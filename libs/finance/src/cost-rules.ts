import { conflict } from '#core';
import type { CostItem } from './cost-item.entity.js';
import type { CostStatus } from './payers.js';

/**
 * What a status move means: only what the network bears has a status; `paid` when the
 * network itself booked it, `reimbursed` when someone else advanced it. Back to to_pay
 * corrects a mistake. Throws a 409 naming the reason otherwise.
 */
export function checkStatusMove(
  item: Pick<CostItem, 'kind' | 'payer' | 'advancedBy' | 'status'>,
  to: CostStatus,
): void {
  if (item.payer !== 'network') {
    throw conflict('Only costs the network bears are paid or reimbursed by it', {
      reason: 'not_borne_by_network',
      payer: item.payer,
    });
  }
  if (to === 'paid' && item.advancedBy !== 'network') {
    throw conflict(`This cost was advanced by the ${item.advancedBy}: it is reimbursed, not paid`, {
      reason: 'advanced_by_someone_else',
      advancedBy: item.advancedBy,
    });
  }
  if (to === 'reimbursed' && (item.advancedBy === 'network' || item.kind === 'per_diem')) {
    throw conflict('The network booked this cost itself: it is paid, not reimbursed', {
      reason: 'booked_by_network',
      advancedBy: item.advancedBy,
    });
  }
}

/** Per diem days: from the first night to the departure day, both counted (nights + 1). */
export function perDiemDaysFor(nights: number): number {
  return nights > 0 ? nights + 1 : 0;
}

/** The per diem due: days x daily rate, integer minor units. */
export function perDiemAmount(days: number, dailyMinor: number): number {
  return days * dailyMinor;
}
