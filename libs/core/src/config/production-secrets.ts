import { passwordWeakness } from '../validation/password-strength.js';
import { DEVELOPMENT_ENCRYPTION_KEY, DEVELOPMENT_JWT_SECRET } from './config.schema.js';

/**
 * Secrets that are written down somewhere public (this source, the compose file of
 * earlier releases, documentation): anyone can read them, so production refuses them.
 */
export const KNOWN_JWT_SECRETS: readonly string[] = [
  DEVELOPMENT_JWT_SECRET,
  'compose-demo-jwt-secret-please-change-0123456789',
  'change-me',
  'changeme',
  'secret',
];

export const KNOWN_ENCRYPTION_KEYS: readonly string[] = [
  DEVELOPMENT_ENCRYPTION_KEY,
  'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=',
];

export const MAKE_SECRET_HINT = 'make one with: openssl rand -base64 32';

/** Shannon entropy in bits per symbol of a sequence of symbols. */
export function shannonBitsPerSymbol(symbols: ArrayLike<number | string>): number {
  const counts = new Map<number | string, number>();
  for (let i = 0; i < symbols.length; i++) {
    counts.set(symbols[i], (counts.get(symbols[i]) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / symbols.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** "abcabcabc", "0000": the whole is one short unit repeated. */
function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= text.length / 2; unit++) {
    if (text.length % unit === 0 && text.slice(unit) === text.slice(0, -unit)) return true;
  }
  return false;
}

/** Most neighbours one step apart ("0123456789abcdef", "zyxw..."). */
function isMostlySequential(codes: ArrayLike<number>): boolean {
  let steps = 0;
  for (let i = 1; i < codes.length; i++) {
    if (Math.abs(codes[i] - codes[i - 1]) <= 1) steps++;
  }
  return codes.length > 1 && steps / (codes.length - 1) > 0.5;
}

/**
 * Why JWT_SECRET is not fit for production, or undefined. At least 32 characters with
 * at least 16 distinct ones, 3.5 bits of Shannon entropy per character and 128 bits in
 * all (a random base64 string of 32 bytes has about 5 and 200), not a repetition nor a
 * run, and not a secret published anywhere.
 */
export function jwtSecretProblem(secret: string): string | undefined {
  const name = 'JWT_SECRET';
  if (KNOWN_JWT_SECRETS.includes(secret)) {
    return `${name} is a published example value, known to anyone; ${MAKE_SECRET_HINT}`;
  }
  if (secret.length < 32) return `${name} must be at least 32 characters long; ${MAKE_SECRET_HINT}`;
  const chars = [...secret];
  const bits = shannonBitsPerSymbol(chars);
  if (
    new Set(chars).size < 16 ||
    bits < 3.5 ||
    bits * chars.length < 128 ||
    isRepetition(secret) ||
    isMostlySequential(chars.map((c) => c.codePointAt(0) ?? 0))
  ) {
    return `${name} is too predictable (repeated characters, a pattern or too little randomness); ${MAKE_SECRET_HINT}`;
  }
  return undefined;
}

/**
 * Why the 32-byte DATA_ENCRYPTION_KEY is not fit for production, or undefined: a
 * published key, or bytes far from random (32 random bytes have about 30 distinct
 * values and 4.8 bits of entropy per byte; a constant or patterned key has few).
 */
export function encryptionKeyProblem(keyText: string, key: Buffer): string | undefined {
  const name = 'DATA_ENCRYPTION_KEY';
  if (
    KNOWN_ENCRYPTION_KEYS.includes(keyText) ||
    KNOWN_ENCRYPTION_KEYS.some((k) => Buffer.from(k, 'base64').equals(key))
  ) {
    return `${name} is a published example value, known to anyone; ${MAKE_SECRET_HINT}`;
  }
  if (new Set(key).size < 20 || shannonBitsPerSymbol(key) < 4.2 || isMostlySequential(key)) {
    return `${name} is too predictable (repeated bytes, a pattern or too little randomness); ${MAKE_SECRET_HINT}`;
  }
  return undefined;
}

/**
 * Why ADMIN_PASSWORD is too weak for production, or undefined: the same rule as every
 * account's password (length, common and breached passwords, sequences, repeats), plus
 * the demo's published passwords.
 */
export function adminPasswordProblem(password: string, email?: string): string | undefined {
  const weakness = passwordWeakness(password, email ? [email, email.split('@')[0]] : []);
  if (!weakness) return undefined;
  const advice =
    'use a long passphrase of several unrelated words, or a generated one (openssl rand -base64 18)';
  return weakness === 'passwordTooShort'
    ? `ADMIN_PASSWORD must be at least 10 characters long; ${advice}`
    : `ADMIN_PASSWORD is too common or too easy to guess (a known, breached, demo or patterned password); ${advice}`;
}
