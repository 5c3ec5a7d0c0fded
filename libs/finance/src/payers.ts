/** Who bears a cost: the network, the participant's partner organisation, or the participant. */
export const PAYERS = ['network', 'partner', 'participant'] as const;
export type Payer = (typeof PAYERS)[number];

/** The parts of a trip an event's coverage decides on. */
export const COVERAGE_PARTS = ['travel', 'visaFees', 'accommodation', 'meals', 'perDiem'] as const;
export type CoveragePart = (typeof COVERAGE_PARTS)[number];

/** What one cost line is for; each kind falls under the coverage part that decides its payer. */
export const COST_KINDS = [
  'flight',
  'ground_transport',
  'visa_fee',
  'accommodation',
  'meals',
  'per_diem',
  'other',
] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const PART_OF_KIND: Record<CostKind, CoveragePart | null> = {
  flight: 'travel',
  ground_transport: 'travel',
  visa_fee: 'visaFees',
  accommodation: 'accommodation',
  meals: 'meals',
  per_diem: 'perDiem',
  other: null,
};

/**
 * to_pay: the network owes it (to a supplier or to the participant); paid: the network
 * paid it; reimbursed: the participant advanced it and the network paid them back.
 */
export const COST_STATUSES = ['to_pay', 'paid', 'reimbursed'] as const;
export type CostStatus = (typeof COST_STATUSES)[number];
