import { badRequest } from '../errors/domain-error.js';
import { parseInstant } from './zones.js';

/**
 * A client's time field: wall-clock time in `zone`, or an instant with an offset;
 * `fallback` when the field was not sent, a 400 naming the field when unreadable.
 */
export function instantField(field: string, raw: string, zone: string): Date;
export function instantField<T extends Date | null | undefined>(
  field: string,
  raw: string | undefined,
  zone: string,
  fallback: T,
): Date | T;
export function instantField(
  field: string,
  raw: string | undefined,
  zone: string,
  fallback?: Date | null,
): Date | null | undefined {
  if (raw === undefined) return fallback;
  const parsed = parseInstant(raw, zone);
  if (!parsed) {
    throw badRequest(
      `${field} must be an ISO 8601 date-time such as 2027-10-26T10:00 (local time) or 2027-10-26T10:00:00+01:00`,
      { field },
    );
  }
  return parsed;
}
