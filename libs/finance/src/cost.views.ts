import type { EffectiveCoverage } from './coverage.js';
import type { CostKind, CostStatus, Payer } from './payers.js';

export interface ReceiptView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface CostStatusChangeView {
  from: CostStatus | null;
  to: CostStatus;
  changedAt: string;
  changedBy: string | null;
  note: string | null;
}

export interface CostItemView {
  id: string;
  kind: CostKind;
  description: string | null;
  amountMinor: number;
  currency: string;
  /** In the event's currency at the organiser's rate; null while that rate is missing. */
  eventAmountMinor: number | null;
  payer: Payer;
  advancedBy: Payer;
  /** Null for costs the network does not bear (they have nothing to pay or reimburse). */
  status: CostStatus | null;
  statusChangedAt: string;
  statusChangedBy: string | null;
  receipts: ReceiptView[];
  history: CostStatusChangeView[];
}

export interface CostTotals {
  /** The event's currency; null until the coverage is set. */
  currency: string | null;
  /** Everything the network bears (lines plus the per diem not recorded yet). */
  networkBearsMinor: number;
  /** Of which already paid or reimbursed. */
  settledMinor: number;
  /** Still to pay, of which owed to the participant (advances and per diem). */
  outstandingMinor: number;
  toReimburseMinor: number;
  /** Currencies without a rate: their amounts are left out of the totals above. */
  missingRates: string[];
}

/** GET /registrations/:id/costs: what the trip costs, who pays, what is settled. */
export interface RegistrationCostsView {
  registrationId: string;
  eventId: string;
  participant: { name: string; organisation: string; country: string };
  coverage: EffectiveCoverage;
  stay: { checkIn: string; checkOut: string; nights: number; source: string };
  perDiem: {
    payer: Payer | null;
    days: number;
    daysSetByHand: boolean;
    dailyMinor: number;
    currency: string | null;
    amountMinor: number;
    /** The recorded per-diem line once the organisers recorded it (then it has a status). */
    itemId: string | null;
  };
  items: CostItemView[];
  totals: CostTotals;
}
