import { createHmac, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { type Actor, DEVELOPMENT_JWT_SECRET } from '#core';

/*
 * What Convene's bearer guard does, without Nest or jsonwebtoken, for the bare baselines:
 * HS256 only, expiry, then the account's row (erased? token version bumped?).
 */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SECRET = Buffer.from(process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 'utf8');

export function verifyBearer(header: string | undefined): { sub: string; ver?: number } {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const parts = m ? m[1].split('.') : [];
  if (parts.length !== 3) throw new HttpError(401, 'Send Authorization: Bearer <accessToken>');
  const [h, p, s] = parts;
  let head: { alg?: string };
  let claims: { sub: string; ver?: number; exp?: number };
  try {
    head = JSON.parse(Buffer.from(h, 'base64url').toString()) as typeof head;
    claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as typeof claims;
  } catch {
    throw new HttpError(401, 'Your session is invalid');
  }
  if (head.alg !== 'HS256') throw new HttpError(401, 'Your session is invalid');
  const expected = createHmac('sha256', SECRET).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(401, 'Your session is invalid');
  if (claims.exp !== undefined && claims.exp * 1000 <= Date.now())
    throw new HttpError(401, 'Your session has expired');
  return claims;
}

/** The actor behind a bearer header, reading the account's row as Convene's guard does. */
export async function authenticate(pool: pg.Pool, header: string | undefined): Promise<Actor> {
  const claims = verifyBearer(header);
  const { rows } = await pool.query(
    `SELECT id, platform_role, token_version, erased_at FROM accounts WHERE id = $1`,
    [claims.sub],
  );
  const a = rows[0] as
    | { id: string; platform_role: Actor['platformRole']; token_version: number; erased_at: Date }
    | undefined;
  if (!a || a.erased_at || (claims.ver ?? 0) !== a.token_version)
    throw new HttpError(401, 'Your session is invalid');
  return { accountId: a.id, platformRole: a.platform_role };
}
