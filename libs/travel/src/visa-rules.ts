export const VISA_STATUSES = [
  'not_required',
  'letter_requested',
  'letter_issued',
  'applied',
  'granted',
  'refused',
] as const;
export type VisaStatus = (typeof VISA_STATUSES)[number];

/**
 * Where a visa can go from each status. Organisers may take any of these steps; a
 * participant may only ask for a letter. Null is "nationality not known yet".
 */
const NEXT: Record<VisaStatus | 'unknown', readonly VisaStatus[]> = {
  unknown: ['not_required', 'letter_requested'],
  not_required: ['letter_requested'],
  letter_requested: ['letter_issued', 'not_required'],
  letter_issued: ['applied', 'letter_requested', 'not_required'],
  applied: ['granted', 'refused'],
  // A granted visa can still be revoked; a refusal can be appealed or tried again.
  granted: ['refused'],
  refused: ['applied', 'granted', 'letter_requested'],
};

export function nextVisaStatuses(from: VisaStatus | null): readonly VisaStatus[] {
  return NEXT[from ?? 'unknown'];
}

export function canMoveVisa(
  from: VisaStatus | null,
  to: VisaStatus,
  by: 'organiser' | 'participant',
): boolean {
  if (by === 'participant' && to !== 'letter_requested') return false;
  return nextVisaStatuses(from).includes(to);
}

/** The status a new passport starts with: a letter is needed when the rule lists its country. */
export function defaultVisaStatus(nationality: string, visaRequiredFor: readonly string[]) {
  return visaRequiredFor.includes(nationality) ? 'letter_requested' : 'not_required';
}

/** Statuses in which the letter exists: its owner may download it. */
export const LETTER_ISSUED_STATUSES: readonly VisaStatus[] = [
  'letter_issued',
  'applied',
  'granted',
  'refused',
];
