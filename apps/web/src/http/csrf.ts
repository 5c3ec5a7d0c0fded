import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Synchronizer tokens without server state: a form's token is an HMAC of the cookie that
 * identifies the browser (its session, or its visitor cookie before sign-in). Another
 * site can make the browser send the cookie but cannot read or compute the token.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('convene web csrf v1').digest();
  }

  tokenFor(browserId: string): string {
    return createHmac('sha256', this.key).update(browserId).digest('base64url');
  }

  verify(browserId: string | undefined, token: unknown): boolean {
    if (!browserId || typeof token !== 'string' || token.length === 0) return false;
    const expected = Buffer.from(this.tokenFor(browserId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
