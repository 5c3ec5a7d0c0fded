/** Letters and digits, as printed on the data page; spaces and dashes people type are dropped. */
export const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;

export function normalisePassportNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * What anyone but the holder sees: five dots and the last four characters
 * ("•••••1234"), enough to match a passport in hand. Always five dots, so the length
 * does not show; numbers shorter than eight characters show nothing at all.
 */
export function maskPassportNumber(number: string): string {
  return number.length >= 8 ? `•••••${number.slice(-4)}` : '•••••';
}

/** A calendar date plus whole months, clamped to the month's end (2027-08-31 + 6 = 2028-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Most countries want a passport valid six months beyond the stay. */
export const PASSPORT_VALIDITY_MONTHS = 6;

export interface TravelWarning {
  field: string;
  code: 'passport_expires_before_event_end' | 'passport_expires_within_6_months';
  message: string;
}

/** Warnings, not errors: the person may be renewing, and the organisers need to know. */
export function passportWarnings(expiresOn: string | null, eventEndDate: string): TravelWarning[] {
  if (!expiresOn) return [];
  if (expiresOn <= eventEndDate) {
    return [
      {
        field: 'passport.expiresOn',
        code: 'passport_expires_before_event_end',
        message: `The passport expires on ${expiresOn}, before the event ends (${eventEndDate}): it must be renewed before travelling`,
      },
    ];
  }
  const needed = addMonths(eventEndDate, PASSPORT_VALIDITY_MONTHS);
  if (expiresOn < needed) {
    return [
      {
        field: 'passport.expiresOn',
        code: 'passport_expires_within_6_months',
        message: `The passport expires on ${expiresOn}, less than 6 months after the event ends (${eventEndDate}); many countries refuse a visa or entry unless it is valid until ${needed}`,
      },
    ];
  }
  return [];
}
