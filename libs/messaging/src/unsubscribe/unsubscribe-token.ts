import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The token in an announcement's List-Unsubscribe link (RFC 2369, RFC 8058 one-click):
 * it names one event and one address, and is signed so nobody can stop someone else's
 * announcements by guessing. Nothing is stored: the signature is the proof.
 */

export interface UnsubscribeTarget {
  eventId: string;
  email: string;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

function sign(secret: string, body: string): string {
  return createHmac('sha256', `convene-unsubscribe:${secret}`).update(body).digest('base64url');
}

export function unsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const body = b64(`${target.eventId}\n${target.email.toLowerCase()}`);
  return `${body}.${sign(secret, body)}`;
}

/** The target a token names, or undefined when it is malformed or not ours. */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeTarget | undefined {
  if (typeof token !== 'string' || token.length > 1000) return undefined;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const [eventId, email] = Buffer.from(body, 'base64url').toString('utf8').split('\n');
  if (!eventId || !email) return undefined;
  return { eventId, email };
}

/** The link in the List-Unsubscribe header: the API's RFC 8058 one-click POST. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/unsubscribe/${token}`;
}

/**
 * The link a person clicks in the announcement's footer: a page in their language with a
 * button, not the API's JSON.
 */
export function unsubscribePageUrl(publicUrl: string, token: string, locale: string): string {
  const lang = /^[a-z]{2}$/.test(locale) ? `?lang=${locale}` : '';
  return `${publicUrl.replace(/\/+$/, '')}/unsubscribe/${token}${lang}`;
}
