import type { CostItem } from './cost-item.entity.js';
import type { CostTotals } from './cost.views.js';
import { convertMinor, parseRate } from './money.js';

/** The organiser's rates of one event, by currency (scaled BigInt, see money.ts). */
export type Rates = Map<string, bigint>;

export function ratesFrom(rows: Array<{ currency: string; rate: string }>): Rates {
  return new Map(rows.map((r) => [r.currency.trim(), parseRate(String(r.rate)) ?? 0n]));
}

/** An amount in the event's currency, or null when no rate converts it. */
export function toEventCurrency(
  amountMinor: number,
  currency: string,
  eventCurrency: string | null,
  rates: Rates,
): number | null {
  if (!eventCurrency) return null;
  if (currency === eventCurrency) return amountMinor;
  const rate = rates.get(currency);
  return rate ? convertMinor(amountMinor, currency, eventCurrency, rate) : null;
}

/** A per diem not recorded as a line yet, still counted as owed. */
export interface PendingPerDiem {
  amountMinor: number;
  currency: string;
}

/** What one participant's lines add up to in the event's currency (integer sums only). */
export function costTotals(
  items: Array<
    Pick<CostItem, 'kind' | 'amountMinor' | 'currency' | 'payer' | 'advancedBy' | 'status'>
  >,
  pendingPerDiem: PendingPerDiem | null,
  eventCurrency: string | null,
  rates: Rates,
): CostTotals {
  const totals: CostTotals = {
    currency: eventCurrency,
    networkBearsMinor: 0,
    settledMinor: 0,
    outstandingMinor: 0,
    toReimburseMinor: 0,
    missingRates: [],
  };
  const missing = new Set<string>();
  const lines = [
    ...items,
    ...(pendingPerDiem && pendingPerDiem.amountMinor > 0
      ? [
          {
            ...pendingPerDiem,
            kind: 'per_diem',
            payer: 'network',
            advancedBy: 'network',
            status: 'to_pay',
          } as const,
        ]
      : []),
  ];
  for (const line of lines) {
    if (line.payer !== 'network') continue;
    const amount = toEventCurrency(line.amountMinor, line.currency, eventCurrency, rates);
    if (amount === null) {
      if (eventCurrency) missing.add(line.currency);
      continue;
    }
    totals.networkBearsMinor += amount;
    if (line.status === 'to_pay') {
      totals.outstandingMinor += amount;
      // Owed to the participant: what they advanced, and their per diem.
      if (line.advancedBy === 'participant' || line.kind === 'per_diem') {
        totals.toReimburseMinor += amount;
      }
    } else {
      totals.settledMinor += amount;
    }
  }
  totals.missingRates = [...missing].sort();
  return totals;
}
