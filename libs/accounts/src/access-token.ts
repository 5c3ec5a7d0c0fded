import { createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';

/** What an access token carries (AuthService.tokenFor signs it). */
export interface TokenClaims {
  sub: string;
  /** The account's token version when the token was signed; older ones are refused. */
  ver?: number;
  exp: number;
}

/** Why a token was refused: for tests and logs, never shown to the caller as such. */
export class AccessTokenError extends Error {}

function jsonPart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new AccessTokenError('malformed');
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Checks an access token as jsonwebtoken did with Convene's settings: three base64url
 * parts, a header saying HS256 and nothing else, the HMAC-SHA256 of the first two parts
 * under the server's key (compared in constant time), a JSON object with a string `sub`,
 * a numeric expiry not passed, and a `nbf`, when given, reached. Synchronous and done
 * once: jsonwebtoken's verify (through jws and jwa, with a key callback and the module's
 * promise) was 3 % of the CPU of an organiser's list page, the bare baseline's version of
 * these same checks 1.4 % (bench/README.md, "Plain statements on the pool").
 *
 * Tokens are still signed by @nestjs/jwt (jsonwebtoken) with the same key: the two agree
 * byte for byte (access-token.spec.ts).
 */
export function verifyAccessToken(
  token: string,
  key: KeyObject,
  nowSeconds = Math.floor(Date.now() / 1000),
): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p)))
    throw new AccessTokenError('malformed');
  const [head, body, signature] = parts;
  const header = jsonPart(head) as { alg?: unknown } | null;
  if (header === null || typeof header !== 'object' || header.alg !== 'HS256')
    throw new AccessTokenError('algorithm');
  // Compared as text, as jsonwebtoken did: a signature spelt another way (the spare bits of
  // its last character) decodes to the same bytes, and would make the token's text malleable.
  const expected = Buffer.from(
    createHmac('sha256', key).update(`${head}.${body}`).digest('base64url'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new AccessTokenError('signature');
  const claims = jsonPart(body) as Partial<TokenClaims> & { nbf?: unknown };
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims))
    throw new AccessTokenError('payload');
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
    throw new AccessTokenError('payload');
  if (claims.ver !== undefined && typeof claims.ver !== 'number')
    throw new AccessTokenError('payload');
  if (nowSeconds >= claims.exp) throw new AccessTokenError('expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || nowSeconds < claims.nbf))
    throw new AccessTokenError('not active');
  return { sub: claims.sub, ver: claims.ver, exp: claims.exp };
}
