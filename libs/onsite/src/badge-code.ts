import { randomBytes } from 'node:crypto';

/*
 * A badge's check-in code: 128 random bits in base64url (22 characters). It names no one
 * and derives from nothing: only the server's badge_codes table maps it to a
 * registration, and it is valid while that registration is confirmed.
 */

const CODE = /^[A-Za-z0-9_-]{22}$/;

export const newBadgeCode = (): string => randomBytes(16).toString('base64url');

/**
 * The code in what a scanner read: the code alone, or the verification URL the badge's
 * QR code carries (https://…/verify/<code>). Anything else: null.
 */
export function badgeCodeFrom(scanned: string): string | null {
  const text = scanned.trim();
  if (CODE.test(text)) return text;
  const inUrl = /\/verify\/([A-Za-z0-9_-]{22})\/?(?:[?#].*)?$/.exec(text);
  return inUrl ? inUrl[1] : null;
}
