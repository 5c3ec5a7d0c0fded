import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** One call to a Convene API (`base` without /api): the status and the parsed JSON body. */
export async function call(
  base: string,
  method: string,
  path: string,
  auth?: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/**
 * One registration as a rush sends it: when it left (`performance.now()`), how long its
 * answer took, and the answer, or status 0 and the error when none came (a reset
 * connection, say), which the rush counts instead of stopping.
 */
export async function timedRegistration(
  base: string,
  eventId: string,
  token: string,
  body: unknown,
): Promise<{
  t0: number;
  ms: number;
  status: number;
  body: Record<string, unknown>;
  error?: unknown;
}> {
  const t0 = performance.now();
  try {
    const r = await call(base, 'POST', `/events/${eventId}/registrations`, token, body);
    return { t0, ms: performance.now() - t0, status: r.status, body: r.body };
  } catch (error) {
    return { t0, ms: performance.now() - t0, status: 0, body: {}, error };
  }
}

/** As `call`, for the bench's own set-up: anything but a 2xx stops the bench. */
export async function must(
  base: string,
  method: string,
  path: string,
  auth?: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const r = await call(base, method, path, auth, body);
  if (r.status >= 300)
    throw new Error(`${method} ${path} -> ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * An access token as Convene's login issues it (HS256, subject, token version, expiry), so
 * a bench can make its people in one INSERT instead of signing each one up.
 */
export function accessTokenFor(accountId: string, version: number, secret: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: accountId, ver: version, iat: now, exp: now + 3600 })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
