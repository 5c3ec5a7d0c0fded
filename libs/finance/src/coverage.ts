import type { EventCostCoverage, RegistrationCostCoverage } from './coverage.entity.js';
import { COVERAGE_PARTS, type CoveragePart, type Payer } from './payers.js';

export interface CoverageLine {
  payer: Payer | null;
  /** True when this participant's payer differs from the event's rule by an override. */
  overridden: boolean;
}

/** Who pays what for one participant, after their overrides; payers are null until set. */
export interface EffectiveCoverage {
  eventId: string;
  registrationId: string | null;
  /** False until the organisers set the event's coverage: nothing is promised yet. */
  configured: boolean;
  currency: string | null;
  travel: CoverageLine;
  visaFees: CoverageLine;
  accommodation: CoverageLine;
  meals: CoverageLine;
  perDiem: CoverageLine & {
    dailyMinor: number | null;
    currency: string | null;
    /** Days set by hand for this participant, else null (counted from the dates). */
    days: number | null;
  };
  note: string | null;
}

const COLUMN: Record<CoveragePart, keyof EventCostCoverage & keyof RegistrationCostCoverage> = {
  travel: 'travelPayer',
  visaFees: 'visaFeesPayer',
  accommodation: 'accommodationPayer',
  meals: 'mealsPayer',
  perDiem: 'perDiemPayer',
};

/** The event's rule with one participant's exceptions laid over it (pure). */
export function effectiveCoverage(
  eventId: string,
  registrationId: string | null,
  event: EventCostCoverage | null,
  override: RegistrationCostCoverage | null,
): EffectiveCoverage {
  const line = (part: CoveragePart): CoverageLine => {
    const base = (event?.[COLUMN[part]] as Payer | undefined) ?? null;
    const own = (override?.[COLUMN[part]] as Payer | null | undefined) ?? null;
    return { payer: own ?? base, overridden: own !== null && own !== base };
  };
  const lines = Object.fromEntries(COVERAGE_PARTS.map((p) => [p, line(p)])) as Record<
    CoveragePart,
    CoverageLine
  >;
  const ownRate = override?.perDiemDailyMinor ?? null;
  const baseRate = event?.perDiemDailyMinor ?? null;
  return {
    eventId,
    registrationId,
    configured: event !== null,
    currency: event?.currency ?? null,
    ...lines,
    perDiem: {
      ...lines.perDiem,
      overridden:
        lines.perDiem.overridden ||
        (ownRate !== null && ownRate !== baseRate) ||
        override?.perDiemDays != null,
      dailyMinor: ownRate ?? baseRate,
      currency: event?.perDiemCurrency ?? null,
      days: override?.perDiemDays ?? null,
    },
    note: override?.note ?? null,
  };
}
