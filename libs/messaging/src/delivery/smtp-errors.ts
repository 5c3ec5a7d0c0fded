/**
 * Which send failures are worth another try. A 4xx reply, a refused or dropped
 * connection and a timeout usually pass; a 5xx reply or an address the server (or
 * nodemailer) rejects will fail the same way every time, so retrying only delays the
 * organiser learning about it.
 */
export type SendFailureKind = 'transient' | 'permanent';

interface MailerError {
  code?: string;
  responseCode?: number;
  message?: string;
}

const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPROTOCOL',
]);

export function classifySendError(error: unknown): SendFailureKind {
  const e = (error ?? {}) as MailerError;
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return 'permanent';
    if (e.responseCode >= 400) return 'transient';
  }
  // No recipients or a malformed address, refused before any SMTP exchange.
  if (e.code === 'EENVELOPE' || e.code === 'EADDRESS') return 'permanent';
  if (e.code && TRANSIENT_CODES.has(e.code)) return 'transient';
  // Unknown failures (a bug, a full disk for the file transport) get the retries.
  return 'transient';
}

export function describeSendError(error: unknown): string {
  const e = (error ?? {}) as MailerError;
  const parts = [e.code, e.responseCode, e.message ?? String(error)].filter(
    (p) => p !== undefined && p !== '',
  );
  return parts.join(' ').slice(0, 1000);
}
